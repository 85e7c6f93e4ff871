import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { flagVerdict } from '../private/values';

/** DP.NET.1: no container of the account can be made anonymously readable. */
export const AzureStoragePublicBlobAccess: AzureResourceRule = {
  name: 'AzureStoragePublicBlobAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account allows anonymous public read access to containers and blobs.',
  explanation: 'DP.NET.1 promises a closed perimeter. Set allow_nested_items_to_be_public: false (its default is true).',
  evaluate(resource: TerraformResourceView): RuleResult {
    return flagVerdict(resource.config.allow_nested_items_to_be_public, true, false);
  },
};
