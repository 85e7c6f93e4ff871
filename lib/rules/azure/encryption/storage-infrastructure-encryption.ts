import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { settingFlag } from '../private/values';

/** DP.ENC.2: a storage account encrypts twice (service + infrastructure layer, both AES-256). */
export const AzureStorageInfrastructureEncryption: AzureResourceRule = {
  name: 'AzureStorageInfrastructureEncryption',
  controlId: 'DP.ENC.2',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account does not enable infrastructure (double) encryption.',
  explanation: 'DP.ENC.2 promises layered encryption at rest. Set infrastructure_encryption_enabled: true; it can only '
    + 'be chosen when the account is created (changing it replaces the account).',
  evaluate(resource: TerraformResourceView): RuleResult {
    return settingFlag(resource, 'storageInfrastructureEncryption', true);
  },
};
