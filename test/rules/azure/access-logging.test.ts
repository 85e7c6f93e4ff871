// Data-access and traffic logging (DP.LOG.2, 3, 4), Defender plans (DP.MON.2), least privilege and
// authentication (DP.IAM.1, 2), on Terraform JSON as real configurations write it.
import { azurerm, COMPLIANT, findingsIn, NON_COMPLIANT, Resources, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const SA = 'azurerm_storage_account.data';
const PG = 'azurerm_postgresql_flexible_server.db';
const workspace = { azurerm_log_analytics_workspace: { central: [{ name: 'law', retention_in_days: 365 }] } };
const account = (extra: Resources = {}): Resources => ({
  ...workspace, ...extra, azurerm_storage_account: { data: [{ name: 'stdata', account_replication_type: 'RAGZRS' }] },
});
const blobLogs = (logs: object[], target = '${azurerm_storage_account.data.id}/blobServices/default'): Resources => ({
  azurerm_monitor_diagnostic_setting: { blob: [{
    name: 'blob', target_resource_id: target, log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}', enabled_log: logs,
  }] },
});

describe('AzureStorageDataAccessLogs', () => {
  test('no blob-service setting, an account-level setting, or writes only, are non-compliant', () => {
    expect(verdicts('AzureStorageDataAccessLogs', account(), SA)).toEqual(['non-compliant[Blob]']);
    expect(verdicts('AzureStorageDataAccessLogs', account(blobLogs([{ category_group: 'allLogs' }], '${azurerm_storage_account.data.id}')), SA)).toEqual(['non-compliant[Blob]']);
    expect(verdicts('AzureStorageDataAccessLogs', account(blobLogs([{ category: 'StorageWrite' }])), SA)).toEqual(['non-compliant[Blob]']);
  });
  test('read, write and delete (or allLogs) of the blob service to a workspace are compliant; a log archive is not customer data', () => {
    expect(verdicts('AzureStorageDataAccessLogs', account(blobLogs([{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }])), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureStorageDataAccessLogs', account(blobLogs([{ category_group: 'allLogs' }])), SA)).toEqual(COMPLIANT);
    const archive = { azurerm_network_watcher_flow_log: { vnet: [{ storage_account_id: '${azurerm_storage_account.data.id}', enabled: true }] } };
    expect(verdicts('AzureStorageDataAccessLogs', account(archive), SA)).toEqual([]);
  });
  test('the "audit" category group alone is never evidence: Azure decides what it holds', () => {
    expect(verdicts('AzureStorageDataAccessLogs', account(blobLogs([{ category_group: 'audit' }])), SA)).toEqual(UNVERIFIABLE);
  });
  test('a file share in use needs its file service logged too', () => {
    const share = { azurerm_storage_share: { docs: [{ name: 'docs', storage_account_id: '${azurerm_storage_account.data.id}', quota: 50 }] } };
    expect(verdicts('AzureStorageDataAccessLogs', account({ ...share, ...blobLogs([{ category_group: 'allLogs' }]) }), SA)).toEqual(['non-compliant[File]']);
  });
  test('log categories from a dynamic block over a variable without default are unverifiable', () => {
    const setting = blobLogs([]);
    const body: any = setting.azurerm_monitor_diagnostic_setting.blob[0];
    delete body.enabled_log;
    body.dynamic = { enabled_log: [{ for_each: '${var.categories}', content: [{ category: '${enabled_log.value}' }] }] };
    expect(verdictsIn('AzureStorageDataAccessLogs', { variable: { categories: {} }, resource: account(setting) }, SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzurePostgresAuditLogs', () => {
  const server = (params: { [name: string]: string }, shipped = true): Resources => ({
    ...workspace,
    azurerm_postgresql_flexible_server: { db: [{ name: 'pg', sku_name: 'GP_Standard_D2ds_v5' }] },
    azurerm_postgresql_flexible_server_configuration: Object.fromEntries(Object.entries(params).map(([name, value], i) =>
      [`p${i}`, [{ name, value, server_id: '${azurerm_postgresql_flexible_server.db.id}' }]])),
    ...(shipped ? {
      azurerm_monitor_diagnostic_setting: { pg: [{
        target_resource_id: '${azurerm_postgresql_flexible_server.db.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}',
        enabled_log: [{ category: 'PostgreSQLLogs' }],
      }] },
    } : {}),
  });
  test('pgaudit configured but not preloaded, without READ, and logs kept on the server are non-compliant', () => {
    expect(verdicts('AzurePostgresAuditLogs', server({ 'shared_preload_libraries': 'pg_cron,pg_stat_statements', 'pgaudit.log': 'WRITE,DDL' }, false), PG))
      .toEqual(['non-compliant[Pgaudit]', 'non-compliant[Shipping]']);
  });
  test('pgaudit preloaded with READ and WRITE (or ALL minus other classes) and PostgreSQLLogs in a workspace are compliant', () => {
    expect(verdicts('AzurePostgresAuditLogs', server({ 'shared_preload_libraries': 'pg_stat_statements,pgaudit', 'pgaudit.log': 'READ,WRITE' }), PG)).toEqual(COMPLIANT);
    expect(verdicts('AzurePostgresAuditLogs', server({ 'shared_preload_libraries': 'pgaudit', 'pgaudit.log': 'all,-misc' }), PG)).toEqual(COMPLIANT);
    expect(verdicts('AzurePostgresAuditLogs', server({ 'shared_preload_libraries': 'pgaudit', 'pgaudit.log': 'all,-read' }), PG)).toEqual(['non-compliant[Pgaudit]']);
  });
  test('audit classes from a variable without default are unverifiable', () => {
    const config = { variable: { classes: {} }, resource: server({ 'shared_preload_libraries': 'pgaudit', 'pgaudit.log': '${var.classes}' }) };
    expect(verdictsIn('AzurePostgresAuditLogs', config, PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureVnetFlowLogs and AzureFlowLogRetention', () => {
  const VNET = 'azurerm_virtual_network.hub';
  const FLOW = 'azurerm_network_watcher_flow_log.fl';
  const flowLog = (o: object): Resources => ({
    azurerm_virtual_network: { hub: [{ name: 'vnet-hub', address_space: ['10.0.0.0/16'] }] },
    azurerm_network_security_group: { api: [{ name: 'nsg-api' }] },
    azurerm_network_watcher_flow_log: { fl: [{
      name: 'fl', network_watcher_name: 'NetworkWatcher_westeurope', resource_group_name: 'NetworkWatcherRG', storage_account_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/stflow',
      enabled: true, retention_policy: [{ enabled: true, days: 365 }], ...o,
    }] },
  });
  test('an NSG flow log (v3 network_security_group_id) cannot be created; a VNet without a flow log is not logged', () => {
    const nsgLog = flowLog({ network_security_group_id: '${azurerm_network_security_group.api.id}' });
    expect(verdictsIn('AzureVnetFlowLogs', { ...azurerm('~> 3.100'), resource: nsgLog }, FLOW)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureVnetFlowLogs', nsgLog, VNET)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureVnetFlowLogs', flowLog({ target_resource_id: '${azurerm_virtual_network.hub.id}', enabled: false }), FLOW)).toEqual(NON_COMPLIANT);
  });
  test('an enabled flow log on the VNet (v4 target_resource_id) is compliant evidence on the VNet', () => {
    const vnetLog = flowLog({ target_resource_id: '${azurerm_virtual_network.hub.id}', traffic_analytics: [{ enabled: true, workspace_id: 'w', workspace_region: 'westeurope', workspace_resource_id: 'x', interval_in_minutes: 10 }] });
    expect(verdictsIn('AzureVnetFlowLogs', { ...azurerm('~> 4.20'), resource: vnetLog }, VNET)).toEqual(COMPLIANT);
    expect(verdicts('AzureVnetFlowLogs', vnetLog, FLOW)).toEqual([]);
  });
  test('enabled from a variable without default is unverifiable', () => {
    const config = { variable: { on: {} }, resource: flowLog({ target_resource_id: '${azurerm_virtual_network.hub.id}', enabled: '${var.on}' }) };
    expect(verdictsIn('AzureVnetFlowLogs', config, VNET)).toEqual(UNVERIFIABLE);
  });
  test('retention: 7 days is too short; 365 days, 0 (forever) or no retention policy keep the records', () => {
    expect(verdicts('AzureFlowLogRetention', flowLog({ retention_policy: [{ enabled: true, days: 7 }] }), FLOW)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureFlowLogRetention', flowLog({}), FLOW)).toEqual(COMPLIANT);
    expect(verdicts('AzureFlowLogRetention', flowLog({ retention_policy: [{ enabled: true, days: 0 }] }), FLOW)).toEqual(COMPLIANT);
    expect(verdicts('AzureFlowLogRetention', flowLog({ retention_policy: [{ enabled: false, days: 0 }] }), FLOW)).toEqual(COMPLIANT);
    expect(verdictsIn('AzureFlowLogRetention', { variable: { days: {} }, resource: flowLog({ retention_policy: [{ enabled: true, days: '${var.days}' }] }) }, FLOW)).toEqual(UNVERIFIABLE);
  });
  test('retention: each branch says why, and the promised days are the boundary', () => {
    // Found by the mutation run: the statuses alone could not tell these branches apart.
    const detail = (retention: unknown, config: object = {}) => {
      const resources = flowLog({ retention_policy: retention });
      if (retention === undefined) delete resources.azurerm_network_watcher_flow_log.fl[0].retention_policy;
      return findingsIn('AzureFlowLogRetention', { resource: resources, ...config }, FLOW)
        .map((f) => `${f.status}${f.ruleId.replace('DataProtection-AzureFlowLogRetention', '')}: ${f.detail}`);
    };
    expect(detail(undefined)).toEqual(['compliant: no retention policy: records are kept until deleted']);
    expect(detail([{ enabled: false, days: 7 }])).toEqual(['compliant: retention_policy.enabled = false: records are kept until deleted']);
    expect(detail([{ days: 7 }])).toEqual(['compliant: retention_policy.enabled = false: records are kept until deleted']);
    expect(detail([{ enabled: true, days: 0 }])).toEqual(['compliant: retention_policy.days = 0: records are kept forever']);
    expect(detail([{ enabled: true, days: 365 }])).toEqual(['compliant: retention_policy.days = 365']);
    expect(detail([{ enabled: true, days: '364' }])).toEqual(['non-compliant: retention_policy.days = 364 (promised: 365)']);
    expect(detail([{ enabled: true, days: 'a year' }])[0]).toMatch(/^non-compliant\[Unverifiable\]: .*retention_policy\.days/);
    expect(detail([{ enabled: '${var.on}', days: 7 }], { variable: { on: {} } })[0]).toMatch(/^non-compliant\[Unverifiable\]: .*retention_policy\.enabled.*var\.on/);
    expect(detail('${var.retention}', { variable: { retention: {} } })[0]).toMatch(/^non-compliant\[Unverifiable\]: .*retention_policy.*var\.retention/);
  });
});

describe('AzureEntryPointAccessLogs', () => {
  const FD = 'azurerm_cdn_frontdoor_profile.fd';
  const frontDoor = (logs?: object[]): Resources => ({
    ...workspace,
    azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd', sku_name: 'Premium_AzureFrontDoor' }] },
    ...(logs ? { azurerm_monitor_diagnostic_setting: { fd: [{
      target_resource_id: '${azurerm_cdn_frontdoor_profile.fd.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}', enabled_log: logs,
    }] } } : {}),
  });
  test('no diagnostic setting, or WAF logs only, are non-compliant', () => {
    expect(verdicts('AzureEntryPointAccessLogs', frontDoor(), FD)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureEntryPointAccessLogs', frontDoor([{ category: 'FrontDoorWebApplicationFirewallLog' }]), FD)).toEqual(NON_COMPLIANT);
  });
  test('the access log (or allLogs) sent to a workspace is compliant', () => {
    expect(verdicts('AzureEntryPointAccessLogs', frontDoor([{ category: 'FrontDoorAccessLog' }]), FD)).toEqual(COMPLIANT);
    expect(verdicts('AzureEntryPointAccessLogs', frontDoor([{ category_group: 'allLogs' }]), FD)).toEqual(COMPLIANT);
  });
  test('a category from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureEntryPointAccessLogs', { variable: { c: {} }, resource: frontDoor([{ category: '${var.c}' }]) }, FD)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureDefenderPlans', () => {
  const plans = (...types: [string, string][]): Resources => ({
    azurerm_security_center_subscription_pricing: Object.fromEntries(types.map(([type, tier], i) => [`p${i}`, [{ tier, ...(type ? { resource_type: type } : {}) }]])),
    azurerm_security_center_contact: { sec: [{ name: 'security', email: 'sec@example.com', alert_notifications: true, alerts_to_admins: true }] },
  });
  test('a Standard tier without resource_type (servers only), or storage on Free, leave the account unwatched', () => {
    expect(verdicts('AzureDefenderPlans', account(plans(['', 'Standard'])), SA)).toEqual(['non-compliant[Plan]']);
    const free = account(plans(['StorageAccounts', 'Free']));
    expect(verdicts('AzureDefenderPlans', free, SA)).toEqual(['non-compliant[Plan]']);
    expect(verdicts('AzureDefenderPlans', free, 'azurerm_security_center_subscription_pricing.p0')).toEqual(NON_COMPLIANT);
    const muted = { ...account(plans(['StorageAccounts', 'Standard'])), azurerm_security_center_contact: { sec: [{ email: 'x@example.com', alert_notifications: false, alerts_to_admins: false }] } };
    expect(verdicts('AzureDefenderPlans', muted, SA)).toEqual(['non-compliant[Alerts]']);
    expect(verdicts('AzureDefenderPlans', muted, 'azurerm_security_center_contact.sec')).toEqual(NON_COMPLIANT);
  });
  test('the storage plan on Standard with alert e-mails is compliant', () => {
    expect(verdicts('AzureDefenderPlans', account(plans(['StorageAccounts', 'Standard'])), SA)).toEqual(COMPLIANT);
    expect(verdicts('AzureDefenderPlans', account(plans(['StorageAccounts', 'Standard'])), 'azurerm_security_center_subscription_pricing.p0')).toEqual(COMPLIANT);
  });
  test('a tier from a variable without default is unverifiable', () => {
    const config = { variable: { tier: {} }, resource: account(plans(['StorageAccounts', '${var.tier}'])) };
    expect(verdictsIn('AzureDefenderPlans', config, SA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureRoleAssignmentPrivilege and AzureRoleDefinitionWildcard', () => {
  const RA = 'azurerm_role_assignment.ra';
  const assignment = (o: object, extra: Resources = {}): Resources => ({ ...extra, azurerm_role_assignment: { ra: [{ principal_id: '${azurerm_user_assigned_identity.app.principal_id}', ...o }] } });
  const wildcard = (scope: string): Resources => ({
    azurerm_role_definition: { deployer: [{ name: 'deployer', scope, permissions: [{ actions: ['*'], not_actions: ['Microsoft.Authorization/*/Delete'] }], assignable_scopes: [scope] }] },
  });
  test('Owner on the subscription (data source or literal), a built-in ID, or a wildcard custom role, are non-compliant', () => {
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: '${data.azurerm_subscription.current.id}', role_definition_name: 'Owner' }), RA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({
      scope: '/subscriptions/00000000-0000-0000-0000-000000000000', role_definition_id: '/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c',
    }), RA)).toEqual(NON_COMPLIANT);
    const custom = assignment({ scope: '${data.azurerm_subscription.current.id}', role_definition_id: '${azurerm_role_definition.deployer.role_definition_resource_id}', principal_type: 'ServicePrincipal' },
      wildcard('${data.azurerm_subscription.current.id}'));
    expect(verdicts('AzureRoleAssignmentPrivilege', custom, RA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureRoleDefinitionWildcard', custom, 'azurerm_role_definition.deployer')).toEqual(NON_COMPLIANT);
  });
  test('narrow roles, Contributor on a resource group, and named actions are compliant; people are not service roles', () => {
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: '${azurerm_key_vault.kv.id}', role_definition_name: 'Key Vault Crypto Service Encryption User' }), RA)).toEqual(COMPLIANT);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: '${azurerm_resource_group.app.id}', role_definition_name: 'Contributor' }), RA)).toEqual(COMPLIANT);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: '${data.azurerm_subscription.current.id}', role_definition_name: 'Owner', principal_type: 'Group' }), RA)).toEqual([]);
    const named = { azurerm_role_definition: { reader: [{ scope: '/subscriptions/s', permissions: [{ actions: ['Microsoft.Storage/storageAccounts/read'] }] }] } };
    expect(verdicts('AzureRoleDefinitionWildcard', named, 'azurerm_role_definition.reader')).toEqual(COMPLIANT);
  });
  test('a scope or role from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureRoleAssignmentPrivilege', { variable: { scope: {} }, resource: assignment({ scope: '${var.scope}', role_definition_name: 'Contributor' }) }, RA)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureRoleAssignmentPrivilege', { variable: { role: {} }, resource: assignment({ scope: '/subscriptions/s', role_definition_name: '${var.role}' }) }, RA)).toEqual(UNVERIFIABLE);
    const config = { variable: { actions: {} }, resource: { azurerm_role_definition: { r: [{ scope: '/subscriptions/s', permissions: [{ actions: '${var.actions}' }] }] } } };
    expect(verdictsIn('AzureRoleDefinitionWildcard', config, 'azurerm_role_definition.r')).toEqual(UNVERIFIABLE);
  });
});

