import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { AzureResourceRule, TerraformResourceView } from '../rule';
import { UNVERIFIABLE } from '../private/values';

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
    const type = resource.config.account_replication_type;
    if (typeof type !== 'string' || type.includes('${')) return [UNVERIFIABLE];
    return ZONE_REPLICATION.includes(type.toUpperCase()) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
