import { compliant, failing, findingsResult, NOT_APPLICABLE, RuleResult, Severity, UNVERIFIABLE_FINDING, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformLookup, TerraformResourceView } from '../../../terraform/model';
import { block, blocks, boolValue, isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

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

/**
 * The `name` blocks nested in `parent` (a resource's arguments or one of its blocks), or why they are
 * unknown: a dynamic block over an unknown for_each (the reader leaves it a `${...}` string), or a
 * `dynamic "<name>"` nested in a literal block, which the reader leaves unexpanded (no blocks then).
 * `where` prefixes the argument's name in the detail (`ssl_profile p: `).
 */
function nestedBlocks(resource: TerraformResourceView, parent: { [key: string]: any }, name: string, where = ''):
{ blocks: { [key: string]: any }[]; unknown?: string } {
  const value = parent[name];
  if (isExpression(value)) return { blocks: [], unknown: `${where}${unknownDetail(resource, name, value)}` };
  const dynamic = blocks(parent.dynamic).find((d) => d[name] !== undefined)?.[name];
  if (dynamic !== undefined) {
    const each = block(dynamic)?.for_each;
    return { blocks: [], unknown: `${where}${name} comes from dynamic "${name}" over for_each = ${typeof each === 'string' ? each : JSON.stringify(each)}, which is not evaluated` };
  }
  return { blocks: blocks(value) };
}

function gateway(resource: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): void {
  const c = resource.config;
  for (const name of ['http_listener', 'request_routing_rule', 'redirect_configuration', 'ssl_policy', 'backend_http_settings']) {
    if (isExpression(c[name])) { failures.push(unverifiable(unknownDetail(resource, name, c[name]))); return; }
  }
  const listeners = blocks(c.http_listener);
  for (const l of listeners.filter((x) => isExpression(x.protocol))) failures.push(unverifiable(`http_listener ${l.name}: ${unknownDetail(resource, 'protocol', l.protocol)}`));
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
  const backends = blocks(c.backend_http_settings);
  const plainBackends = backends.filter((b) => b.protocol === 'Http').map((b) => b.name);
  if (plainBackends.length > 0) failures.push(failing('Backend', `backend_http_settings ${plainBackends.join(', ')} forward in plain HTTP`));
  for (const b of backends.filter((x) => isExpression(x.protocol))) failures.push(unverifiable(`backend_http_settings ${b.name}: ${unknownDetail(resource, 'protocol', b.protocol)}`));
  if (https.size > 0) {
    const profiles = nestedBlocks(resource, c, 'ssl_profile');
    if (profiles.unknown !== undefined) failures.push(unverifiable(profiles.unknown));
    const policies = [{ where: 'gateway', ...gatewayPolicyMinimum(block(c.ssl_policy)) }];
    for (const p of profiles.blocks) {
      const own = nestedBlocks(resource, p, 'ssl_policy', `ssl_profile ${p.name}: `);
      if (own.unknown !== undefined) failures.push(unverifiable(own.unknown));
      else policies.push({ where: `ssl_profile ${p.name}`, ...gatewayPolicyMinimum(own.blocks[0] ?? block(c.ssl_policy)) });
    }
    for (const p of policies) {
      if (p.version === undefined) failures.push(unverifiable(`${p.where}: ${p.detail}`));
      else if (p.version < minimum) failures.push(failing('TlsPolicy', `${p.where}: ${p.detail} accepts TLS ${p.version.toFixed(1)}`));
      else evidence.push(`${p.where}: ${p.detail}`);
    }
  }
}

const RULE_SET = 'azurerm_cdn_frontdoor_rule_set';
const RULE = 'azurerm_cdn_frontdoor_rule';

/**
 * What one Front Door rule does to a route's protocols: a `route_configuration_override_action`
 * whose `forwarding_protocol` is HttpOnly, or MatchRequest (its default when it overrides the origin
 * group; without an origin group it overrides no protocol) on a route serving HTTP without
 * redirecting, forwards in plain HTTP; a `url_redirect_action` to `Http` sends clients to plain
 * HTTP (its default MatchRequest does so only where the route already serves HTTP, reported on it).
 */
function frontDoorRule(rule: TerraformResourceView, plainClients: boolean): Verdict[] {
  const out: Verdict[] = [];
  const actions = nestedBlocks(rule, rule.config, 'actions');
  if (actions.unknown !== undefined) return [unverifiable(actions.unknown)];
  for (const a of actions.blocks) {
    const overrides = nestedBlocks(rule, a, 'route_configuration_override_action');
    if (overrides.unknown !== undefined) out.push(unverifiable(overrides.unknown));
    for (const o of overrides.blocks) {
      const forwarding = o.forwarding_protocol ?? (o.cdn_frontdoor_origin_group_id ? 'MatchRequest' : undefined);
      const name = 'route_configuration_override_action.forwarding_protocol';
      if (isExpression(forwarding)) out.push(unverifiable(unknownDetail(rule, name, forwarding)));
      else if (forwarding === 'HttpOnly') out.push(failing('Backend', `${name} = "HttpOnly": requests reach the origin in plain HTTP`));
      else if (forwarding === 'MatchRequest' && plainClients) out.push(failing('Backend', `${name} = "MatchRequest" forwards HTTP requests in plain HTTP`));
    }
    const redirects = nestedBlocks(rule, a, 'url_redirect_action');
    if (redirects.unknown !== undefined) out.push(unverifiable(redirects.unknown));
    for (const r of redirects.blocks) {
      const name = 'url_redirect_action.redirect_protocol';
      if (isExpression(r.redirect_protocol)) out.push(unverifiable(unknownDetail(rule, name, r.redirect_protocol)));
      else if (r.redirect_protocol === 'Http') out.push(failing('PlaintextListener', `${name} = "Http" redirects clients to plain HTTP`));
    }
  }
  return out;
}

/**
 * The rule sets a route attaches (`cdn_frontdoor_rule_set_ids`), each judged by its rules: a rule
 * set ID the configuration does not resolve to one of its rule sets leaves the rules unknown.
 */
function ruleSets(resource: TerraformResourceView, lookup: TerraformLookup, plainClients: boolean, failures: Verdict[], evidence: string[]): void {
  const ids = resource.config.cdn_frontdoor_rule_set_ids;
  if (isExpression(ids)) { failures.push(unverifiable(unknownDetail(resource, 'cdn_frontdoor_rule_set_ids', ids))); return; }
  for (const id of Array.isArray(ids) ? ids : []) {
    const set = lookup.ofType(RULE_SET).find((s) => mentions(id, s));
    if (!set) {
      const why = typeof id === 'string' ? resource.unknownReasons?.get(id) : undefined;
      failures.push(unverifiable(why ? unknownDetail(resource, 'cdn_frontdoor_rule_set_ids', id)
        : `cdn_frontdoor_rule_set_ids = ${String(id)}: a rule set this configuration does not declare, whose rules only Azure knows`));
      continue;
    }
    let clean = true;
    for (const rule of referrersOfType(set, [RULE], lookup)) {
      for (const v of frontDoorRule(rule, plainClients)) {
        clean = false;
        if (rule.uncertainExistence !== undefined && v.finding !== UNVERIFIABLE_FINDING) {
          failures.push(unverifiable(`${rule.address} may not exist: ${rule.uncertainExistence}, and if it does: ${v.detail}`));
        } else {
          failures.push({ ...v, detail: `${rule.address} (rule set ${set.address}): ${v.detail}` });
        }
      }
    }
    if (clean) evidence.push(`${set.address}: no rule forwards or redirects in plain HTTP`);
  }
}

function route(resource: TerraformResourceView, lookup: TerraformLookup, failures: Verdict[], evidence: string[]): void {
  const c = resource.config;
  const enabled = boolValue(c.enabled, true);
  if (enabled === false) return;
  const protocols = c.supported_protocols;
  if (isExpression(protocols)) { failures.push(unverifiable(unknownDetail(resource, 'supported_protocols', protocols))); return; }
  const redirect = boolValue(c.https_redirect_enabled, true);
  if (redirect === undefined) { failures.push(unverifiable(unknownDetail(resource, 'https_redirect_enabled', c.https_redirect_enabled))); return; }
  const plainClients = Array.isArray(protocols) && protocols.includes('Http') && !redirect;
  if (plainClients) failures.push(failing('PlaintextListener', 'accepts HTTP without redirecting to HTTPS (https_redirect_enabled = false)'));
  const forwarding = c.forwarding_protocol ?? 'MatchRequest';
  if (isExpression(forwarding)) {
    failures.push(unverifiable(unknownDetail(resource, 'forwarding_protocol', forwarding)));
  } else if (forwarding === 'HttpOnly') {
    failures.push(failing('Backend', 'forwarding_protocol = "HttpOnly": requests reach the origin in plain HTTP'));
  } else if (forwarding === 'MatchRequest' && plainClients) {
    failures.push(failing('Backend', 'forwarding_protocol = "MatchRequest" forwards HTTP requests in plain HTTP'));
  } else {
    evidence.push(`HTTPS to clients${Array.isArray(protocols) && protocols.includes('Http') ? ' (HTTP redirected)' : ''} and ${forwarding === 'HttpsOnly' ? 'HTTPS' : 'the request\'s protocol (HTTPS)'} to origins`);
  }
  ruleSets(resource, lookup, plainClients, failures, evidence);
}

function customDomain(resource: TerraformResourceView, minimum: number, failures: Verdict[], evidence: string[]): void {
  if (isExpression(resource.config.tls)) { failures.push(unverifiable(unknownDetail(resource, 'tls', resource.config.tls))); return; }
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
 * forward in plain HTTP (`forwarding_protocol` HttpOnly), nor do the rules of the rule sets it
 * attaches (`cdn_frontdoor_rule_set_ids`) override that or redirect clients to `Http`; a Front Door custom domain's minimum TLS
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
    else if (resource.type === 'azurerm_cdn_frontdoor_route') route(resource, context.lookup, failures, evidence);
    else customDomain(resource, minimum, failures, evidence);
    if (failures.length > 0) return findingsResult(failures);
    return evidence.length > 0 ? compliant(evidence.join('; ')) : NOT_APPLICABLE;
  },
};
