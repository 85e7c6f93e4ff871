import { subjectNsg } from './nsg-public-ingress';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { covers, internetOpenings } from '../private/nsg';

/** Administrative ports no rule may open to the internet. */
export const ADMIN_PORTS: { readonly [port: number]: string } = { 22: 'SSH', 3389: 'RDP' };

/**
 * DP.NET.5: no network security group admits SSH (22) or RDP (3389) from the internet, whether
 * named alone, inside a range (`20-25`), in a list or through `*`.
 */
export const AzureNsgAdminPorts: AzureResourceRule = {
  name: 'AzureNsgAdminPorts',
  controlId: 'DP.NET.5',
  resourceTypes: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  covers: 'SSH and RDP from the internet, ranges and `*` included',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'A network security group rule admits SSH or RDP from the internet.',
  explanation: 'DP.NET.5 promises administrative access only through a VPN with SSO/MFA or mutual TLS, never SSH or RDP '
    + 'from the internet. Remove the rule and reach machines through Azure Bastion or a point-to-site VPN gateway with '
    + 'Entra ID authentication (AdminVpnGateway).',
  fix: 'Remove inbound internet rules for 22 and 3389; connect through Bastion or the VPN gateway.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const nsg = subjectNsg(resource, context);
    if (!nsg) return NOT_APPLICABLE;
    const { openings, unknowns } = internetOpenings(nsg, context.lookup);
    const wrong: string[] = [];
    for (const o of openings) {
      const opened = Object.entries(ADMIN_PORTS).filter(([port]) => covers(o.ports, Number(port))).map(([port, name]) => `${name} (${port})`);
      if (opened.length > 0) wrong.push(`${o.rule.name} admits ${opened.join(' and ')} from ${o.sources.join(', ')}`);
    }
    if (wrong.length > 0) return nonCompliant(wrong.join('; '));
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    return compliant('no rule admits SSH or RDP from the internet');
  },
};
