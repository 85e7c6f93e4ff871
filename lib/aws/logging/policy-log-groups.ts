import { IAspect, Stack, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { IConstruct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { logRetentionAtLeast } from '../private/log-retention';

/**
 * Props for PolicyLogGroups.
 */
export interface PolicyLogGroupsProps {
  /**
   * The key for log groups that have none. Its key policy must let CloudWatch Logs use it
   * (`new DataKey(this, 'LogKey', { services: ['logs'] })`), and it must live in the region of the
   * log groups it encrypts: log groups in other regions are left without one.
   *
   * @default - none: log groups without a key keep CloudWatch's service-owned key, which
   *   `DataProtection-LogRetention[Encryption]` reports
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * The policy whose `logRetentionDays` applies.
   *
   * @default - the policy applied to the visited log group's scope (`DataProtectionPolicy.of`)
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * The retention to give log groups kept shorter, or not at all: at least the policy's
   * `logRetentionDays`.
   *
   * @default - the shortest retention CloudWatch Logs accepts that keeps logs `logRetentionDays`
   */
  readonly retention?: logs.RetentionDays;
}

/**
 * An Aspect that brings every CloudWatch Logs log group in its scope in line with DP.LOG.4 (and
 * DP.ENC.2): a retention of at least the policy's `logRetentionDays` (a longer one is kept, an
 * unset or shorter one raised), and the given key where a log group has none. Its use is the log
 * groups the CDK creates for you, which the app's code cannot configure one by one: the handler
 * of a BucketDeployment, custom-resource providers, Lambda functions' CDK-managed log groups.
 *
 * @example
 * const key = new DataKey(stack, 'LogKey', { services: ['logs'] });
 * Aspects.of(app).add(new PolicyLogGroups({ encryptionKey: key }));
 */
export class PolicyLogGroups implements IAspect {
  private readonly key?: kms.IKey;
  private readonly policy?: DataProtectionPolicy;
  private readonly retention?: number;

  constructor(props: PolicyLogGroupsProps = {}) {
    const errors = new PropErrors('PolicyLogGroups', '(aspect)');
    if (props.policy && props.retention !== undefined) {
      errors.check(props.retention === logs.RetentionDays.INFINITE || props.retention >= props.policy.logRetentionDays, 'retention', props.retention,
        `at least the policy's logRetentionDays, ${props.policy.logRetentionDays}`);
    }
    errors.throwIfAny();
    this.key = props.encryptionKey;
    this.policy = props.policy;
    this.retention = props.retention;
  }

  /** Give one log group the policy's retention and the key, where it falls short. */
  public visit(node: IConstruct): void {
    if (!(node instanceof logs.CfnLogGroup)) return;
    const policy = this.policy ?? DataProtectionPolicy.of(node);
    const wanted = Math.max(this.retention ?? 0, logRetentionAtLeast(policy.logRetentionDays));
    const current = node.retentionInDays;
    if (current === undefined || (!Token.isUnresolved(current) && current < wanted)) node.retentionInDays = wanted;
    if (node.kmsKeyId === undefined && this.key && sameRegion(node, this.key)) node.kmsKeyId = this.key.keyArn;
  }
}

function sameRegion(a: IConstruct, key: kms.IKey): boolean {
  const [ra, rb] = [Stack.of(a).region, Stack.of(key).region];
  return Token.isUnresolved(ra) || Token.isUnresolved(rb) || ra === rb;
}
