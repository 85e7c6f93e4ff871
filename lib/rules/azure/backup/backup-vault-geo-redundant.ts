import { COMPLIANT, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { flagVerdict, isExpression, judgeSetting, unknownDetail, worstOf } from '../private/values';

/** DP.BAK.3: a backup vault stores recovery points in the paired region and can restore there. */
export const AzureBackupVaultGeoRedundant: AzureResourceRule = {
  name: 'AzureBackupVaultGeoRedundant',
  controlId: 'DP.BAK.3',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  level: Severity.ERROR,
  info: 'The backup vault is not geo-redundant with cross-region restore.',
  explanation: 'DP.BAK.3 promises backup copies in a second region. Set redundancy "GeoRedundant" and '
    + 'cross_region_restore_enabled: true (both fixed once the vault holds backups; azurerm 3.x cannot set cross-region restore).',
  evaluate(resource: TerraformResourceView): RuleResult {
    const redundancy = resource.config.redundancy;
    if (typeof redundancy !== 'string' || isExpression(redundancy)) return unverifiable(unknownDetail(resource, 'redundancy', redundancy));
    return worstOf([
      redundancy === 'GeoRedundant' ? COMPLIANT : nonCompliant(`redundancy = ${JSON.stringify(redundancy)}`),
      judgeSetting(resource, 'backupVaultCrossRegionRestore', (v) => flagVerdict(v, false, true)),
    ]);
  },
};
