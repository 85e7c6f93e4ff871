import { DataProtectionBackupPolicyBlobStorage } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-blob-storage';
import { DataProtectionBackupPolicyPostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/data-protection-backup-policy-postgresql-flexible-server';
import { DataProtectionBackupVault } from '@cdktf/provider-azurerm/lib/data-protection-backup-vault';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorActionGroup } from '@cdktf/provider-azurerm/lib/monitor-action-group';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { MonitorMetricAlert } from '@cdktf/provider-azurerm/lib/monitor-metric-alert';
import { MonitorScheduledQueryRulesAlertV2 } from '@cdktf/provider-azurerm/lib/monitor-scheduled-query-rules-alert-v2';
import { PostgresqlFlexibleServer } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageManagementPolicy } from '@cdktf/provider-azurerm/lib/storage-management-policy';
import { App, Testing } from 'cdktf';
import { basics, NORTH, only, POLICY, synthJson, WEST } from './fixtures';
import {
  AzureStack, BackupKeyVault, BackupVaultImmutability, CentralLogAnalytics, GeoRedundantStorage, PolicyBackupVault, ProtectedPostgres,
} from '../../lib/azure';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';

describe('BackupKeyVault and BackupKey', () => {
  test('premium, purge-protected, 90-day soft delete, RBAC, deny by default, kept on destroy', () => {
    const { text } = synthJson((s) => basics(s));
    expect(text).toHaveResourceWithProperties(KeyVault, {
      sku_name: 'premium', purge_protection_enabled: true, soft_delete_retention_days: 90, rbac_authorization_enabled: true,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [] },
      lifecycle: { prevent_destroy: true },
    });
  });
  test('the key is RSA-HSM of backupKeyBits and rotates yearly', () => {
    const { text } = synthJson((s) => basics(s));
    expect(text).toHaveResourceWithProperties(KeyVaultKey, {
      key_type: 'RSA-HSM', key_size: 4096, rotation_policy: { automatic: { time_after_creation: 'P1Y' }, expire_after: 'P2Y', notify_before_expiry: 'P30D' },
      lifecycle: { prevent_destroy: true },
    });
    const { json } = synthJson((s) => new BackupKeyVault(s, 'K', { policy: new DataProtectionPolicy({ backupKeyBits: 3072 }), placement: WEST }).addKey('k'));
    expect(only(json, 'azurerm_key_vault_key').key_size).toBe(3072);
  });
  test('bad props name the construct, the prop, the value and what is allowed', () => {
    expect(() => synthJson((s) => new BackupKeyVault(s, 'K', { policy: POLICY, placement: WEST, softDeleteRetentionDays: 3, name: '1bad' })))
      .toThrow(/BackupKeyVault .*\/K: invalid props:\n {2}- softDeleteRetentionDays: 3 \(allowed: a whole number from 7 to 90\)\n {2}- name: "1bad"/);
    expect(() => synthJson((s) => new BackupKeyVault(s, 'K', { policy: POLICY, placement: { ...WEST, location: 'eastus' } })))
      .toThrow(/placement.location: "eastus" \(allowed: one of westeurope, northeurope/);
  });
});

describe('GeoRedundantStorage', () => {
  test('every storage promise is a default', () => {
    const { text } = synthJson((s) => new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key: basics(s).key }));
    expect(text).toHaveResourceWithProperties(StorageAccount, {
      account_replication_type: 'RAGZRS', min_tls_version: 'TLS1_2', https_traffic_only_enabled: true,
      infrastructure_encryption_enabled: true, allow_nested_items_to_be_public: false, shared_access_key_enabled: false,
      blob_properties: {
        versioning_enabled: true, change_feed_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 },
      },
      lifecycle: { prevent_destroy: true },
    });
    expect(text).toHaveResourceWithProperties(StorageManagementPolicy, {
      rule: [expect.objectContaining({
        actions: expect.objectContaining({ base_blob: { delete_after_days_since_modification_greater_than: 730 } }),
      })],
    });
  });
  test('the customer-managed key is the given key, read by the account\'s own identity', () => {
    const { json } = synthJson((s) => new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key: basics(s).key }));
    const account = only(json, 'azurerm_storage_account');
    expect(account.customer_managed_key.key_vault_key_id).toMatch(/^\$\{azurerm_key_vault_key\.\w+\.versionless_id\}$/);
    const grant = Object.values(json.resource.azurerm_role_assignment).find((r: any) => r.principal_id.includes('azurerm_user_assigned_identity')) as any;
    expect(grant.role_definition_name).toBe('Key Vault Crypto Service Encryption User');
  });
  test('TLS follows the policy; no end of life means no lifecycle rule', () => {
    const policy = new DataProtectionPolicy({ minTlsVersion: '1.3' });
    const { json } = synthJson((s) => new GeoRedundantStorage(s, 'Files', { policy, placement: WEST, key: basics(s, policy).key }));
    expect(only(json, 'azurerm_storage_account').min_tls_version).toBe('TLS1_3');
    expect(json.resource.azurerm_storage_management_policy).toBeUndefined();
  });
  test('a non-geo replication, a key in another region and a bad name are refused together', () => {
    expect(() => synthJson((s) => {
      const key = new BackupKeyVault(s, 'K', { policy: POLICY, placement: NORTH }).addKey('k');
      new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key, replication: 'LRS', name: 'Bad_Name' });
    })).toThrow(/GeoRedundantStorage .*Files: invalid props:\n {2}- replication: "LRS" \(allowed: GRS, RAGRS, GZRS, RAGZRS\)\n {2}- name: "Bad_Name".*\n {2}- key: "northeurope" \(allowed: a key in the account's region \(westeurope\)\)/);
  });
});

