import { IConstruct } from 'constructs';
import { describeValue, isUnresolved } from './tokens';

/**
 * Collects every problem with a construct's props, then throws one error that names the construct
 * path, each prop, the value given and what is allowed. Works the same for aws-cdk-lib and CDK for
 * Terraform constructs.
 *
 * A value that is an unresolved token of either CDK (a `CfnParameter`, a reference to another
 * resource) cannot be judged at construction time: `check` skips it, and the synth-time rules judge
 * what it becomes. Props that must be literal (a region the checks compare against the policy) use
 * `checkLiteral`, which rejects tokens and names them as tokens.
 */
export class PropErrors {
  /** For a construct that already exists. */
  public static of(constructName: string, scope: IConstruct): PropErrors {
    return new PropErrors(constructName, scope.node.path);
  }

  private readonly problems: string[] = [];

  /**
   * @param constructName the construct class, e.g. `DataKey`
   * @param path the construct path (for constructs that check props before `super()`:
   *             `${scope.node.path}/${id}`)
   */
  constructor(private readonly constructName: string, private readonly path: string) {}

  /** Record a problem unless `ok`; a `value` that is an unresolved token is not judged. */
  public check(ok: boolean, prop: string, value: unknown, allowed: string): void {
    if (!ok && !isUnresolved(value)) this.add(prop, value, allowed);
  }

  /** Record a problem unless `ok`, and whenever `value` is an unresolved token: the prop must be literal. */
  public checkLiteral(ok: boolean, prop: string, value: unknown, allowed: string): void {
    if (isUnresolved(value)) this.add(prop, value, `a literal value (not a token): ${allowed}`);
    else if (!ok) this.add(prop, value, allowed);
  }

  /** Throw if any problem was recorded. */
  public throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new Error(`${this.constructName} ${this.path}: invalid props:\n  - ${this.problems.join('\n  - ')}`);
    }
  }

  private add(prop: string, value: unknown, allowed: string): void {
    this.problems.push(`${prop}: ${describeValue(value)} (allowed: ${allowed})`);
  }
}
