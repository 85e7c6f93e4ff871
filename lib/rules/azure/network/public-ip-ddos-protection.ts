import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, unknownDetail } from '../private/values';
import { subnetIdsOf, vnetOfSubnetId } from '../private/vnet';

/** Resources that attach a public IP inside a virtual network, and where they name it. */
const ATTACHERS = [
  'azurerm_application_gateway', 'azurerm_bastion_host', 'azurerm_virtual_network_gateway', 'azurerm_network_interface',
  'azurerm_firewall', 'azurerm_lb',
];

/** Whether a VNet enables a DDoS protection plan: `ddos_protection_plan { id, enable = true }`. */
function vnetProtection(vnet: TerraformResourceView): boolean | string {
  const raw = vnet.config.ddos_protection_plan;
  if (isExpression(raw)) return unknownDetail(vnet, 'ddos_protection_plan', raw);
  const plan = block(raw);
  if (!plan) return false;
  const on = boolValue(plan.enable, false);
  return on === undefined ? unknownDetail(vnet, 'ddos_protection_plan.enable', plan.enable) : on;
}

/**
 * DP.NET.2: every public IP that receives traffic is covered by Azure DDoS Protection: IP
 * Protection (`ddos_protection_mode = "Enabled"` on a Standard IP), or Network Protection inherited
 * from the virtual network the IP's gateway, Bastion or NIC sits in (`ddos_protection_plan { enable
 * = true }`). A DDoS plan that no network enables protects nothing; Basic IPs cannot be protected.
 * IPs used only for outbound NAT are not entry points.
 */
export const AzurePublicIpDdosProtection: AzureResourceRule = {
  name: 'AzurePublicIpDdosProtection',
  controlId: 'DP.NET.2',
  resourceTypes: ['azurerm_public_ip'],
  covers: 'IP Protection, or a DDoS plan enabled on the network of the IP\'s gateway, Bastion or NIC',
  level: Severity.ERROR,
  info: 'The public IP is not covered by Azure DDoS Protection.',
  explanation: 'DP.NET.2 promises DDoS protection of public entry points. Set ddos_protection_mode = "Enabled" on the '
    + 'Standard public IP (DDoS IP Protection), or enable a DDoS protection plan on the virtual network its resource sits '
    + 'in (ddos_protection_plan { id, enable = true }); the platform\'s free infrastructure protection is not tuned to the '
    + 'workload and raises no alerts.',
  fix: 'Set ddos_protection_mode = "Enabled" on the public IP, or enable a DDoS protection plan on its virtual network.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const referrers = context.lookup.referrers(resource);
    if (referrers.some((r) => r.type === 'azurerm_nat_gateway_public_ip_association' || r.type === 'azurerm_nat_gateway')) return NOT_APPLICABLE;
    const sku = readSetting(resource, 'publicIpSku');
    const skus = sku.configured ? [sku.configured.value] : sku.defaults.map((d) => d.value);
    const modeRead = readSetting(resource, 'publicIpDdosMode');
    const mode = modeRead.configured?.value ?? 'VirtualNetworkInherited';
    if (isExpression(mode)) return unverifiable(unknownDetail(resource, 'ddos_protection_mode', mode));
    if (mode === 'Disabled') return nonCompliant('ddos_protection_mode = "Disabled"');
    if (mode === 'Enabled') {
      if (skus.some((s) => isExpression(s))) return unverifiable(unknownDetail(resource, 'sku', sku.configured?.value));
      if (skus.includes('Basic')) {
        return nonCompliant(`DDoS IP Protection does not cover Basic public IPs (sku ${sku.configured ? '= "Basic"' : 'not set: Basic by default before azurerm 4.0'})`);
      }
      return compliant('ddos_protection_mode = "Enabled" (DDoS IP Protection)');
    }
    // Inherited from the virtual network.
    const vnets = new Set<TerraformResourceView>();
    const outside: string[] = [];
    for (const r of referrers.filter((x) => ATTACHERS.includes(x.type))) {
      for (const id of subnetIdsOf(r)) {
        const vnet = vnetOfSubnetId(id, context.lookup);
        if (vnet) vnets.add(vnet);
        else outside.push(`${r.address} sits in subnet ${String(id)}`);
      }
    }
    if (vnets.size > 0) {
      for (const vnet of vnets) {
        const p = vnetProtection(vnet);
        if (typeof p === 'string') return unverifiable(p);
        if (!p) return nonCompliant(`ddos_protection_mode inherits from ${vnet.address}, which enables no DDoS protection plan`);
      }
      return compliant(`inherits the DDoS protection plan of ${[...vnets].map((v) => v.address).join(', ')}`);
    }
    // The network is outside this configuration: whether it enables a plan is not known here.
    if (outside.length > 0) return unverifiable(`ddos_protection_mode inherits from a virtual network outside this configuration (${outside[0]})`);
    const protectedVnets = context.lookup.ofType('azurerm_virtual_network').filter((v) => vnetProtection(v) === true);
    if (protectedVnets.length > 0) {
      return unverifiable('ddos_protection_mode inherits from the IP\'s virtual network, which this configuration does not name; '
        + `${protectedVnets.map((v) => v.address).join(', ')} enables a plan`);
    }
    return nonCompliant('ddos_protection_mode inherits from the virtual network, and no virtual network of this configuration enables a DDoS protection plan');
  },
};
