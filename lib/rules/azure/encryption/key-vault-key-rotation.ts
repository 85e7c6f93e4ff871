import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { AzureResourceRule, TerraformResourceView } from '../rule';
import { block, isExpression, UNVERIFIABLE } from '../private/values';

/** DP.ENC.3: a Key Vault key rotates automatically. */
export const AzureKeyVaultKeyRotation: AzureResourceRule = {
  name: 'AzureKeyVaultKeyRotation',
  controlId: 'DP.ENC.3',
  resourceTypes: ['azurerm_key_vault_key'],
  level: NagMessageLevel.ERROR,
  info: 'The Key Vault key has no automatic rotation policy.',
  explanation: 'DP.ENC.3 promises that keys rotate automatically. Add rotation_policy.automatic with '
    + 'time_after_creation or time_before_expiry (BackupKey rotates yearly by default).',
  evaluate(resource: TerraformResourceView): NagRuleResult {
    const raw = resource.config.rotation_policy;
    if (isExpression(raw)) return [UNVERIFIABLE];
    const automatic = block(block(raw)?.automatic);
    if (!automatic) return NagRuleCompliance.NON_COMPLIANT;
    const after = automatic.time_after_creation;
    const before = automatic.time_before_expiry;
    if (isExpression(after) || isExpression(before)) return [UNVERIFIABLE];
    return after || before ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
