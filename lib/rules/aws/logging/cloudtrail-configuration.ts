import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { AppFinding, AppRule, ResourceRule, ResourceView, RuleContext } from '../../rule';
import { classifyKmsKey, KeyKind } from '../private/kms-key-ref';
import { referencedResource } from '../private/refs';
import { boolValue, findingsResult, UNVERIFIABLE } from '../private/values';

/** The bucket a trail writes to: by reference or by its literal name. */
export function trailBucket(trail: ResourceView, context: RuleContext): ResourceView | undefined {
  const name = trail.properties.S3BucketName;
  return referencedResource(name, trail.stackPath, context.lookup)
    ?? (typeof name === 'string' ? context.lookup.withLiteralProperty('AWS::S3::Bucket', 'BucketName', name)[0] : undefined);
}

/**
 * DP.LOG.1: a CloudTrail trail records every region, validates its log files, encrypts them with a
 * customer-managed key and writes to a bucket with Object Lock. Findings: `[MultiRegion]`,
 * `[LogFileValidation]`, `[Encryption]`, `[ObjectLock]`.
 */
export const CloudTrailConfiguration: ResourceRule = {
  name: 'CloudTrailConfiguration',
  controlId: 'DP.LOG.1',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  level: NagMessageLevel.ERROR,
  info: 'The trail is not multi-region, validated, KMS-encrypted and stored in a locked archive.',
  explanation: 'DP.LOG.1 promises a multi-region audit trail with log-file validation in a central, encrypted, '
    + 'locked archive. Set IsMultiRegionTrail, EnableLogFileValidation and KMSKeyId, and write to a bucket with '
    + 'Object Lock (AuditTrail with a CentralLogArchive does all of this).',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const p = resource.properties;
    const failing: string[] = [];
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

/**
 * DP.LOG.1: the app has an audit trail: at least one multi-region CloudTrail trail among the
 * evaluated stacks. Reported on the first stack when there is none (acknowledge there if the
 * organization's trail lives in another account).
 */
export const AuditTrailPresent: AppRule = {
  name: 'AuditTrailPresent',
  controlId: 'DP.LOG.1',
  level: NagMessageLevel.ERROR,
  info: 'The app has no multi-region audit trail.',
  explanation: 'DP.LOG.1 promises a multi-region audit trail. Add an AuditTrail, or acknowledge this finding '
    + 'on the stack with the name of the organization trail that already records this account.',
  evaluate(context: RuleContext, stacks): AppFinding[] {
    const paths = new Set(stacks.map((s) => s.path));
    const trails = context.lookup.resourcesOfType('AWS::CloudTrail::Trail').filter((t) => paths.has(t.stackPath));
    const multiRegion = trails.filter((t) => boolValue(t.properties.IsMultiRegionTrail, false) === true);
    if (multiRegion.length > 0) return multiRegion.map((t) => ({ resource: t, result: NagRuleCompliance.COMPLIANT }));
    if (stacks.length === 0) return [];
    return [{ stackPath: stacks[0].path, result: NagRuleCompliance.NON_COMPLIANT, detail: `${trails.length} trail(s), none multi-region` }];
  },
};
