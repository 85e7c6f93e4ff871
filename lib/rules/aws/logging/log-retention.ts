import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { classifyKmsKey, KeyKind } from '../private/kms-key-ref';
import { findingsResult, UNVERIFIABLE } from '../private/values';

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
      return findingsResult(early ? ['Retention'] : []);
    }
    const key = classifyKmsKey(resource.properties.KmsKeyId, resource, context);
    if (key === KeyKind.UNRESOLVED) failing.push(UNVERIFIABLE);
    else if (key === KeyKind.ABSENT || key === KeyKind.AWS_MANAGED) failing.push('Encryption');
    const days = resource.properties.RetentionInDays;
    if (days === undefined) failing.push('Retention');
    else if (typeof days !== 'number') failing.push(UNVERIFIABLE);
    else if (days < min) failing.push('Retention');
    return findingsResult(failing);
  },
};
