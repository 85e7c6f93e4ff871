import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { actionGroupsOf, workspacesReceiving } from '../private/monitoring';
import { blocks, boolValue, isExpression, mentions, referrersOfType, unknownDetail } from '../private/values';

/** The resource-specific table Backup vaults write job results to. */
export const BACKUP_JOBS_TABLE = 'AddonAzureBackupJobs';

/** What one piece of evidence says: it holds, it surely fails (why), or only apply knows (what). */
type Check = { ok: true } | { fail: string } | { unknown: string };

/** The diagnostic-setting log category of job records, and the group that surely holds it. */
const JOBS_CATEGORY = BACKUP_JOBS_TABLE.toLowerCase();
const ALL_LOGS = 'alllogs';
/** A category group whose members Azure decides: no evidence either way. */
const AUDIT = 'audit';

/**
 * Whether a diagnostic setting sends the vault's job records: an `enabled_log` (or v3 `log`
 * block not disabled) naming the jobs category or the allLogs group. Metrics carry no job record.
 */
function sendsJobRecords(setting: TerraformResourceView): Check {
  const sent: string[] = [];
  const disabled: string[] = [];
  const unknowns: string[] = [];
  const relevant = (names: string[]) => names.some((n) => [JOBS_CATEGORY, ALL_LOGS, AUDIT].includes(n.toLowerCase()));
  for (const arg of ['enabled_log', 'log']) {
    const raw = setting.config[arg];
    if (isExpression(raw)) {
      unknowns.push(`${setting.address}: ${unknownDetail(setting, arg, raw)}`);
      continue;
    }
    for (const b of blocks(raw)) {
      const names: string[] = [];
      for (const key of ['category', 'category_group']) {
        const v = b[key];
        if (v === undefined || v === null || v === '') continue;
        if (isExpression(v)) unknowns.push(`${setting.address}: ${unknownDetail(setting, `${arg}.${key}`, v)}`);
        else names.push(String(v));
      }
      if (arg === 'log') {
        const enabled = boolValue(b.enabled, true);
        if (enabled === undefined) {
          if (relevant(names)) unknowns.push(`${setting.address}: ${unknownDetail(setting, 'log.enabled', b.enabled)}`);
          continue;
        }
        if (!enabled) {
          disabled.push(...names);
          continue;
        }
      }
      sent.push(...names);
    }
  }
  const lower = sent.map((n) => n.toLowerCase());
  if (lower.includes(JOBS_CATEGORY) || lower.includes(ALL_LOGS)) return { ok: true };
  if (unknowns.length > 0) return { unknown: unknowns.join('; ') };
  if (lower.includes(AUDIT)) {
    return { unknown: `${setting.address} sends the audit category group, which Azure fills: whether it holds ${BACKUP_JOBS_TABLE} is not in the configuration` };
  }
  const what = sent.length > 0 ? `it sends ${sent.join(', ')}` : 'it sends no log category';
  const off = disabled.length > 0 ? `; log ${disabled.join(', ')} has enabled = false` : '';
  return { fail: `${setting.address} does not send the ${BACKUP_JOBS_TABLE} log category (${what}${off})` };
}