describe('ProtectedPostgres', () => {
  const build = (s: any, extra: object = {}) => {
    const { key, logs } = basics(s);
    const geoBackupKey = new BackupKeyVault(s, 'Paired', { policy: POLICY, placement: NORTH }).addKey('geo');
    return new ProtectedPostgres(s, 'Db', { policy: POLICY, placement: WEST, pairedPlacement: NORTH, key, geoBackupKey, name: 'db-one', logs, ...extra });
  };
  test('zone-redundant HA, geo backups, both CMKs, Entra only, private, kept on destroy', () => {
    const { text } = synthJson((s) => build(s));
    expect(text).toHaveResourceWithProperties(PostgresqlFlexibleServer, {
      zone: '1', high_availability: { mode: 'ZoneRedundant', standby_availability_zone: '2' },
      geo_redundant_backup_enabled: true, public_network_access_enabled: false, backup_retention_days: 35,
      authentication: { active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: 'tenant' },
      lifecycle: { prevent_destroy: true, ignore_changes: ['zone', 'high_availability[0].standby_availability_zone'] },
    });
    expect(text).toHaveResourceWithProperties(PostgresqlFlexibleServerConfiguration, { name: 'require_secure_transport', value: 'on' });
    expect(text).toHaveResourceWithProperties(PostgresqlFlexibleServerConfiguration, { name: 'ssl_min_protocol_version', value: 'TLSv1.2' });
    const { json } = synthJson((s) => build(s));
    const cmk = only(json, 'azurerm_postgresql_flexible_server').customer_managed_key;
    expect(cmk.geo_backup_key_vault_key_id).toContain('azurerm_key_vault_key.Paired_geo_Key');
  });
  test('same zones, a burstable SKU and a geo key outside the paired region are refused', () => {
    expect(() => synthJson((s) => {
      const { key } = basics(s);
      new ProtectedPostgres(s, 'Db', { policy: POLICY, placement: WEST, pairedPlacement: NORTH, key, geoBackupKey: key, name: 'db-x', zone: '1', standbyZone: '1', skuName: 'B_Standard_B1ms' });
    })).toThrow(/standbyZone: "1" \(allowed: a zone other than zone \(1\)\)\n {2}- skuName: "B_Standard_B1ms".*\n {2}- geoBackupKey: "westeurope" \(allowed: a key in the paired region \(northeurope\)\)/);
  });
});

describe('PolicyBackupVault', () => {
  test('geo-redundant, locked, always-on soft delete, system identity, kept on destroy', () => {
    const { text } = synthJson((s) => new PolicyBackupVault(s, 'Backups', { policy: POLICY, placement: WEST, key: basics(s).key }));
    expect(text).toHaveResourceWithProperties(DataProtectionBackupVault, {
      redundancy: 'GeoRedundant', cross_region_restore_enabled: true, immutability: 'Locked', soft_delete: 'AlwaysOn',
      identity: { type: 'SystemAssigned' }, lifecycle: { prevent_destroy: true },
    });
  });
  test('daily backups with a weekly rule, kept 45 days (databases) and 60 days (files) from the policy', () => {
    const { text } = synthJson((s) => new PolicyBackupVault(s, 'Backups', { policy: POLICY, placement: WEST, key: basics(s).key, backupTime: '03:30' }));
    expect(text).toHaveResourceWithProperties(DataProtectionBackupPolicyPostgresqlFlexibleServer, {
      backup_repeating_time_intervals: ['R/2025-01-01T03:30:00+00:00/P1D'],
      default_retention_rule: { life_cycle: [{ data_store_type: 'VaultStore', duration: 'P45D' }] },
      retention_rule: [expect.objectContaining({ criteria: { absolute_criteria: 'FirstOfWeek' } })],
    });
    expect(text).toHaveResourceWithProperties(DataProtectionBackupPolicyBlobStorage, { vault_default_retention_duration: 'P60D' });
  });
  test('an unlocked vault is possible only by saying so', () => {
    const { json } = synthJson((s) => new PolicyBackupVault(s, 'B', { policy: POLICY, placement: WEST, key: basics(s).key, immutability: BackupVaultImmutability.UNLOCKED }));
    expect(only(json, 'azurerm_data_protection_backup_vault').immutability).toBe('Unlocked');
  });
  test('protect* binds resources and grants the vault identity the backup roles', () => {
    const { json } = synthJson((s) => {
      const { key } = basics(s);
      const vault = new PolicyBackupVault(s, 'B', { policy: POLICY, placement: WEST, key });
      vault.protectStorage(new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key, containerNames: ['aa1', 'bb2'] }));
    });
    const instance = only(json, 'azurerm_data_protection_backup_instance_blob_storage');
    expect(instance.storage_account_container_names).toEqual(['aa1', 'bb2']);
    expect(instance.storage_account_id).toMatch(/azurerm_storage_account\.Files_Account/);
    const roles = Object.values(json.resource.azurerm_role_assignment).map((r: any) => r.role_definition_name);
    expect(roles).toContain('Storage Account Backup Contributor');
  });
  test('a bad backup time is refused', () => {
    expect(() => synthJson((s) => new PolicyBackupVault(s, 'B', { policy: POLICY, placement: WEST, key: basics(s).key, backupTime: '25:00' })))
      .toThrow(/backupTime: "25:00" \(allowed: HH:MM in 24-hour UTC\)/);
  });
});

