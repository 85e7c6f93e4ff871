import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { unknownValue } from '../private/values';

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
  fix: 'Export the engine\'s audit log: cloudwatchLogsExports [\'postgresql\'] / [\'audit\'] / [\'agent\'].',
  info: 'The database does not export its audit log.',
  explanation: 'DP.LOG.2 promises that every access to customer data is logged. Export the engine\'s audit '
    + 'log (EnableCloudwatchLogsExports) and, for PostgreSQL, enable pgaudit or log_connections in its '
    + 'parameter group.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    if (resource.type === 'AWS::RDS::DBInstance' && p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    const engine = resolveValue(p.Engine, resource.stackPath, context.lookup);
    if (!engine.known || typeof engine.value !== 'string') return unknownValue('Engine', p.Engine, resource, context);
    const wanted = auditExport(engine.value.toLowerCase());
    if (!wanted) return unverifiable(`engine ${engine.value} has no audit log export this rule knows; review how its access is logged`);
    const exports = resolveValue(p.EnableCloudwatchLogsExports, resource.stackPath, context.lookup);
    if (!exports.known || (exports.value !== undefined && !Array.isArray(exports.value))) {
      return unknownValue('EnableCloudwatchLogsExports', p.EnableCloudwatchLogsExports, resource, context);
    }
    const list = (exports.value ?? []) as unknown[];
    return list.includes(wanted) ? compliant(`exports its ${wanted} log`)
      : nonCompliant(`EnableCloudwatchLogsExports ${list.length > 0 ? `[${list.join(', ')}]` : 'unset'} lacks ${wanted}`);
  },
};
