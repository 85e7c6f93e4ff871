import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { AzureDataProtectionChecks, evaluateTerraform } from '../../lib/azure';
import { CONTROLS } from '../../lib/core/policy/controls';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';
import { ControlStatus, FindingStatus } from '../../lib/core/report/model';
import { REPORT_FILES } from '../../lib/core/report/write';
import { AZURE_CONTROL_NOTES, AZURE_RULES } from '../../lib/rules/azure';

const POLICY = DataProtectionPolicy.situm();

function insecureApp() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'azure-checks-'));
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'Insecure');
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  const account = new StorageAccount(stack, 'Account', {
    name: 'insecure', location: 'westeurope', resourceGroupName: 'rg', accountTier: 'Standard',
    accountReplicationType: 'LRS', minTlsVersion: 'TLS1_0',
  });
  const vault = new KeyVault(stack, 'Vault', { name: 'kv', location: 'westeurope', resourceGroupName: 'rg', skuName: 'standard', tenantId: 't' });
  return { app, outdir, stack, account, vault };
}

describe('AzureDataProtectionChecks', () => {
  test('insecure azurerm resources fail synth, each violation on its resource and control', () => {
    const { app } = insecureApp();
    AzureDataProtectionChecks.applyTo(app, { policy: POLICY });
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain('[Insecure/Account] DataProtection-AzureStorageMinTls (DP.ENC.1 Encryption in transit)');
    expect(message).toContain('[Insecure/Account] DataProtection-AzureStorageCustomerManagedKey (DP.ENC.2');
    expect(message).toContain('[Insecure/Account] DataProtection-AzureStorageGeoRedundant (DP.AVL.6');
    expect(message).toContain('[Insecure/Vault] DataProtection-AzureKeyVaultPurgeProtection (DP.ENC.3');
    // Situm does not promise DP.NET.1: its rules do not run.
    expect(message).not.toContain('AzureKeyVaultNetworkDeny');
  });

  test('the evidence report is written beside cdk.tf.json, also when synth fails', () => {
    const { app, outdir } = insecureApp();
    AzureDataProtectionChecks.applyTo(app, { policy: POLICY });
    expect(() => app.synth()).toThrow();
    const dir = path.join(outdir, 'stacks', 'Insecure');
    for (const file of Object.values(REPORT_FILES)) expect(fs.existsSync(path.join(dir, file))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.json), 'utf8'));
    const enc1 = report.controls.find((c: any) => c.id === 'DP.ENC.1');
    expect(enc1.status).toBe(ControlStatus.VIOLATED);
    expect(enc1.findings.map((f: any) => [f.ruleId, f.logicalId, f.status])).toContainEqual(
      ['DataProtection-AzureStorageMinTls', expect.stringMatching(/^azurerm_storage_account\.Account/), FindingStatus.NON_COMPLIANT]);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.sarif), 'utf8'));
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  test('acknowledged findings (by rule or control, with a reason) no longer fail synth and show in the report', () => {
    const { app, stack, account, vault } = insecureApp();
    AzureDataProtectionChecks.acknowledge(account, 'DP.ENC.1', 'Test account: no client reaches it.');
    for (const rule of ['AzureStorageCustomerManagedKey', 'AzureStorageInfrastructureEncryption', 'AzureStorageGeoRedundant',
      'AzureStorageVersioning']) {
      AzureDataProtectionChecks.acknowledge(account, rule, 'Scratch data, rebuilt from source on demand.');
    }
    AzureDataProtectionChecks.acknowledge(vault, 'DataProtection-AzureKeyVaultPurgeProtection', 'Holds no keys yet.');
    // On the stack: covers every resource in it.
    AzureDataProtectionChecks.acknowledge(stack, 'DP.LOG.1', 'Sandbox subscription: activity log only.');
    AzureDataProtectionChecks.acknowledge(stack, 'AzureAnomalyAlerts', 'Sandbox subscription: nobody is paged.');
    AzureDataProtectionChecks.acknowledge(stack, 'DP.LOG.2', 'Sandbox subscription: no customer data.');
    AzureDataProtectionChecks.acknowledge(account, 'AzureLocalAuthDisabled', 'Test account: keys rotate after each run.');
    const checks = AzureDataProtectionChecks.applyTo(app, { policy: POLICY });
    app.synth();
    const report = checks.reports.get(stack.node.path)!;
    expect(report.summary.findings[FindingStatus.NON_COMPLIANT]).toBe(0);
    const enc1 = report.controls.find((c) => c.id === 'DP.ENC.1')!;
    expect(enc1.status).toBe(ControlStatus.ACKNOWLEDGED);
    expect(enc1.findings[0]).toMatchObject({ reason: 'Test account: no client reaches it.', acknowledgedId: 'DP.ENC.1', acknowledgedAt: 'Insecure/Account' });
  });

  test('an acknowledgement needs a reason', () => {
    const { account } = insecureApp();
    expect(() => AzureDataProtectionChecks.acknowledge(account, 'DP.ENC.1', ' ')).toThrow(/Insecure\/Account: the acknowledgement of DP.ENC.1 needs a reason/);
    expect(() => evaluateTerraform([], { policy: POLICY, acknowledgements: [{ id: 'DP.ENC.1', reason: '' }] })).toThrow(/must give a reason/);
  });

  test('a stack added after applyTo is an error, not silently unchecked', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'azure-late-')) });
    AzureDataProtectionChecks.applyTo(app, { policy: POLICY });
    new TerraformStack(app, 'Late');
    expect(() => app.synth()).toThrow(/stack Late was added after AzureDataProtectionChecks.applyTo\(app\)/);
  });

  test('the Azure rule list is pinned', () => {
    expect(AZURE_RULES.map((r) => `${r.controlId} ${r.name}`)).toEqual([
      'DP.ENC.1 AzureStorageMinTls', 'DP.ENC.1 AzureStorageHttpsOnly', 'DP.ENC.1 AzurePostgresTls', 'DP.ENC.1 AzureEdgeTls', 'DP.ENC.1 AzureAppTls',
      'DP.ENC.2 AzureStorageCustomerManagedKey', 'DP.ENC.2 AzureStorageInfrastructureEncryption', 'DP.ENC.2 AzurePostgresCustomerManagedKey',
      'DP.ENC.3 AzureKeyVaultPurgeProtection', 'DP.ENC.3 AzureKeyVaultKeyRotation',
      'DP.ENC.4 AzureBackupVaultKey',
      'DP.BAK.1 AzureBackupPolicySchedule',
      'DP.BAK.2 AzureBackupPolicyRetention',
      'DP.BAK.3 AzureBackupVaultGeoRedundant', 'DP.BAK.3 AzurePostgresGeoBackup',
      'DP.BAK.4 AzureRestoreDrills',
      'DP.BAK.5 AzureBackupFailureAlerts',
      'DP.BAK.6 AzureBackupCoverage',
      'DP.BAK.7 AzureBackupVaultImmutable',
      'DP.AVL.1 AzureStorageZoneRedundant', 'DP.AVL.1 AzureZoneRedundancy',
      'DP.AVL.2 AzureWorkloadRegions',
      'DP.AVL.3 AzurePostgresHighAvailability',
      'DP.AVL.4 AzureNoSinglePointOfFailure',
      'DP.AVL.5 AzureZeroDowntimeDeploys',
      'DP.AVL.6 AzureStorageGeoRedundant', 'DP.AVL.6 AzureStorageVersioning',
      'DP.AVL.7 AzureAvailabilityBudget',
      'DP.NET.1 AzureStoragePublicBlobAccess', 'DP.NET.1 AzureKeyVaultNetworkDeny', 'DP.NET.1 AzurePrivatePathPublicAccess',
      'DP.NET.1 AzureDataPublicNetworkAccess', 'DP.NET.1 AzureNsgPublicIngress',
      'DP.NET.2 AzureEntryPointWaf', 'DP.NET.2 AzurePublicIpDdosProtection',
      'DP.NET.4 AzureMessageBrokerPrivate',
      'DP.NET.5 AzureNsgAdminPorts', 'DP.NET.5 AzureAdminAccessPath',
      'DP.LOG.1 AzureDiagnosticSettings',
      'DP.LOG.2 AzureStorageDataAccessLogs', 'DP.LOG.2 AzurePostgresAuditLogs',
      'DP.LOG.3 AzureVnetFlowLogs', 'DP.LOG.3 AzureEntryPointAccessLogs',
      'DP.LOG.4 AzureLogAnalyticsRetention', 'DP.LOG.4 AzureFlowLogRetention',
      'DP.MON.1 AzureAlertActionGroup', 'DP.MON.1 AzureAnomalyAlerts',
      'DP.MON.2 AzureDefenderPlans',
      'DP.IAM.1 AzureRoleAssignmentPrivilege', 'DP.IAM.1 AzureRoleDefinitionWildcard',
      'DP.IAM.2 AzureLocalAuthDisabled', 'DP.IAM.2 AzureAppAuthentication', 'DP.IAM.2 AzureUserDirectoryPasswords',
      'DP.DAT.1 AzureStorageLifecycleExpiry',
    ]);
  });

  test('every control has an Azure rule, or a reason in the Azure report why it has no meaning on Azure', () => {
    const covered = new Set(AZURE_RULES.map((r) => r.controlId));
    expect(CONTROLS.filter((c) => !covered.has(c.id)).map((c) => c.id)).toEqual(Object.keys(AZURE_CONTROL_NOTES));
    const { report } = evaluateTerraform([{ name: 'empty', config: {} }], { policy: new DataProtectionPolicy() });
    const net3 = report.controls.find((c) => c.id === 'DP.NET.3')!;
    expect(net3.status).toBe(ControlStatus.NOT_APPLICABLE);
    expect(net3.reason).toMatch(/Global Accelerator has no Azure counterpart/);
  });
});

