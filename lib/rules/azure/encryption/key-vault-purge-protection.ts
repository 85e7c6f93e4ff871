import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { settingFlag } from '../private/values';

/** DP.ENC.3: a Key Vault's keys cannot be purged before their soft-delete period ends. */
export const AzureKeyVaultPurgeProtection: AzureResourceRule = {
  name: 'AzureKeyVaultPurgeProtection',
  controlId: 'DP.ENC.3',
  resourceTypes: ['azurerm_key_vault'],
  level: Severity.ERROR,
  info: 'The Key Vault has no purge protection: a deleted key can be purged at once and the data it encrypts lost.',
  explanation: 'DP.ENC.3 promises that keys are never deleted with the stack. Set purge_protection_enabled: true '
    + '(BackupKeyVault does; it cannot be switched off again).',
  evaluate(resource: TerraformResourceView): RuleResult {
    return settingFlag(resource, 'keyVaultPurgeProtection', true);
  },
};
