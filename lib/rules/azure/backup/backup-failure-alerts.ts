import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { actionGroupsOf, workspacesReceiving } from '../private/monitoring';
import { blocks, mentions, referrersOfType, unknownDetail } from '../private/values';

/** The resource-specific table Backup vaults write job results to. */
export const BACKUP_JOBS_TABLE = 'AddonAzureBackupJobs';

/**
 * DP.BAK.5: a backup vault's job results reach a Log Analytics workspace, and a log alert on
 * that workspace queries failed backup jobs and notifies an action group.
 */
export const AzureBackupFailureAlerts: AzureResourceRule = {
  name: 'AzureBackupFailureAlerts',
  controlId: 'DP.BAK.5',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  covers: 'vault logs in a workspace, a query alert on `AddonAzureBackupJobs` with an action group',
  level: Severity.ERROR,
  info: 'No alert notifies an action group when a backup job of this vault fails.',
  explanation: 'DP.BAK.5 promises that failed backup and restore jobs alert the operations team. Send the vault\'s '
    + 'logs to a Log Analytics workspace with a diagnostic setting, and add an azurerm_monitor_scheduled_query_rules_alert_v2 '
    + `scoped to that workspace whose query reads ${BACKUP_JOBS_TABLE} and which names an action group (CentralLogAnalytics does).`,
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const receiving = workspacesReceiving(resource, context.lookup);
    for (const { workspace } of receiving) {
      if (!workspace) continue;
      for (const alert of referrersOfType(workspace, ['azurerm_monitor_scheduled_query_rules_alert_v2'], context.lookup)) {
        const scoped = Array.isArray(alert.config.scopes) && alert.config.scopes.some((s: unknown) => mentions(s, workspace));
        const queriesJobs = blocks(alert.config.criteria).some((c) => typeof c.query === 'string' && c.query.includes(BACKUP_JOBS_TABLE));
        if (scoped && queriesJobs && actionGroupsOf(alert).length > 0) return COMPLIANT;
      }
    }
    const open = receiving.find((r) => r.unresolved);
    return open ? unverifiable(unknownDetail(open.setting, 'log_analytics_workspace_id', open.setting.config.log_analytics_workspace_id)) : NON_COMPLIANT;
  },
};
