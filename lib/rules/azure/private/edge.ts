import { block, blocks, boolValue, isExpression, mentions, referencedResource, referrersOfType, unknownDetail } from './values';
import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

/** A WAF policy's verdict: protecting (enabled, Prevention), not, or unknown. */
export type WafState = { protects: true; detail: string } | { protects: false; why: string } | { unknown: string };

/** The endpoints and custom domains of a Front Door profile (the names the internet reaches). */
export function frontDoorDomains(profile: TerraformResourceView, lookup: TerraformLookup): TerraformResourceView[] {
  return referrersOfType(profile, ['azurerm_cdn_frontdoor_endpoint', 'azurerm_cdn_frontdoor_custom_domain'], lookup)
    .filter((d) => mentions(d.config.cdn_frontdoor_profile_id, profile) && d.uncertainExistence === undefined);
}

/** Whether a Front Door firewall policy blocks: enabled (default true) and in Prevention mode. */
export function frontDoorPolicyState(policy: TerraformResourceView): WafState {
  const { mode, enabled } = policy.config;
  if (isExpression(mode)) return { unknown: unknownDetail(policy, 'mode', mode) };
  const on = boolValue(enabled, true);
  if (on === undefined) return { unknown: unknownDetail(policy, 'enabled', enabled) };
  if (!on) return { protects: false, why: `${policy.address} is disabled (enabled = false)` };
  if (mode !== 'Prevention') return { protects: false, why: `${policy.address} is in ${JSON.stringify(mode)} mode: it logs attacks but blocks none` };
  return { protects: true, detail: `${policy.address} in Prevention mode` };
}

/**
 * For each endpoint or custom domain of a Front Door profile, the WAF state that covers it through
 * a security policy (`security_policies.firewall.association.domain`), if any.
 */
export function frontDoorWafCoverage(profile: TerraformResourceView, lookup: TerraformLookup): Map<TerraformResourceView, WafState | undefined> {
  const domains = frontDoorDomains(profile, lookup);
  const coverage = new Map<TerraformResourceView, WafState | undefined>(domains.map((d) => [d, undefined]));
  const policies = referrersOfType(profile, ['azurerm_cdn_frontdoor_security_policy'], lookup)
    .filter((s) => mentions(s.config.cdn_frontdoor_profile_id, profile) && s.uncertainExistence === undefined);
  for (const sp of policies) {
    for (const sps of blocks(sp.config.security_policies)) {
      for (const fw of blocks(sps.firewall)) {
        const id = fw.cdn_frontdoor_firewall_policy_id;
        const waf = referencedResource(id, lookup);
        const state: WafState = waf ? frontDoorPolicyState(waf) : { unknown: unknownDetail(sp, 'cdn_frontdoor_firewall_policy_id', id) };
        for (const assoc of blocks(fw.association)) {
          for (const d of blocks(assoc.domain)) {
            for (const domain of domains) {
              if (!mentions(d.cdn_frontdoor_domain_id, domain)) continue;
              const before = coverage.get(domain);
              if (!before || !('protects' in before && before.protects)) coverage.set(domain, state);
            }
          }
        }
      }
    }
  }
  return coverage;
}

/** Whether an Application Gateway has a frontend with a public IP (it is an entry point from the internet). */
export function isPublicGateway(gateway: TerraformResourceView): boolean | undefined {
  const frontends = gateway.config.frontend_ip_configuration;
  if (isExpression(frontends)) return undefined;
  return blocks(frontends).some((f) => f.public_ip_address_id !== undefined && f.public_ip_address_id !== null && f.public_ip_address_id !== '');
}

