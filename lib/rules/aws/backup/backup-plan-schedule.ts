import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { backupModel } from '../private/backup-model';
import { findingsResult, unknownValue } from '../private/values';

/** A week, the longest a "weekly" full backup may wait. */
const WEEK = 7;

/**
 * DP.BAK.1: a backup plan that protects anything has a daily snapshot rule (the incremental backup)
 * and a separate weekly snapshot rule (the full one). Continuous rules do not count. Schedules that
 * cannot be read are reported, never ignored; a schedule known only at deployment (a parameter
 * without default) makes what it could decide unverifiable. Findings: `[Daily]`, `[Weekly]`, `[UnreadableSchedule]`.
 */
export const BackupPlanSchedule: ResourceRule = {
  name: 'BackupPlanSchedule',
  controlId: 'DP.BAK.1',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  covers: 'daily and weekly rules; `cron()`/`rate()` parsed, unreadable ones reported',
  level: Severity.ERROR,
  info: 'The backup plan does not back up daily (incremental) and weekly (full).',
  explanation: 'DP.BAK.1 promises a daily incremental and a weekly full backup. Give the plan a rule that '
    + 'runs at least daily and another that runs at least weekly (PolicyBackupPlan does both).',
  fix: 'Give the plan a daily rule and a separate weekly rule (PolicyBackupPlan does both).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    if (plan.unreadable) return unknownValue('the plan\'s BackupPlan', resource.properties.BackupPlan, resource, context);
    const snapshots = plan.rules.filter((r) => !r.continuous);
    const failing: (string | Verdict)[] = [];
    // A schedule known only at deployment may be daily or weekly: what it decides is unverifiable.
    const unknown = snapshots.filter((r) => r.scheduleUnknown !== undefined);
    const unreadable = snapshots.filter((r) => r.intervalDays === undefined && r.scheduleUnknown === undefined);
    if (unreadable.length > 0) {
      failing.push(failingVerdict('UnreadableSchedule', `the schedule of ${unreadable.map((r) => r.name).join(', ')} (${unreadable.map((r) => JSON.stringify(r.schedule)).join(', ')}) cannot be read`));
    }
    const daily = snapshots.find((r) => r.intervalDays !== undefined && r.intervalDays <= 1);
    if (!daily) {
      failing.push(unknown.length > 0
        ? unverifiable(`no snapshot rule runs daily for certain: ${unknown[0].scheduleUnknown}`)
        : failingVerdict('Daily', 'no snapshot rule runs at least daily'));
    }
    if (!snapshots.some((r) => r !== daily && r.intervalDays !== undefined && r.intervalDays <= WEEK)) {
      failing.push(unknown.length > 0
        ? unverifiable(`no second snapshot rule runs weekly for certain: ${unknown[0].scheduleUnknown}`)
        : failingVerdict('Weekly', 'no second snapshot rule runs at least weekly (the full backup)'));
    }
    return findingsResult(failing);
  },
};
