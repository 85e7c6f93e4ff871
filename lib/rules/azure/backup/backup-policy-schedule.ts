import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { BACKUP_POLICY_TYPES, isWeeklyRule, repeatPeriods } from '../private/backup-policy';
import { blocks, UNVERIFIABLE } from '../private/values';

/**
 * DP.BAK.1: a backup policy backs up to the vault every day and keeps a weekly point under its
 * own retention rule. Azure's vaulted PostgreSQL and blob backups are snapshots of the whole
 * source; see PolicyBackupVault for how that maps to "daily incremental, weekly full".
 */
export const AzureBackupPolicySchedule: AzureResourceRule = {
  name: 'AzureBackupPolicySchedule',
  controlId: 'DP.BAK.1',
  resourceTypes: Object.keys(BACKUP_POLICY_TYPES),
  covers: 'a `/P1D` interval and a weekly retention rule',
  level: Severity.ERROR,
  info: 'The backup policy does not back up daily to the vault, or keeps no weekly backup.',
  explanation: 'DP.BAK.1 promises daily and weekly backups. Give the policy a backup_repeating_time_intervals entry '
    + 'ending in /P1D and a retention_rule whose criteria select the first backup of the week (absolute_criteria '
    + '"FirstOfWeek") or given days_of_week. PolicyBackupVault builds such policies.',
  evaluate(resource: TerraformResourceView): RuleResult {
    const periods = repeatPeriods(resource.config.backup_repeating_time_intervals);
    if (periods === undefined || periods.includes(undefined)) return [UNVERIFIABLE];
    const daily = periods.includes('P1D');
    const weekly = blocks(resource.config.retention_rule).some(isWeeklyRule);
    return daily && weekly ? COMPLIANT : NON_COMPLIANT;
  },
};