describe('CentralLogAnalytics', () => {
  test('pages an action group; monitored resources get diagnostics and anomaly alerts; backup vaults a job-failure alert', () => {
    const { text } = synthJson((s) => {
      const { logs, key } = basics(s);
      new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key, logs });
      new PolicyBackupVault(s, 'Backups', { policy: POLICY, placement: WEST, key, logs });
    });
    expect(text).toHaveResourceWithProperties(MonitorActionGroup, {
      short_name: 'ops', email_receiver: [{ name: 'ops-1', email_address: 'ops@example.com', use_common_alert_schema: true }],
    });
    expect(text).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: expect.stringMatching(/^\$\{azurerm_storage_account\.\w+\.id\}\/blobServices\/default$/),
      enabled_log: [{ category_group: 'allLogs' }],
    });
    expect(text).toHaveResourceWithProperties(MonitorDiagnosticSetting, { enabled_log: [{ category_group: 'audit' }] });
    expect(text).toHaveResourceWithProperties(MonitorDiagnosticSetting, { log_analytics_destination_type: 'Dedicated' });
    expect(text).toHaveResourceWithProperties(MonitorMetricAlert, {
      dynamic_criteria: {
        metric_namespace: 'Microsoft.Storage/storageAccounts', metric_name: 'Transactions', aggregation: 'Total',
        operator: 'GreaterOrLessThan', alert_sensitivity: 'Medium',
      },
    });
    expect(text).toHaveResourceWithProperties(MonitorScheduledQueryRulesAlertV2, {
      criteria: [expect.objectContaining({ query: expect.stringContaining('AddonAzureBackupJobs | where JobStatus == "Failed"') })],
    });
  });

  test('the workspace keeps logs for the policy retention and is kept on destroy', () => {
    const { text } = synthJson((s) => basics(s));
    expect(text).toHaveResourceWithProperties(LogAnalyticsWorkspace, { retention_in_days: 365, lifecycle: { prevent_destroy: true } });
  });
  test('retention over 730 days and no e-mail address are refused', () => {
    expect(() => synthJson((s) => new CentralLogAnalytics(s, 'L', { policy: new DataProtectionPolicy({ logRetentionDays: 1000 }), placement: WEST, emailAddresses: [] })))
      .toThrow(/policy.logRetentionDays: 1000 \(allowed: at most 730 days.*\n {2}- emailAddresses: \[\] \(allowed: at least one e-mail address\)/);
  });
});

describe('AzureStack', () => {
  test('a region pair from the policy; a region outside it or the same region twice is an error', () => {
    const app = Testing.app();
    const stack = new AzureStack(app, 'Ok', { policy: POLICY });
    expect([stack.placement.location, stack.pairedPlacement.location]).toEqual(['westeurope', 'northeurope']);
    expect(() => new AzureStack(new App(), 'Bad', { policy: POLICY, location: 'East US', pairedLocation: 'eastus' }))
      .toThrow(/AzureStack Bad: invalid props:\n {2}- location: "eastus" \(allowed: one of westeurope.*\n {2}- pairedLocation: "eastus".*\n {2}- pairedLocation: "eastus" \(allowed: a region other than location \(eastus\)\)/);
  });
  test('allowedRegions narrows the policy', () => {
    expect(() => new AzureStack(Testing.app(), 'S', { policy: POLICY, allowedRegions: ['westeurope', 'francecentral'] }))
      .toThrow(/pairedLocation: "northeurope" \(allowed: one of westeurope, francecentral \(policy allowedRegions and the allowedRegions prop\)\)/);
  });
});
