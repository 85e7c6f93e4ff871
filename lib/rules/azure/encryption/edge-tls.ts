import { compliant, failing, findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { block, blocks, boolValue, isExpression, unknownDetail } from '../private/values';

/** Lowest TLS version of each predefined Application Gateway SSL policy. */
const GATEWAY_POLICIES: { readonly [name: string]: number } = {
  AppGwSslPolicy20150501: 1.0, AppGwSslPolicy20170401: 1.1, AppGwSslPolicy20170401S: 1.2,
  AppGwSslPolicy20220101: 1.2, AppGwSslPolicy20220101S: 1.2,
};

/** `TLSv1_2`, `TLS12`, `TLS1_2`, `1.2` as a number. */
export function tlsNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:TLS)?v?(\d)[._]?(\d)$/i.exec(value.trim());
  return m ? Number(`${m[1]}.${m[2]}`) : undefined;
}

/** The lowest TLS version an App Gateway SSL policy block accepts; undefined when unknown. */
function gatewayPolicyMinimum(policy: { [key: string]: any } | undefined): { version?: number; detail: string } {
  // Without a policy, Azure applies AppGwSslPolicy20220101 (TLS 1.2) since TLS 1.0 and 1.1 were retired on 31 August 2025.
  if (!policy) return { version: 1.2, detail: 'no ssl_policy: Azure\'s default AppGwSslPolicy20220101 (TLS 1.2)' };
  const { policy_type: type, policy_name: name, min_protocol_version: min, disabled_protocols: disabled } = policy;
  if (type === 'Predefined' && typeof name === 'string') return { version: GATEWAY_POLICIES[name], detail: `ssl_policy ${name}` };
  if (min !== undefined) return { version: tlsNumber(min), detail: `ssl_policy.min_protocol_version = ${JSON.stringify(min)}` };
  if (Array.isArray(disabled)) {
    const off = new Set(disabled.map((d) => tlsNumber(d)));
    const lowest = [1.0, 1.1, 1.2, 1.3].find((v) => !off.has(v));
    return { version: lowest, detail: `ssl_policy.disabled_protocols = ${JSON.stringify(disabled)}` };
  }
  return { detail: 'ssl_policy names no version' };
}

