import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { BACKUP_POLICY_TYPES, retentionDays } from '../private/backup-policy';
import { UNVERIFIABLE } from '../private/values';

/**
 * DP.BAK.2: every retention a backup policy declares in the vault keeps recovery points at least
 * as long as the policy promises for the data class (databases or files).
 */
export const AzureBackupPolicyRetention: AzureResourceRule = {
  name: 'AzureBackupPolicyRetention',
  controlId: 'DP.BAK.2',
  resourceTypes: Object.keys(BACKUP_POLICY_TYPES),
  covers: 'every vault life cycle; months count 28 days',
  level: Severity.ERROR,
  info: "A retention of the backup policy is shorter than the policy's retention for its data class, or it keeps nothing in the vault.",
  explanation: 'DP.BAK.2 promises databaseBackupRetentionDays for databases and fileBackupRetentionDays for files. '
    + 'Every life_cycle duration (and a blob policy\'s vault_default_retention_duration) must be at least that many '
    + 'days; months count as 28 days so a retention is never over-estimated.',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const minimum = BACKUP_POLICY_TYPES[resource.type] === 'database'
      ? context.policy.databaseBackupRetentionDays
      : context.policy.fileBackupRetentionDays;
    const days = retentionDays(resource.config);
    if (days.length === 0) return NON_COMPLIANT;
    if (days.some((d) => d !== undefined && d < minimum)) return NON_COMPLIANT;
    if (days.includes(undefined)) return [UNVERIFIABLE];
    return COMPLIANT;
  },
};
