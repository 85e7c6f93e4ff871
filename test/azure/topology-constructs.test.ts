// The constructs of the application tier, entry point, network, administrative access, Defender
// and restore drills: secure with nothing but placement (and what they connect), each keeping the
// controls its rules check, and refusing bad props with path, prop, value and what is allowed.
import { AutomationSchedule } from '@cdktf/provider-azurerm/lib/automation-schedule';
import { CdnFrontdoorFirewallPolicy } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-firewall-policy';
import { CdnFrontdoorRoute } from '@cdktf/provider-azurerm/lib/cdn-frontdoor-route';
import { ContainerApp } from '@cdktf/provider-azurerm/lib/container-app';
import { ContainerAppEnvironment } from '@cdktf/provider-azurerm/lib/container-app-environment';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { PostgresqlFlexibleServerConfiguration } from '@cdktf/provider-azurerm/lib/postgresql-flexible-server-configuration';
import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { Testing } from 'cdktf';
import { Construct } from 'constructs';
import { basics, NORTH, only, POLICY, synthJson, WEST } from './fixtures';
import {
  AdminVpnGateway, AzureDataProtectionChecks, AzureStack, BackupKeyVault, DefenderForCloud, FrontDoorEntryPoint, GeoRedundantStorage,
  PolicyBackupVault, ProtectedPostgres, RestoreDrills, SecureVirtualNetwork, ZoneRedundantApp,
} from '../../lib/azure';
import { CONTROLS } from '../../lib/core/policy/controls';
import { DataProtectionPolicy, RestoreTestFrequency } from '../../lib/core/policy/policy';

const ALL = DataProtectionPolicy.situm({ controls: CONTROLS.map((c) => c.id), dataEndOfLifeDays: 730 });

/** The statuses the checks give the resources `build` adds to a stack, by rule. */
function verdictsOf(build: (scope: Construct, stack: AzureStack) => void, rules: string[], policy = ALL): { [rule: string]: string[] } {
  const stack = new AzureStack(Testing.app(), 'T', { policy });
  build(stack, stack);
  const { findings } = AzureDataProtectionChecks.evaluate(stack, { policy });
  const out: { [rule: string]: string[] } = {};
  for (const rule of rules) {
    out[rule] = [...new Set(findings.filter((f) => f.ruleId.replace(/^DataProtection-/, '').replace(/\[.*$/, '') === rule && f.status !== 'not-applicable')
      .map((f) => f.status))];
  }
  return out;
}

describe('SecureVirtualNetwork', () => {
  test('closed NSGs on the app and endpoint subnets, a VNet flow log with traffic analytics, private endpoints in DNS', () => {
    const { text, json } = synthJson((s) => {
      const { logs, key } = basics(s);
      logs.archiveFlowLogs(key);
      const net = new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST, addressSpace: '10.10.0.0/16', logs });
      net.addPrivateEndpoint('files', { resourceId: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/st', subresource: 'blob' });
    });
    const subnets = Object.values(json.resource.azurerm_subnet).map((x: any) => `${x.name} ${x.address_prefixes[0]}`).sort();
    expect(subnets).toEqual(['GatewaySubnet 10.10.3.0/27', 'apps 10.10.0.0/23', 'private-endpoints 10.10.2.0/24']);
    expect(Object.keys(json.resource.azurerm_subnet_network_security_group_association)).toHaveLength(2);
    expect(text).toHaveResourceWithProperties(NetworkWatcherFlowLog, {
      network_watcher_name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG', enabled: true, version: 2,
      target_resource_id: expect.stringMatching(/azurerm_virtual_network\.Net_Vnet_\w+\.id/),
      retention_policy: { enabled: true, days: 365 },
      traffic_analytics: expect.objectContaining({ enabled: true, interval_in_minutes: 10 }),
    });
    expect(only(json, 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids[0]).toMatch(/azurerm_private_dns_zone\.Net_Zone-blob/);
    expect(only(json, 'azurerm_private_dns_zone').name).toBe('privatelink.blob.core.windows.net');
  });
  test('network rules keep the promises they check', () => {
    const found = verdictsOf((s, stack) => {
      const logs = basics(s, ALL).logs;
      logs.archiveFlowLogs(basics(new Construct(s, 'More'), ALL).key);
      new SecureVirtualNetwork(s, 'Net', { placement: stack.placement, logs });
    }, ['AzureNsgPublicIngress', 'AzureNsgAdminPorts', 'AzureVnetFlowLogs', 'AzureFlowLogRetention', 'AzureDiagnosticSettings']);
    for (const statuses of Object.values(found)) expect(statuses).toEqual(['compliant']);
  });
  test('a small address space and an unknown private endpoint sub-resource are refused', () => {
    expect(() => synthJson((s) => new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST, addressSpace: '10.0.0.0/24' })))
      .toThrow(/SecureVirtualNetwork .*\/Net: invalid props:\n {2}- addressSpace: "10.0.0.0\/24" \(allowed: an IPv4 CIDR block of \/22 or larger/);
    expect(() => synthJson((s) => new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST }).addPrivateEndpoint('x', { resourceId: 'id', subresource: 'sqlServer' })))
      .toThrow(/subresource: "sqlServer" \(allowed: blob, blob_secondary, postgresqlServer, vault\)/);
  });
});

