import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, mentions, referrersOfType, unknownDetail } from '../private/values';
import { subnetsOf } from '../private/vnet';

/** Why an NSG flow log is no evidence for new code. */
export const NSG_FLOW_LOGS_RETIRED = 'NSG flow logs can no longer be created (Azure stopped accepting new ones on 30 June 2025 '
  + 'and retires them on 30 September 2027; azurerm 5 has no network_security_group_id): log the virtual network instead';

/** The target of a flow log: `target_resource_id` (azurerm 4.11+) or the NSG of `network_security_group_id` (3.x, 4.x). */
function targetOf(flowLog: TerraformResourceView): { id: unknown; nsg: boolean } {
  const c = flowLog.config;
  if (c.network_security_group_id !== undefined && c.network_security_group_id !== null) return { id: c.network_security_group_id, nsg: true };
  const id = c.target_resource_id;
  return { id, nsg: typeof id === 'string' && /\/networkSecurityGroups\//i.test(id) };
}

/** The traffic analytics of a flow log, in words. */
function analytics(flowLog: TerraformResourceView): string {
  const ta = block(flowLog.config.traffic_analytics);
  if (!ta || boolValue(ta.enabled, false) !== true) return 'without traffic analytics';
  return `with traffic analytics every ${ta.interval_in_minutes ?? 60} minutes`;
}

/**
 * DP.LOG.3: the traffic of every virtual network is logged: an enabled `azurerm_network_watcher_flow_log`
 * targets the VNet (or each of its subnets). A flow log on a network security group is no evidence
 * for new code: Azure no longer creates NSG flow logs. A disabled flow log logs nothing.
 */
export const AzureVnetFlowLogs: AzureResourceRule = {
  name: 'AzureVnetFlowLogs',
  controlId: 'DP.LOG.3',
  resourceTypes: ['azurerm_virtual_network', 'azurerm_network_watcher_flow_log'],
  covers: 'VNet (or every subnet) flow logs; NSG flow logs refused',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The network\'s traffic is not logged by a virtual network flow log.',
  explanation: 'DP.LOG.3 promises that network traffic is logged. Add an azurerm_network_watcher_flow_log with '
    + 'target_resource_id = the virtual network, enabled = true, a storage account for the records and traffic_analytics '
    + 'sending them to the central workspace (SecureVirtualNetwork does). NSG flow logs can no longer be created.',
  fix: 'Add an enabled VNet flow log (target_resource_id = the VNet) with traffic analytics to the central workspace.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_network_watcher_flow_log') {
      const target = targetOf(resource);
      if (target.nsg) return nonCompliant(NSG_FLOW_LOGS_RETIRED);
      const on = boolValue(resource.config.enabled, true);
      if (on === undefined) return unverifiable(unknownDetail(resource, 'enabled', resource.config.enabled));
      return on ? NOT_APPLICABLE : nonCompliant('enabled = false: the flow log records nothing');
    }
    const logsOf = (target: TerraformResourceView) => referrersOfType(target, ['azurerm_network_watcher_flow_log'], context.lookup)
      .filter((f) => !targetOf(f).nsg && mentions(targetOf(f).id, target));
    const judge = (logs: TerraformResourceView[]): { ok?: string; unknown?: string } => {
      for (const f of logs) {
        const on = boolValue(f.config.enabled, true);
        if (on === undefined) return { unknown: unknownDetail(f, 'enabled', f.config.enabled) };
        if (!on) continue;
        if (f.uncertainExistence !== undefined) return { unknown: `${f.address} may not exist: ${f.uncertainExistence}` };
        return { ok: `${f.address} ${analytics(f)}` };
      }
      return {};
    };
    const own = judge(logsOf(resource));
    if (own.ok) return compliant(own.ok);
    const subnets = subnetsOf(resource, context.lookup);
    if (subnets.length > 0) {
      const each = subnets.map((s) => ({ s, j: judge(logsOf(s)) }));
      if (each.every((e) => e.j.ok)) return compliant(`every subnet has a flow log: ${each.map((e) => e.j.ok).join('; ')}`);
      const unknown = each.find((e) => e.j.unknown);
      if (unknown) return unverifiable(unknown.j.unknown);
    }
    if (own.unknown) return unverifiable(own.unknown);
    return nonCompliant('no enabled flow log targets the virtual network (or every one of its subnets)');
  },
};
