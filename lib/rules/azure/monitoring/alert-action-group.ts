import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { actionGroupsOf, ALERT_TYPES } from '../private/monitoring';
import { boolValue, unknownDetail } from '../private/values';

/** DP.MON.1: every enabled alert rule notifies an action group. */
export const AzureAlertActionGroup: AzureResourceRule = {
  name: 'AzureAlertActionGroup',
  controlId: 'DP.MON.1',
  resourceTypes: ALERT_TYPES,
  level: Severity.ERROR,
  info: 'The alert rule notifies nobody (no action group) or is disabled.',
  explanation: 'DP.MON.1 promises alarms that page the operations team. Give every alert an action naming an '
    + 'azurerm_monitor_action_group and keep it enabled.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const enabled = boolValue(resource.config.enabled, true);
    if (enabled === undefined) return unverifiable(unknownDetail(resource, 'enabled', resource.config.enabled));
    if (!enabled) return NON_COMPLIANT;
    return actionGroupsOf(resource).length > 0 ? COMPLIANT : NON_COMPLIANT;
  },
};
