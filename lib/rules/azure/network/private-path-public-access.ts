import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { publicEndpoint } from '../private/public-access';
import { blocks, mentions, referrersOfType } from '../private/values';

/**
 * DP.NET.1: a resource reachable over a private path (a private endpoint, or a PostgreSQL server
 * injected into a delegated subnet) has its public endpoint closed: public network access off, or
 * (storage, Key Vault) a firewall that denies by default, so only the private path and trusted
 * Azure services get in.
 */
export const AzurePrivatePathPublicAccess: AzureResourceRule = {
  name: 'AzurePrivatePathPublicAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: 'The resource has a private endpoint (or delegated subnet) but still accepts public network traffic.',
  explanation: 'DP.NET.1 promises that the internet reaches only the entry points. Where a private path exists, set '
    + 'public_network_access_enabled: false, or (storage, Key Vault) a firewall whose default_action is "Deny", so the '
    + 'public endpoint cannot be used around it.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const viaEndpoint = referrersOfType(resource, ['azurerm_private_endpoint'], context.lookup).some((e) =>
      blocks(e.config.private_service_connection).some((c) => mentions(c.private_connection_resource_id, resource)));
    const injected = resource.type === 'azurerm_postgresql_flexible_server' && resource.config.delegated_subnet_id !== undefined;
    if (!viaEndpoint && !injected) return NOT_APPLICABLE;
    const endpoint = publicEndpoint(resource, context.lookup);
    if ('unknown' in endpoint) return unverifiable(endpoint.unknown);
    return endpoint.closed ? compliant(endpoint.how) : nonCompliant(endpoint.why);
  },
};