/** A filter keeping failed jobs: `JobStatus == "Failed"` (or =~, in, has, contains). */
const FAILED_STATUS = /JobStatus\s*(==|=~|in~?|has|contains|startswith)\s*\(?[^|)]*["']Failed/i;
/** A filter dropping some statuses: what it drops (`JobStatus != "Completed"`, `!in ("Completed", ...)`). */
const DROPPED_STATUS = /JobStatus\s*(?:!=|!~|!in~?|!has|!contains|!startswith)\s*(\([^)]*\)|["'][^"']*["'])/gi;
/** A filter keeping jobs that failed with a code. */
const FAILURE_CODE = /JobFailureCode\s*(!=|!~)\s*["']Success["']/i;

/**
 * Whether a query looks for failed jobs: it keeps JobStatus Failed, drops only statuses other than
 * Failed, or keeps a failure code other than Success. `undefined` when it mentions failures in a
 * form not read here (e.g. a computed column), which may or may not keep them.
 */
function looksForFailures(query: string): boolean | undefined {
  if (FAILED_STATUS.test(query) || FAILURE_CODE.test(query)) return true;
  const dropped = [...query.matchAll(DROPPED_STATUS)].map((m) => m[1]);
  if (dropped.length > 0 && dropped.every((d) => !/Failed/i.test(d))) return true;
  return /fail/i.test(query) ? undefined : false;
}

/**
 * Whether a scheduled query alert scoped to the workspace alerts on failed backup jobs: enabled,
 * a query on the jobs table that looks for failures, and an action group. Undefined when its
 * queries do not read the jobs table (another alert on the same workspace).
 */
function alertsOnFailedJobs(alert: TerraformResourceView): Check | undefined {
  const criteria = alert.config.criteria;
  let query: Check | undefined;
  if (isExpression(criteria)) {
    query = { unknown: `${alert.address}: ${unknownDetail(alert, 'criteria', criteria)}` };
  } else {
    const checks = blocks(criteria).map((c): Check | undefined => {
      const q = c.query;
      if (isExpression(q)) return { unknown: `${alert.address}: ${unknownDetail(alert, 'criteria.query', q)}` };
      if (typeof q !== 'string' || !q.includes(BACKUP_JOBS_TABLE)) return undefined;
      const failures = looksForFailures(q);
      if (failures === undefined) return { unknown: `${alert.address}: criteria.query mentions failures in a form this rule does not read: ${JSON.stringify(q)}` };
      return failures ? { ok: true } : { fail: `${alert.address}: criteria.query reads ${BACKUP_JOBS_TABLE} but filters on no failed status` };
    });
    query = checks.find((c) => c && 'ok' in c) ?? checks.find((c) => c && 'unknown' in c) ?? checks.find((c) => c !== undefined);
  }
  if (!query) return undefined;
  const parts: Check[] = [query];
  if (actionGroupsOf(alert).length === 0) parts.push({ fail: `${alert.address} names no action group` });
  const enabled = boolValue(alert.config.enabled, true);
  if (enabled === undefined) parts.push({ unknown: `${alert.address}: ${unknownDetail(alert, 'enabled', alert.config.enabled)}` });
  else if (!enabled) parts.push({ fail: `${alert.address} is disabled (enabled = false)` });
  return combine(parts);
}

/** Every part must hold: a sure failure outweighs an unknown. */
function combine(parts: readonly Check[]): Check {
  const fails = parts.flatMap((p) => ('fail' in p ? [p.fail] : []));
  if (fails.length > 0) return { fail: fails.join('; ') };
  const unknowns = parts.flatMap((p) => ('unknown' in p ? [p.unknown] : []));
  return unknowns.length > 0 ? { unknown: unknowns.join('; ') } : { ok: true };
}

/**
 * DP.BAK.5: a backup vault's job results reach a Log Analytics workspace, and a log alert on
 * that workspace queries failed backup jobs and notifies an action group.
 */
export const AzureBackupFailureAlerts: AzureResourceRule = {
  name: 'AzureBackupFailureAlerts',
  controlId: 'DP.BAK.5',
  resourceTypes: ['azurerm_data_protection_backup_vault'],
  covers: 'vault logs in a workspace, a query alert on `AddonAzureBackupJobs` with an action group',
  level: Severity.ERROR,
  info: 'No alert notifies an action group when a backup job of this vault fails.',
  explanation: 'DP.BAK.5 promises that failed backup and restore jobs alert the operations team. Send the vault\'s '
    + 'logs to a Log Analytics workspace with a diagnostic setting, and add an azurerm_monitor_scheduled_query_rules_alert_v2 '
    + `scoped to that workspace whose query reads ${BACKUP_JOBS_TABLE} and which names an action group (CentralLogAnalytics does).`,
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const fails: string[] = [];
    const unknowns: string[] = [];
    const receiving = workspacesReceiving(resource, context.lookup);
    for (const { setting, workspace, unresolved } of receiving) {
      const jobs = sendsJobRecords(setting);
      if ('fail' in jobs) {
        fails.push(jobs.fail);
        continue;
      }
      if (unresolved) {
        unknowns.push(`${setting.address}: ${unknownDetail(setting, 'log_analytics_workspace_id', setting.config.log_analytics_workspace_id)}`);
        continue;
      }
      if (!workspace) {
        fails.push(`${setting.address} sends to no Log Analytics workspace of this configuration`);
        continue;
      }
      let found = false;
      for (const alert of referrersOfType(workspace, ['azurerm_monitor_scheduled_query_rules_alert_v2'], context.lookup)) {
        const scoped = Array.isArray(alert.config.scopes) && alert.config.scopes.some((s: unknown) => mentions(s, workspace));
        const alerting = scoped ? alertsOnFailedJobs(alert) : undefined;
        if (!alerting) continue;
        found = true;
        const verdict = combine([jobs, alerting]);
        if ('ok' in verdict) {
          return compliant(`${alert.address} alerts on failed ${BACKUP_JOBS_TABLE} that ${setting.address} sends to ${workspace.address}`);
        }
        if ('fail' in verdict) fails.push(verdict.fail);
        else unknowns.push(verdict.unknown);
      }
      if (!found) fails.push(`no scheduled query alert scoped to ${workspace.address} reads ${BACKUP_JOBS_TABLE}`);
    }
    if (unknowns.length > 0) return unverifiable(unknowns.join('; '));
    if (receiving.length === 0) return nonCompliant('no azurerm_monitor_diagnostic_setting sends the vault\'s logs to a Log Analytics workspace');
    return nonCompliant(fails.join('; '));
  },
};
