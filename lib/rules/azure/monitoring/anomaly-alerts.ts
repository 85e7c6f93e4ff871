import { COMPLIANT, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { actionGroupsOf } from '../private/monitoring';
import { blocks, boolValue, isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

/**
 * DP.MON.1: every PostgreSQL server and storage account (the data stores whose KPIs the policy
 * watches) carries an enabled metric alert with dynamic thresholds (Azure's anomaly detection)
 * that notifies an action group.
 */
export const AzureAnomalyAlerts: AzureResourceRule = {
  name: 'AzureAnomalyAlerts',
  controlId: 'DP.MON.1',
  resourceTypes: ['azurerm_postgresql_flexible_server', 'azurerm_storage_account'],
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'No enabled dynamic-threshold (anomaly) metric alert watches this data store.',
  explanation: 'DP.MON.1 promises anomaly-detection alarms on KPIs. Add an azurerm_monitor_metric_alert scoped to the '
    + 'resource with a dynamic_criteria block and an action group, and keep it enabled (CentralLogAnalytics.monitorStorage, '
    + 'monitorPostgres or addAnomalyAlert do).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const unknowns: string[] = [];
    const weak: string[] = [];
    for (const alert of referrersOfType(resource, ['azurerm_monitor_metric_alert'], context.lookup)) {
      const scopes = alert.config.scopes;
      if (isExpression(scopes)) {
        unknowns.push(unknownDetail(alert, 'scopes', scopes));
        continue;
      }
      if (!Array.isArray(scopes) || !scopes.some((s: unknown) => mentions(s, resource))) continue;
      if (isExpression(alert.config.dynamic_criteria)) {
        unknowns.push(unknownDetail(alert, 'dynamic_criteria', alert.config.dynamic_criteria));
        continue;
      }
      if (blocks(alert.config.dynamic_criteria).length === 0 || actionGroupsOf(alert).length === 0) continue;
      const enabled = boolValue(alert.config.enabled, true);
      if (enabled === undefined) unknowns.push(unknownDetail(alert, 'enabled', alert.config.enabled));
      else if (!enabled) weak.push(`${alert.address} is disabled (enabled = false)`);
      else if (alert.uncertainExistence !== undefined) unknowns.push(`${alert.address} may not exist: ${alert.uncertainExistence}`);
      else return COMPLIANT;
    }
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    return weak.length > 0 ? nonCompliant(weak.join('; ')) : nonCompliant();
  },
};
