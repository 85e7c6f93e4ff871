import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, isExpression, unknownDetail } from '../private/values';

/** DP.ENC.3: a Key Vault key rotates automatically. */
export const AzureKeyVaultKeyRotation: AzureResourceRule = {
  name: 'AzureKeyVaultKeyRotation',
  controlId: 'DP.ENC.3',
  resourceTypes: ['azurerm_key_vault_key'],
  level: Severity.ERROR,
  info: 'The Key Vault key has no automatic rotation policy.',
  explanation: 'DP.ENC.3 promises that keys rotate automatically. Add rotation_policy.automatic with '
    + 'time_after_creation or time_before_expiry (BackupKey rotates yearly by default).',
  evaluate(resource: TerraformResourceView): RuleResult {
    const raw = resource.config.rotation_policy;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'rotation_policy', raw));
    const automatic = block(block(raw)?.automatic);
    if (!automatic) return NON_COMPLIANT;
    const after = automatic.time_after_creation;
    const before = automatic.time_before_expiry;
    if (isExpression(after) || isExpression(before)) return unverifiable(unknownDetail(resource, 'rotation_policy.automatic', isExpression(after) ? after : before));
    return after || before ? COMPLIANT : NON_COMPLIANT;
  },
};
