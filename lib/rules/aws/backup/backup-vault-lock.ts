import { NOT_APPLICABLE, RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { backupModel } from '../private/backup-model';
import { referencedResource } from '../../../cloudformation/references';
import { asList, findingsResult, isIntrinsic, UNVERIFIABLE } from '../private/values';

/** Whether the vault's access policy denies deleting recovery points to everyone. */
function blocksDeletion(policy: unknown): boolean | undefined {
  if (policy === undefined) return false;
  const doc = typeof policy === 'string' ? safeParse(policy) : policy;
  if (!doc || isIntrinsic(doc)) return undefined;
  return asList((doc as any).Statement).some((s: any) => s?.Effect === 'Deny'
    && asList(s.Action).some((a) => a === 'backup:DeleteRecoveryPoint' || a === 'backup:*' || a === '*'));
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * DP.BAK.7: every vault that receives the app's backups is immutable: locked with a minimum
 * retention of at least the policy's shorter backup retention (a vault that only holds continuous
 * backups, capped at 35 days, needs a lock of any length), and denying recovery-point deletion.
 * Findings: `[NoLock]`, `[MinRetention]`, `[DeletionNotBlocked]`.
 */
export const BackupVaultLock: ResourceRule = {
  name: 'BackupVaultLock',
  controlId: 'DP.BAK.7',
  resourceTypes: ['AWS::Backup::BackupVault'],
  level: Severity.ERROR,
  info: 'The backup vault is not locked at the policy\'s retention, or lets recovery points be deleted.',
  explanation: 'DP.BAK.7 promises immutable backups. Give the vault a LockConfiguration whose MinRetentionDays '
    + 'is at least the policy\'s backup retention, and an access policy denying backup:DeleteRecoveryPoint '
    + '(PolicyBackupPlan does both; COMPLIANCE mode makes the lock permanent).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    let snapshots = false;
    let continuous = false;
    for (const plan of backupModel(context).plans.values()) {
      for (const rule of plan.rules) {
        const destinations = [rule.targetVault, ...rule.copies.map((c) => referencedResource(c.destination, plan.view.stackPath, context.lookup))];
        if (!destinations.includes(resource)) continue;
        if (rule.continuous && rule.targetVault === resource) continuous = true;
        else snapshots = true;
      }
    }
    if (!snapshots && !continuous) return NOT_APPLICABLE;
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const lock = p.LockConfiguration;
    if (isIntrinsic(lock)) {
      failing.push(UNVERIFIABLE);
    } else if (!lock) {
      failing.push('NoLock');
    } else if (snapshots) {
      const min = Number(lock.MinRetentionDays);
      const required = Math.min(context.policy.databaseBackupRetentionDays, context.policy.fileBackupRetentionDays);
      if (!Number.isFinite(min)) failing.push(UNVERIFIABLE);
      else if (min < required) failing.push('MinRetention');
    }
    const blocked = blocksDeletion(p.AccessPolicy);
    if (blocked === undefined) failing.push(UNVERIFIABLE);
    else if (!blocked) failing.push('DeletionNotBlocked');
    return findingsResult(failing);
  },
};
