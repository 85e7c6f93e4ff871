import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { BACKUP_INSTANCE_TARGETS } from '../private/backup-policy';
import { isReplica } from '../private/postgres';
import { mentions, referrersOfType, uncertainDetail } from '../private/values';

/** The stateful azurerm types and the backup instance type that protects each. */
const PROTECTED_BY: { readonly [type: string]: string } = {
  azurerm_postgresql_flexible_server: 'azurerm_data_protection_backup_instance_postgresql_flexible_server',
  azurerm_mysql_flexible_server: 'azurerm_data_protection_backup_instance_mysql_flexible_server',
  azurerm_storage_account: 'azurerm_data_protection_backup_instance_blob_storage',
  azurerm_managed_disk: 'azurerm_data_protection_backup_instance_disk',
};

/** DP.BAK.6: every stateful resource is bound to a backup vault by a backup instance. */
export const AzureBackupCoverage: AzureResourceRule = {
  name: 'AzureBackupCoverage',
  controlId: 'DP.BAK.6',
  resourceTypes: Object.keys(PROTECTED_BY),
  covers: 'storage accounts, PostgreSQL/MySQL servers, disks',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'No backup instance protects this stateful resource.',
  explanation: 'DP.BAK.6 promises that every stateful resource is backed up. Bind it to a backup vault with an '
    + 'azurerm_data_protection_backup_instance_* resource (PolicyBackupVault.protectPostgres or protectStorage). '
    + 'A resource backed up by another configuration needs an acknowledgement naming that configuration.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const instanceType = PROTECTED_BY[resource.type];
    if (resource.type === 'azurerm_storage_account' && resource.config.account_kind === 'FileStorage') {
      return NOT_APPLICABLE;
    }
    // A read replica holds the primary's data; Azure Backup protects the primary, not its replicas.
    if (resource.type === 'azurerm_postgresql_flexible_server' && isReplica(resource) === true) return NOT_APPLICABLE;
    const argument = BACKUP_INSTANCE_TARGETS[instanceType];
    const instances = referrersOfType(resource, [instanceType], context.lookup).filter((i) => mentions(i.config[argument], resource));
    if (instances.some((i) => i.uncertainExistence === undefined)) return COMPLIANT;
    const uncertain = uncertainDetail(instances);
    return uncertain ? unverifiable(uncertain) : NON_COMPLIANT;
  },
};
