import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { findingsResult, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { RestoreTestFrequency } from '../../../core/policy/policy';
import { backupModel } from '../private/backup-model';
import { maxIntervalDays } from '../private/schedule';
import { isIntrinsic, unknownValue } from '../private/values';

/** The longest gap, in days, each promised frequency allows (a quarter: three 31-day months). */
const PERIOD_DAYS: { [f: string]: number } = {
  [RestoreTestFrequency.DAILY]: 1, [RestoreTestFrequency.WEEKLY]: 7, [RestoreTestFrequency.QUARTERLY]: 93,
};

interface TestingPlan { readonly view: ResourceView; readonly intervalDays?: number; readonly vaults: unknown[]; readonly selections: number }

function testingPlans(context: RuleContext): TestingPlan[] {
  return context.lookup.memo('restore-testing-plans', () => {
    const selections = context.lookup.resourcesOfType('AWS::Backup::RestoreTestingSelection');
    return context.lookup.resourcesOfType('AWS::Backup::RestoreTestingPlan').map((view) => {
      const name = view.properties.RestoreTestingPlanName;
      const count = selections.filter((s) => s.properties.RestoreTestingPlanName === name
        || referencedResource(s.properties.RestoreTestingPlanName, s.stackPath, context.lookup) === view).length;
      const vaults = view.properties.RecoveryPointSelection?.IncludeVaults;
      return {
        view, intervalDays: maxIntervalDays(view.properties.ScheduleExpression),
        vaults: Array.isArray(vaults) ? vaults : [], selections: count,
      };
    });
  });
}

function includesVault(plan: TestingPlan, vault: ResourceView, context: RuleContext): boolean | undefined {
  let unknown = false;
  for (const v of plan.vaults) {
    if (v === '*') return true;
    if (isIntrinsic(v) && referencedResource(v, plan.view.stackPath, context.lookup) === vault) return true;
    if (typeof v === 'string' && typeof vault.properties.BackupVaultName === 'string' && v.endsWith(`:backup-vault:${vault.properties.BackupVaultName}`)) return true;
    if (typeof v !== 'string' && !referencedResource(v, plan.view.stackPath, context.lookup)) unknown = true;
  }
  return unknown ? undefined : false;
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
        failing.add(verdicts.includes(undefined)
          ? unverifiable(`a restore testing plan names vaults known only at deployment; it may or may not test ${vault.logicalId} ${frequency}`)
          : name);
      }
    }
    return findingsResult(failing);
  },
};
