import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { Construct } from 'constructs';
import { BACKUP_JOBS_TABLE } from '../../rules/azure/backup/backup-failure-alerts';
import { AnomalyAlertOptions, AzureLogDestinationConfig } from '../log-destination';

/**
 * Send a resource's logs (and metrics) to the destination's workspace.
 * @param categoryGroups log category groups, e.g. `allLogs` or `audit`
 * @param dedicated write to resource-specific tables (Backup vaults need them for job alerts)
 */
export function diagnosticSetting(
  scope: Construct, id: string, destination: AzureLogDestinationConfig, targetResourceId: string,
  categoryGroups: readonly string[] = ['allLogs'], dedicated = false, metrics = true,
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name: 'central-log-analytics',
    targetResourceId,
    logAnalyticsWorkspaceId: destination.workspaceId,
    ...(dedicated ? { logAnalyticsDestinationType: 'Dedicated' } : {}),
    enabledLog: categoryGroups.map((categoryGroup) => ({ categoryGroup })),
    // Some resources (network security groups) have logs but no platform metrics.
    ...(metrics ? { enabledMetric: [{ category: 'AllMetrics' }] } : {}),
  });
}

/**
 * A log alert on the destination's workspace that pages its action groups whenever `query` returns rows.
 */
export function logAlert(
  scope: Construct, id: string, destination: AzureLogDestinationConfig, name: string, description: string, query: string,
  dependsOn: readonly MonitorDiagnosticSetting[] = [],
): MonitorScheduledQueryRulesAlertV2 {
  return new MonitorScheduledQueryRulesAlertV2(scope, id, {
    name,
    location: destination.alertPlacement.location,
    resourceGroupName: destination.alertPlacement.resourceGroupName,
    scopes: [destination.workspaceId],
    description,
    severity: 1,
    evaluationFrequency: 'PT15M',
    windowDuration: 'PT15M',
    criteria: [{
      query,
      timeAggregationMethod: 'Count',
      operator: 'GreaterThan',
      threshold: 0,
      failingPeriods: { minimumFailingPeriodsToTriggerAlert: 1, numberOfEvaluationPeriods: 1 },
    }],
    action: { actionGroups: [...destination.actionGroupIds] },
    dependsOn: [...dependsOn],
  });
}

/** A metric alert with dynamic thresholds (Azure's anomaly detection) that pages the destination's action groups. */
export function anomalyAlert(scope: Construct, id: string, destination: AzureLogDestinationConfig, alert: AnomalyAlertOptions): MonitorMetricAlert {
  return new MonitorMetricAlert(scope, id, {
    name: `${id.toLowerCase()}-anomaly`,
    resourceGroupName: destination.alertPlacement.resourceGroupName,
    scopes: [alert.scope],
    description: alert.description,
    severity: 2,
    frequency: 'PT5M',
    windowSize: 'PT15M',
    dynamicCriteria: {
      metricNamespace: alert.metricNamespace,
      metricName: alert.metricName,
      aggregation: alert.aggregation,
      operator: 'GreaterOrLessThan',
      alertSensitivity: 'Medium',
    },
    action: destination.actionGroupIds.map((actionGroupId) => ({ actionGroupId })),
  });
}

/**
 * A log alert on the destination's workspace that pages its action groups when a backup or restore
 * job of the vault fails (the vault's logs must reach the workspace in resource-specific tables).
 */
export function backupJobFailureAlert(
  scope: Construct, id: string, destination: AzureLogDestinationConfig, name: string, description: string,
  dependsOn: readonly MonitorDiagnosticSetting[],
): MonitorScheduledQueryRulesAlertV2 {
  return logAlert(scope, id, destination, name, description,
    `${BACKUP_JOBS_TABLE} | where JobStatus == "Failed" | summarize failures = count() by JobOperation, BackupItemUniqueId`, dependsOn);
}
