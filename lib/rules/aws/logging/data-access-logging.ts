import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';
import { findingsResult } from '../private/values';

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

/** Every data-event type a store of this rule is logged under. */
const DATA_EVENT_TYPES = [...new Set(Object.values(DATA_TYPES))];

/**
 * A list a trail writes: its items as written (`resolve`d when asked), or why it is known only at
 * deployment. A value that is neither a list nor unset is one this rule cannot read.
 */
function listOf(value: unknown, trail: ResourceView, context: RuleContext, resolve = false): { items?: unknown[]; why?: string } {
  if (Array.isArray(value) && !resolve) return { items: value };
  const r = resolveValue(value, trail.stackPath, context.lookup);
  if (!r.known) return { why: r.why };
  if (r.value === undefined) return { items: [] };
  return Array.isArray(r.value) ? { items: r.value } : { why: `${JSON.stringify(r.value)}, which this rule cannot read` };
}

/** Which data events the app's trails log; built once per evaluation. */
function coverage(context: RuleContext): DataEventCoverage {
  return context.lookup.memo('data-event-coverage', () => {
    const all = new Set<string>();
    const some = new Set<ResourceView>();
    const unknown = new Map<string, string>();
    for (const trail of context.lookup.resourcesOfType('AWS::CloudTrail::Trail')) {
      const p = trail.properties;
      const read = (v: unknown) => resolveValue(v, trail.stackPath, context.lookup);
      // A part of a selector known only at deployment may log any store of `types`.
      const unsure = (types: readonly string[], what: string, why?: string) => types.forEach((t) => {
        if (!unknown.has(t)) unknown.set(t, `${what} of ${trail.logicalId} is ${why}`);
      });
      const list = (value: unknown, what: string, types: readonly string[] = DATA_EVENT_TYPES, resolve = false) => {
        const l = listOf(value, trail, context, resolve);
        if (l.why !== undefined) unsure(types, what, l.why);
        return l.items;
      };
      const object = (value: unknown, what: string) => {
        const r = read(value);
        if (!r.known) unsure(DATA_EVENT_TYPES, what, r.why);
        return r.known ? r.value as any : undefined;
      };
      for (const rawSel of list(p.EventSelectors, 'the EventSelectors') ?? []) {
        const sel = object(rawSel, 'an event selector');
        for (const rawDr of list(sel?.DataResources, 'the DataResources of an event selector') ?? []) {
          const dr = object(rawDr, 'a data resource');
          const typeOf = read(dr?.Type);
          if (!typeOf.known) unsure(DATA_EVENT_TYPES, 'the Type of a data resource', typeOf.why);
          const type = typeOf.value;
          if (typeof type !== 'string') continue;
          const resolved = resolveValue(dr?.Values, trail.stackPath, context.lookup);
          const values = Array.isArray(dr?.Values) ? dr.Values : Array.isArray(resolved.value) ? resolved.value : [];
          for (const v of [dr?.Values, ...values]) {
            if (v === undefined || mentionedResources(v, trail.stackPath, context.lookup).length > 0) continue;
            const r = resolveValue(v, trail.stackPath, context.lookup);
            if (!r.known) unsure([type], 'a data-event selector', r.why);
          }
          if (values.some((v: unknown) => v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || v === 'arn:aws:dynamodb')) all.add(type);
          mentionedResources(values, trail.stackPath, context.lookup).forEach((r) => some.add(r));
        }
      }
      for (const rawSel of list(p.AdvancedEventSelectors, 'the AdvancedEventSelectors') ?? []) {
        const sel = object(rawSel, 'an advanced event selector');
        const fields = (list(sel?.FieldSelectors, 'the FieldSelectors of an advanced event selector') ?? [])
          .map((f) => object(f, 'a field selector of an advanced event selector'));
        const names = fields.map((f) => read(f?.Field));
        const unnamed = names.find((n) => !n.known);
        if (unnamed) unsure(DATA_EVENT_TYPES, 'the Field of a field selector of an advanced event selector', unnamed.why);
        if (unnamed || fields.includes(undefined)) continue;
        const field = (name: string) => fields.find((_, i) => names[i].value === name);
        const category = listOf(field('eventCategory')?.Equals, trail, context, true);
        if (category.items && !category.items.includes('Data')) continue;
        const types = list(field('resources.type')?.Equals, 'the resources.type of an advanced event selector', DATA_EVENT_TYPES, true);
        if (!types) continue;
        const named = types.filter((t): t is string => typeof t === 'string');
        if (category.why !== undefined) {
          unsure(named, 'the eventCategory of an advanced event selector', category.why);
          continue;
        }
        const arn = field('resources.ARN');
        if (!arn) {
          named.forEach((t) => all.add(t));
          continue;
        }
        for (const v of [arn.StartsWith, arn.Equals].flatMap((op) => list(op, 'the resources.ARN of an advanced event selector', named) ?? [])) {
          const mentioned = mentionedResources(v, trail.stackPath, context.lookup);
          mentioned.forEach((r) => some.add(r));
          const r = mentioned.length === 0 ? read(v) : undefined;
          if (r && !r.known) unsure(named, 'the resources.ARN of an advanced event selector', r.why);
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
