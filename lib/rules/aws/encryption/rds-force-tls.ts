import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { isIntrinsic, UNVERIFIABLE } from '../private/values';

/** The parameter that makes an engine refuse unencrypted connections, and the values that turn it on. */
function forcingParameter(engine: string): { name: string; on: string[] } | undefined {
  if (/^(postgres|aurora-postgresql|sqlserver)/.test(engine)) return { name: 'rds.force_ssl', on: ['1', 'true', 'on'] };
  if (/^(mysql|mariadb|aurora-mysql|aurora$)/.test(engine)) {
    return { name: 'require_secure_transport', on: ['1', 'on', 'true'] };
  }
  return undefined;
}

/**
 * DP.ENC.1: an RDS DB instance or DB cluster refuses unencrypted connections through its parameter
 * group (`rds.force_ssl` for PostgreSQL and SQL Server, `require_secure_transport` for MySQL and
 * MariaDB). RDS for PostgreSQL 15 and later forces TLS by default. Aurora members are judged on
 * their cluster. Engines without such a parameter (Oracle, Db2) need review.
 */
export const RDSForceTLS: ResourceRule = {
  name: 'RDSForceTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  level: Severity.ERROR,
  info: 'The database accepts connections without TLS.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint, databases included. Give the instance or cluster a '
    + 'parameter group that sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON '
    + '(MySQL, MariaDB); the default parameter groups accept plaintext (except RDS for PostgreSQL 15+).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const isCluster = resource.type === 'AWS::RDS::DBCluster';
    if (!isCluster && p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    if (typeof p.Engine !== 'string') return [UNVERIFIABLE];
    const param = forcingParameter(p.Engine.toLowerCase());
    if (!param) return [UNVERIFIABLE];

    const groupRef = isCluster ? p.DBClusterParameterGroupName : p.DBParameterGroupName;
    if (groupRef === undefined) {
      const major = typeof p.EngineVersion === 'string' ? parseInt(p.EngineVersion, 10) : NaN;
      const defaultForces = !isCluster && p.Engine === 'postgres' && major >= 15;
      return defaultForces ? COMPLIANT : NON_COMPLIANT;
    }
    const group = referencedResource(groupRef, resource.stackPath, context.lookup);
    if (!group || isIntrinsic(group.properties.Parameters)) return [UNVERIFIABLE];
    const value = group.properties.Parameters?.[param.name];
    if (value !== undefined && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      return [UNVERIFIABLE];
    }
    return value !== undefined && param.on.includes(String(value).toLowerCase())
      ? COMPLIANT
      : NON_COMPLIANT;
  },
};