describe('ZoneRedundantApp and FrontDoorEntryPoint', () => {
  const build = (s: Construct, extra: object = {}) => {
    const { logs } = basics(s);
    const net = new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST });
    const app = new ZoneRedundantApp(s, 'Api', { policy: POLICY, placement: WEST, network: net, image: 'example.azurecr.io/api:1', logs, ...extra });
    new FrontDoorEntryPoint(s, 'Edge', { policy: POLICY, placement: WEST, origins: [app], logs });
    return app;
  };
  test('a zone-redundant internal environment; three replicas scaling on requests, HTTPS only, probed', () => {
    const { text } = synthJson((s) => build(s));
    expect(text).toHaveResourceWithProperties(ContainerAppEnvironment, {
      zone_redundancy_enabled: true, internal_load_balancer_enabled: true, public_network_access: 'Disabled', logs_destination: 'log-analytics',
    });
    expect(text).toHaveResourceWithProperties(ContainerApp, {
      template: expect.objectContaining({ min_replicas: 3, max_replicas: 10, http_scale_rule: [{ name: 'concurrent-requests', concurrent_requests: '50' }] }),
      ingress: expect.objectContaining({ external_enabled: true, allow_insecure_connections: false }),
    });
  });
  test('Front Door Premium redirects HTTP, forwards HTTPS over Private Link, and blocks with managed rules', () => {
    const { text, json } = synthJson((s) => build(s));
    expect(text).toHaveResourceWithProperties(CdnFrontdoorRoute, { supported_protocols: ['Http', 'Https'], https_redirect_enabled: true, forwarding_protocol: 'HttpsOnly' });
    expect(text).toHaveResourceWithProperties(CdnFrontdoorFirewallPolicy, { sku_name: 'Premium_AzureFrontDoor', mode: 'Prevention' });
    expect(only(json, 'azurerm_cdn_frontdoor_origin').private_link).toMatchObject({ location: 'westeurope', target_type: 'managedEnvironments' });
  });
  test('entry point and app rules keep the promises they check', () => {
    const found = verdictsOf((s, stack) => {
      const net = new SecureVirtualNetwork(s, 'Net', { placement: stack.placement });
      const pairedNet = new SecureVirtualNetwork(s, 'Paired', { placement: stack.pairedPlacement, addressSpace: '10.1.0.0/16' });
      const logs = basics(s, ALL).logs;
      const apps = [new ZoneRedundantApp(s, 'Api', { placement: stack.placement, network: net, image: 'i', logs }),
        new ZoneRedundantApp(s, 'PairedApi', { placement: stack.pairedPlacement, network: pairedNet, image: 'i', logs })];
      new FrontDoorEntryPoint(s, 'Edge', { placement: stack.placement, origins: apps, logs });
    }, ['AzureEdgeTls', 'AzureAppTls', 'AzureZoneRedundancy', 'AzureNoSinglePointOfFailure', 'AzureZeroDowntimeDeploys', 'AzureAvailabilityBudget',
      'AzureEntryPointWaf', 'AzureEntryPointAccessLogs']);
    for (const statuses of Object.values(found)) expect(statuses).toEqual(['compliant']);
  });
  test('one replica, a network in another region and an entry point without origins are refused', () => {
    expect(() => synthJson((s) => build(s, { minReplicas: 1 }))).toThrow(/minReplicas: 1 \(allowed: a whole number of at least 2/);
    expect(() => synthJson((s) => {
      const net = new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: NORTH });
      new ZoneRedundantApp(s, 'Api', { policy: POLICY, placement: WEST, network: net, image: 'i' });
    })).toThrow(/ZoneRedundantApp .*\/Api: invalid props:\n {2}- network: "northeurope" \(allowed: a network in the app's region \(westeurope\)\)/);
    expect(() => synthJson((s) => new FrontDoorEntryPoint(s, 'Edge', { policy: POLICY, placement: WEST, origins: [] })))
      .toThrow(/origins: 0 \(allowed: at least one origin\)/);
  });
});

