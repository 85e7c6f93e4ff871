import { COMPLIANT, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { isReplica } from '../private/postgres';
import { block, isExpression, unknownDetail } from '../private/values';

/** DP.AVL.3: a PostgreSQL flexible server has a standby in another availability zone. */
export const AzurePostgresHighAvailability: AzureResourceRule = {
  name: 'AzurePostgresHighAvailability',
  controlId: 'DP.AVL.3',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  level: Severity.ERROR,
  info: 'The PostgreSQL server has no zone-redundant standby.',
  explanation: 'DP.AVL.3 promises one primary and at least one secondary in another zone. Set high_availability.mode '
    + '"ZoneRedundant" with a standby_availability_zone other than the primary zone (ProtectedPostgres does). '
    + 'SameZone HA does not survive a zone failure. Read replicas (create_mode "Replica") cannot have HA and are not judged.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const replica = isReplica(resource);
    if (replica === undefined) return unverifiable(unknownDetail(resource, 'create_mode', resource.config.create_mode));
    if (replica) return NOT_APPLICABLE;
    const raw = resource.config.high_availability;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'high_availability', raw));
    const ha = block(raw);
    if (!ha) return nonCompliant('no high_availability block');
    if (isExpression(ha.mode)) return unverifiable(unknownDetail(resource, 'high_availability.mode', ha.mode));
    if (ha.mode !== 'ZoneRedundant') return nonCompliant(`high_availability.mode = ${JSON.stringify(ha.mode)}`);
    const zone = resource.config.zone;
    const standby = ha.standby_availability_zone;
    if (zone !== undefined && standby !== undefined) {
      // Either zone known only at apply time may turn out to be the other one.
      if (isExpression(standby)) return unverifiable(unknownDetail(resource, 'high_availability.standby_availability_zone', standby));
      if (isExpression(zone)) return unverifiable(unknownDetail(resource, 'zone', zone));
      if (String(zone) === String(standby)) return nonCompliant(`the standby is in the primary's zone ${zone}`);
    }
    return COMPLIANT;
  },
};
