import { block, isExpression, unknownDetail } from './values';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, unverifiable } from '../../../core/engine/verdict';
import { TerraformResourceView } from '../../../terraform/model';

/**
 * Whether a PostgreSQL flexible server is a read replica: `create_mode = "Replica"`. (The provider
 * forbids `replication_role` when a replica is created; it is set to `None` only to promote one.)
 * `undefined` when the create mode is an expression.
 */
export function isReplica(server: TerraformResourceView): boolean | undefined {
  const mode = server.config.create_mode;
  if (isExpression(mode)) return undefined;
  if (typeof mode !== 'string' || mode.toLowerCase() !== 'replica') return false;
  // A promoted replica (replication_role = "None") is a standalone server again.
  return !(typeof server.config.replication_role === 'string' && server.config.replication_role.toLowerCase() === 'none');
}

/**
 * Whether a server has a standby in another zone: zone-redundant HA whose standby zone differs from
 * the primary's. Read replicas cannot have HA: not applicable.
 */
export function postgresHaVerdict(resource: TerraformResourceView): RuleResult {
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
  return compliant(`zone-redundant HA${zone !== undefined && standby !== undefined ? ` (primary zone ${zone}, standby zone ${standby})` : ''}`);
}