describe('AdminVpnGateway and DefenderForCloud', () => {
  test('a zone-redundant point-to-site VPN with Entra ID on a DDoS-protected IP', () => {
    const { text } = synthJson((s) => {
      new AdminVpnGateway(s, 'Vpn', { policy: POLICY, placement: WEST, network: new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST }) });
    });
    expect(text).toHaveResourceWithProperties(PublicIp, { sku: 'Standard', zones: ['1', '2', '3'], ddos_protection_mode: 'Enabled' });
    expect(text).toHaveResourceWithProperties(VirtualNetworkGateway, {
      type: 'Vpn', sku: 'VpnGw1AZ',
      vpn_client_configuration: expect.objectContaining({ vpn_auth_types: ['AAD'], vpn_client_protocols: ['OpenVPN'], aad_issuer: 'https://sts.windows.net/tenant/' }),
    });
  });
  test('Defender plans for storage, databases and Key Vault, with alerts', () => {
    const { text } = synthJson((s) => new DefenderForCloud(s, 'Defender', { placement: WEST, emailAddresses: ['sec@example.com'], logs: basics(s).logs }));
    for (const resourceType of ['StorageAccounts', 'OpenSourceRelationalDatabases', 'KeyVaults']) {
      expect(text).toHaveResourceWithProperties(SecurityCenterSubscriptionPricing, { tier: 'Standard', resource_type: resourceType });
    }
  });
  test('their rules keep the promises they check; a non-AZ SKU and no e-mail are refused', () => {
    const found = verdictsOf((s, stack) => {
      const logs = basics(s, ALL).logs;
      new AdminVpnGateway(s, 'Vpn', { placement: stack.placement, network: new SecureVirtualNetwork(s, 'Net', { placement: stack.placement }), logs });
      new DefenderForCloud(s, 'Defender', { placement: stack.placement, emailAddresses: ['sec@example.com'], logs });
    }, ['AzureAdminAccessPath', 'AzurePublicIpDdosProtection', 'AzureZoneRedundancy', 'AzureDefenderPlans']);
    for (const statuses of Object.values(found)) expect(statuses).toEqual(['compliant']);
    expect(() => synthJson((s) => new AdminVpnGateway(s, 'Vpn', { policy: POLICY, placement: WEST, sku: 'VpnGw1', network: new SecureVirtualNetwork(s, 'Net', { policy: POLICY, placement: WEST }) })))
      .toThrow(/sku: "VpnGw1" \(allowed: a zone-redundant SKU: VpnGw1AZ to VpnGw5AZ\)/);
    expect(() => synthJson((s) => new DefenderForCloud(s, 'D', { placement: WEST, emailAddresses: [] }))).toThrow(/emailAddresses: \[\] \(allowed: at least one e-mail address\)/);
  });
});

