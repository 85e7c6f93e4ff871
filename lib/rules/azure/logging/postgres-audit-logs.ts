import { compliant, failing, findingsResult, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { categoriesReaching } from '../private/monitoring';
import { isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

/** The pgaudit statement classes `ALL` stands for. */
const ALL_CLASSES = ['read', 'write', 'function', 'role', 'ddl', 'misc', 'misc_set'];
/** The classes that record access to data. */
const ACCESS_CLASSES = ['read', 'write'];

/** The classes a `pgaudit.log` value logs: `READ,WRITE`, `all,-misc` (case-insensitive). */
export function pgauditClasses(value: string): Set<string> {
  const out = new Set<string>();
  for (const token of value.split(',').map((t) => t.trim().toLowerCase()).filter((t) => t)) {
    const minus = token.startsWith('-');
    const name = minus ? token.slice(1) : token;
    const names = name === 'all' ? ALL_CLASSES : [name];
    for (const n of names) (minus ? out.delete(n) : out.add(n));
  }
  return out;
}

/**
 * DP.LOG.2: every access to a PostgreSQL flexible server's data is audited centrally: `pgaudit` is
 * in `shared_preload_libraries` (without it `pgaudit.log` does nothing), `pgaudit.log` records at
 * least READ and WRITE (or ALL), and a diagnostic setting sends PostgreSQLLogs (or `allLogs`), where
 * the audit lines land, to a Log Analytics workspace. Findings: `[Pgaudit]`, `[Shipping]`.
 */
export const AzurePostgresAuditLogs: AzureResourceRule = {
  name: 'AzurePostgresAuditLogs',
  controlId: 'DP.LOG.2',
  resourceTypes: ['azurerm_postgresql_flexible_server'],
  covers: 'pgaudit preloaded, READ and WRITE logged, PostgreSQLLogs to a workspace',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'Reads and writes of the database are not audited to a Log Analytics workspace.',
  explanation: 'DP.LOG.2 promises that every access to customer data is logged. Add pgaudit to the server parameter '
    + 'shared_preload_libraries, set pgaudit.log to at least "READ,WRITE" (azurerm_postgresql_flexible_server_configuration; '
    + 'allow-list PGAUDIT in azure.extensions for CREATE EXTENSION), and send PostgreSQLLogs to the central workspace with '
    + 'a diagnostic setting (ProtectedPostgres with logs does).',
  fix: 'Preload pgaudit, set pgaudit.log to READ,WRITE at least, and send PostgreSQLLogs to the central workspace.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const parameters = referrersOfType(resource, ['azurerm_postgresql_flexible_server_configuration'], context.lookup)
      .filter((p) => mentions(p.config.server_id, resource));
    const failures: Verdict[] = [];
    const param = (name: string) => parameters.filter((p) => p.config.name === name);
    const read = (name: string): { value?: string; unknown?: string; where?: string } => {
      const found = param(name);
      if (found.length === 0) return {};
      const p = found[0];
      if (p.uncertainExistence !== undefined) return { unknown: `${p.address} may not exist: ${p.uncertainExistence}` };
      if (isExpression(p.config.value)) return { unknown: unknownDetail(p, 'value', p.config.value) };
      return { value: String(p.config.value), where: p.address };
    };
    const libs = read('shared_preload_libraries');
    const log = read('pgaudit.log');
    if (libs.unknown) {
      failures.push(unverifiable(libs.unknown));
    } else if (log.unknown) {
      failures.push(unverifiable(log.unknown));
    } else {
      const loaded = libs.value !== undefined && libs.value.split(',').map((l) => l.trim().toLowerCase()).includes('pgaudit');
      const classes = log.value !== undefined ? pgauditClasses(log.value) : new Set<string>();
      const missing = ACCESS_CLASSES.filter((c) => !classes.has(c));
      const problems = [
        ...(loaded ? [] : [libs.value === undefined ? 'shared_preload_libraries is not set: pgaudit is not loaded'
          : `shared_preload_libraries = ${JSON.stringify(libs.value)} does not load pgaudit, so pgaudit.log has no effect`]),
        ...(missing.length === 0 ? [] : [log.value === undefined ? 'pgaudit.log is not set: no statement class is audited'
          : `pgaudit.log = ${JSON.stringify(log.value)} does not record ${missing.map((m) => m.toUpperCase()).join(' or ')}`]),
      ];
      if (problems.length > 0) failures.push(failing('Pgaudit', problems.join('; ')));
    }
    const shipped = categoriesReaching(resource, context.lookup, ['PostgreSQLLogs'], { groups: ['allLogs'], workspaceOnly: true });
    if ('unknown' in shipped) failures.push(unverifiable(shipped.unknown));
    else if (!shipped.covered) failures.push(failing('Shipping', shipped.why));
    if (failures.length > 0) return findingsResult(failures);
    return compliant(`pgaudit preloaded, pgaudit.log = ${JSON.stringify(log.value)}; ${'detail' in shipped ? shipped.detail : ''}`);
  },
};
