import { compliant, failing, findingsResult, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { RestoreTestFrequency } from '../../../core/policy/policy';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { isExpression, mentions, referencedResource, tfNumber, unknownDetail } from '../private/values';

/** The longest gap, in days, each promised frequency allows (a quarter: three 31-day months). */
const PERIOD_DAYS: { [f: string]: number } = {
  [RestoreTestFrequency.DAILY]: 1, [RestoreTestFrequency.WEEKLY]: 7, [RestoreTestFrequency.QUARTERLY]: 93,
};

/** Days between runs of an Automation schedule (`frequency` Hour, Day, Week, Month with `interval`); undefined for one-off or unknown. */
export function scheduleDays(schedule: TerraformResourceView): number | undefined {
  const { frequency } = schedule.config;
  const interval = schedule.config.interval === undefined ? 1 : tfNumber(schedule.config.interval);
  if (interval === undefined || isExpression(frequency)) return undefined;
  switch (frequency) {
    case 'Hour': return interval / 24;
    case 'Day': return interval;
    case 'Week': return interval * 7;
    case 'Month': return interval * 31;
    default: return undefined;
  }
}

/** Resources that join an Automation job schedule by name (runbook, schedule) in the same account. */
function joined(job: TerraformResourceView, type: string, argument: string, context: AzureRuleContext): TerraformResourceView | undefined {
  const candidates = context.lookup.ofType(type);
  return candidates.find((c) => job.references?.has(c.address))
    ?? candidates.find((c) => c.config.name === job.config[argument] && c.config.automation_account_name === job.config.automation_account_name);
}

/** What one drill (a job schedule of a restoring runbook) tells about an instance. */
interface Drill { readonly job: TerraformResourceView; readonly days?: number; readonly unknown?: string }

function drillsFor(instance: TerraformResourceView, context: AzureRuleContext): Drill[] {
  const vault = referencedResource(instance.config.vault_id, context.lookup);
  const out: Drill[] = [];
  for (const job of context.lookup.ofType('azurerm_automation_job_schedule')) {
    const params = job.config.parameters;
    const values = params && typeof params === 'object' ? Object.values(params) : [];
    const covers = values.some((v) => mentions(v, instance) || (vault !== undefined && mentions(v, vault)));
    if (!covers) continue;
    if (job.uncertainExistence !== undefined) { out.push({ job, unknown: `${job.address} may not exist: ${job.uncertainExistence}` }); continue; }
    const runbook = joined(job, 'azurerm_automation_runbook', 'runbook_name', context);
    const schedule = joined(job, 'azurerm_automation_schedule', 'schedule_name', context);
    if (!runbook || !schedule) { out.push({ job, unknown: `${job.address} names a ${runbook ? 'schedule' : 'runbook'} outside this configuration` }); continue; }
    const content = runbook.config.content;
    if (typeof content !== 'string' || isExpression(content)) {
      out.push({ job, unknown: `${runbook.address}: the runbook's content is not in this configuration${typeof content === 'string' ? ` (${unknownDetail(runbook, 'content', content)})` : ''}` });
      continue;
    }
    if (!/restore/i.test(content)) continue;
    const days = scheduleDays(schedule);
    if (days === undefined) { out.push({ job, unknown: `${schedule.address}: frequency ${JSON.stringify(schedule.config.frequency)}, interval ${JSON.stringify(schedule.config.interval)}` }); continue; }
    out.push({ job, days });
  }
  return out;
}

/**
 * DP.BAK.4: every protected resource (a Backup vault's backup instance) is restore-tested on each
 * schedule of the policy (daily, weekly, quarterly): an Azure Automation job schedule whose
 * parameters name the instance or its vault links a runbook that restores (its content calls a
 * restore) to a schedule at least that frequent (`frequency` Hour, Day, Week or Month with
 * `interval`). Findings: `[Daily]`, `[Weekly]`, `[Quarterly]`.
 */
export const AzureRestoreDrills: AzureResourceRule = {
  name: 'AzureRestoreDrills',
  controlId: 'DP.BAK.4',
  resourceTypes: [
    'azurerm_data_protection_backup_instance_postgresql_flexible_server', 'azurerm_data_protection_backup_instance_blob_storage',
    'azurerm_data_protection_backup_instance_disk', 'azurerm_data_protection_backup_instance_mysql_flexible_server',
    'azurerm_data_protection_backup_instance_postgresql', 'azurerm_data_protection_backup_instance_kubernetes_cluster',
  ],
  covers: 'Automation runbooks that restore, on daily, weekly and quarterly schedules',
  level: Severity.ERROR,
  handlesUncertainResources: true,
  info: 'The backups of this resource are not restore-tested on every schedule the policy promises.',
  explanation: 'DP.BAK.4 promises automatic restore tests on restoreTestSchedules. Schedule an Azure Automation runbook '
    + 'that restores the latest recovery point of the backup instance (or of every instance of its vault) to a scratch '
    + 'target, with an azurerm_automation_schedule per promised frequency and an azurerm_automation_job_schedule whose '
    + 'parameters name the instance or the vault (RestoreDrills does, and alerts on failed drills).',
  fix: 'Link a restoring runbook to daily, weekly and quarterly Automation schedules with the instance or its vault as parameter (RestoreDrills).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const drills = drillsFor(resource, context);
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    for (const frequency of context.policy.restoreTestSchedules) {
      const period = PERIOD_DAYS[frequency];
      const fit = drills.find((d) => d.days !== undefined && d.days <= period);
      if (fit) { evidence.push(`${frequency}: ${fit.job.address}`); continue; }
      const unknown = drills.find((d) => d.unknown);
      const name = frequency.charAt(0).toUpperCase() + frequency.slice(1);
      const slower = drills.filter((d) => d.days !== undefined).map((d) => `${d.job.address} every ${d.days} day${d.days === 1 ? '' : 's'}`);
      failures.push(unknown ? unverifiable(unknown.unknown) : failing(name, `no restore drill at least every ${period} day${period === 1 ? '' : 's'}`
        + `${slower.length > 0 ? ` (only ${slower.join(', ')})` : ''}`));
    }
    return failures.length > 0 ? findingsResult(failures) : compliant(evidence.join('; '));
  },
};
