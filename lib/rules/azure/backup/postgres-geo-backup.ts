import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { flagVerdict } from '../private/values';

/** DP.BAK.3: a PostgreSQL flexible server's own backups are copied to the paired region. */
export const AzurePostgresGeoBackup: AzureResourceRule = {
  name: 'AzurePostgresGeoBackup',
  controlId: 'DP.BAK.3',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: "The PostgreSQL server's backups stay in its region (geo_redundant_backup_enabled is false).",
  explanation: 'DP.BAK.3 promises backups in a second region. Set geo_redundant_backup_enabled: true; it can only be '
    + 'chosen when the server is created.',
  evaluate(resource: TerraformResourceView): RuleResult {
    return flagVerdict(resource.config.geo_redundant_backup_enabled, false, true);
  },
};
