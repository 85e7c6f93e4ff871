import { NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { isReplica } from '../private/postgres';
import { settingFlag, unknownDetail } from '../private/values';

/** DP.BAK.3: a PostgreSQL flexible server's own backups are copied to the paired region. */
export const AzurePostgresGeoBackup: AzureResourceRule = {
  name: 'AzurePostgresGeoBackup',
  controlId: 'DP.BAK.3',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: "The PostgreSQL server's backups stay in its region (geo_redundant_backup_enabled is false).",
  explanation: 'DP.BAK.3 promises backups in a second region. Set geo_redundant_backup_enabled: true; it can only be '
    + 'chosen when the server is created. Read replicas (create_mode "Replica") take no backups of their own and are not judged.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const replica = isReplica(resource);
    if (replica === undefined) return unverifiable(unknownDetail(resource, 'create_mode', resource.config.create_mode));
    if (replica) return NOT_APPLICABLE;
    return settingFlag(resource, 'postgresGeoBackup', true);
  },
};
