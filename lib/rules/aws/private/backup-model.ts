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

interface SelectionInfo {
  readonly view: ResourceView;
  readonly plan?: ResourceView;
  readonly tags: string[];
  readonly wildcards: string[];
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
      deleteAfterDays: days(r?.Lifecycle?.DeleteAfterDays, view.stackPath, lookup),
      targetVault: referencedResource(r?.TargetBackupVault, view.stackPath, lookup),
      copies: (Array.isArray(r?.CopyActions) ? r.CopyActions : []).map((c: any) => ({
        destination: c?.DestinationBackupVaultArn, deleteAfterDays: days(c?.Lifecycle?.DeleteAfterDays, view.stackPath, lookup),
      })),
    };
  });
  return { view, rules: parsed, unreadable };
}

function readSelection(view: ResourceView, lookup: ResourceLookup): SelectionInfo & { resources: ResourceView[]; excluded: ResourceView[] } {
  const sel = view.properties.BackupSelection;
  const plan = referencedResource(view.properties.BackupPlanId, view.stackPath, lookup);
  const empty = { view, plan, tags: [], wildcards: [], resources: [], excluded: [], unknownExclusions: [] };
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
  const notResources = listOf(sel.NotResources);
  const unknownExclusions: unknown[] = notResources === undefined ? [sel.NotResources] : [];
  for (const r of notResources ?? []) {
    const resource = typeof r === 'string' ? undefined : named(r);
    if (resource) excluded.push(resource);
    else if (typeof r !== 'string' && !resolveValue(r, view.stackPath, lookup).known) unknownExclusions.push(r);
  }
  const tags: string[] = [];
  const tagList = listOf(sel.ListOfTags);
  if (tagList === undefined) unresolved = true;
  for (const t of tagList ?? []) {
    if (typeof t?.ConditionKey === 'string' && typeof t?.ConditionValue === 'string' && t.ConditionType === 'STRINGEQUALS') {
      tags.push(`${t.ConditionKey}=${t.ConditionValue}`);
    } else {
      unresolved = true;
    }
  }
  for (const c of Array.isArray(sel.Conditions?.StringEquals) ? sel.Conditions.StringEquals : []) {
    const m = typeof c?.ConditionKey === 'string' ? /^aws:ResourceTag\/(.+)$/.exec(c.ConditionKey) : null;
    if (m && typeof c.ConditionValue === 'string') tags.push(`${m[1]}=${c.ConditionValue}`);
    else unresolved = true;
  }
  return { view, plan, tags, wildcards, resources, excluded, unresolved, unknownExclusions };
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

function wildcardMatches(pattern: string, resource: ResourceView): boolean {
  if (pattern === '*') return true;
  const service = pattern.split(':')[2];
  return service === '*' || service === ARN_SERVICE[resource.type];
}

/** The app's backup model, built on first use and shared by every backup rule of the evaluation. */
export function backupModel(context: RuleContext): BackupModel {
  return context.lookup.memo('backup-model', () => {
    const { lookup } = context;
    const selections = lookup.resourcesOfType('AWS::Backup::BackupSelection').map((v) => readSelection(v, lookup));
    const selectedPlans = new Set(selections.map((s) => s.plan).filter((p): p is ResourceView => !!p));
    const plans = new Map<ResourceView, PlanInfo>();
    for (const view of lookup.resourcesOfType('AWS::Backup::BackupPlan')) {
      plans.set(view, { ...readPlan(view, lookup), selected: selectedPlans.has(view) || selections.some((s) => !s.plan) });
    }
    const byResource = new Map<ResourceView, typeof selections>();
    const byTag = new Map<string, typeof selections>();
    const add = <K>(map: Map<K, typeof selections>, key: K, s: (typeof selections)[number]) => {
      const list = map.get(key) ?? [];
      list.push(s);
      map.set(key, list);
    };
    for (const s of selections) {
      s.resources.forEach((r) => add(byResource, r, s));
      s.tags.forEach((t) => add(byTag, t, s));
    }
    const withWildcards = selections.filter((s) => s.wildcards.length > 0);
    const anyUnresolved = selections.some((s) => s.unresolved);
    return {
      plans,
      coverage(resource: ResourceView) {
        const found = new Set<(typeof selections)[number]>(byResource.get(resource) ?? []);
        for (const tag of tagsOf(resource)) (byTag.get(tag) ?? []).forEach((s) => found.add(s));
        for (const s of withWildcards) if (s.wildcards.some((w) => wildcardMatches(w, resource))) found.add(s);
        const covering = [...found].filter((s) => !s.excluded.includes(resource));
        const sure = covering.filter((s) => s.unknownExclusions.length === 0);
        return {
          plans: sure.map((s) => s.plan).filter((p): p is ResourceView => !!p),
          unresolved: anyUnresolved || covering.some((s) => !s.plan),
          uncertain: covering.flatMap((s) => (s.plan && s.unknownExclusions.length > 0
            ? [{ plan: s.plan, selection: s.view, exclusion: s.unknownExclusions[0] }] : [])),
        };
      },
    };
  });
}

/** Unverifiable: the plan selects the resource unless the exclusion, known only at deployment, removes it. */
export function uncertainCoverageVerdict(u: UncertainCoverage, context: RuleContext): Verdict {
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
