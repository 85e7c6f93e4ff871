import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { backupModel, vaultRegion } from '../private/backup-model';
import { findingsResult, UNVERIFIABLE } from '../private/values';

/**
 * DP.BAK.3: every snapshot rule of a plan that protects anything copies to a vault in another
 * region. The destination region is read from the vault ARN or the referenced vault's stack; an
 * unresolved destination needs review. Findings: `[NoCopy]`, `[SameRegion]`.
 */
export const BackupCrossRegionCopy: ResourceRule = {
  name: 'BackupCrossRegionCopy',
  controlId: 'DP.BAK.3',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  level: Severity.ERROR,
  info: 'A backup rule does not copy its backups to another region.',
  explanation: 'DP.BAK.3 promises that every backup is copied to a second region. Add a copy action to each '
    + 'rule whose destination vault is in another region (PolicyBackupPlan: copyRegion).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (!context.policy.crossRegionBackupCopy) return NOT_APPLICABLE;
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    if (plan.unreadable || !resource.region) return [UNVERIFIABLE];
    const failing: (string | Verdict)[] = [];
    for (const rule of plan.rules.filter((r) => !r.continuous)) {
      if (rule.copies.length === 0) {
        failing.push('NoCopy');
        continue;
      }
      const regions = rule.copies.map((c) => vaultRegion(c.destination, resource, context.lookup));
      if (regions.some((r) => r !== undefined && r !== resource.region)) continue;
      failing.push(regions.some((r) => r === undefined) ? UNVERIFIABLE : 'SameRegion');
    }
    return findingsResult(failing);
  },
};
