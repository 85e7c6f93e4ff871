import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { replicationVerdict } from '../private/replication';

const ZONE_REPLICATION = ['ZRS', 'GZRS', 'RAGZRS'];

/** DP.AVL.1: a storage account keeps its primary copies in three availability zones. */
export const AzureStorageZoneRedundant: AzureResourceRule = {
  name: 'AzureStorageZoneRedundant',
  controlId: 'DP.AVL.1',
  resourceTypes: ['azurerm_storage_account'],
  level: Severity.ERROR,
  info: 'The storage account is not zone-redundant (account_replication_type is not ZRS, GZRS or RAGZRS).',
  explanation: 'DP.AVL.1 promises that a region\'s resources span several availability zones. Use ZRS, GZRS or RAGZRS; '
    + 'LRS and GRS keep the primary copies in one datacentre.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return replicationVerdict(resource, ZONE_REPLICATION);
  },
};
