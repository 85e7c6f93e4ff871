import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { everywhere } from '../private/everywhere';
import { block, blocks, isExpression, settingFlag, unknownDetail } from '../private/values';

/** Machines administrators log into. */
const MACHINES = [
  'azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine', 'azurerm_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set',
];

/** The authentication types of a point-to-site configuration: as listed, else as its settings imply. */
function authTypes(vpn: { [key: string]: any }): unknown[] {
  if (vpn.vpn_auth_types !== undefined) return Array.isArray(vpn.vpn_auth_types) ? vpn.vpn_auth_types : [vpn.vpn_auth_types];
  const types: string[] = [];
  if (vpn.aad_tenant !== undefined) types.push('AAD');
  if (blocks(vpn.root_certificate).length > 0) types.push('Certificate');
  if (vpn.radius_server_address !== undefined || blocks(vpn.radius_server).length > 0) types.push('Radius');
  return types;
}

function judgeVpnGateway(gateway: TerraformResourceView): RuleResult {
  if (isExpression(gateway.config.type)) return unverifiable(unknownDetail(gateway, 'type', gateway.config.type));
  if (gateway.config.type !== 'Vpn') return NOT_APPLICABLE;
  const raw = gateway.config.vpn_client_configuration;
  if (isExpression(raw)) return unverifiable(unknownDetail(gateway, 'vpn_client_configuration', raw));
  const vpn = block(raw);
  // Site-to-site only: no administrator connects through it.
  if (!vpn) return NOT_APPLICABLE;
  const types = authTypes(vpn);
  if (types.some(isExpression)) return unverifiable(unknownDetail(gateway, 'vpn_client_configuration.vpn_auth_types', vpn.vpn_auth_types));
  if (types.length === 0) return nonCompliant('the point-to-site configuration names no authentication type');
  const weak = types.filter((t) => t !== 'AAD' && t !== 'Certificate');
  if (weak.includes('Radius')) return unverifiable('point-to-site clients authenticate with RADIUS: whether the RADIUS server enforces MFA is not in this configuration');
  if (weak.length > 0) return nonCompliant(`point-to-site authentication ${JSON.stringify(weak)}`);
  const how = types.map((t) => (t === 'AAD' ? 'Entra ID (SSO, MFA by Conditional Access)' : 'client certificates (mutual TLS)'));
  return compliant(`point-to-site VPN with ${how.join(' and ')}`);
}

/**
 * DP.NET.5: administrators arrive through a VPN with SSO/MFA or mutual TLS, or through Bastion:
 * a point-to-site VPN gateway authenticates with Entra ID (`AAD`) or client certificates (RADIUS is
 * unverifiable: MFA is the RADIUS server's); a Bastion host allows no shareable links (which open
 * a VM to anyone holding the link, without Entra sign-in); a virtual machine or scale set has
 * Bastion or a point-to-site VPN gateway in the configurations checked together to be reached by.
 */
export const AzureAdminAccessPath: AzureResourceRule = {
  name: 'AzureAdminAccessPath',
  controlId: 'DP.NET.5',
  resourceTypes: ['azurerm_virtual_network_gateway', 'azurerm_bastion_host', ...MACHINES],
  covers: 'point-to-site VPN authentication, Bastion shareable links, a path to every VM',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'Administrative access is possible without a VPN or Bastion that authenticates administrators with SSO/MFA or certificates.',
  explanation: 'DP.NET.5 promises administrative access only through a VPN with mutual TLS or SSO and MFA. Give point-to-site '
    + 'VPN gateways vpn_auth_types ["AAD"] (Entra ID, MFA through Conditional Access) or ["Certificate"], keep Bastion '
    + 'shareable links off, and reach virtual machines only through Bastion or the VPN (AdminVpnGateway builds the VPN).',
  fix: 'Use a point-to-site VPN gateway with vpn_auth_types ["AAD"] (or Bastion without shareable links) as the only way in.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_virtual_network_gateway') return judgeVpnGateway(resource);
    if (resource.type === 'azurerm_bastion_host') return settingFlag(resource, 'bastionShareableLinks', false);
    const paths = [...everywhere(context.lookup, 'azurerm_bastion_host'), ...everywhere(context.lookup, 'azurerm_virtual_network_gateway')]
      .filter((r) => r.uncertainExistence === undefined
        && (r.type === 'azurerm_bastion_host' || (r.config.type === 'Vpn' && block(r.config.vpn_client_configuration))));
    if (paths.length > 0) return compliant(`reached through ${paths.map((p) => p.address).join(', ')}`);
    return nonCompliant('no Bastion host or point-to-site VPN gateway in the configuration: administrators would reach the machine directly');
  },
};
