import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { failing, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { backupModel, vaultRegion } from '../private/backup-model';
import { findingsResult } from '../private/values';

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
  fix: 'Give every rule a copy action to a vault in another region (PolicyBackupPlan: copyRegion).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (!context.policy.crossRegionBackupCopy) return NOT_APPLICABLE;
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    if (plan.unreadable) return unverifiable('the plan\'s rules are an expression the template computes at deployment');
    const failures: (string | Verdict)[] = [];
    // A rule without a copy action fails whatever the region: only comparing a copy's region
    // with the plan's needs to know it.
    for (const rule of plan.rules.filter((r) => !r.continuous)) {
      if (rule.copies.length === 0) {
        failures.push(failing('NoCopy', `rule ${rule.name} copies its backups nowhere`));
        continue;
      }
      const regions = rule.copies.map((c) => vaultRegion(c.destination, resource, context.lookup));
      if (!resource.region) {
        const known = regions.filter((r): r is string => r !== undefined);
        failures.push(unverifiable(`rule ${rule.name} copies to ${known.length > 0 ? known.join(', ') : 'a vault whose region is unknown'}, `
          + 'and the plan\'s stack has no explicit region to compare with'));
        continue;
      }
      if (regions.some((r) => r !== undefined && r !== resource.region)) continue;
      failures.push(regions.some((r) => r === undefined)
        ? unverifiable(`rule ${rule.name} copies to a vault whose region is known only at deployment`)
        : failing('SameRegion', `rule ${rule.name} copies only within ${resource.region}`));
    }
    return findingsResult(failures);
  },
};