function gateway(resource: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): void {
  const c = resource.config;
  for (const name of ['http_listener', 'request_routing_rule', 'redirect_configuration', 'ssl_policy', 'backend_http_settings']) {
    if (isExpression(c[name])) { failures.push(unverifiable(unknownDetail(resource, name, c[name]))); return; }
  }
  const listeners = blocks(c.http_listener);
  const https = new Set(listeners.filter((l) => l.protocol === 'Https').map((l) => l.name));
  const redirects = new Map(blocks(c.redirect_configuration).map((r) => [r.name, r]));
  for (const l of listeners.filter((x) => x.protocol === 'Http')) {
    const rules = blocks(c.request_routing_rule).filter((r) => r.http_listener_name === l.name);
    const serving = rules.filter((r) => {
      const redirect = redirects.get(r.redirect_configuration_name);
      return !(redirect && (https.has(redirect.target_listener_name) || /^https:\/\//i.test(String(redirect.target_url ?? ''))));
    });
    if (serving.length > 0) failures.push(failing('PlaintextListener', `HTTP listener ${l.name} serves ${serving.map((r) => r.name).join(', ')} instead of redirecting to HTTPS`));
  }
  const plainBackends = blocks(c.backend_http_settings).filter((b) => b.protocol === 'Http').map((b) => b.name);
  if (plainBackends.length > 0) failures.push(failing('Backend', `backend_http_settings ${plainBackends.join(', ')} forward in plain HTTP`));
  if (https.size > 0) {
    const policies = [{ where: 'gateway', ...gatewayPolicyMinimum(block(c.ssl_policy)) },
      ...blocks(c.ssl_profile).map((p) => ({ where: `ssl_profile ${p.name}`, ...gatewayPolicyMinimum(block(p.ssl_policy) ?? block(c.ssl_policy)) }))];
    for (const p of policies) {
      if (p.version === undefined) failures.push(unverifiable(`${p.where}: ${p.detail}`));
      else if (p.version < minimum) failures.push(failing('TlsPolicy', `${p.where}: ${p.detail} accepts TLS ${p.version.toFixed(1)}`));
      else evidence.push(`${p.where}: ${p.detail}`);
    }
  }
}

function route(resource: TerraformResourceView, failures: Verdict[], evidence: string[]): void {
  const c = resource.config;
  const enabled = boolValue(c.enabled, true);
  if (enabled === false) return;
  const protocols = c.supported_protocols;
  if (isExpression(protocols)) { failures.push(unverifiable(unknownDetail(resource, 'supported_protocols', protocols))); return; }
  const redirect = boolValue(c.https_redirect_enabled, true);
  if (redirect === undefined) { failures.push(unverifiable(unknownDetail(resource, 'https_redirect_enabled', c.https_redirect_enabled))); return; }
  if (Array.isArray(protocols) && protocols.includes('Http') && !redirect) failures.push(failing('PlaintextListener', 'accepts HTTP without redirecting to HTTPS (https_redirect_enabled = false)'));
  const forwarding = c.forwarding_protocol ?? 'MatchRequest';
  if (isExpression(forwarding)) {
    failures.push(unverifiable(unknownDetail(resource, 'forwarding_protocol', forwarding)));
  } else if (forwarding === 'HttpOnly') {
    failures.push(failing('Backend', 'forwarding_protocol = "HttpOnly": requests reach the origin in plain HTTP'));
  } else if (forwarding === 'MatchRequest' && Array.isArray(protocols) && protocols.includes('Http') && !redirect) {
    failures.push(failing('Backend', 'forwarding_protocol = "MatchRequest" forwards HTTP requests in plain HTTP'));
  } else {
    evidence.push(`HTTPS to clients${Array.isArray(protocols) && protocols.includes('Http') ? ' (HTTP redirected)' : ''} and ${forwarding === 'HttpsOnly' ? 'HTTPS' : 'the request\'s protocol (HTTPS)'} to origins`);
  }
}

function customDomain(resource: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): void {
  const tls = block(resource.config.tls) ?? {};
  const raw = tls.minimum_version ?? tls.minimum_tls_version ?? 'TLS12';
  if (isExpression(raw)) { failures.push(unverifiable(unknownDetail(resource, 'tls.minimum_version', raw))); return; }
  const version = tlsNumber(raw);
  if (version === undefined) failures.push(unverifiable(`tls minimum version ${JSON.stringify(raw)}`));
  else if (version < minimum) failures.push(failing('TlsPolicy', `tls minimum version ${JSON.stringify(raw)}`));
  else evidence.push(`TLS >= ${version.toFixed(1)}`);
}

/**
 * DP.ENC.1: the entry points speak TLS at the policy's minimum and plaintext only redirects. A
 * Front Door route redirects HTTP to HTTPS (`https_redirect_enabled`, default true) and does not
 * forward in plain HTTP (`forwarding_protocol` HttpOnly); a Front Door custom domain's minimum TLS
 * (`minimum_version` in later 4.x and 5.x, `minimum_tls_version` before, which allowed TLS10); an Application Gateway's
 * HTTP listeners only redirect to an HTTPS listener, its backends use HTTPS, and its SSL policies
 * (predefined, custom or Azure's default) accept nothing older than the policy. Findings:
 * `[PlaintextListener]`, `[Backend]`, `[TlsPolicy]`.
 */
export const AzureEdgeTls: AzureResourceRule = {
  name: 'AzureEdgeTls',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_cdn_frontdoor_route', 'azurerm_cdn_frontdoor_custom_domain', 'azurerm_application_gateway'],
  covers: 'Front Door routes and custom domains, Application Gateway listeners, backends and SSL policies',
  level: Severity.ERROR,
  info: 'The entry point accepts plaintext or an old TLS version, or forwards in plaintext.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint, with plaintext listeners only redirecting. On '
    + 'Front Door keep https_redirect_enabled = true and forwarding_protocol "HttpsOnly"; on Application Gateway route '
    + 'HTTP listeners to a redirect_configuration targeting an HTTPS listener, use HTTPS backends and a TLS 1.2+ SSL policy '
    + '(FrontDoorEntryPoint does the former).',
  fix: 'Redirect HTTP to HTTPS, forward to origins in HTTPS, and use a TLS policy at the policy\'s minimum.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const minimum = Number(context.policy.minTlsVersion);
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    if (resource.type === 'azurerm_application_gateway') gateway(resource, minimum, failures, evidence);
    else if (resource.type === 'azurerm_cdn_frontdoor_route') route(resource, failures, evidence);
    else customDomain(resource, minimum, failures, evidence);
    if (failures.length > 0) return findingsResult(failures);
    return evidence.length > 0 ? compliant(evidence.join('; ')) : NOT_APPLICABLE;
  },
};
