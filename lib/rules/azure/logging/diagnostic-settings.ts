import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { blocks, UNVERIFIABLE } from '../private/values';
import { workspacesReceiving } from '../private/monitoring';

/** Resources whose API and data-plane activity the policy promises to log centrally. */
export const LOGGED_TYPES = [
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_postgresql_flexible_server',
  'azurerm_data_protection_backup_vault',
  'azurerm_network_security_group',
];

/**
 * DP.LOG.1: every data store, key vault, backup vault and network security group sends its
 * logs to a Log Analytics workspace through a diagnostic setting. For a storage account the
 * setting may target the account or one of its services (`<id>/blobServices/default`).
 */
export const AzureDiagnosticSettings: AzureResourceRule = {
  name: 'AzureDiagnosticSettings',
  controlId: 'DP.LOG.1',
  resourceTypes: LOGGED_TYPES,
  covers: 'storage, Key Vault, PostgreSQL, backup vaults, NSGs',
  level: Severity.ERROR,
  info: 'No diagnostic setting sends this resource\'s logs to a Log Analytics workspace.',
  explanation: 'DP.LOG.1 promises a central audit trail of API activity. Add an azurerm_monitor_diagnostic_setting whose '
    + 'target_resource_id is the resource (or its blob service) with a log_analytics_workspace_id and at least one '
    + 'enabled_log (CentralLogAnalytics.addDiagnostics does, with category group "allLogs" or "audit").',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const receiving = workspacesReceiving(resource, context.lookup);
    if (receiving.some((r) => r.workspace && blocks(r.setting.config.enabled_log).length > 0)) return COMPLIANT;
    return receiving.some((r) => r.unresolved) ? [UNVERIFIABLE] : NON_COMPLIANT;
  },
};
