// TLS at the entry points and apps (DP.ENC.1) and scheduled restore drills (DP.BAK.4).
import { azurerm, COMPLIANT, declared, NON_COMPLIANT, Resources, said, UNVERIFIABLE, verdicts, verdictsIn, wafGateway } from './helpers';
import { DataProtectionPolicy, RestoreTestFrequency } from '../../../lib/core/policy/policy';

const TLS13 = new DataProtectionPolicy({ minTlsVersion: '1.3' });

describe('AzureEdgeTls', () => {
  const ROUTE = 'azurerm_cdn_frontdoor_route.r';
  const route = (o: object) => ({ azurerm_cdn_frontdoor_route: { r: [{ name: 'r', patterns_to_match: ['/*'], ...o }] } });
  const AGW = 'azurerm_application_gateway.agw';
  const gateway = (o: object = {}) => ({
    azurerm_application_gateway: { agw: [{
      name: 'agw',
      http_listener: [
        { name: 'http', frontend_port_name: 'p80', protocol: 'Http' },
        { name: 'https', frontend_port_name: 'p443', protocol: 'Https', ssl_certificate_name: 'cert' },
      ],
      redirect_configuration: [{ name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'https', include_path: true }],
      request_routing_rule: [
        { name: 'redirect', rule_type: 'Basic', priority: 10, http_listener_name: 'http', redirect_configuration_name: 'to-https' },
        { name: 'app', rule_type: 'Basic', priority: 20, http_listener_name: 'https', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' },
      ],
      backend_http_settings: [{ name: 'tls', port: 443, protocol: 'Https', cookie_based_affinity: 'Disabled' }],
      ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101' }],
      ...o,
    }] },
  });
  test('HTTP served without redirect, plaintext to the origin, TLS 1.0 policies and v3 TLS10 domains are non-compliant', () => {
    expect(verdicts('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], https_redirect_enabled: false, forwarding_protocol: 'HttpOnly' }), ROUTE))
      .toEqual(['non-compliant[PlaintextListener]', 'non-compliant[Backend]']);
    expect(verdicts('AzureEdgeTls', gateway({ request_routing_rule: [{ name: 'plain', http_listener_name: 'http', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' }] }), AGW))
      .toEqual(['non-compliant[PlaintextListener]']);
    expect(verdicts('AzureEdgeTls', gateway({ ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] }), AGW)).toEqual(['non-compliant[TlsPolicy]']);
    const v3Domain = { azurerm_cdn_frontdoor_custom_domain: { d: [{ host_name: 'api.example.com', tls: [{ certificate_type: 'ManagedCertificate', minimum_tls_version: 'TLS10' }] }] } };
    expect(verdictsIn('AzureEdgeTls', { ...azurerm('~> 3.90'), resource: v3Domain }, 'azurerm_cdn_frontdoor_custom_domain.d')).toEqual(['non-compliant[TlsPolicy]']);
  });
  test('HTTPS with redirects, HTTPS to origins and a TLS 1.2 policy are compliant', () => {
    expect(verdicts('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], forwarding_protocol: 'HttpsOnly' }), ROUTE)).toEqual(COMPLIANT);
    expect(verdicts('AzureEdgeTls', gateway(), AGW)).toEqual(COMPLIANT);
    expect(verdicts('AzureEdgeTls', gateway({ ssl_policy: undefined }), AGW)).toEqual(COMPLIANT);
  });
  test('TLS 1.2 falls short of a TLS 1.3 policy', () => {
    expect(verdicts('AzureEdgeTls', gateway(), AGW, new DataProtectionPolicy({ minTlsVersion: '1.3' }))).toEqual(['non-compliant[TlsPolicy]']);
  });
  test('protocols from a variable without default are unverifiable', () => {
    expect(verdictsIn('AzureEdgeTls', { variable: { p: {} }, resource: route({ supported_protocols: '${var.p}' }) }, ROUTE)).toEqual(UNVERIFIABLE);
  });
  test('custom Application Gateway SSL policies: min_protocol_version, or the lowest protocol disabled_protocols leaves on', () => {
    const ssl = (policy: object, p?: DataProtectionPolicy) => said('AzureEdgeTls', gateway({ ssl_policy: [policy] }), AGW, p);
    expect(ssl({ policy_type: 'Custom', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] }))
      .toEqual(['compliant: gateway: ssl_policy.min_protocol_version = "TLSv1_2"']);
    expect(ssl({ policy_type: 'Custom', min_protocol_version: 'TLSv1_1' }))
      .toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy.min_protocol_version = "TLSv1_1" accepts TLS 1.1']);
    expect(ssl({ policy_type: 'CustomV2', min_protocol_version: 'TLSv1_3' }, TLS13)).toEqual(['compliant: gateway: ssl_policy.min_protocol_version = "TLSv1_3"']);
    expect(ssl({ policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2' }, TLS13))
      .toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy.min_protocol_version = "TLSv1_2" accepts TLS 1.2']);
    expect(ssl({ disabled_protocols: ['TLSv1_0', 'TLSv1_1'] })).toEqual(['compliant: gateway: ssl_policy.disabled_protocols = ["TLSv1_0","TLSv1_1"]']);
    expect(ssl({ disabled_protocols: ['TLSv1_0'] })).toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy.disabled_protocols = ["TLSv1_0"] accepts TLS 1.1']);
    expect(ssl({ disabled_protocols: [] })).toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy.disabled_protocols = [] accepts TLS 1.0']);
    expect(ssl({ disabled_protocols: ['TLSv1_0', 'TLSv1_1', 'TLSv1_2'] }, TLS13))
      .toEqual(['compliant: gateway: ssl_policy.disabled_protocols = ["TLSv1_0","TLSv1_1","TLSv1_2"]']);
    expect(ssl({ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20170401S' })).toEqual(['compliant: gateway: ssl_policy AppGwSslPolicy20170401S']);
    expect(ssl({ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }, TLS13))
      .toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy AppGwSslPolicy20220101S accepts TLS 1.2']);
  });
  test('an SSL policy that names no version the rule knows is unverifiable', () => {
    const ssl = (policy: object) => said('AzureEdgeTls', gateway({ ssl_policy: [policy] }), AGW);
    expect(ssl({ policy_type: 'Predefined' })).toEqual(['non-compliant[Unverifiable]: gateway: ssl_policy names no version']);
    expect(ssl({ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20990101' })).toEqual(['non-compliant[Unverifiable]: gateway: ssl_policy AppGwSslPolicy20990101']);
    expect(ssl({ policy_type: 'Custom', min_protocol_version: '${var.tls}' })).toEqual(['non-compliant[Unverifiable]: gateway: ssl_policy.min_protocol_version = "${var.tls}"']);
  });
  test('each ssl_profile is judged by its own SSL policy, or the gateway\'s it inherits', () => {
    const legacy = { name: 'legacy', ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20170401' }] };
    expect(said('AzureEdgeTls', gateway({ ssl_profile: [legacy] }), AGW))
      .toEqual(['non-compliant[TlsPolicy]: ssl_profile legacy: ssl_policy AppGwSslPolicy20170401 accepts TLS 1.1']);
    expect(said('AzureEdgeTls', gateway({ ssl_profile: [{ name: 'strict' }] }), AGW))
      .toEqual(['compliant: gateway: ssl_policy AppGwSslPolicy20220101; ssl_profile strict: ssl_policy AppGwSslPolicy20220101']);
    const strict = { name: 'strict', ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' }] };
    expect(said('AzureEdgeTls', gateway({ ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }], ssl_profile: [strict] }), AGW))
      .toEqual(['non-compliant[TlsPolicy]: gateway: ssl_policy AppGwSslPolicy20150501 accepts TLS 1.0']);
  });
  test.each(['http_listener', 'request_routing_rule', 'redirect_configuration', 'ssl_policy', 'backend_http_settings'])(
    'Application Gateway %s from a variable without default is unverifiable', (name) => {
      expect(said('AzureEdgeTls', gateway({ [name]: `\${var.${name}}` }), AGW, undefined, declared(name)))
        .toEqual([`non-compliant[Unverifiable]: ${name} = \${var.${name}} (variable "${name}" has no default and no value was given)`]);
    });
  test('an HTTP listener may redirect to an https:// URL; a redirect to plain HTTP or to an HTTP listener serves plaintext', () => {
    const redirect = (r: object) => said('AzureEdgeTls', gateway({ redirect_configuration: [{ name: 'to-https', redirect_type: 'Permanent', ...r }] }), AGW);
    const COMPLIANT_GATEWAY = ['compliant: gateway: ssl_policy AppGwSslPolicy20220101'];
    const SERVES = ['non-compliant[PlaintextListener]: HTTP listener http serves redirect instead of redirecting to HTTPS'];
    expect(redirect({ target_url: 'https://www.example.com' })).toEqual(COMPLIANT_GATEWAY);
    expect(redirect({ target_url: 'HTTPS://WWW.EXAMPLE.COM' })).toEqual(COMPLIANT_GATEWAY);
    expect(redirect({ target_url: 'http://www.example.com' })).toEqual(SERVES);
    expect(redirect({ target_url: 'http://www.example.com/https://' })).toEqual(SERVES);
    expect(redirect({ target_listener_name: 'http' })).toEqual(SERVES);
  });
  test('an HTTP listener that redirects one rule but serves another is named with the serving rule only', () => {
    const rules = [
      { name: 'redirect', http_listener_name: 'http', redirect_configuration_name: 'to-https' },
      { name: 'plain', http_listener_name: 'http', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' },
      { name: 'app', http_listener_name: 'https', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' },
    ];
    expect(said('AzureEdgeTls', gateway({ request_routing_rule: rules }), AGW))
      .toEqual(['non-compliant[PlaintextListener]: HTTP listener http serves plain instead of redirecting to HTTPS']);
    expect(said('AzureEdgeTls', gateway({ request_routing_rule: [rules[2]] }), AGW)).toEqual(['compliant: gateway: ssl_policy AppGwSslPolicy20220101']);
  });
  test('plain HTTP backend settings are non-compliant, and only they are named', () => {
    const backends = [{ name: 'tls', port: 443, protocol: 'Https' }, { name: 'plain', port: 80, protocol: 'Http' }];
    expect(said('AzureEdgeTls', gateway({ backend_http_settings: backends }), AGW)).toEqual(['non-compliant[Backend]: backend_http_settings plain forward in plain HTTP']);
  });
  test('without an HTTPS listener the gateway\'s SSL policy terminates nothing and is not judged', () => {
    const onlyRedirect = gateway({
      http_listener: [{ name: 'http', frontend_port_name: 'p80', protocol: 'Http' }],
      redirect_configuration: [{ name: 'to-https', redirect_type: 'Permanent', target_url: 'https://www.example.com' }],
      request_routing_rule: [{ name: 'redirect', http_listener_name: 'http', redirect_configuration_name: 'to-https' }],
      ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }],
    });
    expect(verdicts('AzureEdgeTls', onlyRedirect, AGW)).toEqual([]);
  });
  test('a disabled route is not judged; one that may be enabled is', () => {
    const plain = { supported_protocols: ['Http'], https_redirect_enabled: false, forwarding_protocol: 'HttpOnly' };
    expect(verdicts('AzureEdgeTls', route({ enabled: false, ...plain }), ROUTE)).toEqual([]);
    expect(said('AzureEdgeTls', route({ enabled: '${var.on}', supported_protocols: ['Https'], forwarding_protocol: 'HttpOnly' }), ROUTE, undefined, declared('on')))
      .toEqual(['non-compliant[Backend]: forwarding_protocol = "HttpOnly": requests reach the origin in plain HTTP']);
    expect(said('AzureEdgeTls', route({ enabled: true, supported_protocols: ['Https'], forwarding_protocol: 'HttpsOnly' }), ROUTE))
      .toEqual(['compliant: HTTPS to clients and HTTPS to origins']);
  });
  test('a route\'s redirect or forwarding protocol from a variable without default is unverifiable', () => {
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], https_redirect_enabled: '${var.redirect}' }), ROUTE, undefined, declared('redirect')))
      .toEqual(['non-compliant[Unverifiable]: https_redirect_enabled = ${var.redirect} (variable "redirect" has no default and no value was given)']);
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Https'], forwarding_protocol: '${var.fwd}' }), ROUTE, undefined, declared('fwd')))
      .toEqual(['non-compliant[Unverifiable]: forwarding_protocol = ${var.fwd} (variable "fwd" has no default and no value was given)']);
  });
  test('MatchRequest (the default) forwards plain HTTP only when the route serves HTTP without redirecting', () => {
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], https_redirect_enabled: false }), ROUTE)).toEqual([
      'non-compliant[PlaintextListener]: accepts HTTP without redirecting to HTTPS (https_redirect_enabled = false)',
      'non-compliant[Backend]: forwarding_protocol = "MatchRequest" forwards HTTP requests in plain HTTP',
    ]);
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'] }), ROUTE))
      .toEqual(['compliant: HTTPS to clients (HTTP redirected) and the request\'s protocol (HTTPS) to origins']);
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Https'], https_redirect_enabled: false }), ROUTE))
      .toEqual(['compliant: HTTPS to clients and the request\'s protocol (HTTPS) to origins']);
    expect(said('AzureEdgeTls', route({ supported_protocols: ['Http'], https_redirect_enabled: 'false', forwarding_protocol: 'HttpsOnly' }), ROUTE))
      .toEqual(['non-compliant[PlaintextListener]: accepts HTTP without redirecting to HTTPS (https_redirect_enabled = false)']);
  });
  test('a Front Door custom domain: TLS 1.2 by default, minimum_version against the policy, unknown versions unverifiable', () => {
    const DOMAIN = 'azurerm_cdn_frontdoor_custom_domain.d';
    const domain = (tls?: object) => ({ azurerm_cdn_frontdoor_custom_domain: { d: [{ host_name: 'api.example.com', ...(tls ? { tls: [tls] } : {}) }] } });
    expect(said('AzureEdgeTls', domain(), DOMAIN)).toEqual(['compliant: TLS >= 1.2']);
    expect(said('AzureEdgeTls', domain({ certificate_type: 'ManagedCertificate', minimum_version: 'TLS12' }), DOMAIN)).toEqual(['compliant: TLS >= 1.2']);
    expect(said('AzureEdgeTls', domain({ minimum_version: 'TLS12' }), DOMAIN, TLS13)).toEqual(['non-compliant[TlsPolicy]: tls minimum version "TLS12"']);
    expect(said('AzureEdgeTls', domain({ minimum_version: 'TLS13' }), DOMAIN, TLS13)).toEqual(['compliant: TLS >= 1.3']);
    expect(said('AzureEdgeTls', domain({ minimum_version: '${var.tls}' }), DOMAIN, undefined, declared('tls')))
      .toEqual(['non-compliant[Unverifiable]: tls.minimum_version = ${var.tls} (variable "tls" has no default and no value was given)']);
    expect(said('AzureEdgeTls', domain({ minimum_version: 'SSL30' }), DOMAIN)).toEqual(['non-compliant[Unverifiable]: tls minimum version "SSL30"']);
  });
  test('a Front Door custom domain whose tls block is a dynamic block over an unknown for_each is unverifiable', () => {
    const dynamicTls = { azurerm_cdn_frontdoor_custom_domain: { d: [{
      host_name: 'api.example.com', dynamic: { tls: [{ for_each: '${var.tls}', content: [{ minimum_version: '${tls.value}' }] }] },
    }] } };
    expect(said('AzureEdgeTls', dynamicTls, 'azurerm_cdn_frontdoor_custom_domain.d', undefined, declared('tls'))).toEqual([
      'non-compliant[Unverifiable]: tls = ${azurerm_cdn_frontdoor_custom_domain.d.tls}'
      + ' (dynamic "tls" for_each = ${var.tls} cannot be evaluated (variable "tls" has no default and no value was given))',
    ]);
  });

  describe('rule sets attached to a route', () => {
    const RULE_SET = '${azurerm_cdn_frontdoor_rule_set.rs.id}';
    const RULE = 'azurerm_cdn_frontdoor_rule.x (rule set azurerm_cdn_frontdoor_rule_set.rs)';
    /** A route serving HTTP and HTTPS, redirecting HTTP and forwarding in HTTPS, `o` over its arguments, with rule set rs holding rule x of `actions`. */
    const withRule = (actions: unknown, o: object = {}, rule: object = {}): Resources => ({
      ...route({ supported_protocols: ['Http', 'Https'], forwarding_protocol: 'HttpsOnly', cdn_frontdoor_rule_set_ids: [RULE_SET], ...o }),
      azurerm_cdn_frontdoor_rule_set: { rs: [{ name: 'rs', cdn_frontdoor_profile_id: '${azurerm_cdn_frontdoor_profile.fd.id}' }] },
      azurerm_cdn_frontdoor_rule: { x: [{ name: 'x', cdn_frontdoor_rule_set_id: RULE_SET, order: 1, actions, ...rule }] },
    });
    const override = (o: object) => [{ route_configuration_override_action: [{ cdn_frontdoor_origin_group_id: '${azurerm_cdn_frontdoor_origin_group.g.id}', ...o }] }];
    const redirect = (o: object) => [{ url_redirect_action: [{ redirect_type: 'PermanentRedirect', destination_hostname: 'www.example.com', ...o }] }];
    const UNKNOWN = (name: string) => `(variable "${name}" has no default and no value was given)`;
    test('a rule that overrides the forwarding protocol to HttpOnly forwards in plain HTTP though the route says HttpsOnly', () => {
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpOnly' })), ROUTE)).toEqual([
        `non-compliant[Backend]: ${RULE}: route_configuration_override_action.forwarding_protocol = "HttpOnly": requests reach the origin in plain HTTP`,
      ]);
    });
    test('a rule that redirects to Http sends clients to plain HTTP', () => {
      expect(said('AzureEdgeTls', withRule(redirect({ redirect_protocol: 'Http' })), ROUTE)).toEqual([
        `non-compliant[PlaintextListener]: ${RULE}: url_redirect_action.redirect_protocol = "Http" redirects clients to plain HTTP`,
      ]);
    });
    test('rules that forward in HTTPS, redirect to HTTPS or only cache keep the route compliant, and say which rule sets were read', () => {
      const KEEPS = ['compliant: HTTPS to clients (HTTP redirected) and HTTPS to origins; azurerm_cdn_frontdoor_rule_set.rs: no rule forwards or redirects in plain HTTP'];
      expect(said('AzureEdgeTls', withRule([...override({ forwarding_protocol: 'HttpsOnly' }), ...redirect({ redirect_protocol: 'Https' })]), ROUTE)).toEqual(KEEPS);
      expect(said('AzureEdgeTls', withRule(redirect({})), ROUTE)).toEqual(KEEPS);
      expect(said('AzureEdgeTls', withRule([{ route_configuration_override_action: [{ cache_behavior: 'HonorOrigin' }] }]), ROUTE)).toEqual(KEEPS);
      expect(said('AzureEdgeTls', withRule([{ response_header_action: [{ header_action: 'Delete', header_name: 'Server' }] }]), ROUTE)).toEqual(KEEPS);
      // A dynamic block of another action leaves these ones known.
      const otherDynamic = { ...override({ forwarding_protocol: 'HttpsOnly' })[0], dynamic: { response_header_action: [{ for_each: '${var.h}', content: [{ header_action: 'Delete' }] }] } };
      expect(said('AzureEdgeTls', withRule([otherDynamic]), ROUTE, undefined, declared('h'))).toEqual(KEEPS);
    });
    test('an override to MatchRequest (explicit, or the default with an origin group) forwards HTTP in plain HTTP only when the route serves HTTP without redirecting', () => {
      const plainRoute = { https_redirect_enabled: false };
      const PLAIN = 'non-compliant[PlaintextListener]: accepts HTTP without redirecting to HTTPS (https_redirect_enabled = false)';
      const MATCH = `non-compliant[Backend]: ${RULE}: route_configuration_override_action.forwarding_protocol = "MatchRequest" forwards HTTP requests in plain HTTP`;
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'MatchRequest' }), plainRoute), ROUTE)).toEqual([PLAIN, MATCH]);
      expect(said('AzureEdgeTls', withRule(override({}), plainRoute), ROUTE)).toEqual([PLAIN, MATCH]);
      expect(said('AzureEdgeTls', withRule([{ route_configuration_override_action: [{ cache_behavior: 'HonorOrigin' }] }], plainRoute), ROUTE)).toEqual([PLAIN]);
      expect(said('AzureEdgeTls', withRule(override({ cdn_frontdoor_origin_group_id: null }), plainRoute), ROUTE)).toEqual([PLAIN]);
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'MatchRequest' })), ROUTE))
        .toEqual(['compliant: HTTPS to clients (HTTP redirected) and HTTPS to origins; azurerm_cdn_frontdoor_rule_set.rs: no rule forwards or redirects in plain HTTP']);
    });
    test('an override or redirect protocol from a variable without default is unverifiable', () => {
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: '${var.fwd}' })), ROUTE, undefined, declared('fwd')))
        .toEqual([`non-compliant[Unverifiable]: ${RULE}: route_configuration_override_action.forwarding_protocol = \${var.fwd} ${UNKNOWN('fwd')}`]);
      expect(said('AzureEdgeTls', withRule(redirect({ redirect_protocol: '${var.proto}' })), ROUTE, undefined, declared('proto')))
        .toEqual([`non-compliant[Unverifiable]: ${RULE}: url_redirect_action.redirect_protocol = \${var.proto} ${UNKNOWN('proto')}`]);
    });
    test('actions, or an action, from a dynamic block over an unknown for_each, or from a variable, are unverifiable', () => {
      const dynamicActions = { actions: undefined, dynamic: { actions: [{ for_each: '${var.a}', content: [{}] }] } };
      expect(said('AzureEdgeTls', withRule(undefined, {}, dynamicActions), ROUTE, undefined, declared('a'))).toEqual([
        `non-compliant[Unverifiable]: ${RULE}: actions = \${azurerm_cdn_frontdoor_rule.x.actions}`
        + ` (dynamic "actions" for_each = \${var.a} cannot be evaluated ${UNKNOWN('a')})`,
      ]);
      // A dynamic action inside the dynamic actions block is expanded by the reader: over an unknown for_each it is unknown.
      const inDynamic = (action: string) => ({ actions: undefined, dynamic: { actions: [{ for_each: [1], content: [{
        dynamic: { [action]: [{ for_each: '${var.o}', content: [{ forwarding_protocol: 'HttpOnly', redirect_protocol: 'Http' }] }] },
      }] }] } });
      expect(said('AzureEdgeTls', withRule(undefined, {}, inDynamic('route_configuration_override_action')), ROUTE, undefined, declared('o'))).toEqual([
        `non-compliant[Unverifiable]: ${RULE}: route_configuration_override_action = \${azurerm_cdn_frontdoor_rule.x.route_configuration_override_action}`
        + ` (dynamic "route_configuration_override_action" for_each = \${var.o} cannot be evaluated ${UNKNOWN('o')})`,
      ]);
      expect(said('AzureEdgeTls', withRule(undefined, {}, inDynamic('url_redirect_action')), ROUTE, undefined, declared('o'))).toEqual([
        `non-compliant[Unverifiable]: ${RULE}: url_redirect_action = \${azurerm_cdn_frontdoor_rule.x.url_redirect_action}`
        + ` (dynamic "url_redirect_action" for_each = \${var.o} cannot be evaluated ${UNKNOWN('o')})`,
      ]);
      // Inside a literal actions block the reader leaves a dynamic action unexpanded: its for_each is named.
      const dynamicOverride = [{ dynamic: { route_configuration_override_action: [{ for_each: '${var.o}', content: [{ forwarding_protocol: 'HttpOnly' }] }] } }];
      expect(said('AzureEdgeTls', withRule(dynamicOverride), ROUTE, undefined, declared('o'))).toEqual([
        `non-compliant[Unverifiable]: ${RULE}: route_configuration_override_action comes from dynamic "route_configuration_override_action"`
        + ' over for_each = ${var.o}, which is not evaluated',
      ]);
      const dynamicRedirect = [{ dynamic: [{ url_redirect_action: [{ for_each: [1], content: [{ redirect_protocol: 'Http' }] }] }] }];
      expect(said('AzureEdgeTls', withRule(dynamicRedirect), ROUTE)).toEqual([
        `non-compliant[Unverifiable]: ${RULE}: url_redirect_action comes from dynamic "url_redirect_action" over for_each = [1], which is not evaluated`,
      ]);
      expect(said('AzureEdgeTls', withRule([{ url_redirect_action: '${var.r}' }]), ROUTE, undefined, declared('r')))
        .toEqual([`non-compliant[Unverifiable]: ${RULE}: url_redirect_action = \${var.r} ${UNKNOWN('r')}`]);
    });
    test('rule set IDs from a variable, a data source or outside the configuration are unverifiable', () => {
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpsOnly' }), { cdn_frontdoor_rule_set_ids: '${var.sets}' }), ROUTE, undefined, declared('sets')))
        .toEqual([`non-compliant[Unverifiable]: cdn_frontdoor_rule_set_ids = \${var.sets} ${UNKNOWN('sets')}`]);
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpsOnly' }), { cdn_frontdoor_rule_set_ids: ['${var.set}'] }), ROUTE, undefined, declared('set')))
        .toEqual([`non-compliant[Unverifiable]: cdn_frontdoor_rule_set_ids = \${var.set} ${UNKNOWN('set')}`]);
      const fromData = { cdn_frontdoor_rule_set_ids: ['${data.azurerm_cdn_frontdoor_rule_set.shared.id}'] };
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpsOnly' }), fromData), ROUTE)).toEqual([
        'non-compliant[Unverifiable]: cdn_frontdoor_rule_set_ids = ${data.azurerm_cdn_frontdoor_rule_set.shared.id} (a data source is read only when Terraform runs)',
      ]);
      const external = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Cdn/profiles/fd/ruleSets/shared';
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpsOnly' }), { cdn_frontdoor_rule_set_ids: [external] }), ROUTE)).toEqual([
        `non-compliant[Unverifiable]: cdn_frontdoor_rule_set_ids = ${external}: a rule set this configuration does not declare, whose rules only Azure knows`,
      ]);
    });
    test('a rule that may not exist keeps the route from being compliant; a plaintext one says what it would do', () => {
      const maybe = { count: '${var.n}' };
      const config = { variable: { n: [{ type: '${number}' }] } };
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpOnly' }), {}, maybe), ROUTE, undefined, config)).toEqual([
        'non-compliant[Unverifiable]: azurerm_cdn_frontdoor_rule.x may not exist: count = ${var.n} cannot be evaluated (variable "n" has no default and no value was given),'
        + ' and if it does: route_configuration_override_action.forwarding_protocol = "HttpOnly": requests reach the origin in plain HTTP',
      ]);
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpsOnly' }), {}, maybe), ROUTE, undefined, config))
        .toEqual(['non-compliant[Unverifiable]: the verdict depends on azurerm_cdn_frontdoor_rule.x, which may not be created: count = ${var.n} cannot be evaluated'
          + ' (variable "n" has no default and no value was given)']);
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: '${var.fwd}' }), {}, maybe), ROUTE, undefined, { variable: { ...config.variable, fwd: {} } }))
        .toEqual([`non-compliant[Unverifiable]: ${RULE}: route_configuration_override_action.forwarding_protocol = \${var.fwd} ${UNKNOWN('fwd')}`]);
    });
    test('a rule set of another route, or a route without rule sets, is not read', () => {
      const other = withRule(override({ forwarding_protocol: 'HttpOnly' }), { cdn_frontdoor_rule_set_ids: ['${azurerm_cdn_frontdoor_rule_set.secure.id}'] });
      other.azurerm_cdn_frontdoor_rule_set.secure = [{ name: 'secure', cdn_frontdoor_profile_id: '${azurerm_cdn_frontdoor_profile.fd.id}' }];
      other.azurerm_cdn_frontdoor_rule.y = [{ name: 'y', cdn_frontdoor_rule_set_id: '${azurerm_cdn_frontdoor_rule_set.secure.id}', order: 1, actions: redirect({ redirect_protocol: 'Https' }) }];
      expect(said('AzureEdgeTls', other, ROUTE))
        .toEqual(['compliant: HTTPS to clients (HTTP redirected) and HTTPS to origins; azurerm_cdn_frontdoor_rule_set.secure: no rule forwards or redirects in plain HTTP']);
      const none = withRule(override({ forwarding_protocol: 'HttpOnly' }), { cdn_frontdoor_rule_set_ids: undefined });
      expect(said('AzureEdgeTls', none, ROUTE)).toEqual(['compliant: HTTPS to clients (HTTP redirected) and HTTPS to origins']);
      expect(said('AzureEdgeTls', withRule(override({ forwarding_protocol: 'HttpOnly' }), { cdn_frontdoor_rule_set_ids: [] }), ROUTE))
        .toEqual(['compliant: HTTPS to clients (HTTP redirected) and HTTPS to origins']);
    });
  });

  describe('Application Gateway values only apply knows', () => {
    const UNKNOWN = (name: string) => `(variable "${name}" has no default and no value was given)`;
    test('ssl_profile blocks from a dynamic block over an unknown for_each are unverifiable; the gateway\'s own policy is still judged', () => {
      const profiles = { dynamic: { ssl_profile: [{ for_each: '${var.profiles}', content: [{ name: '${ssl_profile.key}', ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] }] }] } };
      expect(said('AzureEdgeTls', gateway(profiles), AGW, undefined, declared('profiles'))).toEqual([
        'non-compliant[Unverifiable]: ssl_profile = ${azurerm_application_gateway.agw.ssl_profile}'
        + ` (dynamic "ssl_profile" for_each = \${var.profiles} cannot be evaluated ${UNKNOWN('profiles')})`,
      ]);
      expect(said('AzureEdgeTls', gateway({ ssl_profile: '${var.profiles}' }), AGW, undefined, declared('profiles')))
        .toEqual([`non-compliant[Unverifiable]: ssl_profile = \${var.profiles} ${UNKNOWN('profiles')}`]);
      const weak = { ssl_profile: '${var.profiles}', ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] };
      expect(said('AzureEdgeTls', gateway(weak), AGW, undefined, declared('profiles'))).toEqual([
        `non-compliant[Unverifiable]: ssl_profile = \${var.profiles} ${UNKNOWN('profiles')}`,
        'non-compliant[TlsPolicy]: gateway: ssl_policy AppGwSslPolicy20150501 accepts TLS 1.0',
      ]);
    });
    test('an ssl_profile whose ssl_policy is a dynamic block over an unknown for_each is unverifiable', () => {
      const profile = { name: 'p', dynamic: { ssl_policy: [{ for_each: '${var.policy}', content: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] }] } };
      expect(said('AzureEdgeTls', gateway({ ssl_profile: [profile] }), AGW, undefined, declared('policy'))).toEqual([
        'non-compliant[Unverifiable]: ssl_profile p: ssl_policy comes from dynamic "ssl_policy" over for_each = ${var.policy}, which is not evaluated',
      ]);
      // A dynamic ssl_profile over a known for_each is expanded, with its nested dynamic ssl_policy: unknown there, it is a value.
      const nested = { dynamic: { ssl_profile: [{ for_each: ['p'], content: [{ name: '${ssl_profile.value}', dynamic: profile.dynamic }] }] } };
      expect(said('AzureEdgeTls', gateway(nested), AGW, undefined, declared('policy'))).toEqual([
        'non-compliant[Unverifiable]: ssl_profile p: ssl_policy = ${azurerm_application_gateway.agw.ssl_policy}'
        + ` (dynamic "ssl_policy" for_each = \${var.policy} cannot be evaluated ${UNKNOWN('policy')})`,
      ]);
    });
    test('a listener or backend protocol from a variable without default is unverifiable', () => {
      const listeners = [
        { name: 'http', frontend_port_name: 'p80', protocol: 'Http' },
        { name: 'https', frontend_port_name: 'p443', protocol: 'Https', ssl_certificate_name: 'cert' },
        { name: 'other', frontend_port_name: 'p8443', protocol: '${var.proto}', ssl_certificate_name: 'cert' },
      ];
      expect(said('AzureEdgeTls', gateway({ http_listener: listeners }), AGW, undefined, declared('proto')))
        .toEqual([`non-compliant[Unverifiable]: http_listener other: protocol = \${var.proto} ${UNKNOWN('proto')}`]);
      const backends = [{ name: 'tls', port: 443, protocol: 'Https' }, { name: 'other', port: 443, protocol: '${var.proto}' }];
      expect(said('AzureEdgeTls', gateway({ backend_http_settings: backends }), AGW, undefined, declared('proto')))
        .toEqual([`non-compliant[Unverifiable]: backend_http_settings other: protocol = \${var.proto} ${UNKNOWN('proto')}`]);
    });
  });
});

