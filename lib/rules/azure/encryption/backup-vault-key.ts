import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { referencedResource, referrersOfType, boolValue, tfNumber, UNVERIFIABLE } from '../private/values';

const RSA_TYPES = ['RSA', 'RSA-HSM'];

/**
 * DP.ENC.4: a backup vault encrypts with its own customer-managed RSA key of at least
 * `backupKeyBits` bits, held in a purge-protected Key Vault.
 */
export const AzureBackupVaultKey: AzureResourceRule = {
  name: 'AzureBackupVaultKey',
  controlId: 'DP.ENC.4',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  covers: 'RSA key of `backupKeyBits` in a purge-protected vault',
  level: Severity.ERROR,
  info: "The backup vault is not encrypted with an RSA key of the policy's backupKeyBits in a purge-protected Key Vault.",
  explanation: 'DP.ENC.4 promises a dedicated backup key; on Azure an RSA key of backupKeyBits bits (4096 for Situm). '
    + 'Declare an azurerm_data_protection_backup_vault_customer_managed_key whose key_vault_key_id is an RSA or RSA-HSM '
    + 'key of that size in a Key Vault with purge protection (PolicyBackupVault does, with a BackupKey). A key from a '
    + 'variable or data source is reported as [Unverifiable].',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const bindings = referrersOfType(resource, ['azurerm_data_protection_backup_vault_customer_managed_key'], context.lookup);
    if (bindings.length === 0) return NON_COMPLIANT;
    const key = referencedResource(bindings[0].config.key_vault_key_id, context.lookup);
    if (!key || key.type !== 'azurerm_key_vault_key') return [UNVERIFIABLE];
    const keyType = key.config.key_type;
    const bits = tfNumber(key.config.key_size);
    if (typeof keyType !== 'string' || keyType.includes('${') || (key.config.key_size !== undefined && bits === undefined)) {
      return [UNVERIFIABLE];
    }
    if (!RSA_TYPES.includes(keyType) || bits === undefined || bits < context.policy.backupKeyBits) {
      return NON_COMPLIANT;
    }
    const vault = referencedResource(key.config.key_vault_id, context.lookup);
    if (!vault) return [UNVERIFIABLE];
    const purgeProtected = boolValue(vault.config.purge_protection_enabled, false);
    if (purgeProtected === undefined) return [UNVERIFIABLE];
    return purgeProtected ? COMPLIANT : NON_COMPLIANT;
  },
};
