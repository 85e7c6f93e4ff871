import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { DATA_CLASS_TAG, DataClass } from '../../../core/policy/data-class';
import { findingsResult, isIntrinsic, tagValue, unknownValue } from '../private/values';

/** Types that name a bucket as the destination of their logs. */
const LOG_WRITERS: { [type: string]: (p: any) => unknown[] } = {
  'AWS::S3::Bucket': (p) => [p.LoggingConfiguration?.DestinationBucketName],
  'AWS::CloudTrail::Trail': (p) => [p.S3BucketName],
  'AWS::EC2::FlowLog': (p) => [p.LogDestination],
  'AWS::ElasticLoadBalancingV2::LoadBalancer': (p) =>
    (Array.isArray(p.LoadBalancerAttributes) ? p.LoadBalancerAttributes : []).filter((a: any) => a?.Key === 'access_logs.s3.bucket').map((a: any) => a.Value),
  'AWS::CloudFront::Distribution': (p) => [p.DistributionConfig?.Logging?.Bucket],
};

/**
 * Whether a bucket holds logs rather than customer data: tagged with DataClass.LOGS, or named as
 * a log destination by a bucket, trail, flow log, load balancer or distribution of the app.
 */
export function isLogBucket(bucket: ResourceView, context: RuleContext): boolean {
  if (tagValue(bucket.properties.Tags, DATA_CLASS_TAG) === DataClass.LOGS) return true;
  return context.lookup.referrers(bucket).some((r) => {
    const destinations = LOG_WRITERS[r.type]?.(r.properties) ?? [];
    return destinations.some((d) => d !== undefined && mentionedResources(d, r.stackPath, context.lookup).includes(bucket));
  });
}

/** Whether a lifecycle rule applies to the whole bucket (no prefix, tag or size filter). */
function coversWholeBucket(rule: any): boolean {
  const f = rule.Filter ?? {};
  return (rule.Prefix === undefined || rule.Prefix === '') && rule.TagFilters === undefined
    && rule.ObjectSizeGreaterThan === undefined && rule.ObjectSizeLessThan === undefined
    && (f.Prefix === undefined || f.Prefix === '') && f.Tag === undefined && f.And === undefined
    && f.ObjectSizeGreaterThan === undefined && f.ObjectSizeLessThan === undefined;
}

/**
 * DP.DAT.1: when the policy sets a data end of life, every data bucket (a bucket that is not a log
 * destination) expires all objects no later than `dataEndOfLifeDays`, and, when versioned, their
 * noncurrent versions too. Findings: `[Expiration]`, `[NoncurrentVersions]`.
 */
export const S3BucketLifecycleExpiry: ResourceRule = {
  name: 'S3BucketLifecycleExpiry',
  controlId: 'DP.DAT.1',
  resourceTypes: ['AWS::S3::Bucket'],
  level: Severity.ERROR,
  fix: 'Add an enabled lifecycle rule for the whole bucket that expires objects (and noncurrent versions) within dataEndOfLifeDays (SecureBucket does).',
  info: 'The data bucket keeps objects beyond the policy\'s data end of life.',
  explanation: 'DP.DAT.1 promises a documented end of life for customer data. Add an enabled lifecycle rule '
    + 'for the whole bucket that expires objects within dataEndOfLifeDays and, on versioned buckets, '
    + 'noncurrent versions too (SecureBucket does this from the policy).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const eol = context.policy.dataEndOfLifeDays;
    if (eol === undefined || isLogBucket(resource, context)) return NOT_APPLICABLE;
    const rules = resource.properties.LifecycleConfiguration?.Rules;
    if (isIntrinsic(resource.properties.LifecycleConfiguration)) return unknownValue('LifecycleConfiguration', resource.properties.LifecycleConfiguration, resource, context);
    const active = (Array.isArray(rules) ? rules : []).filter((r: any) => r?.Status === 'Enabled' && coversWholeBucket(r));
    const within = (days: unknown) => typeof days === 'number' && days <= eol;
    const failing: (string | Verdict)[] = [];
    if (!active.some((r: any) => within(r.ExpirationInDays))) failing.push('Expiration');
    const versioned = resource.properties.VersioningConfiguration?.Status === 'Enabled';
    const noncurrent = (r: any) => within(r.NoncurrentVersionExpirationInDays) || within(r.NoncurrentVersionExpiration?.NoncurrentDays);
    if (versioned && !active.some(noncurrent)) failing.push('NoncurrentVersions');
    return findingsResult(failing);
  },
};
