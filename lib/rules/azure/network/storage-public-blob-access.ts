import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { settingFlag } from '../private/values';

/** DP.NET.1: no container of the account can be made anonymously readable. */
export const AzureStoragePublicBlobAccess: AzureResourceRule = {
  name: 'AzureStoragePublicBlobAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account allows anonymous public read access to containers and blobs.',
  explanation: 'DP.NET.1 promises a closed perimeter. Set allow_nested_items_to_be_public: false (allow_blob_public_access on azurerm 2.x). '
    + 'Its default is true on azurerm 3.x and 4.x, false on 2.x and from 5.0: set it explicitly.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return settingFlag(resource, 'storageNestedItemsPublic', false);
  },
};
