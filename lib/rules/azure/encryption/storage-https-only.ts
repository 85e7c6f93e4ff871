import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { flagVerdict } from '../private/values';

/** DP.ENC.1: a storage account refuses plain HTTP. */
export const AzureStorageHttpsOnly: AzureResourceRule = {
  name: 'AzureStorageHttpsOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account accepts plain HTTP (https_traffic_only_enabled is false).',
  explanation: 'DP.ENC.1 promises that data in transit uses TLS. Leave https_traffic_only_enabled at its default (true).',
  evaluate(resource: TerraformResourceView): RuleResult {
    return flagVerdict(resource.config.https_traffic_only_enabled, true, true);
  },
};
