import { maxIntervalDays } from './schedule';
import { isIntrinsic, tagValue, unknownValue } from './values';
import { ResourceLookup, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources, referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { unverifiable, Verdict } from '../../../core/engine';
import { DATA_CLASS_TAG, DataClass } from '../../../core/policy/data-class';
import { isLogBucket } from '../data/s3-bucket-lifecycle-expiry';

/** The resource types that hold data and must be backed up, with their data class by default. */
export const STATEFUL_TYPES: { readonly [type: string]: DataClass } = {
  'AWS::RDS::DBInstance': DataClass.DATABASE,
  'AWS::RDS::DBCluster': DataClass.DATABASE,
  'AWS::DynamoDB::Table': DataClass.DATABASE,
  'AWS::DynamoDB::GlobalTable': DataClass.DATABASE,
  'AWS::DocDB::DBCluster': DataClass.DATABASE,
  'AWS::Neptune::DBCluster': DataClass.DATABASE,
  'AWS::EFS::FileSystem': DataClass.FILES,
  'AWS::S3::Bucket': DataClass.FILES,
  'AWS::EC2::Volume': DataClass.FILES,
};

/** The service part of the ARN of each stateful type, for wildcard selections (`arn:aws:rds:*:*:db:*`). */
const ARN_SERVICE: { readonly [type: string]: string } = {
  'AWS::RDS::DBInstance': 'rds', 'AWS::RDS::DBCluster': 'rds', 'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb', 'AWS::DocDB::DBCluster': 'rds', 'AWS::Neptune::DBCluster': 'rds',
  'AWS::EFS::FileSystem': 'elasticfilesystem', 'AWS::S3::Bucket': 's3', 'AWS::EC2::Volume': 'ec2',
};

/** One rule of a backup plan, as read from the template. */
export interface PlanRule {
  readonly name: string;
  readonly continuous: boolean;
  /** Longest gap between runs in days; undefined when the schedule cannot be read. */
  readonly intervalDays?: number;
  readonly schedule: unknown;
  /** Why the schedule is known only at deployment (a parameter without default, an import), if it is. */
  readonly scheduleUnknown?: string;
  /** DeleteAfterDays: a number, null for "kept until deleted", undefined when unresolved. */
  readonly deleteAfterDays: number | null | undefined;
  readonly targetVault?: ResourceView;
  readonly copies: { readonly destination: unknown; readonly deleteAfterDays: number | null | undefined }[];
}

/** A backup plan with its rules and whether anything selects it. */
export interface PlanInfo {
  readonly view: ResourceView;
  readonly rules: PlanRule[];
  readonly unreadable: boolean;
  readonly selected: boolean;
}

/** A tag test of a selection: ListOfTags entries (always StringEquals) and Conditions entries. */
interface TagTest {
  readonly op: 'StringEquals' | 'StringNotEquals' | 'StringLike' | 'StringNotLike';
  readonly key: string;
  readonly value: string;
}

/** A three-valued outcome: true, false, or unknown with the reason an auditor reads. */
type Outcome = boolean | { readonly why: string };

interface SelectionInfo {
  readonly view: ResourceView;
  readonly plan?: ResourceView;
  readonly tags: TagTest[];
  readonly wildcards: string[];
  /** Tag conditions that must all hold (AND), on top of Resources / ListOfTags. */
  readonly conditions: TagTest[];
  /** Why the Conditions cannot be read (a key or value known only at deployment), if so. */
  readonly unreadableConditions?: string;
  /** Selects by Conditions alone (no Resources, no ListOfTags): every resource they hold for. */
  readonly conditionsOnly: boolean;
  readonly excludedWildcards: string[];
  readonly unresolved: boolean;
  /** NotResources entries known only at deployment: they may exclude any resource. */
  readonly unknownExclusions: unknown[];
}

/** A plan whose selection picks a resource unless an exclusion known only at deployment removes it. */
export interface UncertainCoverage {
  readonly plan: ResourceView;
  readonly selection: ResourceView;
  /** The NotResources entry (or list) that may exclude the resource. */
  readonly exclusion: unknown;
  /** Set instead when what is unknown is whether the selection picks it (a tag, a condition, a wildcard): why. */
  readonly reason?: string;
}

/** Everything backup rules need about the app, built once per evaluation. */
export interface BackupModel {
  readonly plans: Map<ResourceView, PlanInfo>;
  /**
   * Plans whose selections cover a resource; `unresolved` when a selection could not be read;
   * `uncertain` the plans whose selections pick it but may exclude it by a NotResources entry
   * known only at deployment (not in `plans`).
   */
  coverage(resource: ResourceView): { plans: ResourceView[]; unresolved: boolean; uncertain: UncertainCoverage[] };
}

function days(raw: unknown, stackPath: string, lookup: ResourceLookup): number | null | undefined {
  const r = resolveValue(raw, stackPath, lookup);
  if (!r.known) return undefined;
  const v = r.value;
  if (v === undefined) return null;
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function readPlan(view: ResourceView, lookup: ResourceLookup): Omit<PlanInfo, 'selected'> {
  const body = view.properties.BackupPlan;
  const rules = body?.BackupPlanRule;
  if (isIntrinsic(body) || !Array.isArray(rules)) return { view, rules: [], unreadable: true };
  let unreadable = false;
  const parsed = rules.map((r: any): PlanRule => {
    if (isIntrinsic(r)) unreadable = true;
    const continuous = r?.EnableContinuousBackup === true || r?.EnableContinuousBackup === 'true';
    const schedule = resolveValue(r?.ScheduleExpression, view.stackPath, lookup);
    return {
      name: typeof r?.RuleName === 'string' ? r.RuleName : '?',
      continuous,
      schedule: r?.ScheduleExpression,
      intervalDays: schedule.known ? maxIntervalDays(schedule.value) : undefined,
      ...(schedule.known ? {} : { scheduleUnknown: `the ScheduleExpression of ${typeof r?.RuleName === 'string' ? r.RuleName : '?'} is ${schedule.why}` }),
      deleteAfterDays: days(r?.Lifecycle?.DeleteAfterDays, view.stackPath, lookup),
      targetVault: referencedResource(r?.TargetBackupVault, view.stackPath, lookup),
      copies: (Array.isArray(r?.CopyActions) ? r.CopyActions : []).map((c: any) => ({
        destination: c?.DestinationBackupVaultArn, deleteAfterDays: days(c?.Lifecycle?.DeleteAfterDays, view.stackPath, lookup),
      })),
    };
  });
  return { view, rules: parsed, unreadable };
}

function readSelection(view: ResourceView, context: RuleContext): SelectionInfo & { resources: ResourceView[]; excluded: ResourceView[] } {
  const { lookup } = context;
  const sel = view.properties.BackupSelection;
  const plan = referencedResource(view.properties.BackupPlanId, view.stackPath, lookup);
  const empty = {
    view, plan, tags: [], wildcards: [], resources: [], excluded: [], unknownExclusions: [],
    conditions: [], conditionsOnly: false, excludedWildcards: [],
  };
  if (isIntrinsic(sel) || !sel) return { ...empty, unresolved: true };
  // A list the template computes (a CommaDelimitedList parameter) is read when the app defines it;
  // otherwise it may name anything.
  const listOf = (raw: unknown): any[] | undefined => {
    if (raw === undefined || Array.isArray(raw)) return raw ?? [];
    const r = resolveValue(raw, view.stackPath, lookup);
    return r.known && (r.value === undefined || Array.isArray(r.value)) ? (r.value as any[] | undefined) ?? [] : undefined;
  };
  // A reference, or an ARN built around one (CDK writes an EFS file system's ARN as a Fn::Join
  // around its Ref): an expression naming exactly one stateful resource names that resource.
  const named = (r: unknown): ResourceView | undefined => {
    const direct = referencedResource(r, view.stackPath, lookup);
    const mentioned = direct ? [direct] : mentionedResources(r, view.stackPath, lookup).filter((m) => m.type in STATEFUL_TYPES);
    return mentioned.length === 1 ? mentioned[0] : undefined;
  };
  const resourceList = listOf(sel.Resources);
  let unresolved = resourceList === undefined;
  const resources: ResourceView[] = [];
  const wildcards: string[] = [];
  for (const entry of resourceList ?? []) {
    const literal = typeof entry === 'string' ? undefined : resolveValue(entry, view.stackPath, lookup);
    const r = literal?.known && typeof literal.value === 'string' ? literal.value : entry;
    if (typeof r === 'string') {
      if (r.includes('*')) wildcards.push(r);
      // A literal ARN of another account's or a physical resource: not a resource of this app.
      continue;
    }
    const resource = named(r);
    if (resource) resources.push(resource);
    else unresolved = true;
  }
  const excluded: ResourceView[] = [];
  const excludedWildcards: string[] = [];
  const notResources = listOf(sel.NotResources);
  const unknownExclusions: unknown[] = notResources === undefined ? [sel.NotResources] : [];
  for (const r of notResources ?? []) {
    const literal = resolveValue(r, view.stackPath, lookup);
    const resource = typeof r === 'string' ? undefined : named(r);
    if (resource) excluded.push(resource);
    else if (!literal.known) unknownExclusions.push(r);
    // A wildcard excludes what it matches, as in Resources; a literal ARN names nothing of the app.
    else if (typeof literal.value === 'string' && literal.value.includes('*')) excludedWildcards.push(literal.value);
  }
  const tags: TagTest[] = [];
  const tagList = listOf(sel.ListOfTags);
  if (tagList === undefined) unresolved = true;
  for (const t of tagList ?? []) {
    if (typeof t?.ConditionKey === 'string' && typeof t?.ConditionValue === 'string' && t.ConditionType === 'STRINGEQUALS') {
      tags.push({ op: 'StringEquals', key: t.ConditionKey, value: t.ConditionValue });
    } else {
      unresolved = true;
    }
  }
  const conditions: TagTest[] = [];
  let unreadableConditions: string | undefined;
  const raw = sel.Conditions;
  if (isIntrinsic(raw)) unreadableConditions = unknownValue(`Conditions of ${view.logicalId}`, raw, view, context).detail;
  for (const op of ['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'] as const) {
    const entries = listOf(isIntrinsic(raw) ? undefined : raw?.[op]);
    if (entries === undefined) unreadableConditions ??= unknownValue(`Conditions.${op} of ${view.logicalId}`, raw[op], view, context).detail;
    for (const c of entries ?? []) {
      const key = resolveValue(c?.ConditionKey, view.stackPath, lookup);
      const value = resolveValue(c?.ConditionValue, view.stackPath, lookup);
      const m = key.known && typeof key.value === 'string' ? /^aws:ResourceTag\/(.+)$/.exec(key.value) : null;
      if (!key.known) {
        unreadableConditions ??= unknownValue(`a ${op} condition key of ${view.logicalId}`, c?.ConditionKey, view, context).detail;
      } else if (!m) {
        unreadableConditions ??= `${view.logicalId} has a ${op} condition on ${JSON.stringify(key.value)}, not on a resource tag this rule can read`;
      } else if (!value.known || typeof value.value !== 'string') {
        unreadableConditions ??= unknownValue(`the ${op} condition value on ${m[1]} of ${view.logicalId}`, c?.ConditionValue, view, context).detail;
      } else {
        conditions.push({ op, key: m[1], value: value.value });
      }
    }
  }
  // Conditions only filter what Resources and ListOfTags select; given alone, AWS Backup starts
  // from every supported resource, so they select every resource they hold for. (A Resources or
  // ListOfTags list known only at deployment is not "absent".)
  const conditionsOnly = resourceList?.length === 0 && tagList?.length === 0
    && (conditions.length > 0 || unreadableConditions !== undefined);
  return {
    view, plan, tags, wildcards, resources, excluded, unresolved, unknownExclusions,
    conditions, unreadableConditions, conditionsOnly, excludedWildcards,
  };
}

/** The literal tags of a resource, wherever its type keeps them. */
export function tagsOf(resource: ResourceView): string[] {
  const p = resource.properties;
  const lists = [p.Tags, p.FileSystemTags, ...(Array.isArray(p.Replicas) ? p.Replicas.map((r: any) => r?.Tags) : [])];
  const out: string[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const t of list) if (typeof t?.Key === 'string' && typeof t?.Value === 'string') out.push(`${t.Key}=${t.Value}`);
  }
  return out;
}

/** The data class of a stateful resource: its `dp:data-class` tag, else what its type holds. */
export function dataClassOf(resource: ResourceView): DataClass | undefined {
  const tagged = tagValue(resource.properties.Tags, DATA_CLASS_TAG);
  if (tagged === DataClass.DATABASE || tagged === DataClass.FILES || tagged === DataClass.LOGS) return tagged;
  return STATEFUL_TYPES[resource.type];
}

/** Whether a resource holds data that must be backed up (Aurora members and log buckets do not count). */
export function needsBackup(resource: ResourceView, context: RuleContext): boolean {
  if (!(resource.type in STATEFUL_TYPES)) return false;
  if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return false;
  if (resource.type === 'AWS::S3::Bucket' && isLogBucket(resource, context)) return false;
  return dataClassOf(resource) !== DataClass.LOGS;
}

/** How each stateful type's ARN begins after `arn:partition:service:region:account:` (its name follows). */
const ARN_RESOURCE_PREFIX: { readonly [type: string]: string } = {
  'AWS::RDS::DBInstance': 'db:', 'AWS::RDS::DBCluster': 'cluster:', 'AWS::DynamoDB::Table': 'table/',
  'AWS::DynamoDB::GlobalTable': 'table/', 'AWS::DocDB::DBCluster': 'cluster:', 'AWS::Neptune::DBCluster': 'cluster:',
  'AWS::EFS::FileSystem': 'file-system/', 'AWS::S3::Bucket': '', 'AWS::EC2::Volume': 'volume/',
};

/**
 * Whether an ARN pattern with wildcards matches a resource of the app: true, false, or unknown
 * when it depends on what the template does not fix (its name, its account, an unset region).
 */
function wildcardMatches(pattern: string, resource: ResourceView): Outcome {
  if (pattern === '*') return true;
  const parts = pattern.split(':');
  if (parts.length < 6 || !like(parts[2], ARN_SERVICE[resource.type] ?? '')) return false;
  const unknownPart = { why: `whether ${pattern} matches ${resource.logicalId} depends on its name, account or region, fixed only at deployment` };
  let outcome: Outcome = true;
  const region = parts[3];
  if (region !== '*' && region !== '') {
    if (resource.region === undefined) outcome = unknownPart;
    else if (!like(region, resource.region)) return false;
  }
  if (parts[4] !== '*' && parts[4] !== '') outcome = unknownPart;
  const name = parts.slice(5).join(':');
  const prefix = ARN_RESOURCE_PREFIX[resource.type] ?? '';
  // A trailing `*` that matches after the type's prefix matches whatever name follows it.
  if (name.endsWith('*') && like(name, prefix)) return outcome;
  const fixed = name.split(/[*?]/)[0];
  return fixed.startsWith(prefix) || prefix.startsWith(fixed) ? unknownPart : false;
}

/** `*` and `?` wildcards of StringLike, as in IAM. */
function like(pattern: string, value: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(value);
}

/**
 * The value of a resource's tag: a string, undefined when it has no such tag, or unknown (a value
 * or a key known only at deployment, or a tag list the template computes).
 */
function tagReader(resource: ResourceView, context: RuleContext): (key: string) => string | undefined | { why: string } {
  const p = resource.properties;
  const lists = [p.Tags, p.FileSystemTags, ...(Array.isArray(p.Replicas) ? p.Replicas.map((r: any) => r?.Tags) : [])];
  const known = new Map<string, string | { why: string }>();
  let anyKey: { why: string } | undefined;
  const unknown = (label: string, value: unknown) => ({ why: unknownValue(label, value, resource, context).detail ?? label });
  lists.forEach((list, i) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) {
      anyKey ??= unknown(`the tags of ${resource.logicalId}`, list);
      return;
    }
    for (const t of list) {
      const key = resolveValue(t?.Key, resource.stackPath, context.lookup);
      if (!key.known || typeof key.value !== 'string') {
        anyKey ??= unknown(`a tag key of ${resource.logicalId}`, t?.Key);
        continue;
      }
      const value = resolveValue(t?.Value, resource.stackPath, context.lookup);
      const read = value.known && typeof value.value === 'string' ? value.value
        : unknown(`tag ${key.value} of ${resource.logicalId}`, t?.Value);
      if (!known.has(key.value) || i === 0) known.set(key.value, read);
    }
  });
  return (key) => (known.has(key) ? known.get(key) : anyKey);
}