describe('AzureAppTls', () => {
  const WEB = 'azurerm_linux_web_app.w';
  const web = (o: object = {}) => ({ azurerm_linux_web_app: { w: [{ name: 'w', site_config: [{ minimum_tls_version: '1.2' }], ...o }] } });
  test('a TLS 1.3 policy: Container Apps ingress accepts TLS 1.2 and nothing raises it', () => {
    const secure = { azurerm_container_app: { api: [{ ingress: [{ target_port: 8080 }] }] } };
    expect(said('AzureAppTls', secure, 'azurerm_container_app.api', TLS13)).toEqual([
      'non-compliant[TlsPolicy]: Container Apps ingress accepts TLS 1.2, below the policy\'s 1.3, and has no argument to refuse it',
    ]);
    expect(said('AzureAppTls', secure, 'azurerm_container_app.api')).toEqual(['compliant: ingress redirects HTTP to HTTPS (Container Apps terminate TLS 1.2+)']);
  });
  test('https_only by default false, or insecure container ingress, is non-compliant', () => {
    expect(verdicts('AzureAppTls', web(), WEB)).toEqual(['non-compliant[PlaintextListener]']);
    const ingress = { external_enabled: true, allow_insecure_connections: true, target_port: 8080 };
    const insecure = { azurerm_container_app: { api: [{ ingress: [ingress] }] } };
    expect(verdicts('AzureAppTls', insecure, 'azurerm_container_app.api')).toEqual(['non-compliant[PlaintextListener]']);
  });
  test('https_only with TLS 1.2, and a container app ingress by default, are compliant', () => {
    expect(verdicts('AzureAppTls', web({ https_only: true }), WEB)).toEqual(COMPLIANT);
    expect(verdicts('AzureAppTls', { azurerm_container_app: { api: [{ ingress: [{ target_port: 8080 }] }] } }, 'azurerm_container_app.api')).toEqual(COMPLIANT);
  });
  test('https_only from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureAppTls', { variable: { h: {} }, resource: web({ https_only: '${var.h}' }) }, WEB)).toEqual(UNVERIFIABLE);
  });
  test('https_only = false and an unset https_only are told apart; Windows apps are judged the same way', () => {
    expect(said('AzureAppTls', web({ https_only: false }), WEB))
      .toEqual(['non-compliant[PlaintextListener]: https_only = false: the app answers plain HTTP instead of redirecting']);
    expect(said('AzureAppTls', web(), WEB))
      .toEqual(['non-compliant[PlaintextListener]: https_only not set (default false): the app answers plain HTTP instead of redirecting']);
    const windows = (o: object) => ({ azurerm_windows_web_app: { w: [{ name: 'w', ...o }] } });
    expect(said('AzureAppTls', windows({ https_only: true, site_config: [{}] }), 'azurerm_windows_web_app.w')).toEqual(['compliant: HTTPS only; TLS >= 1.2']);
    expect(verdicts('AzureAppTls', windows({}), 'azurerm_windows_web_app.w')).toEqual(['non-compliant[PlaintextListener]']);
    expect(said('AzureAppTls', web({ https_only: 'true', site_config: undefined }), WEB)).toEqual(['compliant: HTTPS only; TLS >= 1.2']);
  });
  test('minimum_tls_version and scm_minimum_tls_version (default 1.2) are each held to the policy', () => {
    const site = (config: object, p?: DataProtectionPolicy) => said('AzureAppTls', web({ https_only: true, site_config: [config] }), WEB, p);
    expect(site({ minimum_tls_version: '1.0' })).toEqual(['non-compliant[TlsPolicy]: site_config.minimum_tls_version = "1.0"']);
    expect(site({ scm_minimum_tls_version: '1.1' })).toEqual(['non-compliant[TlsPolicy]: site_config.scm_minimum_tls_version = "1.1"']);
    expect(site({ minimum_tls_version: '1.3' }, TLS13)).toEqual(['non-compliant[TlsPolicy]: site_config.scm_minimum_tls_version = "1.2"']);
    expect(site({ minimum_tls_version: '1.3', scm_minimum_tls_version: '1.3' }, TLS13)).toEqual(['compliant: HTTPS only; TLS >= 1.3']);
  });
  test('a TLS version from a variable, or one the rule cannot read, is unverifiable', () => {
    expect(said('AzureAppTls', web({ https_only: true, site_config: [{ minimum_tls_version: '${var.tls}' }] }), WEB, undefined, declared('tls')))
      .toEqual(['non-compliant[Unverifiable]: site_config.minimum_tls_version = ${var.tls} (variable "tls" has no default and no value was given)']);
    expect(said('AzureAppTls', web({ https_only: true, site_config: [{ minimum_tls_version: 'modern' }] }), WEB))
      .toEqual(['non-compliant[Unverifiable]: site_config.minimum_tls_version = "modern"']);
  });
  test('container apps: no ingress is no endpoint; ingress or its insecure flag from a variable is unverifiable', () => {
    const CA = 'azurerm_container_app.api';
    const app = (o: object) => ({ azurerm_container_app: { api: [{ name: 'api', ...o }] } });
    expect(verdicts('AzureAppTls', app({}), CA)).toEqual([]);
    expect(said('AzureAppTls', app({ ingress: '${var.ingress}' }), CA, undefined, declared('ingress')))
      .toEqual(['non-compliant[Unverifiable]: ingress = ${var.ingress} (variable "ingress" has no default and no value was given)']);
    expect(said('AzureAppTls', app({ ingress: [{ allow_insecure_connections: '${var.insecure}', target_port: 80 }] }), CA, undefined, declared('insecure')))
      .toEqual(['non-compliant[Unverifiable]: ingress.allow_insecure_connections = ${var.insecure} (variable "insecure" has no default and no value was given)']);
    expect(said('AzureAppTls', app({ ingress: [{ allow_insecure_connections: false, target_port: 80 }] }), CA))
      .toEqual(['compliant: ingress redirects HTTP to HTTPS (Container Apps terminate TLS 1.2+)']);
  });
});

