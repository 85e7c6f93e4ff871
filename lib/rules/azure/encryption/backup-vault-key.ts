import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { referencedResource, referrersOfType, boolValue, tfNumber, unknownDetail } from '../private/values';

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
    if (bindings.length === 0) return nonCompliant('no azurerm_data_protection_backup_vault_customer_managed_key: the vault encrypts with a Microsoft-managed key');
    const binding = bindings[0];
    const keyId = binding.config.key_vault_key_id;
    const key = referencedResource(keyId, context.lookup);
    if (!key || key.type !== 'azurerm_key_vault_key') {
      return unverifiable(`${unknownDetail(binding, `${binding.address}.key_vault_key_id`, keyId)}: the key is not an azurerm_key_vault_key of this configuration`);
    }
    const keyType = key.config.key_type;
    const bits = tfNumber(key.config.key_size);
    if (typeof keyType !== 'string' || keyType.includes('${')) return unverifiable(unknownDetail(key, `${key.address}.key_type`, keyType));
    if (key.config.key_size !== undefined && bits === undefined) return unverifiable(unknownDetail(key, `${key.address}.key_size`, key.config.key_size));
    if (!RSA_TYPES.includes(keyType) || bits === undefined || bits < context.policy.backupKeyBits) {
      return nonCompliant(`${key.address} is ${keyType}${bits === undefined ? ' without key_size' : ` ${bits}`}: the policy asks for RSA of ${context.policy.backupKeyBits} bits`);
    }
    const vaultId = key.config.key_vault_id;
    const vault = referencedResource(vaultId, context.lookup);
    if (!vault) return unverifiable(`${unknownDetail(key, `${key.address}.key_vault_id`, vaultId)}: the Key Vault is not in this configuration`);
    const purgeProtected = boolValue(vault.config.purge_protection_enabled, false);
    if (purgeProtected === undefined) return unverifiable(unknownDetail(vault, `${vault.address}.purge_protection_enabled`, vault.config.purge_protection_enabled));
    return purgeProtected ? compliant(`${key.address}: ${keyType} ${bits} in purge-protected ${vault.address}`)
      : nonCompliant(`${vault.address} has no purge protection: the key can be purged and the backups lost with it`);
  },
};
