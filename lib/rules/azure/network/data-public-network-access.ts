import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { publicEndpoint } from '../private/public-access';

/**
 * DP.NET.1: a data service (storage account, PostgreSQL flexible server) does not take traffic
 * from the internet: public network access is off, or its firewall denies by default, or (for
 * PostgreSQL) it lives in a delegated subnet. Key Vaults are judged by AzureKeyVaultNetworkDeny.
 */
export const AzureDataPublicNetworkAccess: AzureResourceRule = {
  name: 'AzureDataPublicNetworkAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_storage_account', 'azurerm_postgresql_flexible_server'],
  covers: 'storage accounts and PostgreSQL servers',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The data service accepts connections from the internet.',
  explanation: 'DP.NET.1 promises that the internet reaches only the entry points. Set public_network_access_enabled = false '
    + 'and reach the service through a private endpoint (PrivateEndpoints), or for storage keep a firewall with '
    + 'network_rules { default_action = "Deny", bypass = ["AzureServices"] } so only trusted Azure services and private '
    + 'endpoints get in (GeoRedundantStorage and ProtectedPostgres do).',
  fix: 'Set public_network_access_enabled = false (or a storage firewall with default_action "Deny") and use private endpoints.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const endpoint = publicEndpoint(resource, context.lookup);
    if ('unknown' in endpoint) return unverifiable(endpoint.unknown);
    return endpoint.closed ? compliant(endpoint.how) : nonCompliant(endpoint.why);
  },
};
