import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { describeKmsKey, KeyKind } from '../private/kms-key-ref';
import { findingsResult, unknownValue } from '../private/values';

/** A day count: CloudFormation also accepts a number written as text ('30'), and so does this. */
function dayCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * The findings on a log bucket's lifecycle rules: one that expires objects earlier than `min` days,
 * or on a fixed date, is `[Retention]`; a rule list, rule, status or expiry known only at deployment may be one.
 */
function bucketExpiry(resource: ResourceView, context: RuleContext, min: number): Verdict[] {
  const read = (value: unknown) => resolveValue(value, resource.stackPath, context.lookup);
  const lifecycle = read(resource.properties.LifecycleConfiguration);
  if (!lifecycle.known) return [unknownValue('LifecycleConfiguration', resource.properties.LifecycleConfiguration, resource, context)];
  const rawRules = (lifecycle.value as any)?.Rules;
  // A literal list is read rule by rule, so that one unknown rule leaves the others judged.
  const rules = Array.isArray(rawRules) ? { known: true, value: rawRules } : read(rawRules);
  if (!rules.known || (rules.value !== undefined && !Array.isArray(rules.value))) {
    return [unknownValue('LifecycleConfiguration.Rules', rawRules, resource, context)];
  }
  const found: Verdict[] = [];
  for (const rawRule of (rules.value as unknown[] | undefined) ?? []) {
    const rule = read(rawRule);
    if (!rule.known) {
      found.push(unknownValue('a lifecycle rule', rawRule, resource, context));
      continue;
    }
    const status = read((rule.value as any)?.Status);
    if (status.known && status.value !== 'Enabled') continue;
    // A fixed date deletes every log then, however young: no retention period can be promised.
    const rawDate = (rule.value as any)?.ExpirationDate;
    const date = read(rawDate);
    if (!date.known) {
      found.push(unknownValue('ExpirationDate', rawDate, resource, context));
    } else if (date.value !== undefined && !status.known) {
      found.push(unknownValue('the Status of a lifecycle rule deleting logs on a fixed date', (rule.value as any).Status, resource, context));
    } else if (date.value !== undefined) {
      const when = typeof date.value === 'string' ? date.value : JSON.stringify(date.value);
      found.push(failingVerdict('Retention', `a lifecycle rule deletes every log on ${when}, whatever its age, so none is sure to be kept ${min} days`));
    }
    const rawDays = (rule.value as any)?.ExpirationInDays;
    const days = read(rawDays);
    if (days.known && days.value === undefined) continue;
    const n = days.known ? dayCount(days.value) : undefined;
    if (n !== undefined && n >= min) continue;
    if (n === undefined) found.push(unknownValue('ExpirationInDays', rawDays, resource, context));
    else if (!status.known) found.push(unknownValue('the Status of a lifecycle rule expiring logs early', (rule.value as any).Status, resource, context));
    else found.push(failingVerdict('Retention', `a lifecycle rule expires logs before ${min} days`));
  }
  return found;
}

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
      return findingsResult(bucketExpiry(resource, context, min));
    }
    const key = describeKmsKey(resource.properties.KmsKeyId, resource, context);
    if (key.kind === KeyKind.UNRESOLVED) {
      failing.push(unverifiable(`KmsKeyId is ${key.why}`));
    } else if (key.kind === KeyKind.ABSENT || key.kind === KeyKind.AWS_MANAGED) {
      failing.push(failingVerdict('Encryption', 'no KmsKeyId: CloudWatch Logs encrypts with its own key, not a customer-managed one'));
    }
    const raw = resource.properties.RetentionInDays;
    const days = resolveValue(raw, resource.stackPath, context.lookup);
    const n = days.known ? dayCount(days.value) : undefined;
    if (days.known && days.value === undefined) failing.push(failingVerdict('Retention', `no RetentionInDays: kept forever, not the policy's ${min} days`));
    else if (n === undefined) failing.push(unknownValue('RetentionInDays', raw, resource, context));
    else if (n < min) failing.push(failingVerdict('Retention', `RetentionInDays ${n} is shorter than the policy's ${min}`));
    return findingsResult(failing);
  },
};
