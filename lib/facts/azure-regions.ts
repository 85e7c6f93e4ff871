/**
 * Azure's region pairs (Microsoft's "cross-region replication" pairs): where geo-redundant storage,
 * backup vaults and PostgreSQL geo-backups keep their copy. Regions without a pair are absent.
 */
export const AZURE_REGION_PAIRS: { readonly [region: string]: string } = {
  westeurope: 'northeurope', northeurope: 'westeurope',
  francecentral: 'francesouth', francesouth: 'francecentral',
  germanywestcentral: 'germanynorth', germanynorth: 'germanywestcentral',
  switzerlandnorth: 'switzerlandwest', switzerlandwest: 'switzerlandnorth',
  norwayeast: 'norwaywest', norwaywest: 'norwayeast',
  uksouth: 'ukwest', ukwest: 'uksouth',
  swedencentral: 'swedensouth', swedensouth: 'swedencentral',
  eastus: 'westus', westus: 'eastus', eastus2: 'centralus', centralus: 'eastus2',
  westus2: 'westcentralus', westcentralus: 'westus2', westus3: 'eastus', northcentralus: 'southcentralus', southcentralus: 'northcentralus',
  canadacentral: 'canadaeast', canadaeast: 'canadacentral',
  australiaeast: 'australiasoutheast', australiasoutheast: 'australiaeast',
  japaneast: 'japanwest', japanwest: 'japaneast',
  southeastasia: 'eastasia', eastasia: 'southeastasia',
  centralindia: 'southindia', southindia: 'centralindia',
  brazilsouth: 'southcentralus', koreacentral: 'koreasouth', koreasouth: 'koreacentral',
  uaenorth: 'uaecentral', southafricanorth: 'southafricawest',
};

/** 'West Europe' and 'westeurope' are one region. */
export function normaliseAzureRegion(region: string): string {
  return region.replace(/\s+/g, '').toLowerCase();
}
