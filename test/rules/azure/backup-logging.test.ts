import { ALL, COMPLIANT, NON_COMPLIANT, Resources, storage, UNVERIFIABLE, verdicts } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const BV = 'azurerm_data_protection_backup_vault.bv';
const PGP = 'azurerm_data_protection_backup_policy_postgresql_flexible_server.p';
const BLOBP = 'azurerm_data_protection_backup_policy_blob_storage.p';

const pgPolicy = (o: object = {}): Resources => ({
  azurerm_data_protection_backup_policy_postgresql_flexible_server: {
    p: {
      backup_repeating_time_intervals: ['R/2025-01-01T02:00:00+00:00/P1D'],
      default_retention_rule: { life_cycle: [{ data_store_type: 'VaultStore', duration: 'P45D' }] },
      retention_rule: [{ name: 'weekly', priority: 20, criteria: { absolute_criteria: 'FirstOfWeek' }, life_cycle: [{ duration: 'P7W' }] }],
      ...o,
    },
  },
});
const blobPolicy = (o: object = {}): Resources => ({
  azurerm_data_protection_backup_policy_blob_storage: {
    p: {
      backup_repeating_time_intervals: ['R/2025-01-01T02:00:00+00:00/P1D'],
      vault_default_retention_duration: 'P60D',
      retention_rule: [{ name: 'weekly', priority: 20, criteria: { days_of_week: ['Sunday'] }, life_cycle: { duration: 'P60D' } }],
      ...o,
    },
  },
});

describe('AzureBackupPolicySchedule', () => {
  test('weekly-only backups, or daily without a weekly rule, are non-compliant', () => {
    expect(verdicts('AzureBackupPolicySchedule', pgPolicy({ backup_repeating_time_intervals: ['R/2025-01-01T02:00:00+00:00/P1W'] }), PGP)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicySchedule', pgPolicy({ retention_rule: undefined }), PGP)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicySchedule', blobPolicy({ backup_repeating_time_intervals: undefined }), BLOBP)).toEqual(NON_COMPLIANT);
  });
  test('daily with a weekly rule is compliant', () => {
    expect(verdicts('AzureBackupPolicySchedule', pgPolicy(), PGP)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupPolicySchedule', blobPolicy(), BLOBP)).toEqual(COMPLIANT);
  });
  test('an interval from a variable is unverifiable', () => {
    expect(verdicts('AzureBackupPolicySchedule', pgPolicy({ backup_repeating_time_intervals: ['${var.schedule}'] }), PGP)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureBackupPolicySchedule', pgPolicy({ backup_repeating_time_intervals: '${var.schedules}' }), PGP)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureBackupPolicyRetention', () => {
  test('a database retention under 45 days, or a file retention under 60, is non-compliant', () => {
    expect(verdicts('AzureBackupPolicyRetention', pgPolicy({ default_retention_rule: { life_cycle: [{ duration: 'P30D' }] } }), PGP)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy({ vault_default_retention_duration: 'P45D' }), BLOBP)).toEqual(NON_COMPLIANT);
    // 2 months may be 56 days: under 60.
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy({ vault_default_retention_duration: 'P2M' }), BLOBP)).toEqual(NON_COMPLIANT);
  });
  test('retentions at or above the policy are compliant; the minimum comes from the policy', () => {
    expect(verdicts('AzureBackupPolicyRetention', pgPolicy(), PGP)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy(), BLOBP)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy(), BLOBP, new DataProtectionPolicy({ fileBackupRetentionDays: 90 }))).toEqual(NON_COMPLIANT);
  });
  test('a duration from a variable is unverifiable', () => {
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy({ vault_default_retention_duration: '${var.keep}' }), BLOBP)).toEqual(UNVERIFIABLE);
  });
  test('a policy that keeps nothing in the vault is non-compliant; a known short retention outweighs an unknown one', () => {
    // Found by the mutation run.
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy({ vault_default_retention_duration: undefined, retention_rule: undefined }), BLOBP)).toEqual(NON_COMPLIANT);
    const mixed = { vault_default_retention_duration: '${var.keep}', retention_rule: [{ name: 'weekly', priority: 20, criteria: { days_of_week: ['Sunday'] }, life_cycle: { duration: 'P7D' } }] };
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy(mixed), BLOBP)).toEqual(NON_COMPLIANT);
  });
});

const vault = (o: object = {}, extra: Resources = {}): Resources => ({
  azurerm_data_protection_backup_vault: {
    bv: { redundancy: 'GeoRedundant', cross_region_restore_enabled: true, immutability: 'Locked', soft_delete: 'AlwaysOn', ...o },
  },
  ...extra,
});

