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

/** Diagnostic settings that send `target`'s logs to a Log Analytics workspace declared in the configuration. */
export function workspacesReceiving(target: TerraformResourceView, lookup: TerraformLookup): { setting: TerraformResourceView; workspace?: TerraformResourceView; unresolved: boolean }[] {
  return referrersOfType(target, ['azurerm_monitor_diagnostic_setting'], lookup)
    .filter((s) => mentions(s.config.target_resource_id, target))
    .map((s) => {
      const id = s.config.log_analytics_workspace_id;
      const workspace = referencedResource(id, lookup);
      return { setting: s, workspace, unresolved: id !== undefined && !workspace && isExpression(id) };
    });
}
