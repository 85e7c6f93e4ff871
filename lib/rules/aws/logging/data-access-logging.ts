import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { findingsResult, isIntrinsic } from '../private/values';

const DATA_TYPES: { [cfnType: string]: string } = {
  'AWS::S3::Bucket': 'AWS::S3::Object',
  'AWS::DynamoDB::Table': 'AWS::DynamoDB::Table',
  'AWS::DynamoDB::GlobalTable': 'AWS::DynamoDB::Table',
};

interface DataEventCoverage {
  /** Data-event resource types every resource of which is logged. */
  readonly all: Set<string>;
  /** Resources logged by reference (ARN or ARN prefix). */
  readonly some: Set<ResourceView>;
  /** Data-event resource types a selector names with values known only at deployment, and why. */
  readonly unknown: Map<string, string>;
}

/** Which data events the app's trails log; built once per evaluation. */
function coverage(context: RuleContext): DataEventCoverage {
  return context.lookup.memo('data-event-coverage', () => {
    const all = new Set<string>();
    const some = new Set<ResourceView>();
    const unknown = new Map<string, string>();
    for (const trail of context.lookup.resourcesOfType('AWS::CloudTrail::Trail')) {
      const p = trail.properties;
      for (const sel of Array.isArray(p.EventSelectors) ? p.EventSelectors : []) {
        for (const dr of Array.isArray(sel?.DataResources) ? sel.DataResources : []) {
          const resolved = resolveValue(dr?.Values, trail.stackPath, context.lookup);
          const values = Array.isArray(dr?.Values) ? dr.Values : Array.isArray(resolved.value) ? resolved.value : [];
          for (const v of [dr?.Values, ...values]) {
            if (v === undefined || mentionedResources(v, trail.stackPath, context.lookup).length > 0) continue;
            const r = resolveValue(v, trail.stackPath, context.lookup);
            if (!r.known && typeof dr?.Type === 'string') unknown.set(dr.Type, `a data-event selector of ${trail.logicalId} is ${r.why}`);
          }
          if (values.some((v: unknown) => v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || v === 'arn:aws:dynamodb')) all.add(dr.Type);
          mentionedResources(values, trail.stackPath, context.lookup).forEach((r) => some.add(r));
        }
      }
      for (const sel of Array.isArray(p.AdvancedEventSelectors) ? p.AdvancedEventSelectors : []) {
        if (isIntrinsic(sel)) continue;
        const fields = Array.isArray(sel?.FieldSelectors) ? sel.FieldSelectors : [];
        const field = (name: string) => fields.find((f: any) => f?.Field === name);
        if (!(field('eventCategory')?.Equals ?? []).includes('Data')) continue;
        const types: string[] = field('resources.type')?.Equals ?? [];
        const arn = field('resources.ARN');
        for (const type of types) {
          if (!arn) all.add(type);
          else mentionedResources([arn.StartsWith, arn.Equals], trail.stackPath, context.lookup).forEach((r) => some.add(r));
        }
      }
    }
    return { all, some, unknown };
  });
}

/**
 * DP.LOG.2: every access to customer data is logged. Data buckets (not log destinations) and
 * DynamoDB tables are covered by a trail's data events (for everything of their type, or for them
 * by ARN or ARN prefix); data buckets also log server access. Findings: `[DataEvents]`,
 * `[ServerAccessLogs]`.
 */
export const DataAccessLogging: ResourceRule = {
  name: 'DataAccessLogging',
  controlId: 'DP.LOG.2',
  resourceTypes: Object.keys(DATA_TYPES),
  covers: 'trail data events by type, ARN or prefix; server access logs',
  level: Severity.ERROR,
  info: 'Access to the data in this store is not logged.',
  explanation: 'DP.LOG.2 promises that every access to customer data is logged. Record CloudTrail data events '
    + 'for the store (AuditTrail: dataBuckets / dataTables) and, for buckets, server access logs '
    + '(SecureBucket does this).',
  fix: 'Record CloudTrail data events for the store (AuditTrail dataBuckets / dataTables) and, for buckets, server access logs (SecureBucket).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.type === 'AWS::S3::Bucket' && isLogBucket(resource, context)) return NOT_APPLICABLE;
    const c = coverage(context);
    const failing: (string | Verdict)[] = [];
    const type = DATA_TYPES[resource.type];
    if (!c.all.has(type) && !c.some.has(resource)) {
      const why = c.unknown.get(type);
      failing.push(why ? unverifiable(`${why}: it may or may not name this store`) : failingVerdict('DataEvents', 'no trail records data events for this store'));
    }
    if (resource.type === 'AWS::S3::Bucket' && resource.properties.LoggingConfiguration === undefined) {
      failing.push(failingVerdict('ServerAccessLogs', 'the bucket writes no server access logs'));
    }
    return findingsResult(failing);
  },
};
