import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { block, isExpression, UNVERIFIABLE } from '../private/values';

/** DP.AVL.3: a PostgreSQL flexible server has a standby in another availability zone. */
export const AzurePostgresHighAvailability: AzureResourceRule = {
  name: 'AzurePostgresHighAvailability',
  controlId: 'DP.AVL.3',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: 'The PostgreSQL server has no zone-redundant standby.',
  explanation: 'DP.AVL.3 promises one primary and at least one secondary in another zone. Set high_availability.mode '
    + '"ZoneRedundant" with a standby_availability_zone other than the primary zone (ProtectedPostgres does). '
    + 'SameZone HA does not survive a zone failure.',
  evaluate(resource: TerraformResourceView): RuleResult {
    if (resource.config.replication_role !== undefined && resource.config.create_mode === 'Replica') {
      return NOT_APPLICABLE;
    }
    const raw = resource.config.high_availability;
    if (isExpression(raw)) return [UNVERIFIABLE];
    const ha = block(raw);
    if (!ha) return NON_COMPLIANT;
    if (isExpression(ha.mode)) return [UNVERIFIABLE];
    if (ha.mode !== 'ZoneRedundant') return NON_COMPLIANT;
    const zone = resource.config.zone;
    const standby = ha.standby_availability_zone;
    if (zone !== undefined && standby !== undefined && !isExpression(zone) && !isExpression(standby) && String(zone) === String(standby)) {
      return NON_COMPLIANT;
    }
    return COMPLIANT;
  },
};
