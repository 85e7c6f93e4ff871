import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { settingFlag } from '../private/values';

/** DP.ENC.1: a storage account refuses plain HTTP. */
export const AzureStorageHttpsOnly: AzureResourceRule = {
  name: 'AzureStorageHttpsOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account accepts plain HTTP (https_traffic_only_enabled, or enable_https_traffic_only on azurerm 2.x/3.x, is false).',
  explanation: 'DP.ENC.1 promises that data in transit uses TLS. Leave https_traffic_only_enabled (enable_https_traffic_only before azurerm 3.114) at its default (true).',
  evaluate(resource: TerraformResourceView): RuleResult {
    return settingFlag(resource, 'storageHttpsOnly', true);
  },
};