/** Whether a resource passes a tag test. Negated operators hold on an absent tag, as in IAM. */
function passes(test: TagTest, tag: (key: string) => string | undefined | { why: string }): Outcome {
  const v = tag(test.key);
  if (typeof v === 'object') return v;
  const negated = test.op === 'StringNotEquals' || test.op === 'StringNotLike';
  if (v === undefined) return negated;
  const hit = test.op === 'StringEquals' || test.op === 'StringNotEquals' ? v === test.value : like(test.value, v);
  return negated ? !hit : hit;
}

const any = (outcomes: Outcome[]): Outcome => (outcomes.includes(true) ? true : outcomes.find((o) => o !== false) ?? false);
const all = (outcomes: Outcome[]): Outcome => (outcomes.includes(false) ? false : outcomes.find((o) => o !== true) ?? true);

/** The app's backup model, built on first use and shared by every backup rule of the evaluation. */
export function backupModel(context: RuleContext): BackupModel {
  return context.lookup.memo('backup-model', () => {
    const { lookup } = context;
    const selections = lookup.resourcesOfType('AWS::Backup::BackupSelection').map((v) => readSelection(v, context));
    const selectedPlans = new Set(selections.map((s) => s.plan).filter((p): p is ResourceView => !!p));
    const plans = new Map<ResourceView, PlanInfo>();
    for (const view of lookup.resourcesOfType('AWS::Backup::BackupPlan')) {
      plans.set(view, { ...readPlan(view, lookup), selected: selectedPlans.has(view) || selections.some((s) => !s.plan) });
    }
    const anyUnresolved = selections.some((s) => s.unresolved);
    return {
      plans,
      coverage(resource: ResourceView) {
        const tag = tagReader(resource, context);
        const sure: ResourceView[] = [];
        const uncertain: UncertainCoverage[] = [];
        let unresolved = anyUnresolved;
        for (const s of selections) {
          const excluded = s.excluded.includes(resource) || any(s.excludedWildcards.map((w) => wildcardMatches(w, resource)));
          if (excluded === true) continue;
          // Resources and ListOfTags select (OR); Conditions then must all hold (AND) and never add.
          const picked = s.conditionsOnly || s.resources.includes(resource)
            || any([...s.wildcards.map((w) => wildcardMatches(w, resource)), ...s.tags.map((t) => passes(t, tag))]);
          const readable = s.unreadableConditions === undefined || { why: s.unreadableConditions };
          const outcome = all([picked, readable, ...s.conditions.map((c) => passes(c, tag))]);
          if (outcome === false) continue;
          if (!s.plan) unresolved = true;
          else if (outcome !== true) uncertain.push({ plan: s.plan, selection: s.view, exclusion: undefined, reason: outcome.why });
          else if (excluded !== false) uncertain.push({ plan: s.plan, selection: s.view, exclusion: undefined, reason: `NotResources of ${s.view.logicalId} may exclude it: ${excluded.why}` });
          else if (s.unknownExclusions.length > 0) uncertain.push({ plan: s.plan, selection: s.view, exclusion: s.unknownExclusions[0] });
          else sure.push(s.plan);
        }
        return { plans: sure, unresolved, uncertain };
      },
    };
  });
}

/** Unverifiable: the plan may select the resource (an exclusion, a tag or a match known only at deployment). */
export function uncertainCoverageVerdict(u: UncertainCoverage, context: RuleContext): Verdict {
  if (u.reason !== undefined) return unverifiable(`${u.plan.logicalId} may select it: ${u.reason}`);
  const why = unknownValue(`NotResources of ${u.selection.logicalId}`, u.exclusion, u.selection, context).detail;
  return unverifiable(`${u.plan.logicalId} selects it unless excluded: ${why}`);
}

/** The region a vault ARN (literal, joined, or a reference to a vault of the app) points at. */
export function vaultRegion(destination: unknown, from: ResourceView, lookup: ResourceLookup): string | undefined {
  if (typeof destination === 'string') return destination.split(':')[3] || undefined;
  const target = referencedResource(destination, from.stackPath, lookup);
  if (target) return target.region;
  const join = (destination as any)?.['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    const text = join[1].map((p: unknown) => (typeof p === 'string' ? p : '\u0000')).join(join[0]);
    const region = text.split(':')[3];
    return region && !region.includes('\u0000') ? region : undefined;
  }
  return undefined;
}