/** Whether an App Gateway WAF policy blocks: `policy_settings` enabled (default true) and mode (default Prevention). */
export function gatewayPolicyState(policy: TerraformResourceView): WafState {
  const raw = policy.config.policy_settings;
  if (isExpression(raw)) return { unknown: unknownDetail(policy, 'policy_settings', raw) };
  const settings = block(raw) ?? {};
  if (isExpression(settings.mode)) return { unknown: unknownDetail(policy, 'policy_settings.mode', settings.mode) };
  const on = boolValue(settings.enabled, true);
  if (on === undefined) return { unknown: unknownDetail(policy, 'policy_settings.enabled', settings.enabled) };
  const mode = settings.mode ?? 'Prevention';
  if (!on) return { protects: false, why: `${policy.address} is disabled (policy_settings.enabled = false)` };
  if (mode !== 'Prevention') return { protects: false, why: `${policy.address} is in ${JSON.stringify(mode)} mode: it logs attacks but blocks none` };
  return { protects: true, detail: `${policy.address} in Prevention mode${settings.mode === undefined ? ' (the default)' : ''}` };
}

/** The WAF state of an Application Gateway: its WAF policy (gateway and listeners) or inline `waf_configuration`. */
export function gatewayWafState(gateway: TerraformResourceView, lookup: TerraformLookup): WafState {
  const sku = block(gateway.config.sku);
  const tier = sku?.tier;
  if (isExpression(tier)) return { unknown: unknownDetail(gateway, 'sku.tier', tier) };
  if (typeof tier === 'string' && !/^WAF/i.test(tier)) return { protects: false, why: `sku.tier = ${JSON.stringify(tier)} has no web application firewall` };
  const policyIds: [string, unknown][] = [];
  if (gateway.config.firewall_policy_id) policyIds.push(['firewall_policy_id', gateway.config.firewall_policy_id]);
  const bare: string[] = [];
  for (const l of blocks(gateway.config.http_listener)) {
    if (l.firewall_policy_id) policyIds.push([`http_listener ${l.name}.firewall_policy_id`, l.firewall_policy_id]);
    else bare.push(String(l.name));
  }
  if (policyIds.length > 0) {
    const states = policyIds.map(([name, id]): WafState => {
      const policy = referencedResource(id, lookup);
      return policy ? gatewayPolicyState(policy) : { unknown: unknownDetail(gateway, name, id) };
    });
    // A listener without a policy of its own takes the gateway's: its firewall_policy_id, else its waf_configuration.
    if (!gateway.config.firewall_policy_id && bare.length > 0) states.push(inlineWafState(gateway, bare));
    return states.find((s) => 'protects' in s && !s.protects) ?? states.find((s) => 'unknown' in s) ?? states[0];
  }
  return inlineWafState(gateway, []);
}

/** The state of a gateway's inline `waf_configuration`, for the gateway or for the listeners named (which have no policy). */
function inlineWafState(gateway: TerraformResourceView, listeners: string[]): WafState {
  const raw = gateway.config.waf_configuration;
  if (isExpression(raw)) return { unknown: unknownDetail(gateway, 'waf_configuration', raw) };
  const waf = block(raw);
  if (!waf) {
    return listeners.length === 0 ? { protects: false, why: 'no firewall_policy_id and no waf_configuration' }
      : { protects: false, why: `http_listener ${listeners.join(', ')} has no firewall_policy_id, and the gateway has no firewall_policy_id or waf_configuration` };
  }
  if (isExpression(waf.firewall_mode)) return { unknown: unknownDetail(gateway, 'waf_configuration.firewall_mode', waf.firewall_mode) };
  const on = boolValue(waf.enabled, false);
  if (on === undefined) return { unknown: unknownDetail(gateway, 'waf_configuration.enabled', waf.enabled) };
  if (!on) return { protects: false, why: 'waf_configuration.enabled = false' };
  if (waf.firewall_mode !== 'Prevention') return { protects: false, why: `waf_configuration.firewall_mode = ${JSON.stringify(waf.firewall_mode)}: it logs attacks but blocks none` };
  return { protects: true, detail: 'waf_configuration in Prevention mode' };
}
