import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string' && Token.isUnresolved(value)) return '<unresolved token>';
  if (typeof value === 'object' && value !== null && 'node' in value) return `<construct ${(value as IConstruct).node.path}>`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/**
 * Collects every problem with a construct's props, then throws one error that names the construct
 * path, each prop, the value given and what is allowed.
 */
export class PropErrors {
  private readonly problems: string[] = [];

  /**
   * @param constructName the construct class, e.g. `DataKey`
   * @param path the construct path (for constructs that check props before `super()`:
   *             `${scope.node.path}/${id}`)
   */
  constructor(private readonly constructName: string, private readonly path: string) {}

  /** For a construct that already exists. */
  public static of(constructName: string, scope: IConstruct): PropErrors {
    return new PropErrors(constructName, scope.node.path);
  }

  /** Record a problem unless `ok`. */
  public check(ok: boolean, prop: string, value: unknown, allowed: string): void {
    if (!ok) this.problems.push(`${prop}: ${show(value)} (allowed: ${allowed})`);
  }

  /** Throw if any problem was recorded. */
  public throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new Error(`${this.constructName} ${this.path}: invalid props:\n  - ${this.problems.join('\n  - ')}`);
    }
  }
}
