import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { classifyKmsKey, KeyKind } from '../private/kms-key-ref';
import { boolValue, findingsResult, UNVERIFIABLE } from '../private/values';
import { trailBucket } from '../private/trail';

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
  info: 'The trail is not multi-region, validated, KMS-encrypted and stored in a locked archive.',
  explanation: 'DP.LOG.1 promises a multi-region audit trail with log-file validation in a central, encrypted, '
    + 'locked archive. Set IsMultiRegionTrail, EnableLogFileValidation and KMSKeyId, and write to a bucket with '
    + 'Object Lock (AuditTrail with a CentralLogArchive does all of this).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const flag = (v: unknown, name: string) => {
      const on = boolValue(v, false);
      if (on === undefined) failing.push(UNVERIFIABLE);
      else if (!on) failing.push(name);
    };
    flag(p.IsMultiRegionTrail, 'MultiRegion');
    flag(p.EnableLogFileValidation, 'LogFileValidation');
    const key = classifyKmsKey(p.KMSKeyId, resource, context);
    if (key === KeyKind.UNRESOLVED) failing.push(UNVERIFIABLE);
    else if (key !== KeyKind.CUSTOMER_MANAGED) failing.push('Encryption');
    const bucket = trailBucket(resource, context);
    if (!bucket) failing.push(UNVERIFIABLE);
    else flag(bucket.properties.ObjectLockEnabled, 'ObjectLock');
    return findingsResult(failing);
  },
};
