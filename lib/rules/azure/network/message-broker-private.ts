import { subjectNsg } from './nsg-public-ingress';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { allows, covers, portsOf, rulesOf } from '../private/nsg';
import { blocks, boolValue, isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

/** Plaintext AMQP. */
const AMQP_PORT = 5672;

/** The separate network rule set of a namespace (azurerm 3.x; removed in 4.0 for the inline `network_rule_set` block). */
const RULE_SET_RESOURCE = 'azurerm_servicebus_namespace_network_rule_set';

/**
 * What the namespace's network rule sets say of public access: the inline `network_rule_set`
 * block and the separate rule set resources for it. Each writes the namespace's one public network
 * access property after the namespace does, and enables it unless its
 * `public_network_access_enabled` (default true) is false: the namespace is private only if the
 * top-level argument and every rule set turn it off. `open` lists those that enable it, `unknown`
 * the first that only apply knows (a value, or whether a rule set that would enable it exists).
 */
function ruleSetAccess(resource: TerraformResourceView, context: AzureRuleContext): { open: string[]; unknown?: string } {
  const open: string[] = [];
  const inline = resource.config.network_rule_set;
  if (isExpression(inline)) return { open, unknown: unknownDetail(resource, 'network_rule_set', inline) };
  const sets = [
    ...blocks(inline).map((b) => ({ prefix: 'network_rule_set.', where: resource, config: b, maybe: undefined as string | undefined })),
    ...referrersOfType(resource, [RULE_SET_RESOURCE], context.lookup)
      .filter((r) => mentions(r.config.namespace_id, resource))
      .map((r) => ({ prefix: `${r.address} `, where: r, config: r.config, maybe: r.uncertainExistence })),
  ];
  let unknown: string | undefined;
  for (const { prefix, where, config, maybe } of sets) {
    const value = config.public_network_access_enabled;
    const enabled = boolValue(value, true);
    const said = value === undefined ? `${prefix}public_network_access_enabled not set (default true)` : `${prefix}public_network_access_enabled = ${JSON.stringify(value)}`;
    if (enabled === undefined) unknown ??= `${prefix}${unknownDetail(where, 'public_network_access_enabled', value)}`;
    else if (enabled && maybe !== undefined) unknown ??= `${where.address} may not exist: ${maybe}; if it does: ${said.slice(prefix.length)}`;
    else if (enabled) open.push(said);
  }
  return { open, ...(unknown !== undefined ? { unknown } : {}) };
}

/**
 * DP.NET.4: message brokers are private and speak AMQPS only. A Service Bus namespace has public
 * network access off (Premium, reached through a private endpoint), in its network rule sets too
 * (`network_rule_set`, `azurerm_servicebus_namespace_network_rule_set`), and accepts TLS 1.2 at least
 * (Service Bus has no plaintext AMQP: 5671 and 443 only); a network security group allows no
 * plaintext AMQP (5672) in either direction, as a self-hosted broker or CloudAMQP over VNet
 * peering would need. NSGs that do not mention AMQP are not brokers' business.
 */
export const AzureMessageBrokerPrivate: AzureResourceRule = {
  name: 'AzureMessageBrokerPrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['azurerm_servicebus_namespace', 'azurerm_network_security_group', 'azurerm_network_security_rule'],
  covers: 'Service Bus public access and TLS; plaintext AMQP (5672) in NSG rules',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'A message broker is reachable from public networks, or plaintext AMQP is allowed.',
  explanation: 'DP.NET.4 promises private message brokers speaking AMQPS (5671) only. Use a Premium Service Bus namespace '
    + 'with public_network_access_enabled = false and a private endpoint, and allow only 5671 to self-hosted or peered '
    + 'brokers (CloudAMQP on Azure offers VNet peering).',
  fix: 'Turn public network access off on the broker and allow AMQPS (5671) only.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    if (resource.type === 'azurerm_servicebus_namespace') {
      const access = readSetting(resource, 'serviceBusPublicNetworkAccess');
      const open = access.configured?.value ?? true;
      const tls = readSetting(resource, 'serviceBusMinTls').configured?.value ?? '1.2';
      if (isExpression(open)) return unverifiable(unknownDetail(resource, 'public_network_access_enabled', open));
      if (isExpression(tls)) return unverifiable(unknownDetail(resource, 'minimum_tls_version', tls));
      const ruleSets = ruleSetAccess(resource, context);
      const problems = [
        ...(open === false || open === 'false' ? [] : [`public_network_access_enabled ${access.configured ? `= ${JSON.stringify(open)}` : 'not set (default true)'}`]),
        ...ruleSets.open,
        ...(Number(tls) >= Number(context.policy.minTlsVersion) ? [] : [`minimum_tls_version = ${JSON.stringify(tls)}`]),
      ];
      if (problems.length > 0) return nonCompliant(problems.join('; '));
      if (ruleSets.unknown !== undefined) return unverifiable(ruleSets.unknown);
      return compliant(`private namespace, TLS >= ${tls}`);
    }
    const nsg = subjectNsg(resource, context);
    if (!nsg) return NOT_APPLICABLE;
    const { rules } = rulesOf(nsg, context.lookup);
    const plaintext: string[] = [];
    for (const rule of rules) {
      for (const direction of ['Inbound', 'Outbound']) {
        const a = allows(rule, direction);
        const ports = portsOf(rule);
        if ('unknown' in a || 'unknown' in ports) continue;
        const explicit = ports.value.some(([lo, hi]) => lo <= AMQP_PORT && hi >= AMQP_PORT && hi - lo < 65535);
        if (a.value && explicit && covers(ports.value, AMQP_PORT)) plaintext.push(`${rule.name} allows ${direction.toLowerCase()} AMQP on ${AMQP_PORT}`);
      }
    }
    if (plaintext.length > 0) return nonCompliant(`${plaintext.join('; ')}: plaintext`);
    return NOT_APPLICABLE;
  },
};
