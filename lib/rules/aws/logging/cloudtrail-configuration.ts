import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { describeKmsKey, KeyKind } from '../private/kms-key-ref';
import { trailBucket } from '../private/trail';
import { boolValue, findingsResult, unknownValue } from '../private/values';

/**
 * DP.LOG.1: a CloudTrail trail records every region, validates its log files, encrypts them with a
 * customer-managed key and writes to a bucket with Object Lock. Findings: `[MultiRegion]`,
 * `[LogFileValidation]`, `[Encryption]`, `[ObjectLock]`.
 */
export const CloudTrailConfiguration: ResourceRule = {
  name: 'CloudTrailConfiguration',
  controlId: 'DP.LOG.1',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  level: Severity.ERROR,
  fix: 'Make the trail multi-region with log-file validation, a customer-managed KMS key and an Object Lock bucket (AuditTrail with a CentralLogArchive).',
  info: 'The trail is not multi-region, validated, KMS-encrypted and stored in a locked archive.',
  explanation: 'DP.LOG.1 promises a multi-region audit trail with log-file validation in a central, encrypted, '
    + 'locked archive. Set IsMultiRegionTrail, EnableLogFileValidation and KMSKeyId, and write to a bucket with '
    + 'Object Lock (AuditTrail with a CentralLogArchive does all of this).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const flag = (owner: ResourceView, property: string, name: string, off: string) => {
      const r = resolveValue(owner.properties[property], owner.stackPath, context.lookup);
      const on = r.known ? boolValue(r.value, false) : undefined;
      if (on === undefined) failing.push(unknownValue(property, owner.properties[property], owner, context));
      else if (!on) failing.push(failingVerdict(name, off));
    };
    flag(resource, 'IsMultiRegionTrail', 'MultiRegion', 'the trail records one region only');
    flag(resource, 'EnableLogFileValidation', 'LogFileValidation', 'log files are not validated (digest files)');
    const key = describeKmsKey(p.KMSKeyId, resource, context);
    if (key.kind === KeyKind.UNRESOLVED) failing.push(unverifiable(`KMSKeyId is ${key.why}`));
    else if (key.kind !== KeyKind.CUSTOMER_MANAGED) failing.push(failingVerdict('Encryption', 'log files are not encrypted with a customer-managed KMS key'));
    const bucket = trailBucket(resource, context);
    if (!bucket) failing.push(unknownValue('S3BucketName', p.S3BucketName, resource, context));
    else flag(bucket, 'ObjectLockEnabled', 'ObjectLock', `bucket ${bucket.logicalId} has no Object Lock`);
    return findingsResult(failing);
  },
};
