import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { describeKmsKey, KeyKind } from '../private/kms-key-ref';
import { findingsResult, unknownValue } from '../private/values';

/**
 * DP.LOG.4: logs are encrypted and kept at least `logRetentionDays`. A log group needs a KMS key and a
 * retention of at least that (no retention means "never expire", which is a finding too: the policy
 * promises a period, not forever by accident); a log bucket expires nothing earlier.
 * Findings: `[Encryption]`, `[Retention]`.
 */
export const LogRetention: ResourceRule = {
  name: 'LogRetention',
  controlId: 'DP.LOG.4',
  resourceTypes: ['AWS::Logs::LogGroup', 'AWS::S3::Bucket'],
  covers: 'log groups: KMS and retention, unset is a finding; log buckets never expire earlier',
  level: Severity.ERROR,
  fix: 'Give log groups a KMS key and a retention of at least logRetentionDays (PolicyLogGroups does it app-wide); never expire log buckets earlier.',
  info: 'Logs here are not encrypted, or not kept exactly as long as the policy promises.',
  explanation: 'DP.LOG.4 promises logs encrypted and retained at least logRetentionDays. Give log groups a KMS '
    + 'key and RetentionInDays of at least that (never unset), and never expire log bucket objects earlier.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const min = context.policy.logRetentionDays;
    const failing: (string | Verdict)[] = [];
    if (resource.type === 'AWS::S3::Bucket') {
      if (!isLogBucket(resource, context)) return NOT_APPLICABLE;
      const rules = resource.properties.LifecycleConfiguration?.Rules;
      const early = (Array.isArray(rules) ? rules : []).some((r: any) => r?.Status === 'Enabled'
        && typeof r.ExpirationInDays === 'number' && r.ExpirationInDays < min);
      return findingsResult(early ? [failingVerdict('Retention', `a lifecycle rule expires logs before ${min} days`)] : []);
    }
    const key = describeKmsKey(resource.properties.KmsKeyId, resource, context);
    if (key.kind === KeyKind.UNRESOLVED) {
      failing.push(unverifiable(`KmsKeyId is ${key.why}`));
    } else if (key.kind === KeyKind.ABSENT || key.kind === KeyKind.AWS_MANAGED) {
      failing.push(failingVerdict('Encryption', 'no KmsKeyId: CloudWatch Logs encrypts with its own key, not a customer-managed one'));
    }
    const raw = resource.properties.RetentionInDays;
    const days = resolveValue(raw, resource.stackPath, context.lookup);
    if (raw === undefined) failing.push(failingVerdict('Retention', `no RetentionInDays: kept forever, not the policy's ${min} days`));
    else if (!days.known || typeof days.value !== 'number') failing.push(unknownValue('RetentionInDays', raw, resource, context));
    else if (days.value < min) failing.push(failingVerdict('Retention', `RetentionInDays ${days.value} is shorter than the policy's ${min}`));
    return findingsResult(failing);
  },
};
