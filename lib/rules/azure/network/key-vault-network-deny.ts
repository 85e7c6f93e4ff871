import { compliant, nonCompliant, Outcome, RuleResult, Severity, unverifiable, verdictsOf } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, isExpression, settingFlag, sourceNote, unknownDetail } from '../private/values';

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
    const publicAccess = settingFlag(resource, 'keyVaultPublicNetworkAccess', false);
    const publicVerdicts = verdictsOf(publicAccess);
    if (publicVerdicts.every((v) => v.outcome === Outcome.COMPLIANT)) return publicAccess;
    const raw = resource.config.network_acls;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'network_acls', raw));
    const acls = block(raw);
    const open = publicVerdicts.map((v) => v.detail).filter((d) => d).join('; ');
    if (!acls) return nonCompliant(`${open ? `${open}; ` : ''}no network_acls: every network may connect`);
    if (isExpression(acls.default_action)) return unverifiable(unknownDetail(resource, 'network_acls.default_action', acls.default_action));
    if (acls.default_action === 'Deny') return compliant('network_acls.default_action = "Deny"');
    return nonCompliant(`${open ? `${open}; ` : ''}network_acls.default_action = ${JSON.stringify(acls.default_action)}${sourceNote(resource, 'network_acls')}`);
  },
};
