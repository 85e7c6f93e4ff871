// The wrong verdicts found on real-world azurerm configurations (issue 17), one test each. Every
// configuration is written the way real ones are: HCL converted to JSON (one-element arrays),
// provider pins, v3/v4/v5 argument names.
import * as fs from 'fs';
import * as path from 'path';
import { azurerm, COMPLIANT, findingsIn, NON_COMPLIANT, UNVERIFIABLE, verdictsIn } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const account = (body: { [key: string]: any }) => ({
  azurerm_storage_account: {
    files: [{
      name: 'stfiles', resource_group_name: 'rg-app', location: 'westeurope', account_tier: 'Standard', account_replication_type: 'RAGZRS',
      ...body,
    }],
  },
});
const SA = 'azurerm_storage_account.files';

describe('provider versions: v3 names and v2/v5 defaults', () => {
  test('v3 `enable_https_traffic_only = false` accepts plain HTTP', () => {
    const config = { ...azurerm('~> 3.90'), resource: account({ enable_https_traffic_only: false, allow_nested_items_to_be_public: false }) };
    expect(verdictsIn('AzureStorageHttpsOnly', config, SA)).toEqual(NON_COMPLIANT);
    expect(findingsIn('AzureStorageHttpsOnly', config, SA)[0].detail).toBe('enable_https_traffic_only = false');
  });

  test('a v3.114+ plan shows the old name false and the new one unknown: non-compliant, not unverifiable', () => {
    const config = { ...azurerm('~> 3.116'), resource: account({ enable_https_traffic_only: false, https_traffic_only_enabled: '${azurerm_storage_account.files.https_traffic_only_enabled}' }) };
    expect(verdictsIn('AzureStorageHttpsOnly', config, SA)).toEqual(NON_COMPLIANT);
  });

  test('azurerm 2.x: TLS 1.0 by default, and allow_blob_public_access is the public-access switch', () => {
    const config = { ...azurerm('= 2.99.0'), resource: account({ allow_blob_public_access: false }) };
    expect(verdictsIn('AzureStorageMinTls', config, SA)).toEqual(NON_COMPLIANT);
    expect(findingsIn('AzureStorageMinTls', config, SA)[0].detail).toMatch(/min_tls_version not set: default "TLS1_0" on azurerm 2.99.0/);
    expect(verdictsIn('AzureStoragePublicBlobAccess', config, SA)).toEqual(COMPLIANT);
  });

  test('azurerm 5.x keeps nested items private by default; an unknown version is judged by the least favourable default and says so', () => {
    expect(verdictsIn('AzureStoragePublicBlobAccess', { ...azurerm('~> 5.0'), resource: account({}) }, SA)).toEqual(COMPLIANT);
    expect(verdictsIn('AzureStoragePublicBlobAccess', { ...azurerm('~> 4.0'), resource: account({}) }, SA)).toEqual(NON_COMPLIANT);
    const unknown = findingsIn('AzureStoragePublicBlobAccess', { resource: account({}) }, SA);
    expect(unknown.map((f) => f.status)).toEqual(['non-compliant']);
    expect(unknown[0].detail).toMatch(/depends on the provider major .*azurerm version not stated/);
  });

  test('the rule for TLS names the provider version it assumed when nothing is configured', () => {
    const [f] = findingsIn('AzureStorageMinTls', { ...azurerm('~> 4.20'), resource: account({}) }, SA);
    expect(f.status).toBe('compliant');
    expect(f.detail).toBe('min_tls_version not set: default "TLS1_2" on azurerm 4 (required_providers "~> 4.20")');
  });
});