describe('AzureBackupVaultGeoRedundant', () => {
  test('locally redundant, or geo without cross-region restore, is non-compliant', () => {
    expect(verdicts('AzureBackupVaultGeoRedundant', vault({ redundancy: 'LocallyRedundant' }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultGeoRedundant', vault({ cross_region_restore_enabled: undefined }), BV)).toEqual(NON_COMPLIANT);
  });
  test('GeoRedundant with cross-region restore is compliant', () => {
    expect(verdicts('AzureBackupVaultGeoRedundant', vault(), BV)).toEqual(COMPLIANT);
  });
  test('a variable is unverifiable', () => {
    expect(verdicts('AzureBackupVaultGeoRedundant', vault({ redundancy: '${var.r}' }), BV)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureBackupVaultImmutable', () => {
  test('absent (Disabled), Unlocked, or soft delete Off is non-compliant', () => {
    expect(verdicts('AzureBackupVaultImmutable', vault({ immutability: undefined }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultImmutable', vault({ immutability: 'Unlocked' }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupVaultImmutable', vault({ soft_delete: 'Off' }), BV)).toEqual(NON_COMPLIANT);
  });
  test('Locked with soft delete is compliant', () => {
    expect(verdicts('AzureBackupVaultImmutable', vault(), BV)).toEqual(COMPLIANT);
  });
  test('a variable is unverifiable', () => {
    expect(verdicts('AzureBackupVaultImmutable', vault({ immutability: '${var.i}' }), BV)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureBackupCoverage', () => {
  const instance = (argument: string) => ({
    azurerm_data_protection_backup_instance_blob_storage: { i: { [argument]: '${azurerm_storage_account.sa.id}' } },
  });
  test('an account without a backup instance is non-compliant', () => {
    expect(verdicts('AzureBackupCoverage', storage(), 'azurerm_storage_account.sa')).toEqual(NON_COMPLIANT);
    // Referencing the account elsewhere (not as storage_account_id) does not protect it.
    expect(verdicts('AzureBackupCoverage', { ...storage(), ...instance('name') }, 'azurerm_storage_account.sa')).toEqual(NON_COMPLIANT);
  });
  test('a backup instance bound to the account is compliant', () => {
    expect(verdicts('AzureBackupCoverage', { ...storage(), ...instance('storage_account_id') }, 'azurerm_storage_account.sa')).toEqual(COMPLIANT);
  });
  test('an instance pointing at a variable does not crash and does not count', () => {
    const viaVariable = { ...storage(), azurerm_data_protection_backup_instance_blob_storage: { i: { storage_account_id: '${var.account}' } } };
    expect(verdicts('AzureBackupCoverage', viaVariable, 'azurerm_storage_account.sa')).toEqual(NON_COMPLIANT);
  });
});

const workspace = { azurerm_log_analytics_workspace: { w: { retention_in_days: 365 } } };
const diagnostics = (target: string, o: object = {}) => ({
  azurerm_monitor_diagnostic_setting: {
    d: { target_resource_id: target, log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}', enabled_log: [{ category_group: 'allLogs' }], ...o },
  },
});
const jobAlert = (o: object = {}) => ({
  azurerm_monitor_scheduled_query_rules_alert_v2: {
    a: {
      scopes: ['${azurerm_log_analytics_workspace.w.id}'],
      criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus == "Failed"' }],
      action: { action_groups: ['${azurerm_monitor_action_group.g.id}'] },
      ...o,
    },
  },
});

describe('AzureBackupFailureAlerts', () => {
  test('no diagnostics, or an alert without an action group, is non-compliant', () => {
    expect(verdicts('AzureBackupFailureAlerts', vault({}, { ...workspace, ...jobAlert() }), BV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupFailureAlerts', vault({}, { ...workspace, ...diagnostics('${azurerm_data_protection_backup_vault.bv.id}'), ...jobAlert({ action: undefined }) }), BV))
      .toEqual(NON_COMPLIANT);
  });
  test('vault logs in a workspace with a job-failure alert paging a group is compliant', () => {
    expect(verdicts('AzureBackupFailureAlerts', vault({}, { ...workspace, ...diagnostics('${azurerm_data_protection_backup_vault.bv.id}'), ...jobAlert() }), BV))
      .toEqual(COMPLIANT);
  });
  test('logs sent to a workspace from a variable are unverifiable', () => {
    const toVariable = diagnostics('${azurerm_data_protection_backup_vault.bv.id}', { log_analytics_workspace_id: '${var.workspace}' });
    expect(verdicts('AzureBackupFailureAlerts', vault({}, toVariable), BV)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureDiagnosticSettings', () => {
  const SA = 'azurerm_storage_account.sa';
  test('no setting, or one without logs, is non-compliant', () => {
    expect(verdicts('AzureDiagnosticSettings', { ...storage(), ...workspace }, SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureDiagnosticSettings', { ...storage(), ...workspace, ...diagnostics('${azurerm_storage_account.sa.id}', { enabled_log: undefined }) }, SA))
      .toEqual(NON_COMPLIANT);
  });
  test('a setting on the account or on its blob service is compliant', () => {
    expect(verdicts('AzureDiagnosticSettings', { ...storage(), ...workspace, ...diagnostics('${azurerm_storage_account.sa.id}/blobServices/default') }, SA))
      .toEqual(COMPLIANT);
  });
  test('a workspace from a variable is unverifiable', () => {
    expect(verdicts('AzureDiagnosticSettings', { ...storage(), ...diagnostics('${azurerm_storage_account.sa.id}', { log_analytics_workspace_id: '${var.w}' }) }, SA))
      .toEqual(UNVERIFIABLE);
  });
});

describe('AzureLogAnalyticsRetention', () => {
  const W = 'azurerm_log_analytics_workspace.w';
  test('the 30-day default is non-compliant', () => {
    expect(verdicts('AzureLogAnalyticsRetention', { azurerm_log_analytics_workspace: { w: {} } }, W)).toEqual(NON_COMPLIANT);
  });
  test('the policy retention is compliant', () => {
    expect(verdicts('AzureLogAnalyticsRetention', workspace, W)).toEqual(COMPLIANT);
    expect(ALL.logRetentionDays).toBe(365);
  });
  test('a variable is unverifiable', () => {
    expect(verdicts('AzureLogAnalyticsRetention', { azurerm_log_analytics_workspace: { w: { retention_in_days: '${var.days}' } } }, W)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureAlertActionGroup and AzureAnomalyAlerts', () => {
  const alert = (o: object = {}) => ({
    azurerm_monitor_metric_alert: {
      m: { scopes: ['${azurerm_storage_account.sa.id}'], dynamic_criteria: { metric_name: 'Transactions' }, action: [{ action_group_id: '${azurerm_monitor_action_group.g.id}' }], ...o },
    },
  });
  const M = 'azurerm_monitor_metric_alert.m';
  test('an alert paging nobody, or disabled, is non-compliant; a static threshold is not an anomaly alert', () => {
    expect(verdicts('AzureAlertActionGroup', alert({ action: undefined }), M)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAlertActionGroup', alert({ enabled: false }), M)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAnomalyAlerts', { ...storage(), ...alert({ dynamic_criteria: undefined, criteria: [{}] }) }, 'azurerm_storage_account.sa')).toEqual(NON_COMPLIANT);
  });
  test('a dynamic alert paging a group is compliant for the alert and the account', () => {
    expect(verdicts('AzureAlertActionGroup', alert(), M)).toEqual(COMPLIANT);
    expect(verdicts('AzureAnomalyAlerts', { ...storage(), ...alert() }, 'azurerm_storage_account.sa')).toEqual(COMPLIANT);
  });
  test('an enabled flag from a variable is unverifiable', () => {
    expect(verdicts('AzureAlertActionGroup', alert({ enabled: '${var.on}' }), M)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureWorkloadRegions', () => {
  const two = (l2: string): Resources => ({ ...storage({ location: 'westeurope' }), azurerm_postgresql_flexible_server: { pg: { location: l2 } } });
  const twoRegions = new DataProtectionPolicy({ regionCount: 2 });
  test('one region under a two-region policy is non-compliant', () => {
    expect(verdicts('AzureWorkloadRegions', two('West Europe'), 'azurerm_storage_account.sa', twoRegions)).toEqual(NON_COMPLIANT);
  });
  test('two regions are compliant; backup vaults elsewhere do not count as workload', () => {
    expect(verdicts('AzureWorkloadRegions', two('northeurope'), 'azurerm_storage_account.sa', twoRegions)).toEqual(COMPLIANT);
    const vaultElsewhere = { ...two('westeurope'), azurerm_data_protection_backup_vault: { bv: { location: 'northeurope' } } };
    expect(verdicts('AzureWorkloadRegions', vaultElsewhere, 'azurerm_storage_account.sa', twoRegions)).toEqual(NON_COMPLIANT);
  });
  test('a location from a variable is unverifiable', () => {
    expect(verdicts('AzureWorkloadRegions', storage({ location: '${var.location}' }), 'azurerm_storage_account.sa', twoRegions)).toEqual(UNVERIFIABLE);
  });
});
