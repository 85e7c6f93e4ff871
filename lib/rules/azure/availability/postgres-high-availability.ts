import { RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { postgresHaVerdict } from '../private/postgres';

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
    return postgresHaVerdict(resource);
  },
};
