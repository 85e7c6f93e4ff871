import { NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { blocks, mentions, referrersOfType, settingFlag } from '../private/values';
import { AzurermSetting } from '../../../terraform/azurerm-schema';

const PUBLIC_ACCESS: { readonly [type: string]: AzurermSetting } = {
  azurerm_storage_account: 'storagePublicNetworkAccess',
  azurerm_key_vault: 'keyVaultPublicNetworkAccess',
  azurerm_postgresql_flexible_server: 'postgresPublicNetworkAccess',
};

/**
 * DP.NET.1: a resource reachable over a private path (a private endpoint, or a PostgreSQL server
 * injected into a delegated subnet) has its public endpoint switched off.
 */
export const AzurePrivatePathPublicAccess: AzureResourceRule = {
  name: 'AzurePrivatePathPublicAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_storage_account', 'azurerm_key_vault', 'azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: 'The resource has a private endpoint (or delegated subnet) but still accepts public network traffic.',
  explanation: 'DP.NET.1 promises that the internet reaches only the entry points. Where a private path exists, set '
    + 'public_network_access_enabled: false so the public endpoint cannot be used around it.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const viaEndpoint = referrersOfType(resource, ['azurerm_private_endpoint'], context.lookup).some((e) =>
      blocks(e.config.private_service_connection).some((c) => mentions(c.private_connection_resource_id, resource)));
    const injected = resource.type === 'azurerm_postgresql_flexible_server' && resource.config.delegated_subnet_id !== undefined;
    if (!viaEndpoint && !injected) return NOT_APPLICABLE;
    return settingFlag(resource, PUBLIC_ACCESS[resource.type], false);
  },
};
