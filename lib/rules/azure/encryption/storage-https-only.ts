import { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { AzureResourceRule, TerraformResourceView } from '../rule';
import { flagVerdict } from '../private/values';

/** DP.ENC.1: a storage account refuses plain HTTP. */
export const AzureStorageHttpsOnly: AzureResourceRule = {
  name: 'AzureStorageHttpsOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: ['azurerm_storage_account'],
  level: NagMessageLevel.ERROR,
  info: 'The storage account accepts plain HTTP (https_traffic_only_enabled is false).',
  explanation: 'DP.ENC.1 promises that data in transit uses TLS. Leave https_traffic_only_enabled at its default (true).',
  evaluate(resource: TerraformResourceView): NagRuleResult {
    return flagVerdict(resource.config.https_traffic_only_enabled, true, true);
  },
};
