import { compliant, nonCompliant, Outcome, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isExpression, referrersOfType, sourceNote, tfNumber, unknownDetail } from '../private/values';

/** Log Analytics keeps data 30 days when retention_in_days is absent. */
const SERVICE_DEFAULT_DAYS = 30;

/**
 * DP.LOG.4: a Log Analytics workspace keeps logs at least the policy's log retention, and no table
 * of it (`azurerm_log_analytics_workspace_table`) keeps them for less.
 */
export const AzureLogAnalyticsRetention: AzureResourceRule = {
  name: 'AzureLogAnalyticsRetention',
  controlId: 'DP.LOG.4',
  resourceTypes: ['azurerm_log_analytics_workspace'],
  level: Severity.ERROR,
  info: "The workspace keeps logs for fewer days than the policy's logRetentionDays.",
  explanation: 'DP.LOG.4 promises logs retained >= logRetentionDays. Set retention_in_days (CentralLogAnalytics sets it '
    + 'from the policy; the workspace accepts up to 730 days of interactive retention). Logs in a workspace are '
    + 'always encrypted at rest.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const raw = resource.config.retention_in_days;
    if (isExpression(raw)) return unverifiable(unknownDetail(resource, 'retention_in_days', raw));
    const days = raw === undefined ? SERVICE_DEFAULT_DAYS : tfNumber(raw);
    if (days === undefined) return unverifiable(unknownDetail(resource, 'retention_in_days', raw));
    const detail = raw === undefined ? `retention_in_days not set: the service keeps ${SERVICE_DEFAULT_DAYS} days`
      : `retention_in_days = ${days}${sourceNote(resource, 'retention_in_days')}`;
    if (days < context.policy.logRetentionDays) return nonCompliant(detail);
    // A table may keep its logs for less than the workspace (its own retention, archive included).
    const tables = referrersOfType(resource, ['azurerm_log_analytics_workspace_table'], context.lookup);
    const verdicts = tables.map((t) => tableVerdict(t, context.policy.logRetentionDays)).filter((v) => v !== undefined);
    const short = verdicts.find((v) => v!.outcome === Outcome.NON_COMPLIANT);
    if (short) return short;
    const unknown = verdicts.find((v) => v!.outcome === Outcome.UNVERIFIABLE);
    return unknown ?? compliant(detail);
  },
};

/**
 * What a table's own retention does: a table keeps its logs for the longer of `retention_in_days`
 * (interactive) and `total_retention_in_days` (with the archive); unset, the workspace's applies.
 */
function tableVerdict(table: TerraformResourceView, wanted: number): Verdict | undefined {
  const values = ['retention_in_days', 'total_retention_in_days'].map((key) => ({ key, raw: table.config[key] }))
    .filter((v) => v.raw !== undefined && v.raw !== null && v.raw !== -1 && v.raw !== '-1');
  if (values.length === 0) return undefined;
  const name = typeof table.config.name === 'string' ? `table ${table.config.name} (${table.address})` : table.address;
  const unknown = values.find((v) => isExpression(v.raw) || tfNumber(v.raw) === undefined);
  const longest = Math.max(...values.map((v) => tfNumber(v.raw) ?? -1));
  if (longest >= wanted) return undefined;
  if (unknown) return unverifiable(`${name}: ${unknownDetail(table, unknown.key, unknown.raw)}`);
  const shown = values.map((v) => `${v.key} = ${v.raw}`).join(', ');
  const kept = table.uncertainExistence === undefined ? nonCompliant : unverifiable;
  return kept(`${name} keeps its logs ${longest} days (${shown}; promised: ${wanted})${table.uncertainExistence ? `, and may exist: ${table.uncertainExistence}` : ''}`) as Verdict;
}
