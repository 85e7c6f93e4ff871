import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { RestoreTestFrequency } from '../../../core/policy/policy';
import { backupModel } from '../private/backup-model';
import { maxIntervalDays } from '../private/schedule';
import { isIntrinsic, unknownValue } from '../private/values';

/** The longest gap, in days, each promised frequency allows (a quarter: three 31-day months). */
const PERIOD_DAYS: { [f: string]: number } = {
  [RestoreTestFrequency.DAILY]: 1, [RestoreTestFrequency.WEEKLY]: 7, [RestoreTestFrequency.QUARTERLY]: 93,
};

interface TestingPlan {
  readonly view: ResourceView;
  readonly intervalDays?: number;
  /** Why the schedule is known only at deployment, if it is. */
  readonly scheduleWhy?: string;
  readonly vaults: unknown[];
  /** Why the included vaults are known only at deployment, if they are. */
  readonly vaultsWhy?: string;
  readonly selections: number;
}

function testingPlans(context: RuleContext): TestingPlan[] {
  return context.lookup.memo('restore-testing-plans', () => {
    const selections = context.lookup.resourcesOfType('AWS::Backup::RestoreTestingSelection');
    return context.lookup.resourcesOfType('AWS::Backup::RestoreTestingPlan').map((view) => {
      const name = view.properties.RestoreTestingPlanName;
      const count = selections.filter((s) => s.properties.RestoreTestingPlanName === name
        || referencedResource(s.properties.RestoreTestingPlanName, s.stackPath, context.lookup) === view).length;
      const schedule = resolveValue(view.properties.ScheduleExpression, view.stackPath, context.lookup);
      // The list as written keeps references to the app's vaults (whose ARNs resolve to nothing); otherwise what the app defines.
      const raw = view.properties.RecoveryPointSelection;
      const written = isIntrinsic(raw) ? undefined : raw?.IncludeVaults;
      const vaults = Array.isArray(written) ? { known: true, value: written } as const
        : resolveValue(isIntrinsic(raw) ? raw : written, view.stackPath, context.lookup);
      const listed = vaults.known ? (isIntrinsic(raw) ? (vaults.value as any)?.IncludeVaults : vaults.value) : undefined;
      return {
        view,
        intervalDays: schedule.known ? maxIntervalDays(schedule.value) : undefined,
        ...(schedule.known ? {} : { scheduleWhy: `the ScheduleExpression of restore testing plan ${view.logicalId} is ${schedule.why}` }),
        vaults: Array.isArray(listed) ? listed : [],
        ...(vaults.known ? {} : { vaultsWhy: `the IncludeVaults of restore testing plan ${view.logicalId} is ${vaults.why}` }),
        selections: count,
      };
    });
  });
}

/** Whether a vault name matches an `IncludeVaults` name pattern (`*` matches any run of characters). */
function globMatches(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(name);
}

/**
 * Whether a restore testing plan includes `vault`: `*`, a reference to it, or an ARN whose vault
 * name (wildcards allowed) matches its name. When that is known only at deployment, why.
 */
function includesVault(plan: TestingPlan, vault: ResourceView, context: RuleContext): boolean | string {
  if (plan.vaultsWhy !== undefined) return plan.vaultsWhy;
  const own = resolveValue(vault.properties.BackupVaultName, vault.stackPath, context.lookup);
  let unknown: string | undefined;
  for (const v of plan.vaults) {
    if (v === '*') return true;
    const referenced = isIntrinsic(v) ? referencedResource(v, plan.view.stackPath, context.lookup) : undefined;
    if (referenced === vault) return true;
    if (referenced) continue;
    const arn = resolveValue(v, plan.view.stackPath, context.lookup);
    if (!arn.known || typeof arn.value !== 'string') {
      unknown = unknown ?? `a vault of restore testing plan ${plan.view.logicalId} is ${arn.known ? JSON.stringify(arn.value) : arn.why}`;
      continue;
    }
    const at = arn.value.indexOf(':backup-vault:');
    if (at < 0) continue;
    const pattern = arn.value.slice(at + ':backup-vault:'.length);
    if (own.known && typeof own.value === 'string') {
      if (globMatches(pattern, own.value)) return true;
    } else if (pattern === '*') {
      return true;
    } else {
      // A name generated at deployment may match any pattern but '*'.
      unknown = unknown ?? `restore testing plan ${plan.view.logicalId} includes ${arn.value}, and ${vault.logicalId}'s name is known only at deployment`;
    }
  }
  return unknown ?? false;
}

/**
 * DP.BAK.4: the snapshots of every plan that protects anything are restore-tested on each schedule
 * of the policy (daily, weekly, quarterly): a restore testing plan at least that frequent includes
 * the plan's vault and has at least one selection. Findings: `[Daily]`, `[Weekly]`, `[Quarterly]`.
 */
export const RestoreTesting: ResourceRule = {
  name: 'RestoreTesting',
  controlId: 'DP.BAK.4',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  level: Severity.ERROR,
  info: 'The backups of this plan are not restore-tested on every schedule the policy promises.',
  explanation: 'DP.BAK.4 promises automatic restore tests on restoreTestSchedules. Create an AWS Backup '
    + 'restore testing plan per schedule that includes the plan\'s vault, with a selection per resource type '
    + '(PolicyBackupPlan does this).',
  fix: 'Add an AWS Backup restore testing plan per promised schedule that includes the plan\'s vault (PolicyBackupPlan does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const plan = backupModel(context).plans.get(resource);
    if (!plan || !plan.selected) return NOT_APPLICABLE;
    const vaults = [...new Set(plan.rules.filter((r) => !r.continuous).map((r) => r.targetVault))];
    if (plan.unreadable) return unknownValue('the plan\'s BackupPlan', resource.properties.BackupPlan, resource, context);
    const unknownVault = plan.rules.find((r) => !r.continuous && !r.targetVault);
    if (unknownVault) {
      const raw = (resource.properties.BackupPlan?.BackupPlanRule ?? []).find((r: any) => r?.RuleName === unknownVault.name)?.TargetBackupVault;
      return unknownValue(`TargetBackupVault of rule ${unknownVault.name}`, raw, resource, context);
    }
    const tests = testingPlans(context).filter((t) => t.selections > 0);
    const failing = new Set<string | Verdict>();
    for (const frequency of context.policy.restoreTestSchedules) {
      for (const vault of vaults as ResourceView[]) {
        const candidates = tests.filter((t) => t.intervalDays !== undefined && t.intervalDays <= PERIOD_DAYS[frequency]);
        const verdicts = candidates.map((t) => includesVault(t, vault, context));
        if (verdicts.includes(true)) continue;
        const name = frequency.charAt(0).toUpperCase() + frequency.slice(1);
        // A plan whose schedule is known only at deployment may be this frequent, unless it surely omits the vault.
        const unscheduled = tests.find((t) => t.scheduleWhy !== undefined && includesVault(t, vault, context) !== false);
        const unsure = verdicts.find((v): v is string => typeof v === 'string');
        if (unsure) {
          failing.add(unverifiable(`${unsure}; it may or may not test ${vault.logicalId} ${frequency}`));
        } else if (unscheduled) {
          failing.add(unverifiable(`${unscheduled.scheduleWhy}; it may or may not test ${vault.logicalId} ${frequency}`));
        } else {
          failing.add(name);
        }
      }
    }
    return findingsResult(failing);
  },
};
