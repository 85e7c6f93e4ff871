// TLS at the entry points and apps (DP.ENC.1) and scheduled restore drills (DP.BAK.4).
import { azurerm, COMPLIANT, Resources, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
import { DataProtectionPolicy, RestoreTestFrequency } from '../../../lib/core/policy/policy';

describe('AzureEdgeTls', () => {
  const ROUTE = 'azurerm_cdn_frontdoor_route.r';
  const route = (o: object) => ({ azurerm_cdn_frontdoor_route: { r: [{ name: 'r', patterns_to_match: ['/*'], ...o }] } });
  const AGW = 'azurerm_application_gateway.agw';
  const gateway = (o: object = {}) => ({
    azurerm_application_gateway: { agw: [{
      name: 'agw',
      http_listener: [
        { name: 'http', frontend_port_name: 'p80', protocol: 'Http' },
        { name: 'https', frontend_port_name: 'p443', protocol: 'Https', ssl_certificate_name: 'cert' },
      ],
      redirect_configuration: [{ name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'https', include_path: true }],
      request_routing_rule: [
        { name: 'redirect', rule_type: 'Basic', priority: 10, http_listener_name: 'http', redirect_configuration_name: 'to-https' },
        { name: 'app', rule_type: 'Basic', priority: 20, http_listener_name: 'https', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' },
      ],
      backend_http_settings: [{ name: 'tls', port: 443, protocol: 'Https', cookie_based_affinity: 'Disabled' }],
      ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101' }],
      ...o,
    }] },
  });
  test('HTTP served without redirect, plaintext to the origin, TLS 1.0 policies and v3 TLS10 domains are non-compliant', () => {
    expect(verdicts('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], https_redirect_enabled: false, forwarding_protocol: 'HttpOnly' }), ROUTE))
      .toEqual(['non-compliant[PlaintextListener]', 'non-compliant[Backend]']);
    expect(verdicts('AzureEdgeTls', gateway({ request_routing_rule: [{ name: 'plain', http_listener_name: 'http', backend_address_pool_name: 'pool', backend_http_settings_name: 'tls' }] }), AGW))
      .toEqual(['non-compliant[PlaintextListener]']);
    expect(verdicts('AzureEdgeTls', gateway({ ssl_policy: [{ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' }] }), AGW)).toEqual(['non-compliant[TlsPolicy]']);
    const v3Domain = { azurerm_cdn_frontdoor_custom_domain: { d: [{ host_name: 'api.example.com', tls: [{ certificate_type: 'ManagedCertificate', minimum_tls_version: 'TLS10' }] }] } };
    expect(verdictsIn('AzureEdgeTls', { ...azurerm('~> 3.90'), resource: v3Domain }, 'azurerm_cdn_frontdoor_custom_domain.d')).toEqual(['non-compliant[TlsPolicy]']);
  });
  test('HTTPS with redirects, HTTPS to origins and a TLS 1.2 policy are compliant', () => {
    expect(verdicts('AzureEdgeTls', route({ supported_protocols: ['Http', 'Https'], forwarding_protocol: 'HttpsOnly' }), ROUTE)).toEqual(COMPLIANT);
    expect(verdicts('AzureEdgeTls', gateway(), AGW)).toEqual(COMPLIANT);
    expect(verdicts('AzureEdgeTls', gateway({ ssl_policy: undefined }), AGW)).toEqual(COMPLIANT);
  });
  test('TLS 1.2 falls short of a TLS 1.3 policy', () => {
    expect(verdicts('AzureEdgeTls', gateway(), AGW, new DataProtectionPolicy({ minTlsVersion: '1.3' }))).toEqual(['non-compliant[TlsPolicy]']);
  });
  test('protocols from a variable without default are unverifiable', () => {
    expect(verdictsIn('AzureEdgeTls', { variable: { p: {} }, resource: route({ supported_protocols: '${var.p}' }) }, ROUTE)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureAppTls', () => {
  const WEB = 'azurerm_linux_web_app.w';
  const web = (o: object = {}) => ({ azurerm_linux_web_app: { w: [{ name: 'w', site_config: [{ minimum_tls_version: '1.2' }], ...o }] } });
  test('https_only by default false, or insecure container ingress, is non-compliant', () => {
    expect(verdicts('AzureAppTls', web(), WEB)).toEqual(['non-compliant[PlaintextListener]']);
    const ingress = { external_enabled: true, allow_insecure_connections: true, target_port: 8080 };
    const insecure = { azurerm_container_app: { api: [{ ingress: [ingress] }] } };
    expect(verdicts('AzureAppTls', insecure, 'azurerm_container_app.api')).toEqual(['non-compliant[PlaintextListener]']);
  });
  test('https_only with TLS 1.2, and a container app ingress by default, are compliant', () => {
    expect(verdicts('AzureAppTls', web({ https_only: true }), WEB)).toEqual(COMPLIANT);
    expect(verdicts('AzureAppTls', { azurerm_container_app: { api: [{ ingress: [{ target_port: 8080 }] }] } }, 'azurerm_container_app.api')).toEqual(COMPLIANT);
  });
  test('https_only from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureAppTls', { variable: { h: {} }, resource: web({ https_only: '${var.h}' }) }, WEB)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureRestoreDrills', () => {
  const BI = 'azurerm_data_protection_backup_instance_postgresql_flexible_server.db';
  const drills = (schedules: [string, string, number][], content = 'Start-AzDataProtectionBackupInstanceRestore -BackupInstanceName $name', param = '${azurerm_data_protection_backup_vault.vault.id}'): Resources => ({
    azurerm_data_protection_backup_vault: { vault: [{ name: 'bv', redundancy: 'GeoRedundant' }] },
    azurerm_data_protection_backup_instance_postgresql_flexible_server: { db: [{
      name: 'db', vault_id: '${azurerm_data_protection_backup_vault.vault.id}', server_id: '${azurerm_postgresql_flexible_server.db.id}', backup_policy_id: 'p',
    }] },
    azurerm_automation_account: { drills: [{ name: 'aa-drills', sku_name: 'Basic', local_authentication_enabled: false }] },
    azurerm_automation_runbook: { restore: [{ name: 'restore-drill', automation_account_name: '${azurerm_automation_account.drills.name}', runbook_type: 'PowerShell72', content }] },
    azurerm_automation_schedule: Object.fromEntries(schedules.map(([name, frequency, interval]) => [name, [{ name, automation_account_name: '${azurerm_automation_account.drills.name}', frequency, interval }]])),
    azurerm_automation_job_schedule: Object.fromEntries(schedules.map(([name]) => [name, [{
      automation_account_name: '${azurerm_automation_account.drills.name}', runbook_name: '${azurerm_automation_runbook.restore.name}',
      schedule_name: `\${azurerm_automation_schedule.${name}.name}`, parameters: { vaultid: param, level: name },
    }]])),
  });
  const ALL: [string, string, number][] = [['daily', 'Day', 1], ['weekly', 'Week', 1], ['quarterly', 'Month', 3]];
  test('a weekly drill only leaves the daily promise open; a runbook that restores nothing is no drill', () => {
    expect(verdicts('AzureRestoreDrills', drills([['weekly', 'Week', 1]]), BI)).toEqual(['non-compliant[Daily]']);
    expect(verdicts('AzureRestoreDrills', drills(ALL, 'Get-AzDataProtectionBackupInstance | Out-Null'), BI))
      .toEqual(['non-compliant[Daily]', 'non-compliant[Weekly]', 'non-compliant[Quarterly]']);
  });
  test('daily, weekly and quarterly drills of the instance\'s vault are compliant; the schedules come from the policy', () => {
    expect(verdicts('AzureRestoreDrills', drills(ALL), BI)).toEqual(COMPLIANT);
    const quarterlyOnly = new DataProtectionPolicy({ restoreTestSchedules: [RestoreTestFrequency.QUARTERLY] });
    expect(verdicts('AzureRestoreDrills', drills([['monthly', 'Month', 1]]), BI, quarterlyOnly)).toEqual(COMPLIANT);
  });
  test('a runbook published from a URI is unverifiable: its content is not in the configuration', () => {
    const linked = drills(ALL);
    const runbook: any = linked.azurerm_automation_runbook.restore[0];
    delete runbook.content;
    runbook.publish_content_link = [{ uri: 'https://example.com/restore.ps1' }];
    expect(verdicts('AzureRestoreDrills', linked, BI)).toEqual(UNVERIFIABLE);
  });
});
