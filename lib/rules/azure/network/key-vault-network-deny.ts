import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, isExpression, boolValue, UNVERIFIABLE } from '../private/values';

/** DP.NET.1: a Key Vault denies network access unless a rule allows it. */
export const AzureKeyVaultNetworkDeny: AzureResourceRule = {
  name: 'AzureKeyVaultNetworkDeny',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_key_vault'],
  level: Severity.ERROR,
  info: 'The Key Vault accepts connections from any network (network_acls.default_action is not Deny).',
  explanation: 'DP.NET.1 promises a closed perimeter. Set network_acls { default_action = "Deny", bypass = '
    + '"AzureServices" } and allow only the networks that need the vault, or turn public network access off.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const publicAccess = boolValue(resource.config.public_network_access_enabled, true);
    if (publicAccess === false) return COMPLIANT;
    const raw = resource.config.network_acls;
    if (isExpression(raw) || publicAccess === undefined) return [UNVERIFIABLE];
    const acls = block(raw);
    if (!acls) return NON_COMPLIANT;
    if (isExpression(acls.default_action)) return [UNVERIFIABLE];
    return acls.default_action === 'Deny' ? COMPLIANT : NON_COMPLIANT;
  },
};
