import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { AzureResourceRule, TerraformResourceView } from '../rule';
import { block, isExpression, boolValue, UNVERIFIABLE } from '../private/values';

/** DP.NET.1: a Key Vault denies network access unless a rule allows it. */
export const AzureKeyVaultNetworkDeny: AzureResourceRule = {
  name: 'AzureKeyVaultNetworkDeny',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_key_vault'],
  level: NagMessageLevel.ERROR,
  info: 'The Key Vault accepts connections from any network (network_acls.default_action is not Deny).',
  explanation: 'DP.NET.1 promises a closed perimeter. Set network_acls { default_action = "Deny", bypass = '
    + '"AzureServices" } and allow only the networks that need the vault, or turn public network access off.',
  evaluate(resource: TerraformResourceView): NagRuleResult {
    const publicAccess = boolValue(resource.config.public_network_access_enabled, true);
    if (publicAccess === false) return NagRuleCompliance.COMPLIANT;
    const raw = resource.config.network_acls;
    if (isExpression(raw) || publicAccess === undefined) return [UNVERIFIABLE];
    const acls = block(raw);
    if (!acls) return NagRuleCompliance.NON_COMPLIANT;
    if (isExpression(acls.default_action)) return [UNVERIFIABLE];
    return acls.default_action === 'Deny' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
