import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { blocks, mentions, referrersOfType } from '../private/values';
import { actionGroupsOf } from '../private/monitoring';

/**
 * DP.MON.1: every PostgreSQL server and storage account (the data stores whose KPIs the policy
 * watches) carries a metric alert with dynamic thresholds (Azure's anomaly detection) that
 * notifies an action group.
 */
export const AzureAnomalyAlerts: AzureResourceRule = {
  name: 'AzureAnomalyAlerts',
  controlId: 'DP.MON.1',
  resourceTypes: ['azurerm_postgresql_flexible_server', 'azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'No dynamic-threshold (anomaly) metric alert watches this data store.',
  explanation: 'DP.MON.1 promises anomaly-detection alarms on KPIs. Add an azurerm_monitor_metric_alert scoped to the '
    + 'resource with a dynamic_criteria block and an action group (CentralLogAnalytics.monitorStorage, monitorPostgres or addAnomalyAlert do).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const watched = referrersOfType(resource, ['azurerm_monitor_metric_alert'], context.lookup).some((a) =>
      Array.isArray(a.config.scopes) && a.config.scopes.some((s: unknown) => mentions(s, resource))
      && blocks(a.config.dynamic_criteria).length > 0 && actionGroupsOf(a).length > 0);
    return watched ? COMPLIANT : NON_COMPLIANT;
  },
};
