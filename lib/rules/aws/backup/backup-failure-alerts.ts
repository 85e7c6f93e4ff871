import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { backupModel } from '../private/backup-model';
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

/**
 * The job kinds an enabled rule alerts on when they fail, keyed by region; and, keyed by region and
 * job kind, a rule whose target is known only at deployment. Built once.
 */
function alertedJobs(context: RuleContext): { alerted: Map<string, Set<string>>; unknown: Map<string, string> } {
  return context.lookup.memo('backup-failure-alerts', () => {
    const byRegion = new Map<string, Set<string>>();
    const unknown = new Map<string, string>();
    for (const rule of context.lookup.resourcesOfType('AWS::Events::Rule')) {
      const p = rule.properties;
      const pattern = p.EventPattern;
      if (p.State !== undefined && p.State !== 'ENABLED') continue;
      if (!pattern || typeof pattern !== 'object' || !accepts(pattern.source, 'aws.backup') || pattern.source === undefined) continue;
      if (!accepts(pattern.detail?.state, 'FAILED')) continue;
      const verdicts = (Array.isArray(p.Targets) ? p.Targets : []).map((t: any): boolean | undefined => {
        if (referencedResource(t?.Arn, rule.stackPath, context.lookup)?.type === 'AWS::SNS::Topic') return true;
        const arn = resolveValue(t?.Arn, rule.stackPath, context.lookup);
        return arn.known ? typeof arn.value === 'string' && arn.value.includes(':sns:') : undefined;
      });
      const region = rule.region ?? '';
      if (!verdicts.includes(true)) {
        if (verdicts.includes(undefined)) {
          for (const [finding, detailType] of Object.entries(JOBS)) {
            if (accepts(pattern['detail-type'], detailType)) unknown.set(`${region}\u0000${finding}`, rule.logicalId);
          }
        }
        continue;
      }
      const set = byRegion.get(region) ?? new Set<string>();
      for (const [finding, detailType] of Object.entries(JOBS)) if (accepts(pattern['detail-type'], detailType)) set.add(finding);
      byRegion.set(region, set);
    }
    return { alerted: byRegion, unknown };
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
  fix: 'Add an EventBridge rule for aws.backup job state FAILED (backup, copy and restore) targeting an SNS topic (PolicyBackupPlan does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    const { alerted, unknown } = alertedJobs(context);
    const region = resource.region ?? '';
    const here = alerted.get(region) ?? new Set<string>();
    return findingsResult(Object.keys(JOBS).filter((f) => !here.has(f)).map((f) => {
      const rule = unknown.get(`${region}\u0000${f}`);
      return rule ? unverifiable(`the target of ${rule} is known only at deployment (a parameter or import)`)
        : failing(f, `no enabled EventBridge rule sends failed ${JOBS[f]} events to an SNS topic in ${region || 'the plan\'s region'}`);
    }));
  },
};