describe('RestoreDrills', () => {
  const build = (s: Construct, policy = POLICY) => {
    const { logs, key } = basics(s, policy);
    const vault = new PolicyBackupVault(s, 'Backups', { policy, placement: WEST, key, logs });
    vault.protectStorage(new GeoRedundantStorage(s, 'Files', { policy, placement: WEST, key, logs }));
    return new RestoreDrills(s, 'Drills', { policy, placement: WEST, vault, scratchKey: key, logs });
  };
  test('one Automation schedule per promised frequency, linked to the restoring runbook with the vault', () => {
    const { text, json } = synthJson((s) => build(s));
    expect(text).toHaveResourceWithProperties(AutomationSchedule, { name: 'restore-drill-daily', frequency: 'Day', interval: 1 });
    expect(text).toHaveResourceWithProperties(AutomationSchedule, { name: 'restore-drill-weekly', frequency: 'Week', interval: 1, week_days: ['Sunday'] });
    expect(text).toHaveResourceWithProperties(AutomationSchedule, { name: 'restore-drill-quarterly', frequency: 'Month', interval: 3, month_days: [1] });
    const jobs = Object.values(json.resource.azurerm_automation_job_schedule) as any[];
    expect(jobs.map((j) => j.parameters.level).sort()).toEqual(['daily', 'quarterly', 'weekly']);
    expect(jobs[0].parameters.vaultid).toMatch(/azurerm_data_protection_backup_vault\.Backups_Vault_\w+\.id/);
    expect(only(json, 'azurerm_automation_account')).toMatchObject({ local_authentication_enabled: false, identity: { type: 'SystemAssigned' } });
    expect(only(json, 'azurerm_automation_runbook').content).toContain('Start-AzDataProtectionBackupInstanceRestore');
    const { json: quarterly } = synthJson((s) => build(s, DataProtectionPolicy.situm({ restoreTestSchedules: [RestoreTestFrequency.QUARTERLY] })));
    expect(Object.keys(quarterly.resource.azurerm_automation_schedule)).toHaveLength(1);
  });
  test('every protected resource is drilled on every schedule; the scratch account keeps the storage promises', () => {
    const found = verdictsOf((s) => build(s, ALL), ['AzureRestoreDrills', 'AzureLocalAuthDisabled', 'AzureStorageDataAccessLogs', 'AzureDataPublicNetworkAccess', 'AzureRoleAssignmentPrivilege']);
    for (const statuses of Object.values(found)) expect(statuses).toEqual(['compliant']);
  });
  test('a vault in another region is refused', () => {
    expect(() => synthJson((s) => {
      const { key } = basics(s);
      const vault = new PolicyBackupVault(s, 'Backups', { policy: POLICY, placement: WEST, key });
      new RestoreDrills(s, 'Drills', { policy: POLICY, placement: NORTH, vault, scratchKey: key });
    })).toThrow(/RestoreDrills .*\/Drills: invalid props:\n {2}- vault: "westeurope" \(allowed: a vault in the drills' region \(northeurope\)\)/);
  });
});

describe('data constructs keep the new promises', () => {
  test('storage denies the internet and logs every blob access; PostgreSQL audits reads and writes with pgaudit', () => {
    const { text } = synthJson((s) => {
      const { key, logs } = basics(s);
      new GeoRedundantStorage(s, 'Files', { policy: POLICY, placement: WEST, key, logs });
      const geoBackupKey = new BackupKeyVault(s, 'Paired', { policy: POLICY, placement: NORTH }).addKey('geo');
      new ProtectedPostgres(s, 'Db', { policy: POLICY, placement: WEST, pairedPlacement: NORTH, key, geoBackupKey, name: 'db-one', logs });
    });
    expect(text).toHaveResourceWithProperties(StorageAccount, { network_rules: { default_action: 'Deny', bypass: ['AzureServices'] } });
    expect(text).toHaveResourceWithProperties(PostgresqlFlexibleServerConfiguration, { name: 'shared_preload_libraries', value: 'pg_stat_statements,pgaudit' });
    expect(text).toHaveResourceWithProperties(PostgresqlFlexibleServerConfiguration, { name: 'pgaudit.log', value: 'READ,WRITE,DDL,ROLE' });
  });
  test('the flow-log archive exists once', () => {
    expect(() => synthJson((s) => {
      const { logs, key } = basics(s);
      logs.archiveFlowLogs(key);
      logs.archiveFlowLogs(key);
    })).toThrow(/archiveFlowLogs was already called/);
  });
});
