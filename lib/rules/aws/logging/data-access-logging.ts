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
  /** Data-event resource types or resources a selector may log, known only at deployment, and the detail saying why. */
  readonly unknown: Map<string | ResourceView, string>;
  /** Data-event types logged for every resource but those a selector excludes (`resources.ARN` NotStartsWith / NotEquals). */
  readonly except: { readonly type: string; readonly excluded: Set<ResourceView> }[];
  /** Types or resources a selector logs only some events of (filtered by event name, excluded, ...), and how. */
  readonly partly: Map<string | ResourceView, string>;
}

/** The fields of an advanced event selector this rule reads; any other one narrows the events it records. */
const READ_FIELDS = ['eventCategory', 'resources.type', 'readOnly', 'resources.ARN'];

/** The resource-name part of a literal data-event ARN prefix (`arn:aws:s3:::bucket/key`, `arn:aws:dynamodb:r:a:table/name`). */
function literalName(arn: string, type: string): string | undefined {
  if (type === 'AWS::S3::Object') return arn.startsWith('arn:aws:s3:::') ? arn.slice('arn:aws:s3:::'.length) : undefined;
  const at = arn.indexOf(':table/');
  return arn.startsWith('arn:aws:dynamodb:') && at >= 0 ? arn.slice(at + ':table/'.length) : undefined;
}

/**
 * Whether a literal ARN prefix a selector excludes may take in `store`: its name, when literal, is
 * compared; a name the deployment generates may be anything.
 */
function mayExclude(prefix: string, type: string, store: ResourceView, context: RuleContext): boolean | undefined {
  const name = literalName(prefix, type);
  if (name === undefined) return false;
  const own = resolveValue(store.type === 'AWS::S3::Bucket' ? store.properties.BucketName : store.properties.TableName, store.stackPath, context.lookup);
  if (!own.known || typeof own.value !== 'string') return undefined;
  const full = store.type === 'AWS::S3::Bucket' ? `${own.value}/` : own.value;
  return full.startsWith(name) || name.startsWith(full);
}

/**
 * Reads and writes of the data are logged separately: a selector may record only one of them
 * (`ReadWriteType`, the `readOnly` field), and DP.LOG.2 asks for both.
 */
type Side = 'reads' | 'writes';
const SIDES: readonly Side[] = ['reads', 'writes'];
type Coverage = { readonly [side in Side]: DataEventCoverage };

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

/** The sides a selector records for certain; when they are known only at deployment, why (and it records none for certain). */
interface Sides {
  readonly sides: readonly Side[];
  readonly why?: string;
}

/** The sides `readOnly` field selector of an advanced event selector keeps: `true` is reads, `false` writes. */
function readOnlySides(field: any, trail: ResourceView, context: RuleContext): Sides {
  if (field === undefined) return { sides: SIDES };
  const equals = field.Equals === undefined ? undefined : listOf(field.Equals, trail, context, true);
  const notEquals = field.NotEquals === undefined ? undefined : listOf(field.NotEquals, trail, context, true);
  const why = equals?.why ?? notEquals?.why;
  if (why !== undefined) return { sides: [], why: `the readOnly of an advanced event selector of ${trail.logicalId} is ${why}` };
  const has = (l: { items?: unknown[] } | undefined, v: string) => (l?.items ?? []).some((i) => String(i) === v);
  return {
    sides: SIDES.filter((side) => {
      const v = side === 'reads' ? 'true' : 'false';
      return (equals === undefined || has(equals, v)) && !has(notEquals, v);
    }),
  };
}

