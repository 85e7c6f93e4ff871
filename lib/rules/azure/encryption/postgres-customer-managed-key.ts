import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, boolValue, isExpression, unknownDetail } from '../private/values';

/**
 * DP.ENC.2: a PostgreSQL flexible server encrypts data and, when geo-redundant backups are on,
 * its geo backups with customer-managed keys.
 */
export const AzurePostgresCustomerManagedKey: AzureResourceRule = {
  name: 'AzurePostgresCustomerManagedKey',
  controlId: 'DP.ENC.2',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: 'The PostgreSQL server (or its geo-redundant backup) is encrypted with a service-managed key.',
  explanation: 'DP.ENC.2 promises encryption at rest under customer-managed keys. Set customer_managed_key.key_vault_key_id '
    + 'and, with geo_redundant_backup_enabled, geo_backup_key_vault_key_id (a key in the paired region); ProtectedPostgres does.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const raw = resource.config.customer_managed_key;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'customer_managed_key', raw));
    const cmk = block(raw);
    if (!cmk?.key_vault_key_id) return NON_COMPLIANT;
    const geo = boolValue(resource.config.geo_redundant_backup_enabled, false);
    if (geo === undefined) return unverifiable(unknownDetail(resource, 'geo_redundant_backup_enabled', resource.config.geo_redundant_backup_enabled));
    if (geo && !cmk.geo_backup_key_vault_key_id) return NON_COMPLIANT;
    return COMPLIANT;
  },
};
