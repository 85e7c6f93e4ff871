import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { backupModel } from '../private/backup-model';
import { findingsResult, UNVERIFIABLE } from '../private/values';

/** A week, the longest a "weekly" full backup may wait. */
const WEEK = 7;

/**
 * DP.BAK.1: a backup plan that protects anything has a daily snapshot rule (the incremental backup)
 * and a separate weekly snapshot rule (the full one). Continuous rules do not count. Schedules that
 * cannot be read are reported, never ignored. Findings: `[Daily]`, `[Weekly]`, `[UnreadableSchedule]`.
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
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    if (plan.unreadable) return [UNVERIFIABLE];
    const snapshots = plan.rules.filter((r) => !r.continuous);
    const failing: (string | Verdict)[] = [];
    if (snapshots.some((r) => r.intervalDays === undefined)) failing.push('UnreadableSchedule');
    const daily = snapshots.find((r) => r.intervalDays !== undefined && r.intervalDays <= 1);
    if (!daily) failing.push('Daily');
    if (!snapshots.some((r) => r !== daily && r.intervalDays !== undefined && r.intervalDays <= WEEK)) failing.push('Weekly');
    return findingsResult(failing);
  },
};
