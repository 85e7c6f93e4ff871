import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { frontDoorWafCoverage, gatewayWafState, isPublicGateway } from '../private/edge';
import { unknownDetail } from '../private/values';

/**
 * DP.NET.2: a public entry point is protected by a web application firewall that blocks: a Front
 * Door profile's every endpoint and custom domain is associated (through an
 * `azurerm_cdn_frontdoor_security_policy`) with an enabled firewall policy in Prevention mode; an
 * Application Gateway with a public frontend runs the WAF tier with an enabled policy (gateway or
 * listener) or `waf_configuration` in Prevention mode. A WAF in Detection mode blocks nothing.
 */
export const AzureEntryPointWaf: AzureResourceRule = {
  name: 'AzureEntryPointWaf',
  controlId: 'DP.NET.2',
  resourceTypes: ['azurerm_cdn_frontdoor_profile', 'azurerm_application_gateway'],
  covers: 'Front Door security policies, Application Gateway WAF policies and `waf_configuration`',
  level: Severity.ERROR,
  info: 'The public entry point has no web application firewall in Prevention mode.',
  explanation: 'DP.NET.2 promises that public entry points are protected against attacks. On Front Door, associate every '
    + 'endpoint and custom domain with an azurerm_cdn_frontdoor_firewall_policy in Prevention mode through an '
    + 'azurerm_cdn_frontdoor_security_policy (managed rule sets need the Premium SKU); on Application Gateway use the '
    + 'WAF_v2 tier with an azurerm_web_application_firewall_policy in Prevention mode (FrontDoorEntryPoint does the former).',
  fix: 'Attach a WAF policy in Prevention mode to every endpoint of the entry point.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_application_gateway') {
      const isPublic = isPublicGateway(resource);
      if (isPublic === undefined) return unverifiable(unknownDetail(resource, 'frontend_ip_configuration', resource.config.frontend_ip_configuration));
      if (!isPublic) return NOT_APPLICABLE;
      const state = gatewayWafState(resource, context.lookup);
      if ('unknown' in state) return unverifiable(state.unknown);
      return state.protects ? compliant(state.detail) : nonCompliant(state.why);
    }
    const coverage = frontDoorWafCoverage(resource, context.lookup);
    if (coverage.size === 0) return NOT_APPLICABLE;
    const open: string[] = [];
    const unknown: string[] = [];
    const fine: string[] = [];
    for (const [domain, state] of coverage) {
      if (!state) open.push(`${domain.address} is associated with no firewall policy`);
      else if ('unknown' in state) unknown.push(state.unknown);
      else if (!state.protects) open.push(`${domain.address}: ${state.why}`);
      else fine.push(`${domain.address}: ${state.detail}`);
    }
    if (open.length > 0) return nonCompliant(open.join('; '));
    if (unknown.length > 0) return unverifiable(unknown.join('; '));
    return compliant(fine.join('; '));
  },
};
