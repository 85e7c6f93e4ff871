import { subjectNsg } from './nsg-public-ingress';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { allows, covers, portsOf, rulesOf } from '../private/nsg';
import { isExpression, unknownDetail } from '../private/values';

/** Plaintext AMQP. */
const AMQP_PORT = 5672;

/**
 * DP.NET.4: message brokers are private and speak AMQPS only. A Service Bus namespace has public
 * network access off (Premium, reached through a private endpoint) and accepts TLS 1.2 at least
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
      const problems = [
        ...(open === false || open === 'false' ? [] : [`public_network_access_enabled ${access.configured ? `= ${JSON.stringify(open)}` : 'not set (default true)'}`]),
        ...(Number(tls) >= Number(context.policy.minTlsVersion) ? [] : [`minimum_tls_version = ${JSON.stringify(tls)}`]),
      ];
      return problems.length > 0 ? nonCompliant(problems.join('; ')) : compliant(`private namespace, TLS >= ${tls}`);
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
