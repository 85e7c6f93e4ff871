import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { replicationVerdict } from '../private/replication';

/** Replication types that keep a copy in the paired region. */
export const GEO_REPLICATION = ['GRS', 'RAGRS', 'GZRS', 'RAGZRS'];

/** DP.AVL.6: a storage account replicates to the paired region. */
export const AzureStorageGeoRedundant: AzureResourceRule = {
  name: 'AzureStorageGeoRedundant',
  controlId: 'DP.AVL.6',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account does not replicate to a second region (account_replication_type is not GRS, RAGRS, GZRS or RAGZRS).',
  explanation: 'DP.AVL.6 promises redundant storage. Use RAGZRS (GeoRedundantStorage\'s default): three zones in the '
    + 'primary region and a readable copy in the paired region.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return replicationVerdict(resource, GEO_REPLICATION);
  },
};
