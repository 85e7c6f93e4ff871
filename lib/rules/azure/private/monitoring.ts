import { blocks, isExpression, mentions, referencedResource, referrersOfType, unknownDetail } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** Alert resource types and where each names its action groups. */
export const ALERT_TYPES = [
  'azurerm_monitor_metric_alert',
  'azurerm_monitor_scheduled_query_rules_alert_v2',
  'azurerm_monitor_activity_log_alert',
];

/** The action group IDs an alert notifies (any of the three alert shapes). */
export function actionGroupsOf(alert: TerraformResourceView): unknown[] {
  const ids: unknown[] = [];
  for (const a of blocks(alert.config.action)) {
    if (a.action_group_id !== undefined) ids.push(a.action_group_id);
    if (Array.isArray(a.action_groups)) ids.push(...a.action_groups);
  }
  return ids;
}

/** A diagnostic setting of a resource and where it sends logs. */
export interface ReceivingWorkspace {
  readonly setting: TerraformResourceView;
  /** The workspace, when the configuration declares it. */
  readonly workspace?: TerraformResourceView;
  /**
   * A workspace that exists outside the configuration: a literal workspace ID, or a
   * `data.azurerm_log_analytics_workspace` data source.
   */
  readonly external?: string;
  /** The workspace ID is an expression the reader could not follow. */
  readonly unresolved: boolean;
}

const WORKSPACE_ID = /^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.operationalinsights\/workspaces\/[^/]+$/i;

/** Diagnostic settings that send `target`'s logs somewhere, and the Log Analytics workspace they send to. */
export function workspacesReceiving(target: TerraformResourceView, lookup: TerraformLookup): ReceivingWorkspace[] {
  return referrersOfType(target, ['azurerm_monitor_diagnostic_setting'], lookup)
    .filter((s) => mentions(s.config.target_resource_id, target))
    .map((s) => {
      const id = s.config.log_analytics_workspace_id;
      const workspace = referencedResource(id, lookup);
      if (workspace) return { setting: s, workspace, unresolved: false };
      if (typeof id === 'string' && (WORKSPACE_ID.test(id) || /^\$\{data\.azurerm_log_analytics_workspace\.[^.]+\.id\}$/.test(id))) {
        return { setting: s, external: id, unresolved: false };
      }
      return { setting: s, unresolved: id !== undefined && isExpression(id) };
    });
}

/** The log categories one diagnostic setting sends: named categories and groups, or why unknown. */
export interface SentCategories {
  /** Lower-case category names (`storageread`) and category groups (`alllogs`, `audit`). */
  readonly names: ReadonlySet<string>;
  /** Set when a block or value is an expression. */
  readonly unknown?: string;
}

/** The categories and groups a diagnostic setting enables (`enabled_log`, and v3 `log` blocks not disabled). */
export function sentCategories(setting: TerraformResourceView): SentCategories {
  const names = new Set<string>();
  for (const arg of ['enabled_log', 'log']) {
    const raw = setting.config[arg];
    if (isExpression(raw)) return { names, unknown: `${setting.address}: ${arg} = ${raw}` };
    for (const b of blocks(raw)) {
      if (arg === 'log' && (b.enabled === false || b.enabled === 'false')) continue;
      for (const key of ['category', 'category_group']) {
        const v = b[key];
        if (v === undefined || v === null || v === '') continue;
        if (isExpression(v)) return { names, unknown: `${setting.address}: ${arg}.${key} = ${v}` };
        names.add(String(v).toLowerCase());
      }
    }
  }
  return { names };
}

/** Where a diagnostic setting sends logs, in words; undefined when it names no destination. */
export function destinationOf(setting: TerraformResourceView): string | undefined {
  const c = setting.config;
  if (c.log_analytics_workspace_id) return `workspace ${describeId(c.log_analytics_workspace_id)}`;
  if (c.storage_account_id) return `storage account ${describeId(c.storage_account_id)}`;
  if (c.eventhub_authorization_rule_id) return 'an event hub';
  if (c.partner_solution_id) return 'a partner solution';
  return undefined;
}

function describeId(id: unknown): string {
  const text = String(id);
  const m = /^\$\{([^}]+)\.id\}$/.exec(text);
  return m ? m[1] : text;
}

/** What the diagnostic settings of a target send, for rules that need given categories. */
export type CategoryCoverage = { covered: true; detail: string } | { covered: false; why: string } | { unknown: string };

/**
 * Whether some diagnostic setting of `target` (optionally of one of its sub-resources, such as
 * `/blobServices/default`) sends every one of `categories` (or a group that holds them all) to a
 * Log Analytics workspace (`workspaceOnly`) or any destination.
 */
export function categoriesReaching(
  target: TerraformResourceView, lookup: TerraformLookup, categories: readonly string[],
  options: { subResource?: string; groups: readonly string[]; workspaceOnly: boolean },
): CategoryCoverage {
  const wanted = categories.map((c) => c.toLowerCase());
  const groups = options.groups.map((g) => g.toLowerCase());
  const settings = referrersOfType(target, ['azurerm_monitor_diagnostic_setting'], lookup).filter((s) => {
    const t = s.config.target_resource_id;
    if (!mentions(t, target)) return false;
    const text = String(t).toLowerCase();
    return options.subResource ? text.includes(options.subResource.toLowerCase()) : !/\/(blob|file|table|queue)services\//.test(text);
  });
  const unknowns: string[] = [];
  const partial: string[] = [];
  for (const s of settings) {
    const sent = sentCategories(s);
    if (sent.unknown) { unknowns.push(sent.unknown); continue; }
    const missing = wanted.filter((c) => !sent.names.has(c)) ;
    const byGroup = groups.some((g) => sent.names.has(g));
    if (missing.length > 0 && !byGroup) {
      if (sent.names.size > 0) partial.push(`${s.address} sends ${[...sent.names].join(', ')} but not ${missing.join(', ')}`);
      continue;
    }
    const workspace = s.config.log_analytics_workspace_id;
    if (options.workspaceOnly && !workspace) { partial.push(`${s.address} sends to no Log Analytics workspace`); continue; }
    if (isExpression(workspace) && !referencedResource(workspace, lookup) && !/^\$\{data\.azurerm_log_analytics_workspace\.[^.]+\.id\}$/.test(String(workspace))) {
      unknowns.push(unknownDetail(s, 'log_analytics_workspace_id', workspace));
      continue;
    }
    const where = destinationOf(s);
    if (!where) { partial.push(`${s.address} names no destination`); continue; }
    if (s.uncertainExistence !== undefined) { unknowns.push(`${s.address} may not exist: ${s.uncertainExistence}`); continue; }
    return { covered: true, detail: `${s.address} sends ${byGroup && missing.length > 0 ? groups.filter((g) => sent.names.has(g)).join(', ') : wanted.join(', ')} to ${where}` };
  }
  if (unknowns.length > 0) return { unknown: unknowns.join('; ') };
  const where = options.subResource ? ` of ${options.subResource.replace(/^\//, '')}` : '';
  return { covered: false, why: partial.length > 0 ? partial.join('; ') : `no diagnostic setting${where} sends ${categories.join(', ')}` };
}

/** Whether a storage account receives logs (a diagnostic setting's or flow log's `storage_account_id`): a log store, not customer data. */
export function isLogStore(account: TerraformResourceView, lookup: TerraformLookup): boolean {
  return lookup.referrers(account).some((r) => (r.type === 'azurerm_monitor_diagnostic_setting' || r.type === 'azurerm_network_watcher_flow_log')
    && mentions(r.config.storage_account_id, account));
}