describe('AzureLocalAuthDisabled', () => {
  const server = (auth?: object) => ({ azurerm_postgresql_flexible_server: { db: [{ name: 'pg', ...(auth ? { authentication: [auth] } : {}) }] } });
  test('password login on by default, or beside Entra ID, and shared keys by default are non-compliant', () => {
    expect(verdicts('AzureLocalAuthDisabled', server(), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', server({ active_directory_auth_enabled: true, tenant_id: 't' }), PG)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', account(), SA)).toEqual(NON_COMPLIANT);
  });
  test('Entra ID only (8-character passwords, fixed by Microsoft) and shared keys off are compliant', () => {
    const entraOnly = server({ active_directory_auth_enabled: true, password_auth_enabled: false, tenant_id: 't' });
    expect(verdicts('AzureLocalAuthDisabled', entraOnly, PG)).toEqual(COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', { azurerm_storage_account: { data: [{ shared_access_key_enabled: false }] } }, SA)).toEqual(COMPLIANT);
    // A policy asking for 12 characters is more than Entra ID enforces.
    expect(verdicts('AzureLocalAuthDisabled', entraOnly, PG, new DataProtectionPolicy({ minPasswordLength: 12 }))).toEqual(NON_COMPLIANT);
  });
  test('a switch from a variable without default is unverifiable', () => {
    expect(verdictsIn('AzureLocalAuthDisabled', { variable: { pw: {} }, resource: server({ password_auth_enabled: '${var.pw}' }) }, PG)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureAppAuthentication and AzureUserDirectoryPasswords', () => {
  const WEB = 'azurerm_linux_web_app.portal';
  const web = (auth?: object) => ({ azurerm_linux_web_app: { portal: [{ name: 'portal', site_config: [{}], ...(auth ? { auth_settings_v2: [auth] } : {}) }] } });
  test('authentication that lets anonymous requests pass is non-compliant', () => {
    expect(verdicts('AzureAppAuthentication', web({ auth_enabled: true, require_authentication: false, unauthenticated_action: 'AllowAnonymous', login: [{}] }), WEB)).toEqual(NON_COMPLIANT);
  });
  test('required authentication, or client certificates required at a container app\'s ingress, are compliant', () => {
    expect(verdicts('AzureAppAuthentication', web({ auth_enabled: true, require_authentication: true, unauthenticated_action: 'Return401', login: [{}] }), WEB)).toEqual(COMPLIANT);
    const mtls = { azurerm_container_app: { api: [{ ingress: [{ external_enabled: true, client_certificate_mode: 'require', target_port: 8080 }] }] } };
    expect(verdicts('AzureAppAuthentication', mtls, 'azurerm_container_app.api')).toEqual(COMPLIANT);
  });
  test('authentication left to the application is unverifiable; an internal container app is not user-facing', () => {
    expect(verdicts('AzureAppAuthentication', web(), WEB)).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureAppAuthentication', { azurerm_container_app: { api: [{ ingress: [{ external_enabled: true, target_port: 8080 }] }] } }, 'azurerm_container_app.api')).toEqual(UNVERIFIABLE);
    expect(verdicts('AzureAppAuthentication', { azurerm_container_app: { api: [{ ingress: [{ target_port: 8080 }] }] } }, 'azurerm_container_app.api')).toEqual([]);
  });
  test('Entra Domain Services keeps Entra ID\'s 8 characters; a B2C tenant\'s password rules live outside azurerm', () => {
    const ds = { azurerm_active_directory_domain_service: { aadds: [{ name: 'aadds', domain_name: 'corp.example.com', sku: 'Standard' }] } };
    expect(verdicts('AzureUserDirectoryPasswords', ds, 'azurerm_active_directory_domain_service.aadds')).toEqual(COMPLIANT);
    expect(verdicts('AzureUserDirectoryPasswords', ds, 'azurerm_active_directory_domain_service.aadds', new DataProtectionPolicy({ minPasswordLength: 10 }))).toEqual(NON_COMPLIANT);
    const b2c = { azurerm_aadb2c_directory: { users: [{ domain_name: 'situmusers.onmicrosoft.com', country_code: 'ES', data_residency_location: 'Europe', sku_name: 'PremiumP1' }] } };
    expect(verdicts('AzureUserDirectoryPasswords', b2c, 'azurerm_aadb2c_directory.users')).toEqual(UNVERIFIABLE);
  });
});
