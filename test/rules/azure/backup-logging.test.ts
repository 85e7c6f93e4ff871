import { ALL, COMPLIANT, findingsIn, NON_COMPLIANT, Resources, storage, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
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

// Found by the mutation run: the cases below execute the branches the statuses above leave alone, and
// check each one says why (the finding's detail) where the branch's meaning is in it.
const said = (rule: string, config: { [key: string]: any }, address: string) =>
  findingsIn(rule, config, address).map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}: ${f.detail}`);
const withVars = (resource: Resources, ...names: string[]) => ({ variable: Object.fromEntries(names.map((n) => [n, {}])), resource });

describe('AzureBackupPolicyRetention: disk and MySQL policies, the boundary, and values that are no duration', () => {
  const DISK = 'azurerm_data_protection_backup_policy_disk.p';
  const disk = (duration: unknown): Resources => ({
    azurerm_data_protection_backup_policy_disk: { p: { backup_repeating_time_intervals: ['R/2025-01-01T02:00:00+00:00/PT4H'], default_retention_duration: duration } },
  });
  const MYSQL = 'azurerm_data_protection_backup_policy_mysql_flexible_server.p';
  const mysql = (duration: string): Resources => ({
    azurerm_data_protection_backup_policy_mysql_flexible_server: { p: { default_retention_rule: { life_cycle: [{ data_store_type: 'VaultStore', duration }] } } },
  });
  test('a disk policy keeps files: its default_retention_duration meets the 60 days at 60, not at 59', () => {
    expect(verdicts('AzureBackupPolicyRetention', disk('P7D'), DISK)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', disk('P8W3D'), DISK)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', disk('P60D'), DISK)).toEqual(COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', disk('P1Y'), DISK)).toEqual(COMPLIANT);
  });
  test('a MySQL policy keeps a database: 45 days meet it, 44 do not', () => {
    expect(verdicts('AzureBackupPolicyRetention', mysql('P44D'), MYSQL)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupPolicyRetention', mysql('P45D'), MYSQL)).toEqual(COMPLIANT);
  });
  test('a number or a bare "P" is no ISO 8601 duration: unverifiable, never compliant', () => {
    expect(verdicts('AzureBackupPolicyRetention', disk(60), DISK)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureBackupPolicyRetention', blobPolicy({ vault_default_retention_duration: 'P', retention_rule: undefined }), BLOBP)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureBackupCoverage: what needs no backup instance', () => {
  test('a FileStorage account (no blob backup) and a read replica are not judged; a disk is protected by its instance', () => {
    expect(verdicts('AzureBackupCoverage', { azurerm_storage_account: { f: { account_kind: 'FileStorage' } } }, 'azurerm_storage_account.f')).toEqual([]);
    expect(verdicts('AzureBackupCoverage', { azurerm_storage_account: { f: { account_kind: 'StorageV2' } } }, 'azurerm_storage_account.f')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureBackupCoverage', { azurerm_postgresql_flexible_server: { r: { create_mode: 'Replica' } } }, 'azurerm_postgresql_flexible_server.r')).toEqual([]);
    const disk = { azurerm_managed_disk: { d: {} }, azurerm_data_protection_backup_instance_disk: { i: { disk_id: '${azurerm_managed_disk.d.id}' } } };
    expect(verdicts('AzureBackupCoverage', disk, 'azurerm_managed_disk.d')).toEqual(COMPLIANT);
  });
});

describe('AzureDiagnosticSettings: log blocks, destinations and settings that may not exist', () => {
  const KV = 'azurerm_key_vault.kv';
  const setting = (o: object): Resources => ({
    ...workspace, azurerm_key_vault: { kv: {} },
    azurerm_monitor_diagnostic_setting: { d: { target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}', ...o } },
  });
  test('enabled_log or log from a variable is unverifiable and names it', () => {
    expect(said('AzureDiagnosticSettings', withVars(setting({ enabled_log: '${var.logs}' }), 'logs'), KV)[0]).toMatch(/^non-compliant\[Unverifiable\]: enabled_log = \$\{var\.logs\}/);
    expect(said('AzureDiagnosticSettings', withVars(setting({ log: '${var.logs}' }), 'logs'), KV)[0]).toMatch(/^non-compliant\[Unverifiable\]: log = \$\{var\.logs\}/);
  });
  test('a setting to a storage account, or to a literal ID that is no workspace, sends to no workspace', () => {
    const toStorage = setting({ log_analytics_workspace_id: undefined, storage_account_id: '${azurerm_storage_account.logs.id}', enabled_log: { category_group: 'audit' } });
    expect(said('AzureDiagnosticSettings', { resource: toStorage }, KV))
      .toEqual(['non-compliant: azurerm_monitor_diagnostic_setting.d sends to no Log Analytics workspace of this configuration']);
    const notWorkspace = setting({ log_analytics_workspace_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/x', enabled_log: { category_group: 'audit' } });
    expect(verdicts('AzureDiagnosticSettings', notWorkspace, KV)).toEqual(NON_COMPLIANT);
  });
  test('a setting that may not exist is unverifiable, unless another one surely sends the logs', () => {
    expect(said('AzureDiagnosticSettings', withVars(setting({ count: '${var.n}', enabled_log: { category_group: 'audit' } }), 'n'), KV)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.d may not exist: count = \$\{var\.n\}/);
    const target = { target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}', enabled_log: { category_group: 'audit' } };
    const two = { ...workspace, azurerm_key_vault: { kv: {} }, azurerm_monitor_diagnostic_setting: { d: { ...target, count: '${var.n}' }, e: target } };
    expect(verdictsIn('AzureDiagnosticSettings', withVars(two, 'n'), KV)).toEqual(COMPLIANT);
  });
  test('a setting without logs beside one to an unknown workspace is unverifiable', () => {
    const two = {
      ...workspace, azurerm_key_vault: { kv: {} },
      azurerm_monitor_diagnostic_setting: {
        d: { target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}' },
        e: { target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${var.w}', enabled_log: { category_group: 'audit' } },
      },
    };
    expect(said('AzureDiagnosticSettings', withVars(two, 'w'), KV)[0]).toMatch(/^non-compliant\[Unverifiable\]: log_analytics_workspace_id = \$\{var\.w\}/);
  });
  test('a setting that only names the vault, for another target, is no setting of the vault; NSGs and backup vaults are judged', () => {
    const other = {
      ...workspace, azurerm_key_vault: { kv: {} },
      azurerm_monitor_diagnostic_setting: { d: {
        name: '${azurerm_key_vault.kv.name}-diag', target_resource_id: '${azurerm_storage_account.x.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}',
        enabled_log: { category_group: 'audit' },
      } },
    };
    expect(verdicts('AzureDiagnosticSettings', other, KV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureDiagnosticSettings', { azurerm_network_security_group: { n: {} } }, 'azurerm_network_security_group.n')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureDiagnosticSettings', { azurerm_data_protection_backup_vault: { v: {} } }, 'azurerm_data_protection_backup_vault.v')).toEqual(NON_COMPLIANT);
  });
});

describe('AzureLogAnalyticsRetention: the boundary and values that are no number', () => {
  const W = 'azurerm_log_analytics_workspace.w';
  const days = (d: unknown) => ({ azurerm_log_analytics_workspace: { w: { retention_in_days: d } } });
  test('364 days are one short; "365" written as a string is the policy', () => {
    expect(said('AzureLogAnalyticsRetention', { resource: days(364) }, W)).toEqual(['non-compliant: retention_in_days = 364']);
    expect(said('AzureLogAnalyticsRetention', { resource: days('365') }, W)).toEqual(['compliant: retention_in_days = 365']);
    expect(said('AzureLogAnalyticsRetention', { resource: { azurerm_log_analytics_workspace: { w: {} } } }, W))
      .toEqual(['non-compliant: retention_in_days not set: the service keeps 30 days']);
  });
  test('a value that is no number is unverifiable and named', () => {
    expect(said('AzureLogAnalyticsRetention', { resource: days('a year') }, W)).toEqual(['non-compliant[Unverifiable]: retention_in_days = a year']);
  });
  test('a variable with a default is read, and says where the value comes from', () => {
    expect(said('AzureLogAnalyticsRetention', { variable: { d: { default: 400 } }, resource: days('${var.d}') }, W))
      .toEqual(['compliant: retention_in_days = 400 (from the default of var.d)']);
  });
});

describe('AzureAnomalyAlerts: scopes, criteria and alerts that may not exist', () => {
  const SA = 'azurerm_storage_account.sa';
  const alerts = (byName: { [name: string]: object }): Resources => ({
    ...storage(),
    azurerm_monitor_metric_alert: Object.fromEntries(Object.entries(byName).map(([k, o]) => [k, {
      scopes: ['${azurerm_storage_account.sa.id}'], dynamic_criteria: { metric_name: 'Transactions' }, action: [{ action_group_id: '${azurerm_monitor_action_group.g.id}' }], ...o,
    }])),
  });
  test('scopes or dynamic criteria from a variable are unverifiable and named', () => {
    expect(said('AzureAnomalyAlerts', withVars(alerts({ m: { scopes: '${var.scopes}', description: '${azurerm_storage_account.sa.name}' } }), 'scopes'), SA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: scopes = \$\{var\.scopes\}/);
    expect(said('AzureAnomalyAlerts', withVars(alerts({ m: { dynamic_criteria: '${var.dc}' } }), 'dc'), SA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: dynamic_criteria = \$\{var\.dc\}/);
  });
  test('an alert on another resource, or paging nobody, does not watch the account', () => {
    const other = { ...alerts({ m: { scopes: ['${azurerm_storage_account.other.id}'], description: '${azurerm_storage_account.sa.name}' } }), azurerm_storage_account: { sa: {}, other: {} } };
    expect(verdicts('AzureAnomalyAlerts', other, SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAnomalyAlerts', alerts({ m: { action: [] } }), SA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAnomalyAlerts', alerts({ m: { action: [{ action_groups: ['${azurerm_monitor_action_group.g.id}'] }] } }), SA)).toEqual(COMPLIANT);
  });
  test('an alert that may not exist is unverifiable; a disabled alert beside an unknown one is unverifiable too', () => {
    expect(said('AzureAnomalyAlerts', withVars(alerts({ m: { count: '${var.n}' } }), 'n'), SA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_metric_alert\.m may not exist: count = \$\{var\.n\}/);
    expect(said('AzureAnomalyAlerts', withVars(alerts({ a: { enabled: false }, b: { enabled: '${var.on}' } }), 'on'), SA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: enabled = \$\{var\.on\}/);
    expect(said('AzureAnomalyAlerts', { resource: alerts({ a: { enabled: false } }) }, SA)).toEqual(['non-compliant: azurerm_monitor_metric_alert.a is disabled (enabled = false)']);
  });
  test('a PostgreSQL server is watched the same way', () => {
    const pg = {
      azurerm_postgresql_flexible_server: { db: {} },
      azurerm_monitor_metric_alert: { a: { scopes: ['${azurerm_postgresql_flexible_server.db.id}'], dynamic_criteria: {}, action: { action_group_id: 'g' } } },
    };
    expect(verdicts('AzureAnomalyAlerts', pg, 'azurerm_postgresql_flexible_server.db')).toEqual(COMPLIANT);
  });
});

describe('AzureBackupFailureAlerts: the job records the vault sends, and which alerts count', () => {
  const RULE = 'AzureBackupFailureAlerts';
  const D = 'azurerm_monitor_diagnostic_setting.d';
  const A = 'azurerm_monitor_scheduled_query_rules_alert_v2.a';
  const W = 'azurerm_log_analytics_workspace.w';
  const OK = `compliant: ${A} alerts on failed AddonAzureBackupJobs that ${D} sends to ${W}`;
  const setup = (setting: object = {}, alert: object = {}): Resources =>
    vault({}, { ...workspace, ...diagnostics('${azurerm_data_protection_backup_vault.bv.id}', setting), ...jobAlert(alert) });
  const run = (resources: Resources, ...vars: string[]) => said(RULE, withVars(resources, ...vars), BV);

  test('a setting sending only metrics, or logs without AddonAzureBackupJobs, sends no job record: non-compliant, naming the category', () => {
    expect(run(setup({ enabled_log: undefined, metric: [{ category: 'AllMetrics' }] })))
      .toEqual([`non-compliant: ${D} does not send the AddonAzureBackupJobs log category (it sends no log category)`]);
    expect(run(setup({ enabled_log: [{ category: 'CoreAzureBackup' }, { category: 'AddonAzureBackupPolicy' }] })))
      .toEqual([`non-compliant: ${D} does not send the AddonAzureBackupJobs log category (it sends CoreAzureBackup, AddonAzureBackupPolicy)`]);
  });
  test('the jobs category by name (in any case) or the allLogs group is compliant', () => {
    expect(run(setup({ enabled_log: [{ category: 'CoreAzureBackup' }, { category: 'AddonAzureBackupJobs' }] }))).toEqual([OK]);
    expect(run(setup({ enabled_log: { category: 'addonazurebackupjobs' } }))).toEqual([OK]);
    expect(run(setup())).toEqual([OK]);
  });
  test('a v3 log block sends unless enabled = false', () => {
    expect(run(setup({ enabled_log: undefined, log: [{ category: 'AddonAzureBackupJobs' }] }))).toEqual([OK]);
    expect(run(setup({ enabled_log: undefined, log: [{ category: 'AddonAzureBackupJobs', enabled: 'true' }] }))).toEqual([OK]);
    expect(run(setup({ enabled_log: undefined, log: [{ category: 'AddonAzureBackupJobs', enabled: false }, { category: 'CoreAzureBackup', enabled: true }] })))
      .toEqual([`non-compliant: ${D} does not send the AddonAzureBackupJobs log category (it sends CoreAzureBackup; log AddonAzureBackupJobs has enabled = false)`]);
  });
  test('a category, a log block or its enabled flag only apply knows is unverifiable and named', () => {
    expect(run(setup({ enabled_log: [{ category: '${var.category}' }] }), 'category'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.d: enabled_log\.category = \$\{var\.category\}/)]);
    expect(run(setup({ enabled_log: undefined, log: [{ category: 'AddonAzureBackupJobs', enabled: '${var.on}' }] }), 'on'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.d: log\.enabled = \$\{var\.on\}/)]);
    const dynamic = setup({ enabled_log: undefined, dynamic: { enabled_log: [{ for_each: '${var.categories}', content: [{ category: '${enabled_log.value}' }] }] } });
    expect(run(dynamic, 'categories'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.d: enabled_log = .*dynamic "enabled_log" for_each = \$\{var\.categories\} cannot be evaluated/)]);
    // An unknown flag on a block that cannot hold the jobs changes nothing.
    expect(run(setup({ enabled_log: undefined, log: [{ category: 'CoreAzureBackup', enabled: '${var.on}' }, { category: 'AddonAzureBackupJobs', enabled: false }] }), 'on'))
      .toEqual([`non-compliant: ${D} does not send the AddonAzureBackupJobs log category (it sends no log category; log AddonAzureBackupJobs has enabled = false)`]);
    // A block that surely sends the jobs outweighs one that is unknown.
    expect(run(setup({ enabled_log: [{ category: '${var.category}' }, { category: 'AddonAzureBackupJobs' }] }), 'category')).toEqual([OK]);
    // A dynamic block over a known list is read.
    const known = setup({ enabled_log: undefined, dynamic: { enabled_log: [{ for_each: ['CoreAzureBackup', 'AddonAzureBackupJobs'], content: [{ category: '${enabled_log.value}' }] }] } });
    expect(run(known)).toEqual([OK]);
  });
  test('the audit category group alone is no evidence: Azure decides what it holds', () => {
    expect(run(setup({ enabled_log: [{ category_group: 'audit' }] })))
      .toEqual([`non-compliant[Unverifiable]: ${D} sends the audit category group, which Azure fills: whether it holds AddonAzureBackupJobs is not in the configuration`]);
  });
  test('a disabled alert does not count; an enabled flag only apply knows is unverifiable', () => {
    expect(run(setup({}, { enabled: false }))).toEqual([`non-compliant: ${A} is disabled (enabled = false)`]);
    expect(run(setup({}, { enabled: 'false' }))).toEqual([`non-compliant: ${A} is disabled (enabled = false)`]);
    expect(run(setup({}, { enabled: true }))).toEqual([OK]);
    expect(run(setup({}, { enabled: '${var.on}' }), 'on'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_scheduled_query_rules_alert_v2\.a: enabled = \$\{var\.on\}/)]);
  });
  test('a query on the jobs table must look for failures; a query only apply knows is unverifiable', () => {
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus == "Completed"' }] })))
      .toEqual([`non-compliant: ${A}: criteria.query reads AddonAzureBackupJobs but filters on no failed status`]);
    expect(run(setup({}, { criteria: [{ query: 'Heartbeat | where TimeGenerated > ago(5m)' }] })))
      .toEqual([`non-compliant: no scheduled query alert scoped to ${W} reads AddonAzureBackupJobs`]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus != "Completed" and JobOperation == "Backup"' }] }))).toEqual([OK]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobFailureCode != "Success"' }] }))).toEqual([OK]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus in ("Failed", "CompletedWithWarnings")' }] }))).toEqual([OK]);
    // Successes are not failures, however the query spells "fail"; dropping Failed keeps none.
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobFailureCode == "Success"' }] })))
      .toEqual([`non-compliant[Unverifiable]: ${A}: criteria.query mentions failures in a form this rule does not read: "AddonAzureBackupJobs | where JobFailureCode == \\"Success\\""`]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus !in ("Completed", "Failed")' }] })))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: .*mentions failures in a form this rule does not read/)]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobStatus != "InProgress" | where JobStatus != "Completed"' }] }))).toEqual([OK]);
    expect(run(setup({}, { criteria: [{ query: 'AddonAzureBackupJobs | where JobOperation == "Backup"' }] })))
      .toEqual([`non-compliant: ${A}: criteria.query reads AddonAzureBackupJobs but filters on no failed status`]);
    expect(run(setup({}, { criteria: [{ query: '${var.query}' }] }), 'query'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_scheduled_query_rules_alert_v2\.a: criteria\.query = \$\{var\.query\}/)]);
    expect(run(setup({}, { criteria: '${var.criteria}' }), 'criteria'))
      .toEqual([expect.stringMatching(/^non-compliant\[Unverifiable\]: azurerm_monitor_scheduled_query_rules_alert_v2\.a: criteria = \$\{var\.criteria\}/)]);
  });
  test('a known failure outweighs an unknown: no job records, or a disabled alert, stay non-compliant', () => {
    expect(run(setup({ enabled_log: [{ category: '${var.category}' }] }, { enabled: false }), 'category'))
      .toEqual([`non-compliant: ${A} is disabled (enabled = false)`]);
    expect(run(setup({ enabled_log: [{ category: 'CoreAzureBackup' }], log_analytics_workspace_id: '${var.workspace}' }), 'workspace'))
      .toEqual([`non-compliant: ${D} does not send the AddonAzureBackupJobs log category (it sends CoreAzureBackup)`]);
  });
  test('no setting, or one to no workspace, is non-compliant and says so', () => {
    expect(run(vault({}, { ...workspace, ...jobAlert() }))).toEqual(['non-compliant: no azurerm_monitor_diagnostic_setting sends the vault\'s logs to a Log Analytics workspace']);
    expect(run(setup({ log_analytics_workspace_id: undefined, storage_account_id: '${azurerm_storage_account.logs.id}' })))
      .toEqual([`non-compliant: ${D} sends to no Log Analytics workspace of this configuration`]);
  });
});
