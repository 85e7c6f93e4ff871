import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { isExpression, boolValue, UNVERIFIABLE } from '../private/values';

/** DP.BAK.3: a backup vault stores recovery points in the paired region and can restore there. */
export const AzureBackupVaultGeoRedundant: AzureResourceRule = {
  name: 'AzureBackupVaultGeoRedundant',
  controlId: 'DP.BAK.3',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  level: Severity.ERROR,
  info: 'The backup vault is not geo-redundant with cross-region restore.',
  explanation: 'DP.BAK.3 promises backup copies in a second region. Set redundancy "GeoRedundant" and '
    + 'cross_region_restore_enabled: true (both fixed once the vault holds backups).',
  evaluate(resource: TerraformResourceView): RuleResult {
    const redundancy = resource.config.redundancy;
    const crossRegion = boolValue(resource.config.cross_region_restore_enabled, false);
    if (typeof redundancy !== 'string' || isExpression(redundancy) || crossRegion === undefined) return [UNVERIFIABLE];
    return redundancy === 'GeoRedundant' && crossRegion ? COMPLIANT : NON_COMPLIANT;
  },
};
