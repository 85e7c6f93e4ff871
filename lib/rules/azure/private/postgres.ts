import { TerraformResourceView } from '../../../terraform/model';
import { isExpression } from './values';

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
