import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { UNVERIFIABLE } from '../private/values';

/** The CloudWatch Logs export that carries each engine's audit / connection log. */
function auditExport(engine: string): string | undefined {
  if (/^(postgres|aurora-postgresql)/.test(engine)) return 'postgresql';
  if (/^(mysql|mariadb|aurora-mysql|aurora$)/.test(engine)) return 'audit';
  if (/^sqlserver/.test(engine)) return 'agent';
  if (/^oracle/.test(engine)) return 'audit';
  return undefined;
}

/**
 * DP.LOG.2: databases export their audit log to CloudWatch Logs (`postgresql` for PostgreSQL, `audit`
 * for MySQL/MariaDB/Oracle, `agent` for SQL Server). Aurora members are judged on their cluster.
 */
export const DatabaseAuditLogs: ResourceRule = {
  name: 'DatabaseAuditLogs',
  controlId: 'DP.LOG.2',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  level: Severity.ERROR,
  info: 'The database does not export its audit log.',
  explanation: 'DP.LOG.2 promises that every access to customer data is logged. Export the engine\'s audit '
    + 'log (EnableCloudwatchLogsExports) and, for PostgreSQL, enable pgaudit or log_connections in its '
    + 'parameter group.',
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    if (resource.type === 'AWS::RDS::DBInstance' && p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    if (typeof p.Engine !== 'string') return [UNVERIFIABLE];
    const wanted = auditExport(p.Engine.toLowerCase());
    if (!wanted) return [UNVERIFIABLE];
    const exports = p.EnableCloudwatchLogsExports;
    if (exports !== undefined && !Array.isArray(exports)) return [UNVERIFIABLE];
    return (exports ?? []).includes(wanted) ? COMPLIANT : NON_COMPLIANT;
  },
};
