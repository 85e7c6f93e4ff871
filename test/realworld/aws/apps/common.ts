// What every real-world app shares: an account and region, and AZs known without a lookup, so the
// apps synthesize offline without credentials.
import { App, Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../../../lib';

export const ACCOUNT = '111111111111';

/** A stack pinned to an account and region whose AZs are known at synth time (no lookup). */
export class EnvStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps & { region?: string } = {}) {
    super(scope, id, { ...props, env: { account: ACCOUNT, region: props.region ?? 'eu-west-1' } });
  }
  get availabilityZones(): string[] {
    return ['a', 'b', 'c'].map((s) => `${this.region}${s}`);
  }
}

/**
 * One expectation about one rule on one resource: the rule, a fragment of the resource's construct
 * path that names exactly one resource, and the verdict in the form `statusesOf` prints it
 * ('compliant', 'non-compliant [NoCopy]', 'not-applicable', 'non-compliant [Unverifiable]'),
 * with an optional pattern its detail must match, and why it is right.
 */
export interface Expected {
  readonly rule: string;
  readonly path: string;
  readonly verdict: string;
  readonly detail?: RegExp;
  readonly why: string;
}

/** A small app in the shape of a public CDK example, with verdicts judged by hand. */
export interface RealWorldApp {
  /** Short name, the file name. */
  readonly name: string;
  /** The public pattern it has the shape of, and what it reproduces. */
  readonly shape: string;
  /** `default`: `new App()` without feature flags (what jest users get); `flags`: the recommended flags. */
  readonly mode?: 'default' | 'flags';
  /** The policy it is judged against. @default new DataProtectionPolicy() */
  readonly policy?: DataProtectionPolicy;
  /** Verdicts on resources. */
  readonly findings: readonly Expected[];
  /** Control statuses (every control listed is checked; the others are not). */
  readonly controls: { readonly [controlId: string]: string };
  build(app: App): void;
}