describe('count and for_each', () => {
  test('a customer-managed-key resource with count = 0 is no key', () => {
    const config = {
      resource: {
        ...account({}),
        azurerm_storage_account_customer_managed_key: { files: [{ count: 0, storage_account_id: '${azurerm_storage_account.files.id}', key_vault_key_id: 'k' }] },
      },
    };
    expect(verdictsIn('AzureStorageCustomerManagedKey', config, SA)).toEqual(NON_COMPLIANT);
  });

  test('a key binding whose count cannot be evaluated is no evidence: unverifiable, naming it', () => {
    const config = {
      variable: { cmk: [{ type: '${bool}' }] },
      resource: {
        ...account({}),
        azurerm_storage_account_customer_managed_key: { files: [{ count: '${var.cmk}', storage_account_id: '${azurerm_storage_account.files.id}', key_vault_key_id: 'k' }] },
      },
    };
    expect(verdictsIn('AzureStorageCustomerManagedKey', config, SA)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureStorageCustomerManagedKey', config, SA)[0].detail).toMatch(/azurerm_storage_account_customer_managed_key.files.* may not/);
  });

  test('a resource whose count cannot be evaluated is never compliant', () => {
    const config = { variable: { n: [{ type: '${number}' }] }, resource: account({ count: '${var.n}', min_tls_version: 'TLS1_2' }) };
    expect(verdictsIn('AzureStorageMinTls', config, SA)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureStorageMinTls', config, SA)[0].detail).toMatch(/may not be created: count = \$\{var.n\}.*if it is: compliant/);
  });

  test('a backup instance reached through an indexed reference covers that instance', () => {
    const config = {
      resource: {
        azurerm_postgresql_flexible_server: { db: [{ count: 1, name: 'pg' }] },
        azurerm_data_protection_backup_instance_postgresql_flexible_server: { db: [{ server_id: '${azurerm_postgresql_flexible_server.db[0].id}', vault_id: 'v' }] },
      },
    };
    expect(verdictsIn('AzureBackupCoverage', config, 'azurerm_postgresql_flexible_server.db[0]')).toEqual(COMPLIANT);
  });

  test('a backup instance that may not be created is no coverage: unverifiable', () => {
    const config = {
      variable: { protect: [{ type: '${number}' }] },
      resource: {
        azurerm_postgresql_flexible_server: { db: [{ name: 'pg' }] },
        azurerm_data_protection_backup_instance_postgresql_flexible_server: { db: [{ count: '${var.protect}', server_id: '${azurerm_postgresql_flexible_server.db.id}' }] },
      },
    };
    expect(verdictsIn('AzureBackupCoverage', config, 'azurerm_postgresql_flexible_server.db')).toEqual(UNVERIFIABLE);
  });
});

describe('lifecycle rules filtered to a prefix or a tag (DP.DAT.1)', () => {
  const policy = (rule: { [key: string]: any }) => ({
    azurerm_storage_management_policy: { files: [{ storage_account_id: '${azurerm_storage_account.files.id}', rule: [{ name: 'expire', enabled: true, ...rule }] }] },
  });
  const deleteAfter = (days: number) => [{ base_blob: [{ delete_after_days_since_modification_greater_than: days }] }];

  test('a rule matching only a prefix or only tagged blobs gives no end of life to the account', () => {
    const prefix = { resource: { ...account({}), ...policy({ filters: [{ blob_types: ['blockBlob'], prefix_match: ['tmp/'] }], actions: deleteAfter(30) }) } };
    expect(verdictsIn('AzureStorageLifecycleExpiry', prefix, SA)).toEqual(NON_COMPLIANT);
    const tagged = {
      resource: {
        ...account({}),
        ...policy({ filters: [{ blob_types: ['blockBlob'], match_blob_index_tag: [{ name: 'retention', operation: '==', value: 'short' }] }], actions: deleteAfter(90) }),
      },
    };
    expect(verdictsIn('AzureStorageLifecycleExpiry', tagged, SA)).toEqual(NON_COMPLIANT);
    expect(findingsIn('AzureStorageLifecycleExpiry', tagged, SA)[0].detail).toMatch(/only .*tagged/);
  });

  test('a rule for append blobs only does not expire block blobs', () => {
    const config = { resource: { ...account({}), ...policy({ filters: [{ blob_types: ['appendBlob'] }], actions: deleteAfter(30) }) } };
    expect(verdictsIn('AzureStorageLifecycleExpiry', config, SA)).toEqual(NON_COMPLIANT);
  });

  test('an unfiltered rule for block blobs (empty prefix list) is an end of life for the account', () => {
    const config = { resource: { ...account({}), ...policy({ filters: [{ blob_types: ['blockBlob'], prefix_match: [] }], actions: deleteAfter(365) }) } };
    expect(verdictsIn('AzureStorageLifecycleExpiry', config, SA)).toEqual(COMPLIANT);
  });
});

describe('read replicas are not judged as primaries', () => {
  const servers = {
    azurerm_postgresql_flexible_server: {
      primary: [{ location: 'westeurope', zone: '1', geo_redundant_backup_enabled: true, high_availability: [{ mode: 'ZoneRedundant', standby_availability_zone: '2' }] }],
      replica: [{ location: 'northeurope', create_mode: 'Replica', source_server_id: '${azurerm_postgresql_flexible_server.primary.id}' }],
    },
  };
  const REPLICA = 'azurerm_postgresql_flexible_server.replica';

  test('a replica (create_mode = "Replica", no replication_role as the provider requires) has no HA or geo-backup verdict', () => {
    expect(verdictsIn('AzurePostgresHighAvailability', { resource: servers }, REPLICA)).toEqual([]);
    expect(verdictsIn('AzurePostgresGeoBackup', { resource: servers }, REPLICA)).toEqual([]);
    expect(verdictsIn('AzurePostgresHighAvailability', { resource: servers }, 'azurerm_postgresql_flexible_server.primary')).toEqual(COMPLIANT);
  });

  test('a lone replica in a second region is not the workload running there', () => {
    const two = new DataProtectionPolicy({ regionCount: 2 });
    expect(verdictsIn('AzureWorkloadRegions', { resource: servers }, 'azurerm_postgresql_flexible_server.primary', two)).toEqual(NON_COMPLIANT);
    expect(verdictsIn('AzureWorkloadRegions', { resource: servers }, REPLICA, two)).toEqual([]);
  });

  test('a standby zone known only after apply may equal the primary zone: unverifiable', () => {
    const config = {
      resource: {
        random_shuffle: { standby: [{ input: ['1', '2', '3'], result_count: 1 }] },
        azurerm_postgresql_flexible_server: {
          ledger: [{ zone: '1', high_availability: [{ mode: 'ZoneRedundant', standby_availability_zone: '${random_shuffle.standby.result[0]}' }] }],
        },
      },
    };
    expect(verdictsIn('AzurePostgresHighAvailability', config, 'azurerm_postgresql_flexible_server.ledger')).toEqual(UNVERIFIABLE);
  });
});

describe('diagnostic settings written with v3 `log` blocks (DP.LOG.1)', () => {
  const setting = (blocks: { [key: string]: any }) => ({
    azurerm_log_analytics_workspace: { central: [{ retention_in_days: 365 }] },
    azurerm_key_vault: { kv: [{ purge_protection_enabled: true }] },
    azurerm_monitor_diagnostic_setting: {
      kv: [{ target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}', ...blocks }],
    },
  });
  const KV = 'azurerm_key_vault.kv';

  test('`log { enabled = true }` sends logs on azurerm 3.x', () => {
    const config = { ...azurerm('~> 3.80'), resource: setting({ log: [{ category: 'AuditEvent', enabled: true, retention_policy: [{ enabled: false }] }] }) };
    expect(verdictsIn('AzureDiagnosticSettings', config, KV)).toEqual(COMPLIANT);
  });

  test('`log` blocks without a version pin show the configuration is a 3.x one', () => {
    const config = { resource: setting({ log: [{ category: 'AuditEvent' }] }) };
    expect(verdictsIn('AzureDiagnosticSettings', config, KV)).toEqual(COMPLIANT);
    expect(findingsIn('AzureDiagnosticSettings', config, KV)[0].detail).toMatch(/azurerm 3/);
  });

  test('`log { enabled = false }` with only metrics sends no logs', () => {
    const config = { ...azurerm('~> 3.80'), resource: setting({ log: [{ category: 'AuditEvent', enabled: false }], metric: [{ category: 'AllMetrics' }] }) };
    expect(verdictsIn('AzureDiagnosticSettings', config, KV)).toEqual(NON_COMPLIANT);
  });

  test('a `log` block under azurerm 4 does not validate: it is no evidence', () => {
    const config = { ...azurerm('~> 4.0'), resource: setting({ log: [{ category: 'AuditEvent', enabled: true }] }) };
    expect(verdictsIn('AzureDiagnosticSettings', config, KV)).toEqual(NON_COMPLIANT);
    expect(findingsIn('AzureDiagnosticSettings', config, KV)[0].detail).toMatch(/log blocks, removed in azurerm 4.0/);
  });

  test('a workspace outside the configuration (literal ID or data source) receives the logs; a variable does not tell', () => {
    const external = (id: string) => ({
      resource: {
        azurerm_key_vault: { kv: [{ purge_protection_enabled: true }] },
        azurerm_monitor_diagnostic_setting: { kv: [{ target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: id, enabled_log: [{ category_group: 'audit' }] }] },
      },
    });
    const literal = '/subscriptions/0000/resourceGroups/rg-ops/providers/Microsoft.OperationalInsights/workspaces/law-central';
    expect(verdictsIn('AzureDiagnosticSettings', external(literal), KV)).toEqual(COMPLIANT);
    expect(verdictsIn('AzureDiagnosticSettings', external('${data.azurerm_log_analytics_workspace.central.id}'), KV)).toEqual(COMPLIANT);
    expect(verdictsIn('AzureDiagnosticSettings', { variable: { w: [{ type: '${string}' }] }, ...external('${var.w}') }, KV)).toEqual(UNVERIFIABLE);
  });

  test('a diagnostic setting with count = 0 sends nothing', () => {
    const config = { resource: setting({ count: 0, enabled_log: [{ category_group: 'audit' }] }) };
    expect(verdictsIn('AzureDiagnosticSettings', config, KV)).toEqual(NON_COMPLIANT);
  });
});

describe('anomaly alerts that are switched off (DP.MON.1)', () => {
  const alert = (extra: { [key: string]: any }) => ({
    resource: {
      ...account({}),
      azurerm_monitor_metric_alert: {
        latency: [{
          scopes: ['${azurerm_storage_account.files.id}'],
          dynamic_criteria: [{ metric_name: 'SuccessE2ELatency', operator: 'GreaterThan', alert_sensitivity: 'Medium' }],
          action: [{ action_group_id: '${azurerm_monitor_action_group.oncall.id}' }],
          ...extra,
        }],
      },
    },
  });

  test('a disabled dynamic alert watches nothing', () => {
    expect(verdictsIn('AzureAnomalyAlerts', alert({ enabled: false }), SA)).toEqual(NON_COMPLIANT);
    expect(verdictsIn('AzureAnomalyAlerts', alert({}), SA)).toEqual(COMPLIANT);
  });

  test('an alert switched on by a variable without a default is unverifiable', () => {
    const config = { variable: { on: [{ type: '${bool}' }] }, ...alert({ enabled: '${var.on}' }) };
    expect(verdictsIn('AzureAnomalyAlerts', config, SA)).toEqual(UNVERIFIABLE);
  });
});

describe('acknowledgement scopes for Terraform addresses', () => {
  test('an address without index covers every instance; a module address covers its resources', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { evaluateTerraform } = require('../../../lib/checks/terraform') as typeof import('../../../lib/checks/terraform');
    const config = { resource: { azurerm_storage_account: { files: [{ count: 2, account_replication_type: 'LRS' }] } } };
    const acknowledged = (scope: string) => evaluateTerraform([{ name: 'S', config }], {
      policy: new DataProtectionPolicy({ controls: ['DP.AVL.1'] }),
      acknowledgements: [{ id: 'DP.AVL.1', scope, reason: 'Scratch accounts, rebuilt from source data on loss.' }],
    }).findings.filter((f) => f.controlId === 'DP.AVL.1').map((f) => `${f.logicalId} ${f.status}`);
    expect(acknowledged('azurerm_storage_account.files')).toEqual(['azurerm_storage_account.files[0] acknowledged', 'azurerm_storage_account.files[1] acknowledged']);
    expect(acknowledged('azurerm_storage_account.files[1]')).toEqual(['azurerm_storage_account.files[0] non-compliant', 'azurerm_storage_account.files[1] acknowledged']);
  });
});

describe('create modes and v3 log switches known only at apply (found by the mutation run)', () => {
  test('a create mode from a variable may make the server a replica: geo-backup is unverifiable, naming it', () => {
    const config = { variable: { mode: [{ type: '${string}' }] }, resource: { azurerm_postgresql_flexible_server: { db: [{ create_mode: '${var.mode}', geo_redundant_backup_enabled: true }] } } };
    const findings = findingsIn('AzurePostgresGeoBackup', config, 'azurerm_postgresql_flexible_server.db');
    expect(findings.map((f) => f.status)).toEqual(['non-compliant']);
    expect(findings[0].ruleId).toBe('DataProtection-AzurePostgresGeoBackup[Unverifiable]');
    expect(findings[0].detail).toMatch(/^create_mode = \$\{var\.mode\}/);
    // A promoted replica (replication_role = "None") takes its own backups again.
    const promoted = { resource: { azurerm_postgresql_flexible_server: { db: [{ create_mode: 'Replica', replication_role: 'None' }] } } };
    expect(verdictsIn('AzurePostgresGeoBackup', promoted, 'azurerm_postgresql_flexible_server.db')).toEqual(NON_COMPLIANT);
  });

  test('v3 `log` blocks switched on by a variable are unverifiable; one enabled block among disabled ones sends logs', () => {
    const setting = (log: object[]) => ({
      ...azurerm('~> 3.80'),
      variable: { on: [{ type: '${bool}' }] },
      resource: {
        azurerm_log_analytics_workspace: { central: [{ retention_in_days: 365 }] },
        azurerm_key_vault: { kv: [{ purge_protection_enabled: true }] },
        azurerm_monitor_diagnostic_setting: { kv: [{ target_resource_id: '${azurerm_key_vault.kv.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}', log }] },
      },
    });
    const KV = 'azurerm_key_vault.kv';
    expect(verdictsIn('AzureDiagnosticSettings', setting([{ category: 'AuditEvent', enabled: '${var.on}' }]), KV)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureDiagnosticSettings', setting([{ category: 'AuditEvent', enabled: false }, { category: 'AllLogs', enabled: '${var.on}' }]), KV)[0].detail)
      .toBe('azurerm_monitor_diagnostic_setting.kv enables its log blocks by an expression');
    const mixed = findingsIn('AzureDiagnosticSettings', setting([{ category: 'AuditEvent', enabled: false }, { category: 'AzurePolicyEvaluationDetails', enabled: true }]), KV);
    expect(mixed.map((f) => f.status)).toEqual(['compliant']);
    expect(mixed[0].detail).toBe('azurerm_monitor_diagnostic_setting.kv sends logs with log blocks on azurerm 3 (required_providers "~> 3.80")');
  });
});

describe('no Azure rule leaves an unverifiable verdict without saying which value', () => {
  test('rules build unverifiable verdicts with a detail, never the bare constant', () => {
    const root = path.join(__dirname, '..', '..', '..', 'lib', 'rules', 'azure');
    const files = fs.readdirSync(root).filter((d) => d !== 'private' && fs.statSync(path.join(root, d)).isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    expect(files.length).toBeGreaterThan(40);
    const bare = files.filter((f) => /\[UNVERIFIABLE\]|push\(UNVERIFIABLE\)|\bunverifiable\(\)/.test(fs.readFileSync(f, 'utf8')));
    expect(bare.map((f) => path.relative(root, f))).toEqual([]);
  });
});
