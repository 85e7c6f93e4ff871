import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { BACKUP_POLICY_TYPES, retentionDurations } from '../private/backup-policy';
import { unknownDetail } from '../private/values';

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
    const durations = retentionDurations(resource.config);
    const said = (raw: unknown) => (typeof raw === 'string' ? raw : JSON.stringify(raw));
    if (durations.length === 0) return nonCompliant('no retention duration: the policy keeps no recovery point in the vault');
    const short = durations.filter((d) => d.days !== undefined && d.days < minimum);
    if (short.length > 0) return nonCompliant(`retention ${short.map((d) => said(d.raw)).join(', ')} keeps less than the policy's ${minimum} days`);
    const unknown = durations.find((d) => d.days === undefined);
    if (unknown) {
      return unverifiable(typeof unknown.raw === 'string' && unknown.raw.includes('${')
        ? unknownDetail(resource, 'a retention duration', unknown.raw)
        : `a retention duration is ${said(unknown.raw)}, not an ISO 8601 duration in days, weeks, months or years`);
    }
    return compliant(`every retention (${durations.map((d) => said(d.raw)).join(', ')}) keeps at least ${minimum} days`);
  },
};
