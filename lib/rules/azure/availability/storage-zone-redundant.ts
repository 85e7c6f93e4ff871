import { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { AzureResourceRule, TerraformResourceView } from '../rule';
import { replicationVerdict } from '../private/replication';

const ZONE_REPLICATION = ['ZRS', 'GZRS', 'RAGZRS'];

/** DP.AVL.1: a storage account keeps its primary copies in three availability zones. */
export const AzureStorageZoneRedundant: AzureResourceRule = {
  name: 'AzureStorageZoneRedundant',
  controlId: 'DP.AVL.1',
  resourceTypes: ['azurerm_storage_account'],
  level: NagMessageLevel.ERROR,
  info: 'The storage account is not zone-redundant (account_replication_type is not ZRS, GZRS or RAGZRS).',
  explanation: 'DP.AVL.1 promises that a region\'s resources span several availability zones. Use ZRS, GZRS or RAGZRS; '
    + 'LRS and GRS keep the primary copies in one datacentre.',
  evaluate(resource: TerraformResourceView): NagRuleResult {
    return replicationVerdict(resource, ZONE_REPLICATION);
  },
};
