import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { DataClass } from '../../../core/policy/data-class';
import { backupModel, dataClassOf, needsBackup, STATEFUL_TYPES, uncertainCoverageVerdict } from '../private/backup-model';
import { findingsResult, unknownValue } from '../private/values';

/**
 * DP.BAK.2: every snapshot backup of a resource, and every cross-region copy of it, is kept at
 * least `databaseBackupRetentionDays` (databases) or `fileBackupRetentionDays` (files and objects).
 * Continuous (point-in-time) rules are in addition, capped by AWS at 35 days, and not held to it.
 * Findings: `[Retention]`, `[CopyRetention]`.
 */
export const BackupRetention: ResourceRule = {
  name: 'BackupRetention',
  controlId: 'DP.BAK.2',
  resourceTypes: Object.keys(STATEFUL_TYPES),
  covers: 'per data class, copies included; continuous rules exempt',
  level: Severity.ERROR,
  fix: 'Set every rule\'s and copy action\'s DeleteAfterDays to at least the policy\'s retention for the data class (PolicyBackupPlan does).',
  info: 'Backups of the resource (or their copies) expire before the policy\'s retention.',
  explanation: 'DP.BAK.2 promises backups kept databaseBackupRetentionDays for databases and '
    + 'fileBackupRetentionDays for files. Set each rule\'s and each copy action\'s DeleteAfterDays to at least '
    + 'that (PolicyBackupPlan keeps one plan per data class for this reason).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (!needsBackup(resource, context)) return NOT_APPLICABLE;
    const model = backupModel(context);
    const { plans, uncertain } = model.coverage(resource);
    if (plans.length === 0 && uncertain.length === 0) return NOT_APPLICABLE; // BackupCoverage reports it
    const required = dataClassOf(resource) === DataClass.DATABASE
      ? context.policy.databaseBackupRetentionDays
      : context.policy.fileBackupRetentionDays;
    const keeps = (d: number | null | undefined) => (d === undefined ? undefined : d === null || d >= required);
    const judge = (planView: ResourceView): (string | Verdict)[] => {
      const failing: (string | Verdict)[] = [];
      const plan = model.plans.get(planView);
      if (!plan || plan.unreadable) {
        return [unknownValue(`the BackupPlan of ${planView.logicalId}`, planView.properties.BackupPlan, planView, context)];
      }
      for (const rule of plan.rules.filter((r) => !r.continuous)) {
        const ok = keeps(rule.deleteAfterDays);
        if (ok === undefined) failing.push(unverifiable(`DeleteAfterDays of rule ${rule.name} in ${planView.logicalId} is known only at deployment (a parameter or import)`));
        else if (!ok) failing.push(failingVerdict('Retention', `rule ${rule.name} of ${planView.logicalId} keeps backups ${rule.deleteAfterDays} days; the policy asks for ${required}`));
        for (const copy of rule.copies) {
          const copyOk = keeps(copy.deleteAfterDays);
          if (copyOk === undefined) failing.push(unverifiable(`DeleteAfterDays of a copy in rule ${rule.name} is known only at deployment (a parameter or import)`));
          else if (!copyOk) failing.push(failingVerdict('CopyRetention', `a copy of rule ${rule.name} is kept ${copy.deleteAfterDays} days; the policy asks for ${required}`));
        }
      }
      return failing;
    };
    const failing = plans.flatMap(judge);
    // A plan whose selection may exclude the resource: whether its backups exist is unknown, so
    // neither its shortfalls nor, when no other plan surely backs it up, compliance can be stated.
    for (const u of uncertain) if (plans.length === 0 || judge(u.plan).length > 0) failing.push(uncertainCoverageVerdict(u, context));
    return findingsResult(failing);
  },
};
