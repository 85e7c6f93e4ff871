import { blocks, isExpression, minimumDays } from './values';

/** Backup policy resource types and the data class whose retention applies to each. */
export const BACKUP_POLICY_TYPES: { readonly [type: string]: 'database' | 'file' } = {
  azurerm_data_protection_backup_policy_postgresql_flexible_server: 'database',
  azurerm_data_protection_backup_policy_mysql_flexible_server: 'database',
  azurerm_data_protection_backup_policy_blob_storage: 'file',
  azurerm_data_protection_backup_policy_disk: 'file',
};

/** Backup instance types and the argument that names the protected resource. */
export const BACKUP_INSTANCE_TARGETS: { readonly [type: string]: string } = {
  azurerm_data_protection_backup_instance_postgresql_flexible_server: 'server_id',
  azurerm_data_protection_backup_instance_mysql_flexible_server: 'server_id',
  azurerm_data_protection_backup_instance_blob_storage: 'storage_account_id',
  azurerm_data_protection_backup_instance_disk: 'disk_id',
};

/** The repetition period (`P1D`, `P1W`) of each ISO 8601 repeating interval; `undefined` entries are expressions. */
export function repeatPeriods(intervals: unknown): (string | undefined)[] | undefined {
  if (intervals === undefined) return [];
  if (!Array.isArray(intervals)) return undefined;
  return intervals.map((i) => (typeof i === 'string' && !isExpression(i) ? i.split('/').pop() : undefined));
}

/** Whether a retention rule keeps the weekly (first backup of the week or of given weekdays) point. */
export function isWeeklyRule(rule: { [key: string]: any }): boolean {
  return blocks(rule.criteria).some((c) => c.absolute_criteria === 'FirstOfWeek' || (Array.isArray(c.days_of_week) && c.days_of_week.length > 0));
}

/**
 * Every retention duration a policy declares in the vault store (default rule life cycles, extra
 * retention rules, the blob policy's vault default), as written, with its minimum days
 * (`undefined` for an expression or a malformed duration).
 */
export function retentionDurations(config: { [key: string]: any }): { raw: unknown; days: number | undefined }[] {
  const durations: unknown[] = [];
  for (const d of blocks(config.default_retention_rule)) {
    for (const lc of blocks(d.life_cycle)) durations.push(lc.duration);
  }
  for (const r of blocks(config.retention_rule)) {
    for (const lc of blocks(r.life_cycle)) durations.push(lc.duration);
  }
  if (config.default_retention_duration !== undefined) durations.push(config.default_retention_duration);
  if (config.vault_default_retention_duration !== undefined) durations.push(config.vault_default_retention_duration);
  return durations.map((raw) => ({ raw, days: minimumDays(raw) }));
}