describe('AzureRestoreDrills', () => {
  const BI = 'azurerm_data_protection_backup_instance_postgresql_flexible_server.db';
  const drills = (schedules: [string, string, number][], content = 'Start-AzDataProtectionBackupInstanceRestore -BackupInstanceName $name', param = '${azurerm_data_protection_backup_vault.vault.id}'): Resources => ({
    azurerm_data_protection_backup_vault: { vault: [{ name: 'bv', redundancy: 'GeoRedundant' }] },
    azurerm_data_protection_backup_instance_postgresql_flexible_server: { db: [{
      name: 'db', vault_id: '${azurerm_data_protection_backup_vault.vault.id}', server_id: '${azurerm_postgresql_flexible_server.db.id}', backup_policy_id: 'p',
    }] },
    azurerm_automation_account: { drills: [{ name: 'aa-drills', sku_name: 'Basic', local_authentication_enabled: false }] },
    azurerm_automation_runbook: { restore: [{ name: 'restore-drill', automation_account_name: '${azurerm_automation_account.drills.name}', runbook_type: 'PowerShell72', content }] },
    azurerm_automation_schedule: Object.fromEntries(schedules.map(([name, frequency, interval]) => [name, [{ name, automation_account_name: '${azurerm_automation_account.drills.name}', frequency, interval }]])),
    azurerm_automation_job_schedule: Object.fromEntries(schedules.map(([name]) => [name, [{
      automation_account_name: '${azurerm_automation_account.drills.name}', runbook_name: '${azurerm_automation_runbook.restore.name}',
      schedule_name: `\${azurerm_automation_schedule.${name}.name}`, parameters: { vaultid: param, level: name },
    }]])),
  });
  const ALL: [string, string, number][] = [['daily', 'Day', 1], ['weekly', 'Week', 1], ['quarterly', 'Month', 3]];
  test('a weekly drill only leaves the daily promise open; a runbook that restores nothing is no drill', () => {
    expect(verdicts('AzureRestoreDrills', drills([['weekly', 'Week', 1]]), BI)).toEqual(['non-compliant[Daily]']);
    expect(verdicts('AzureRestoreDrills', drills(ALL, 'Get-AzDataProtectionBackupInstance | Out-Null'), BI))
      .toEqual(['non-compliant[Daily]', 'non-compliant[Weekly]', 'non-compliant[Quarterly]']);
  });
  test('daily, weekly and quarterly drills of the instance\'s vault are compliant; the schedules come from the policy', () => {
    expect(verdicts('AzureRestoreDrills', drills(ALL), BI)).toEqual(COMPLIANT);
    const quarterlyOnly = new DataProtectionPolicy({ restoreTestSchedules: [RestoreTestFrequency.QUARTERLY] });
    expect(verdicts('AzureRestoreDrills', drills([['monthly', 'Month', 1]]), BI, quarterlyOnly)).toEqual(COMPLIANT);
  });
  test('a runbook published from a URI is unverifiable: its content is not in the configuration', () => {
    const linked = drills(ALL);
    const runbook: any = linked.azurerm_automation_runbook.restore[0];
    delete runbook.content;
    runbook.publish_content_link = [{ uri: 'https://example.com/restore.ps1' }];
    expect(verdicts('AzureRestoreDrills', linked, BI)).toEqual(UNVERIFIABLE);
  });
  test('each promised frequency is a boundary: 24 hours is daily, 14 days is not weekly, four months is not quarterly', () => {
    const JOB = 'azurerm_automation_job_schedule';
    expect(verdicts('AzureRestoreDrills', drills([['hourly', 'Hour', 24]]), BI)).toEqual(COMPLIANT);
    expect(said('AzureRestoreDrills', drills([['hourly', 'Hour', 25]]), BI))
      .toEqual([`non-compliant[Daily]: no restore drill at least every 1 day (only ${JOB}.hourly every 1.0416666666666667 days)`]);
    expect(said('AzureRestoreDrills', drills([['d2', 'Day', 2]]), BI)).toEqual([`non-compliant[Daily]: no restore drill at least every 1 day (only ${JOB}.d2 every 2 days)`]);
    const slower = ` (only ${JOB}.fortnightly every 14 days, ${JOB}.every4 every 124 days)`;
    expect(said('AzureRestoreDrills', drills([['fortnightly', 'Week', 2], ['every4', 'Month', 4]]), BI)).toEqual([
      `non-compliant[Daily]: no restore drill at least every 1 day${slower}`,
      `non-compliant[Weekly]: no restore drill at least every 7 days${slower}`,
    ]);
    const quarterlyOnly = new DataProtectionPolicy({ restoreTestSchedules: [RestoreTestFrequency.QUARTERLY] });
    expect(said('AzureRestoreDrills', drills([['every4', 'Month', 4]]), BI, quarterlyOnly))
      .toEqual([`non-compliant[Quarterly]: no restore drill at least every 93 days (only ${JOB}.every4 every 124 days)`]);
    const asText = drills([['q', 'Month', 3]]);
    asText.azurerm_automation_schedule.q[0].interval = '3';
    expect(said('AzureRestoreDrills', asText, BI, quarterlyOnly)).toEqual([`compliant: quarterly: ${JOB}.q`]);
  });
  test('a schedule without interval runs every period (interval 1)', () => {
    const daily = drills([['daily', 'Day', 1]]);
    delete daily.azurerm_automation_schedule.daily[0].interval;
    expect(verdicts('AzureRestoreDrills', daily, BI)).toEqual(COMPLIANT);
  });
  test('a schedule\'s interval or frequency from a variable without default is unverifiable, unless another drill fits', () => {
    const every = drills([['daily', 'Day', 1], ['weekly', 'Week', 1]]);
    every.azurerm_automation_schedule.daily[0].interval = '${var.every}';
    expect(said('AzureRestoreDrills', every, BI, undefined, declared('every')))
      .toEqual(['non-compliant[Unverifiable]: azurerm_automation_schedule.daily: frequency "Day", interval "${var.every}"']);
    const frequency = drills([['daily', 'Day', 1]]);
    frequency.azurerm_automation_schedule.daily[0].frequency = '${var.freq}';
    expect(said('AzureRestoreDrills', frequency, BI, undefined, declared('freq')))
      .toEqual(['non-compliant[Unverifiable]: azurerm_automation_schedule.daily: frequency "${var.freq}", interval 1']);
  });
  test('a job schedule whose parameters name the instance itself is a drill; one naming another vault, or nothing, is not', () => {
    expect(verdicts('AzureRestoreDrills', drills(ALL, undefined, '${azurerm_data_protection_backup_instance_postgresql_flexible_server.db.id}'), BI)).toEqual(COMPLIANT);
    const none = [
      'non-compliant[Daily]: no restore drill at least every 1 day',
      'non-compliant[Weekly]: no restore drill at least every 7 days',
      'non-compliant[Quarterly]: no restore drill at least every 93 days',
    ];
    expect(said('AzureRestoreDrills', drills(ALL, undefined, '${azurerm_data_protection_backup_vault.other.id}'), BI)).toEqual(none);
    const noParameters = drills(ALL);
    for (const job of Object.values(noParameters.azurerm_automation_job_schedule)) delete job[0].parameters;
    expect(said('AzureRestoreDrills', noParameters, BI)).toEqual(none);
  });
  test('a job schedule joins its runbook and schedule by name within the same Automation account', () => {
    const byName = drills(ALL);
    for (const [name, job] of Object.entries(byName.azurerm_automation_job_schedule)) {
      job[0].runbook_name = 'restore-drill';
      job[0].schedule_name = name;
    }
    expect(verdicts('AzureRestoreDrills', byName, BI)).toEqual(COMPLIANT);
    byName.azurerm_automation_runbook.restore[0].automation_account_name = 'aa-elsewhere';
    expect(said('AzureRestoreDrills', byName, BI))
      .toEqual(['non-compliant[Unverifiable]: azurerm_automation_job_schedule.daily names a runbook outside this configuration']);
    const outside = drills(ALL);
    for (const job of Object.values(outside.azurerm_automation_job_schedule)) job[0].schedule_name = 'nightly';
    expect(said('AzureRestoreDrills', outside, BI))
      .toEqual(['non-compliant[Unverifiable]: azurerm_automation_job_schedule.daily names a schedule outside this configuration']);
  });
  test('a runbook whose content is an expression, or a job schedule that may not exist, is unverifiable', () => {
    expect(said('AzureRestoreDrills', drills(ALL, '${file("restore.ps1")}'), BI)).toEqual([
      'non-compliant[Unverifiable]: azurerm_automation_runbook.restore: the runbook\'s content is not in this configuration'
      + ' (content = ${file("restore.ps1")} (the expression was not evaluated))',
    ]);
    const maybe = drills(ALL);
    maybe.azurerm_automation_job_schedule.daily[0].count = '${var.n}';
    expect(said('AzureRestoreDrills', maybe, BI, undefined, { variable: { n: [{ type: '${number}' }] } })).toEqual([
      'non-compliant[Unverifiable]: azurerm_automation_job_schedule.daily may not exist:'
      + ' count = ${var.n} cannot be evaluated (variable "n" has no default and no value was given)',
    ]);
  });
});