describe('evaluateTerraform on Terraform JSON not written with this library', () => {
  // Hand-written style: blocks as one-element lists, references inside larger expressions,
  // a variable and a data source the checks cannot follow.
  const config = {
    variable: { tls: { type: 'string' } },
    resource: {
      azurerm_storage_account: {
        logs: {
          name: 'logs', location: 'westeurope', account_replication_type: 'GRS', min_tls_version: '${var.tls}',
          blob_properties: [{ versioning_enabled: true, delete_retention_policy: [{ days: 7 }], container_delete_retention_policy: [{ days: 7 }] }],
          customer_managed_key: [{ key_vault_key_id: '${data.azurerm_key_vault_key.k.id}', user_assigned_identity_id: 'x' }],
          infrastructure_encryption_enabled: true,
        },
      },
      azurerm_postgresql_flexible_server: {
        db: { name: 'db', location: 'westeurope', high_availability: [{ mode: 'SameZone' }], geo_redundant_backup_enabled: false },
      },
      azurerm_postgresql_flexible_server_configuration: {
        tls: { name: 'ssl_min_protocol_version', value: 'TLSv1.1', server_id: '${azurerm_postgresql_flexible_server.db.id}' },
      },
    },
  };
  const policy = new DataProtectionPolicy({ regionCount: 1 });
  const { violations } = evaluateTerraform([{ name: 'handwritten', config }], { policy });
  const pairs = violations.map((v) => `${v.address} ${v.controlId} ${v.ruleId}`);

  test.each([
    'azurerm_storage_account.logs DP.ENC.1 DataProtection-AzureStorageMinTls[Unverifiable]',
    'azurerm_storage_account.logs DP.AVL.1 DataProtection-AzureStorageZoneRedundant',
    'azurerm_storage_account.logs DP.BAK.6 DataProtection-AzureBackupCoverage',
    'azurerm_postgresql_flexible_server.db DP.ENC.1 DataProtection-AzurePostgresTls',
    'azurerm_postgresql_flexible_server.db DP.ENC.2 DataProtection-AzurePostgresCustomerManagedKey',
    'azurerm_postgresql_flexible_server.db DP.AVL.3 DataProtection-AzurePostgresHighAvailability',
    'azurerm_postgresql_flexible_server.db DP.BAK.3 DataProtection-AzurePostgresGeoBackup',
  ])('%s', (expected) => {
    expect(pairs).toContain(expected);
  });

  test('what the JSON keeps is not reported', () => {
    expect(pairs).not.toContain('azurerm_storage_account.logs DP.AVL.6 DataProtection-AzureStorageGeoRedundant');
    expect(pairs).not.toContain('azurerm_storage_account.logs DP.AVL.6 DataProtection-AzureStorageVersioning');
    expect(pairs).not.toContain('azurerm_storage_account.logs DP.ENC.2 DataProtection-AzureStorageCustomerManagedKey');
  });

  test('messages name the resource, the rule, the control and the fix', () => {
    const m = violations.find((v) => v.ruleId === 'DataProtection-AzurePostgresHighAvailability')!.message;
    expect(m).toMatch(/^\[handwritten\/azurerm_postgresql_flexible_server\.db\] DataProtection-AzurePostgresHighAvailability \(DP\.AVL\.3 Replicated databases\): .*ZoneRedundant/);
  });
});

describe('SARIF for Terraform JSON', () => {
  test('results point at the line of the resource in cdk.tf.json', () => {
    // Acknowledged findings are SARIF results too; a passing synth has written cdk.tf.json first.
    const { app, outdir, stack } = insecureApp();
    AzureDataProtectionChecks.acknowledge(stack, 'DP.ENC.1', 'Sandbox.');
    for (const c of ['DP.ENC.2', 'DP.ENC.3', 'DP.AVL.6', 'DP.LOG.1', 'DP.LOG.2', 'DP.MON.1', 'DP.IAM.2']) AzureDataProtectionChecks.acknowledge(stack, c, 'Sandbox.');
    AzureDataProtectionChecks.applyTo(app, { policy: POLICY });
    app.synth();
    const dir = path.join(outdir, 'stacks', 'Insecure');
    const lines = fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf8').split('\n');
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.sarif), 'utf8'));
    const located = sarif.runs[0].results.map((r: any) => r.locations[0]);
    expect(located.length).toBeGreaterThan(0);
    for (const loc of located) {
      const name = loc.logicalLocations[0].name.split('.')[1];
      expect(lines[loc.physicalLocation.region.startLine - 1]).toBe(`      "${name}": {`);
    }
  });
});