/** Which data events the app's trails log, reads and writes apart; built once per evaluation. */
function coverage(context: RuleContext): Coverage {
  return context.lookup.memo('data-event-coverage', () => {
    const empty = (): DataEventCoverage => ({ all: new Set(), some: new Set(), unknown: new Map(), except: [], partly: new Map() });
    const c: Coverage = { reads: empty(), writes: empty() };
    const maybe = (side: Side, key: string | ResourceView, detail: string) => {
      if (!c[side].unknown.has(key)) c[side].unknown.set(key, detail);
    };
    for (const trail of context.lookup.resourcesOfType('AWS::CloudTrail::Trail')) {
      const p = trail.properties;
      const read = (v: unknown) => resolveValue(v, trail.stackPath, context.lookup);
      // Sides of a selector known only at deployment: it may record either.
      const on = (sel?: Sides) => (sel === undefined || sel.why !== undefined ? SIDES : sel.sides);
      // A part of a selector known only at deployment may log any store of `types`.
      const unsure = (types: readonly string[], what: string, why?: string, sel?: Sides) => on(sel).forEach((side) => types.forEach((t) => {
        maybe(side, t, `${what} of ${trail.logicalId} is ${why}: it may or may not name this store`);
      }));
      // A type or resource a selector logs, on the sides it records.
      const logs = (key: string | ResourceView, sel: Sides) => SIDES.forEach((side) => {
        if (sel.sides.includes(side)) {
          if (typeof key === 'string') c[side].all.add(key);
          else c[side].some.add(key);
        } else if (sel.why !== undefined) {
          maybe(side, key, `${sel.why}: it may not record ${side} of this store`);
        }
      });
      const list = (value: unknown, what: string, types: readonly string[] = DATA_EVENT_TYPES, resolve = false, sel?: Sides) => {
        const l = listOf(value, trail, context, resolve);
        if (l.why !== undefined) unsure(types, what, l.why, sel);
        return l.items;
      };
      const object = (value: unknown, what: string, sel?: Sides) => {
        const r = read(value);
        if (!r.known) unsure(DATA_EVENT_TYPES, what, r.why, sel);
        return r.known ? r.value as any : undefined;
      };
      for (const rawSel of list(p.EventSelectors, 'the EventSelectors') ?? []) {
        const sel = object(rawSel, 'an event selector');
        const rw = read(sel?.ReadWriteType);
        const readWrite = rw.known ? rw.value ?? 'All' : undefined;
        const sides: Sides = readWrite === 'All' ? { sides: SIDES }
          : readWrite === 'ReadOnly' ? { sides: ['reads'] }
            : readWrite === 'WriteOnly' ? { sides: ['writes'] }
              : { sides: [], why: `the ReadWriteType of an event selector of ${trail.logicalId} is ${rw.known ? `${JSON.stringify(rw.value)}, which this rule cannot read` : rw.why}` };
        for (const rawDr of list(sel?.DataResources, 'the DataResources of an event selector', DATA_EVENT_TYPES, false, sides) ?? []) {
          const dr = object(rawDr, 'a data resource', sides);
          const typeOf = read(dr?.Type);
          if (!typeOf.known) unsure(DATA_EVENT_TYPES, 'the Type of a data resource', typeOf.why, sides);
          const type = typeOf.value;
          if (typeof type !== 'string') continue;
          const resolved = resolveValue(dr?.Values, trail.stackPath, context.lookup);
          const values = Array.isArray(dr?.Values) ? dr.Values : Array.isArray(resolved.value) ? resolved.value : [];
          for (const v of [dr?.Values, ...values]) {
            if (v === undefined || mentionedResources(v, trail.stackPath, context.lookup).length > 0) continue;
            const r = resolveValue(v, trail.stackPath, context.lookup);
            if (!r.known) unsure([type], 'a data-event selector', r.why, sides);
          }
          if (values.some((v: unknown) => v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || v === 'arn:aws:dynamodb')) logs(type, sides);
          mentionedResources(values, trail.stackPath, context.lookup).forEach((r) => logs(r, sides));
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
        const sides = readOnlySides(field('readOnly'), trail, context);
        const types = list(field('resources.type')?.Equals, 'the resources.type of an advanced event selector', DATA_EVENT_TYPES, true, sides);
        if (!types) continue;
        const named = types.filter((t): t is string => typeof t === 'string');
        if (category.why !== undefined) {
          unsure(named, 'the eventCategory of an advanced event selector', category.why, sides);
          continue;
        }
        // Only some events of what it selects: a filter on the event name, the caller, an object suffix, ...
        const partly = (key: string | ResourceView, how: string) => sides.sides.forEach((side) => {
          if (!c[side].partly.has(key)) c[side].partly.set(key, `an advanced event selector of ${trail.logicalId} records ${how}`);
        });
        const filters = names.map((n) => String(n.value)).filter((n) => !READ_FIELDS.includes(n));
        const arn = field('resources.ARN');
        const suffix = arn && (arn.EndsWith !== undefined || arn.NotEndsWith !== undefined);
        if (filters.length > 0 || suffix) {
          const how = filters.length > 0 ? `only the events its ${filters.join(', ')} filter keeps` : 'only the objects its resources.ARN suffix filter keeps';
          named.forEach((t) => partly(t, how));
          continue;
        }
        if (!arn) {
          named.forEach((t) => logs(t, sides));
          continue;
        }
        // Exclusions (NotStartsWith / NotEquals): the stores they name, by reference or literal name, are logged at most in part.
        const excluded = new Set<ResourceView>();
        const literals: string[] = [];
        // An exclusion known only at deployment may remove any store of the types: nothing is logged for certain.
        let exclusionUnknown = false;
        // Stores a literal exclusion may take in, their names being known only at deployment: not logged for certain.
        const mayBeExcluded = new Set<ResourceView>();
        for (const v of [arn.NotStartsWith, arn.NotEquals].flatMap((op) => list(op, 'the resources.ARN exclusions of an advanced event selector', named, false, sides) ?? [])) {
          const mentioned = mentionedResources(v, trail.stackPath, context.lookup);
          mentioned.forEach((r) => excluded.add(r));
          const r = mentioned.length === 0 ? read(v) : undefined;
          if (r && !r.known) {
            unsure(named, 'the resources.ARN exclusions of an advanced event selector', r.why, sides);
            exclusionUnknown = true;
          } else if (r && typeof r.value === 'string') {
            literals.push(r.value);
          }
        }
        if (exclusionUnknown) continue;
        for (const t of named) {
          for (const cfnType of Object.keys(DATA_TYPES).filter((k) => DATA_TYPES[k] === t)) {
            for (const store of context.lookup.resourcesOfType(cfnType)) {
              const verdicts = literals.map((l) => mayExclude(l, t, store, context));
              if (verdicts.includes(true)) {
                excluded.add(store);
              } else if (verdicts.includes(undefined)) {
                mayBeExcluded.add(store);
                sides.sides.forEach((side) => maybe(side, store, `an advanced event selector of ${trail.logicalId} excludes ARNs starting with ${
                  literals.filter((_, i) => verdicts[i] === undefined).join(', ')}, and this store's name is known only at deployment: it may be excluded`));
              }
            }
          }
        }
        excluded.forEach((r) => partly(r, 'its events minus those its resources.ARN exclusion removes'));
        const positive = [arn.StartsWith, arn.Equals].filter((op) => op !== undefined);
        if (positive.length === 0) {
          const notLogged = new Set([...excluded, ...mayBeExcluded]);
          named.forEach((t) => SIDES.forEach((side) => {
            if (sides.sides.includes(side)) c[side].except.push({ type: t, excluded: notLogged });
            else if (sides.why !== undefined) maybe(side, t, `${sides.why}: it may not record ${side} of this store`);
          }));
          continue;
        }
        for (const v of positive.flatMap((op) => list(op, 'the resources.ARN of an advanced event selector', named, false, sides) ?? [])) {
          const mentioned = mentionedResources(v, trail.stackPath, context.lookup);
          mentioned.filter((r) => !excluded.has(r) && !mayBeExcluded.has(r)).forEach((r) => logs(r, sides));
          const r = mentioned.length === 0 ? read(v) : undefined;
          if (r && !r.known) unsure(named, 'the resources.ARN of an advanced event selector', r.why, sides);
        }
      }
    }
    return c;
  });
}

/**
 * DP.LOG.2: every access to customer data is logged. Data buckets (not log destinations) and
 * DynamoDB tables are covered by a trail's data events (for everything of their type, or for them
 * by ARN or ARN prefix), reads and writes alike; data buckets also log server access. Findings: `[DataEvents]`,
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
    const covered = (side: Side) => c[side].all.has(type) || c[side].some.has(resource)
      || c[side].except.some((e) => e.type === type && !e.excluded.has(resource));
    const unknown = (side: Side) => (covered(side) ? undefined : c[side].unknown.get(resource) ?? c[side].unknown.get(type));
    const missing = SIDES.filter((side) => !covered(side) && unknown(side) === undefined);
    const partly = missing.map((side) => c[side].partly.get(resource) ?? c[side].partly.get(type)).find((d) => d !== undefined);
    if (missing.length === SIDES.length) {
      failing.push(failingVerdict('DataEvents', partly ? `no trail records every data event of this store: ${partly}` : 'no trail records data events for this store'));
    } else if (missing.length > 0) {
      // Reads of the data are access too: recording only writes (or only reads) leaves half of it unlogged.
      const other = SIDES.find((side) => side !== missing[0])!;
      failing.push(failingVerdict('DataEvents', covered(other)
        ? `only ${other} are recorded for this store, not ${missing[0]} of its data`
        : `no trail records ${missing[0]} of this store's data`));
    } else {
      const why = SIDES.map(unknown).find((w) => w !== undefined);
      if (why !== undefined) failing.push(unverifiable(why));
    }
    if (resource.type === 'AWS::S3::Bucket' && resource.properties.LoggingConfiguration === undefined) {
      failing.push(failingVerdict('ServerAccessLogs', 'the bucket writes no server access logs'));
    }
    return findingsResult(failing);
  },
};