describe('AzureEntryPointWaf (the Front Door and Application Gateway WAF states)', () => {
  const FD = 'azurerm_cdn_frontdoor_profile.fd';
  const PROFILE = '${azurerm_cdn_frontdoor_profile.fd.id}';
  const ENDPOINT = 'azurerm_cdn_frontdoor_endpoint.web';
  const DOMAIN = 'azurerm_cdn_frontdoor_custom_domain.api';
  const securityPolicy = (policyId: string, domains: string[]) => [{
    name: 'sp', cdn_frontdoor_profile_id: PROFILE,
    security_policies: [{ firewall: [{
      cdn_frontdoor_firewall_policy_id: policyId,
      association: [{ domain: domains.map((d) => ({ cdn_frontdoor_domain_id: `\${${d}.id}` })), patterns_to_match: ['/*'] }],
    }] }],
  }];
  const frontDoor = (o: { waf?: object; waf2?: object; policies?: object; domain?: boolean } = {}): Resources => ({
    azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd', sku_name: 'Premium_AzureFrontDoor' }] },
    azurerm_cdn_frontdoor_endpoint: { web: [{ name: 'web', cdn_frontdoor_profile_id: PROFILE }] },
    ...(o.domain ? { azurerm_cdn_frontdoor_custom_domain: { api: [{ name: 'api', cdn_frontdoor_profile_id: PROFILE, host_name: 'api.example.com' }] } } : {}),
    azurerm_cdn_frontdoor_firewall_policy: {
      waf: [{ name: 'waf', sku_name: 'Premium_AzureFrontDoor', mode: 'Prevention', ...o.waf }],
      waf2: [{ name: 'waf2', sku_name: 'Premium_AzureFrontDoor', mode: 'Prevention', ...o.waf2 }],
    },
    azurerm_cdn_frontdoor_security_policy: o.policies ?? { sp: securityPolicy('${azurerm_cdn_frontdoor_firewall_policy.waf.id}', [ENDPOINT]) },
  });
  test('a Front Door profile without endpoints is no entry point', () => {
    expect(verdicts('AzureEntryPointWaf', { azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd', sku_name: 'Premium_AzureFrontDoor' }] } }, FD)).toEqual([]);
  });
  test('every endpoint and custom domain needs a firewall association of its own', () => {
    expect(said('AzureEntryPointWaf', frontDoor({ domain: true }), FD)).toEqual([`non-compliant: ${DOMAIN} is associated with no firewall policy`]);
    const both = { sp: securityPolicy('${azurerm_cdn_frontdoor_firewall_policy.waf.id}', [ENDPOINT, DOMAIN]) };
    expect(said('AzureEntryPointWaf', frontDoor({ domain: true, policies: both }), FD)).toEqual([
      `compliant: ${ENDPOINT}: azurerm_cdn_frontdoor_firewall_policy.waf in Prevention mode; ${DOMAIN}: azurerm_cdn_frontdoor_firewall_policy.waf in Prevention mode`,
    ]);
  });
  test('a Front Door firewall policy that is disabled, or in Detection mode, protects nothing', () => {
    expect(said('AzureEntryPointWaf', frontDoor({ waf: { enabled: false } }), FD))
      .toEqual([`non-compliant: ${ENDPOINT}: azurerm_cdn_frontdoor_firewall_policy.waf is disabled (enabled = false)`]);
    expect(said('AzureEntryPointWaf', frontDoor({ waf: { mode: 'Detection' } }), FD))
      .toEqual([`non-compliant: ${ENDPOINT}: azurerm_cdn_frontdoor_firewall_policy.waf is in "Detection" mode: it logs attacks but blocks none`]);
  });
  test('a Front Door firewall policy, or its enabled flag, from a variable without default is unverifiable', () => {
    expect(said('AzureEntryPointWaf', frontDoor({ waf: { enabled: '${var.on}' } }), FD, undefined, declared('on')))
      .toEqual(['non-compliant[Unverifiable]: enabled = ${var.on} (variable "on" has no default and no value was given)']);
    expect(said('AzureEntryPointWaf', frontDoor({ waf: { mode: '${var.mode}' } }), FD, undefined, declared('mode')))
      .toEqual(['non-compliant[Unverifiable]: mode = ${var.mode} (variable "mode" has no default and no value was given)']);
    expect(said('AzureEntryPointWaf', frontDoor({ policies: { sp: securityPolicy('${var.waf}', [ENDPOINT]) } }), FD, undefined, declared('waf')))
      .toEqual(['non-compliant[Unverifiable]: cdn_frontdoor_firewall_policy_id = ${var.waf} (variable "waf" has no default and no value was given)']);
  });
  test('an open domain outweighs an unknown one; an unknown one outweighs a protected one', () => {
    expect(said('AzureEntryPointWaf', frontDoor({ domain: true, policies: { sp: securityPolicy('${var.waf}', [ENDPOINT]) } }), FD, undefined, declared('waf')))
      .toEqual([`non-compliant: ${DOMAIN} is associated with no firewall policy`]);
    const split = { a: securityPolicy('${var.waf}', [ENDPOINT]), b: securityPolicy('${azurerm_cdn_frontdoor_firewall_policy.waf.id}', [DOMAIN]) };
    expect(verdictsIn('AzureEntryPointWaf', { ...declared('waf'), resource: frontDoor({ domain: true, policies: split }) }, FD)).toEqual(UNVERIFIABLE);
  });
  test('a domain protected by one security policy stays protected whatever another one says', () => {
    const two = (first: string, second: string) => ({
      a: securityPolicy(`\${azurerm_cdn_frontdoor_firewall_policy.${first}.id}`, [ENDPOINT]),
      b: securityPolicy(`\${azurerm_cdn_frontdoor_firewall_policy.${second}.id}`, [ENDPOINT]),
    });
    expect(said('AzureEntryPointWaf', frontDoor({ waf2: { mode: 'Detection' }, policies: two('waf', 'waf2') }), FD))
      .toEqual([`compliant: ${ENDPOINT}: azurerm_cdn_frontdoor_firewall_policy.waf in Prevention mode`]);
    expect(said('AzureEntryPointWaf', frontDoor({ waf: { mode: 'Detection' }, policies: two('waf', 'waf2') }), FD))
      .toEqual([`compliant: ${ENDPOINT}: azurerm_cdn_frontdoor_firewall_policy.waf2 in Prevention mode`]);
  });
  test('an endpoint that may not exist keeps the profile from being compliant', () => {
    const maybe = frontDoor();
    maybe.azurerm_cdn_frontdoor_endpoint.extra = [{ name: 'extra', count: '${var.n}', cdn_frontdoor_profile_id: PROFILE }];
    expect(verdictsIn('AzureEntryPointWaf', { variable: { n: [{ type: '${number}' }] }, resource: maybe }, FD)).toEqual(UNVERIFIABLE);
  });

  const AGW = 'azurerm_application_gateway.agw';
  const gateway = wafGateway;
  const wafPolicy = (name: string, settings?: unknown) => ({ [name]: [{ name, ...(settings !== undefined ? { policy_settings: settings } : {}) }] });
  const policies = (gatewaySettings?: unknown, listenerSettings?: unknown): Resources => ({
    azurerm_web_application_firewall_policy: { ...wafPolicy('waf', gatewaySettings), ...wafPolicy('api', listenerSettings) },
  });
  const ON_GATEWAY = { firewall_policy_id: '${azurerm_web_application_firewall_policy.waf.id}' };
  const onListener = (id: string) => ({
    http_listener: [{ name: 'https', protocol: 'Https', firewall_policy_id: id }, { name: 'http', protocol: 'Http' }],
  });
  test('a gateway is public when any frontend has a public IP; an empty or null public IP is none', () => {
    const frontends = (f: object[]) => verdicts('AzureEntryPointWaf', gateway({ frontend_ip_configuration: f }), AGW);
    expect(frontends([{ name: 'x', public_ip_address_id: '' }])).toEqual([]);
    expect(frontends([{ name: 'x', public_ip_address_id: null }])).toEqual([]);
    expect(frontends([{ name: 'private', subnet_id: 's', private_ip_address: '10.0.0.4' }, { name: 'public', public_ip_address_id: '${azurerm_public_ip.agw.id}' }]))
      .toEqual(NON_COMPLIANT);
    expect(said('AzureEntryPointWaf', gateway({ frontend_ip_configuration: '${var.fe}' }), AGW, undefined, declared('fe')))
      .toEqual(['non-compliant[Unverifiable]: frontend_ip_configuration = ${var.fe} (variable "fe" has no default and no value was given)']);
  });
  test('the SKU tier: a Standard tier has no WAF; WAF tiers match in any case; a tier from a variable is unverifiable', () => {
    expect(said('AzureEntryPointWaf', gateway({ sku: [{ name: 'Standard_v2', tier: 'Standard_v2' }], ...ON_GATEWAY }, policies()), AGW))
      .toEqual(['non-compliant: sku.tier = "Standard_v2" has no web application firewall']);
    const inline = { waf_configuration: [{ enabled: true, firewall_mode: 'Prevention', rule_set_version: '3.2' }] };
    expect(said('AzureEntryPointWaf', gateway({ sku: [{ name: 'WAF_v2', tier: 'waf_v2' }], ...inline }), AGW)).toEqual(['compliant: waf_configuration in Prevention mode']);
    expect(said('AzureEntryPointWaf', gateway({ sku: undefined, ...inline }), AGW)).toEqual(['compliant: waf_configuration in Prevention mode']);
    expect(said('AzureEntryPointWaf', gateway({ sku: [{ name: 'WAF_v2', tier: '${var.tier}' }] }), AGW, undefined, declared('tier')))
      .toEqual(['non-compliant[Unverifiable]: sku.tier = ${var.tier} (variable "tier" has no default and no value was given)']);
  });
  test('a WAF policy\'s policy_settings: disabled or Detection protect nothing; explicit Prevention says so', () => {
    const withSettings = (settings: unknown) => said('AzureEntryPointWaf', gateway(ON_GATEWAY, policies(settings)), AGW);
    expect(withSettings({ enabled: false })).toEqual(['non-compliant: azurerm_web_application_firewall_policy.waf is disabled (policy_settings.enabled = false)']);
    expect(withSettings({ mode: 'Detection' }))
      .toEqual(['non-compliant: azurerm_web_application_firewall_policy.waf is in "Detection" mode: it logs attacks but blocks none']);
    expect(withSettings({ enabled: true, mode: 'Prevention' })).toEqual(['compliant: azurerm_web_application_firewall_policy.waf in Prevention mode']);
  });
  test.each(['policy_settings', 'policy_settings.mode', 'policy_settings.enabled'])('a WAF policy\'s %s from a variable without default is unverifiable', (name) => {
    const settings = name === 'policy_settings' ? '${var.x}' : { [name.split('.')[1]]: '${var.x}' };
    expect(said('AzureEntryPointWaf', gateway(ON_GATEWAY, policies(settings)), AGW, undefined, declared('x')))
      .toEqual([`non-compliant[Unverifiable]: ${name} = \${var.x} (variable "x" has no default and no value was given)`]);
  });
  test('gateway and listener WAF policies: one that does not protect wins over an unknown one, an unknown one over protecting ones', () => {
    const LISTENER = onListener('${azurerm_web_application_firewall_policy.api.id}');
    const DETECTION = ['non-compliant: azurerm_web_application_firewall_policy.api is in "Detection" mode: it logs attacks but blocks none'];
    expect(said('AzureEntryPointWaf', gateway({ ...ON_GATEWAY, ...LISTENER }, policies({ mode: 'Prevention' }, { mode: 'Detection' })), AGW)).toEqual(DETECTION);
    expect(said('AzureEntryPointWaf', gateway({ firewall_policy_id: '${var.gw}', ...LISTENER }, policies({ mode: 'Prevention' }, { mode: 'Detection' })), AGW, undefined, declared('gw')))
      .toEqual(DETECTION);
    expect(said('AzureEntryPointWaf', gateway({ firewall_policy_id: '${var.gw}', ...LISTENER }, policies({ mode: 'Prevention' }, { mode: 'Prevention' })), AGW, undefined, declared('gw')))
      .toEqual(['non-compliant[Unverifiable]: firewall_policy_id = ${var.gw} (variable "gw" has no default and no value was given)']);
    expect(said('AzureEntryPointWaf', gateway({ ...ON_GATEWAY, ...LISTENER }, policies({ mode: 'Prevention' })), AGW))
      .toEqual(['compliant: azurerm_web_application_firewall_policy.waf in Prevention mode']);
  });
  test('a policy on one listener does not cover the others: they take the gateway\'s policy or waf_configuration, or have none', () => {
    const LISTENER = onListener('${azurerm_web_application_firewall_policy.api.id}');
    expect(said('AzureEntryPointWaf', gateway(LISTENER, policies(undefined, { mode: 'Prevention' })), AGW)).toEqual([
      'non-compliant: http_listener http has no firewall_policy_id, and the gateway has no firewall_policy_id or waf_configuration',
    ]);
    const inline = { waf_configuration: [{ enabled: true, firewall_mode: 'Prevention', rule_set_version: '3.2' }] };
    expect(said('AzureEntryPointWaf', gateway({ ...LISTENER, ...inline }, policies(undefined, { mode: 'Prevention' })), AGW))
      .toEqual(['compliant: azurerm_web_application_firewall_policy.api in Prevention mode']);
    const detecting = { waf_configuration: [{ enabled: true, firewall_mode: 'Detection' }] };
    expect(said('AzureEntryPointWaf', gateway({ ...LISTENER, ...detecting }, policies(undefined, { mode: 'Prevention' })), AGW))
      .toEqual(['non-compliant: waf_configuration.firewall_mode = "Detection": it logs attacks but blocks none']);
  });
  test('inline waf_configuration: enabled (default false) and in Prevention mode', () => {
    const inline = (waf: unknown) => said('AzureEntryPointWaf', gateway({ waf_configuration: waf }), AGW, undefined, declared('x'));
    expect(inline([{ enabled: true, firewall_mode: 'Prevention' }])).toEqual(['compliant: waf_configuration in Prevention mode']);
    expect(inline([{ firewall_mode: 'Prevention' }])).toEqual(['non-compliant: waf_configuration.enabled = false']);
    expect(inline([{ enabled: false, firewall_mode: 'Prevention' }])).toEqual(['non-compliant: waf_configuration.enabled = false']);
    expect(inline([{ enabled: true, firewall_mode: 'Detection' }]))
      .toEqual(['non-compliant: waf_configuration.firewall_mode = "Detection": it logs attacks but blocks none']);
    expect(inline(undefined)).toEqual(['non-compliant: no firewall_policy_id and no waf_configuration']);
    expect(inline('${var.x}')).toEqual(['non-compliant[Unverifiable]: waf_configuration = ${var.x} (variable "x" has no default and no value was given)']);
    expect(inline([{ enabled: true, firewall_mode: '${var.x}' }]))
      .toEqual(['non-compliant[Unverifiable]: waf_configuration.firewall_mode = ${var.x} (variable "x" has no default and no value was given)']);
    expect(inline([{ enabled: '${var.x}', firewall_mode: 'Prevention' }]))
      .toEqual(['non-compliant[Unverifiable]: waf_configuration.enabled = ${var.x} (variable "x" has no default and no value was given)']);
  });
});
