import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { describeAzurerm, UNKNOWN_AZURERM } from '../../../terraform/provider';
import { workspacesReceiving } from '../private/monitoring';
import { blocks, boolValue, isExpression, unknownDetail } from '../private/values';

/** Resources whose API and data-plane activity the policy promises to log centrally. */
export const LOGGED_TYPES = [
  'azurerm_storage_account',
  'azurerm_key_vault',
  'azurerm_postgresql_flexible_server',
  'azurerm_data_protection_backup_vault',
  'azurerm_network_security_group',
];

/** What one diagnostic setting sends: logs, nothing, or unknown. */
type Sends = { logs: true; detail?: string } | { logs: false; why: string } | { unknown: string };

/**
 * The log categories a diagnostic setting enables: every `enabled_log` block (azurerm 3.39 and
 * later), and on azurerm 3.x and older every `log` block whose `enabled` is not false (`log` was
 * removed in 4.0: a configuration with it runs only on 3.x or older).
 */
export function logsSent(setting: TerraformResourceView): Sends {
  const { enabled_log: enabledLog, log } = setting.config;
  if (isExpression(enabledLog)) return { unknown: unknownDetail(setting, 'enabled_log', enabledLog) };
  if (isExpression(log)) return { unknown: unknownDetail(setting, 'log', log) };
  if (blocks(enabledLog).length > 0) return { logs: true };
  const legacy = blocks(log);
  if (legacy.length === 0) return { logs: false, why: `${setting.address} enables no log category` };
  const version = setting.azurerm ?? UNKNOWN_AZURERM;
  if (!version.majors.some((m) => m <= 3)) {
    return { logs: false, why: `${setting.address} uses log blocks, removed in azurerm 4.0, on ${describeAzurerm(version)}: the configuration does not validate` };
  }
  const flags = legacy.map((l) => boolValue(l.enabled, true));
  if (flags.includes(true)) {
    const pinned = version.majors.every((m) => m <= 3) ? describeAzurerm(version) : 'azurerm 3 (log blocks exist only up to 3.x)';
    return { logs: true, detail: `${setting.address} sends logs with log blocks on ${pinned}` };
  }
  if (flags.includes(undefined)) return { unknown: `${setting.address} enables its log blocks by an expression` };
  return { logs: false, why: `${setting.address} disables every log block (enabled = false)` };
}

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
  handlesUncertainResources: true,
  info: 'No diagnostic setting sends this resource\'s logs to a Log Analytics workspace.',
  explanation: 'DP.LOG.1 promises a central audit trail of API activity. Add an azurerm_monitor_diagnostic_setting whose '
    + 'target_resource_id is the resource (or its blob service) with a log_analytics_workspace_id and at least one '
    + 'enabled_log (CentralLogAnalytics.addDiagnostics does, with category group "allLogs" or "audit"; azurerm 3.x '
    + 'configurations may still use log blocks with enabled = true).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const receiving = workspacesReceiving(resource, context.lookup);
    const unknowns: string[] = [];
    const missing: string[] = [];
    for (const { setting, workspace, external, unresolved } of receiving) {
      if (!workspace && !external) {
        if (unresolved) unknowns.push(unknownDetail(setting, 'log_analytics_workspace_id', setting.config.log_analytics_workspace_id));
        else missing.push(`${setting.address} sends to no Log Analytics workspace of this configuration`);
        continue;
      }
      const sends = logsSent(setting);
      if ('unknown' in sends) {
        unknowns.push(sends.unknown);
      } else if (!sends.logs) {
        missing.push(sends.why);
      } else if (setting.uncertainExistence !== undefined) {
        unknowns.push(`${setting.address} may not exist: ${setting.uncertainExistence}`);
      } else {
        const where = external ? `${setting.address} sends to workspace ${external}, outside this configuration` : '';
        const detail = [sends.detail, where].filter((d) => d).join('; ');
        return detail ? compliant(detail) : compliant();
      }
    }
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    return missing.length > 0 ? nonCompliant(missing.join('; ')) : nonCompliant();
  },
};
