import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { describeRange, internetOpenings, nsgOfRule, outside } from '../private/nsg';

/**
 * DP.NET.1: a network security group admits the internet only on the policy's `allowedPublicPorts`.
 * Inline `security_rule` blocks (dynamic ones expanded) and separate `azurerm_network_security_rule`
 * resources joined by name are read together; port ranges and lists are expanded, and `*`,
 * `Internet`, `Any` and any `/0` prefix count as the internet. A separate rule whose NSG is not in
 * the configuration is judged on its own.
 */
export const AzureNsgPublicIngress: AzureResourceRule = {
  name: 'AzureNsgPublicIngress',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_network_security_group', 'azurerm_network_security_rule'],
  covers: 'inline and separate rules, port ranges and lists expanded',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'A network security group rule admits the internet on a port the policy does not allow.',
  explanation: 'DP.NET.1 promises that the internet reaches only the entry points, only on allowedPublicPorts. Narrow '
    + 'the rule\'s source to the networks that need it (a service tag such as AzureFrontDoor.Backend, or VirtualNetwork), '
    + 'or its destination ports to the allowed ones; administrative access goes through Bastion or a VPN (DP.NET.5).',
  fix: 'Allow inbound internet traffic only on the policy\'s allowedPublicPorts; use service tags or private ranges as sources otherwise.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const nsg = subjectNsg(resource, context);
    if (!nsg) return NOT_APPLICABLE;
    const { openings, unknowns } = internetOpenings(nsg, context.lookup);
    const allowed = context.policy.allowedPublicPorts;
    const wrong = openings
      .map((o) => ({ o, extra: outside(o.ports, allowed) }))
      .filter(({ extra }) => extra.length > 0)
      .map(({ o, extra }) => `${o.rule.name} admits ${extra.map(describeRange).join(', ')} from ${o.sources.join(', ')}`);
    if (wrong.length > 0) return nonCompliant(`${wrong.join('; ')} (allowed: ${allowed.join(', ')})`);
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    return compliant(openings.length === 0 ? 'no rule admits the internet'
      : `the internet reaches only ${[...new Set(openings.flatMap((o) => o.ports.map(describeRange)))].join(', ')}`);
  },
};

/**
 * The NSG a rule of this family judges: the NSG itself, or for a separate rule whose NSG the
 * configuration does not declare, a stand-in holding only that rule. A separate rule of a declared
 * NSG is judged with its NSG.
 */
export function subjectNsg(resource: TerraformResourceView, context: AzureRuleContext): TerraformResourceView | undefined {
  if (resource.type === 'azurerm_network_security_group') return resource;
  if (nsgOfRule(resource, context.lookup)) return undefined;
  return { ...resource, type: 'azurerm_network_security_group', config: { name: resource.address, security_rule: [resource.config] } };
}
