import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { backupModel } from '../private/backup-model';
import { asList, findingsResult, isIntrinsic } from '../private/values';

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
 * backups, capped at 35 days, needs a lock of any length), and denying recovery-point deletion:
 * a lock in compliance mode (`ChangeableForDays` set) at a sufficient minimum retention does that
 * by itself; a governance-mode lock, which privileged users can lift, needs an access policy that
 * denies `backup:DeleteRecoveryPoint`. Findings: `[NoLock]`, `[MinRetention]`, `[DeletionNotBlocked]`.
 */
export const BackupVaultLock: ResourceRule = {
  name: 'BackupVaultLock',
  controlId: 'DP.BAK.7',
  resourceTypes: ['AWS::Backup::BackupVault'],
  level: Severity.ERROR,
  info: 'The backup vault is not locked at the policy\'s retention, or lets recovery points be deleted.',
  explanation: 'DP.BAK.7 promises immutable backups. Give the vault a LockConfiguration whose MinRetentionDays '
    + 'is at least the policy\'s backup retention, and an access policy denying backup:DeleteRecoveryPoint '
    + '(PolicyBackupPlan does both; COMPLIANCE mode makes the lock permanent and the deny unnecessary).',
  fix: 'Lock the vault in compliance mode (changeableForDays) with minRetention >= the policy\'s retention, or add an access policy denying backup:DeleteRecoveryPoint.',
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
    // A lock chosen by a condition the app decides (a parameter default) is read; one known only at deployment is not.
    const chosen = resolveValue(p.LockConfiguration, resource.stackPath, context.lookup);
    const lock = chosen.known ? chosen.value as any : p.LockConfiguration;
    const required = Math.min(context.policy.databaseBackupRetentionDays, context.policy.fileBackupRetentionDays);
    // A lock in compliance mode (ChangeableForDays set) cannot be removed once its grace time is over:
    // no one, root included, can delete a recovery point before MinRetentionDays.
    let complianceMode: boolean | undefined = false;
    let modeUnknown: string | undefined;
    let longEnough = false;
    if (!chosen.known) {
      failing.push(unverifiable(`LockConfiguration is ${chosen.why}`));
      complianceMode = undefined;
      modeUnknown = `LockConfiguration is ${chosen.why}`;
    } else if (!lock) {
      failing.push(failingVerdict('NoLock', 'the vault has no LockConfiguration'));
    } else {
      const grace = resolveValue(lock.ChangeableForDays, resource.stackPath, context.lookup);
      if (!grace.known) {
        complianceMode = undefined;
        modeUnknown = `LockConfiguration.ChangeableForDays is ${grace.why}`;
      } else {
        complianceMode = grace.value !== undefined;
      }
      const min = resolveValue(lock.MinRetentionDays, resource.stackPath, context.lookup);
      const days = min.known ? Number(min.value) : NaN;
      if (snapshots) {
        if (!min.known || !Number.isFinite(days)) failing.push(unverifiable(`LockConfiguration.MinRetentionDays is ${min.why ?? 'not a number'}`));
        else if (days < required) failing.push(failingVerdict('MinRetention', `MinRetentionDays ${days} is shorter than the policy's ${required} days`));
        else longEnough = true;
      } else {
        longEnough = true;
      }
    }
    if (!(complianceMode === true && longEnough)) {
      const blocked = blocksDeletion(p.AccessPolicy);
      if (blocked === undefined) {
        failing.push(unverifiable('AccessPolicy is an expression the template computes at deployment'));
      } else if (!blocked && complianceMode === undefined && modeUnknown) {
        failing.push(unverifiable(modeUnknown));
      } else if (!blocked) {
        failing.push(failingVerdict('DeletionNotBlocked', complianceMode
          ? 'the compliance-mode lock protects recovery points for less than the policy\'s retention, and no access policy denies backup:DeleteRecoveryPoint'
          : lock ? 'a governance-mode lock can be lifted by privileged users, and no access policy denies backup:DeleteRecoveryPoint'
            : 'no lock and no access policy denying backup:DeleteRecoveryPoint: recovery points can be deleted'));
      }
    }
    return findingsResult(failing);
  },
};
