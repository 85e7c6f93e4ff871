import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';
import { blocks, isExpression, mentions, referencedResource, referrersOfType } from './values';

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
