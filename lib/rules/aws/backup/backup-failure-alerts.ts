import { NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { backupModel } from '../private/backup-model';
import { referencedResource } from '../../../cloudformation/references';
import { asList, findingsResult } from '../private/values';

const JOBS: { [finding: string]: string } = {
  BackupJobs: 'Backup Job State Change',
  CopyJobs: 'Copy Job State Change',
  RestoreJobs: 'Restore Job State Change',
};

/** Whether an EventBridge pattern field (absent = anything) accepts `value`. */
function accepts(field: unknown, value: string): boolean {
  return field === undefined || asList(field).includes(value);
}

/** The job kinds an enabled rule alerts on when they fail, keyed by region; built once. */
function alertedJobs(context: RuleContext): Map<string, Set<string>> {
  return context.lookup.memo('backup-failure-alerts', () => {
    const byRegion = new Map<string, Set<string>>();
    for (const rule of context.lookup.resourcesOfType('AWS::Events::Rule')) {
      const p = rule.properties;
      const pattern = p.EventPattern;
      if (p.State !== undefined && p.State !== 'ENABLED') continue;
      if (!pattern || typeof pattern !== 'object' || !accepts(pattern.source, 'aws.backup') || pattern.source === undefined) continue;
      if (!accepts(pattern.detail?.state, 'FAILED')) continue;
      const notifiesTopic = (Array.isArray(p.Targets) ? p.Targets : []).some((t: any) =>
        (typeof t?.Arn === 'string' && t.Arn.includes(':sns:'))
        || referencedResource(t?.Arn, rule.stackPath, context.lookup)?.type === 'AWS::SNS::Topic');
      if (!notifiesTopic) continue;
      const region = rule.region ?? '';
      const set = byRegion.get(region) ?? new Set<string>();
      for (const [finding, detailType] of Object.entries(JOBS)) if (accepts(pattern['detail-type'], detailType)) set.add(finding);
      byRegion.set(region, set);
    }
    return byRegion;
  });
}

/**
 * DP.BAK.5: in the region of every plan that protects anything, an enabled EventBridge rule sends
 * failed backup, copy and restore jobs (source `aws.backup`, state FAILED) to an SNS topic. A
 * vault's BACKUP_JOB_FAILED notification is deprecated and does not count.
 * Findings: `[BackupJobs]`, `[CopyJobs]`, `[RestoreJobs]`.
 */
export const BackupFailureAlerts: ResourceRule = {
  name: 'BackupFailureAlerts',
  controlId: 'DP.BAK.5',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  covers: 'EventBridge job-state events; the deprecated vault notification does not count',
  level: Severity.ERROR,
  info: 'Failed backup, copy or restore jobs of this plan alert nobody.',
  explanation: 'DP.BAK.5 promises that the operations team is alerted when a backup, copy or restore job fails. '
    + 'Add an EventBridge rule for source aws.backup, detail-types Backup / Copy / Restore Job State Change, '
    + 'state FAILED (and ABORTED, EXPIRED), targeting an SNS topic (PolicyBackupPlan does this).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    const alerted = alertedJobs(context).get(resource.region ?? '') ?? new Set<string>();
    return findingsResult(Object.keys(JOBS).filter((f) => !alerted.has(f)));
  },
};
