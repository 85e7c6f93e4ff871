import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, TerraformResourceView } from '../../../terraform/model';
import { BACKUP_POLICY_TYPES, isWeeklyRule, repeatPeriods } from '../private/backup-policy';
import { blocks, unknownDetail } from '../private/values';

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
    const intervals = resource.config.backup_repeating_time_intervals;
    const periods = repeatPeriods(intervals);
    if (periods === undefined || periods.includes(undefined)) return unverifiable(unknownDetail(resource, 'backup_repeating_time_intervals', intervals));
    const daily = periods.includes('P1D');
    const weekly = blocks(resource.config.retention_rule).some(isWeeklyRule);
    if (daily && weekly) return compliant('backs up every day (P1D) and keeps a weekly point under its own retention rule');
    return nonCompliant([
      ...(daily ? [] : [`no /P1D backup interval (${periods.length > 0 ? periods.join(', ') : 'none'}): backups are not daily`]),
      ...(weekly ? [] : ['no retention_rule keeps a weekly point (FirstOfWeek or days_of_week)']),
    ].join('; '));
  },
};
