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

describe('AzureFlowLogRetention: the storage account\'s lifecycle rules delete records too', () => {
  const FLOW = 'azurerm_network_watcher_flow_log.fl';
  const withLifecycle = (rule: object | string, flowLog: object = {}) => ({
    azurerm_storage_account: { flowlogs: [{ name: 'stflowlogs' }] },
    azurerm_storage_management_policy: { lc: [{ storage_account_id: '${azurerm_storage_account.flowlogs.id}', rule: typeof rule === 'string' ? rule : [{ name: 'tidy', enabled: true, ...rule }] }] },
    azurerm_network_watcher_flow_log: { fl: [{
      name: 'fl', network_watcher_name: 'nw', resource_group_name: 'rg', storage_account_id: '${azurerm_storage_account.flowlogs.id}', enabled: true,
      target_resource_id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/virtualNetworks/v', retention_policy: [{ enabled: true, days: 365 }], ...flowLog,
    }] },
  });
  const deleteAfter = (days: unknown) => ({ actions: [{ base_blob: [{ delete_after_days_since_modification_greater_than: days }] }] });
  const said = (resources: object, config: object = {}) => findingsIn('AzureFlowLogRetention', { resource: resources, ...config }, FLOW)
    .map((f) => `${f.status}${f.ruleId.replace('DataProtection-AzureFlowLogRetention', '')}: ${f.detail}`);
  test('a rule deleting every blob, or the flow log containers, sooner than the policy is non-compliant, whatever the flow log keeps', () => {
    const early = 'non-compliant: azurerm_storage_management_policy.lc rule "tidy" deletes the flow log\'s records after 7 days (promised: 365)';
    expect(said(withLifecycle(deleteAfter(7)))).toEqual([early]);
    expect(said(withLifecycle(deleteAfter(7), { retention_policy: [{ enabled: false, days: 0 }] }))).toEqual([early]);
    expect(said(withLifecycle({ ...deleteAfter(7), filters: [{ blob_types: ['blockBlob'], prefix_match: ['insights-logs-flowlogflowevent'] }] }))).toEqual([early]);
    expect(said(withLifecycle({ ...deleteAfter(7), filters: [{ prefix_match: ['insights-logs-networksecuritygroupflowevent/resourceId=/SUBSCRIPTIONS'] }] }))).toEqual([early]);
    // Deleting blobs not read for 7 days deletes records nobody looked at: the ones an audit needs.
    expect(said(withLifecycle({ actions: [{ base_blob: [{ delete_after_days_since_last_access_time_greater_than: 7 }] }] })))
      .toEqual(['non-compliant: azurerm_storage_management_policy.lc rule "tidy" deletes the flow log\'s records after 7 days (promised: 365)']);
  });
  test('rules that leave the records, or keep them long enough, change nothing; unknown ones are unverifiable', () => {
    const kept = ['compliant: retention_policy.days = 365'];
    expect(said(withLifecycle(deleteAfter(365)))).toEqual(kept);
    expect(said(withLifecycle({ ...deleteAfter(7), filters: [{ prefix_match: ['uploads/'] }] }))).toEqual(kept);
    expect(said(withLifecycle({ ...deleteAfter(7), filters: [{ blob_types: ['appendBlob'] }] }))).toEqual(kept);
    expect(said(withLifecycle({ ...deleteAfter(7), filters: [{ match_blob_index_tag: [{ name: 'tier', operation: '==', value: 'tmp' }] }] }))).toEqual(kept);
    expect(said(withLifecycle({ ...deleteAfter(7), enabled: false }))).toEqual(kept);
    expect(said(withLifecycle({ actions: [{ snapshot: [{ delete_after_days_since_creation_greater_than: 1 }] }] }))).toEqual(kept);
    expect(said(withLifecycle(deleteAfter('${var.days}')), { variable: { days: {} } }))
      .toEqual(['non-compliant[Unverifiable]: azurerm_storage_management_policy.lc rule "tidy" has delete_after_days_since_modification_greater_than = ${var.days}']);
    expect(said(withLifecycle('${var.rules}'), { variable: { rules: {} } }))
      .toEqual(['non-compliant[Unverifiable]: azurerm_storage_management_policy.lc has rules from an expression']);
    // The flow log's own short retention is the finding when the lifecycle is unknown.
    expect(said(withLifecycle(deleteAfter('${var.days}'), { retention_policy: [{ enabled: true, days: 30 }] }), { variable: { days: {} } }))
      .toEqual(['non-compliant: retention_policy.days = 30 (promised: 365)']);
  });
});

describe('AzureLogAnalyticsRetention: a table keeps its logs for less than its workspace', () => {
  const W = 'azurerm_log_analytics_workspace.w';
  const withTable = (table: object) => ({
    azurerm_log_analytics_workspace: { w: [{ name: 'law', retention_in_days: 365 }] },
    azurerm_log_analytics_workspace_table: { t: [{ workspace_id: '${azurerm_log_analytics_workspace.w.id}', name: 'StorageBlobLogs', ...table }] },
  });
  const said = (resources: object, config: object = {}) => findingsIn('AzureLogAnalyticsRetention', { resource: resources, ...config }, W)
    .map((f) => `${f.status}${f.ruleId.replace('DataProtection-AzureLogAnalyticsRetention', '')}: ${f.detail}`);
  test('a table kept 7 days is non-compliant; the archive (total_retention_in_days) or -1 (the workspace\'s) keeps it', () => {
    expect(said(withTable({ retention_in_days: 7 })))
      .toEqual(['non-compliant: table StorageBlobLogs (azurerm_log_analytics_workspace_table.t) keeps its logs 7 days (retention_in_days = 7; promised: 365)']);
    expect(said(withTable({ retention_in_days: 30, total_retention_in_days: 400 }))).toEqual(['compliant: retention_in_days = 365']);
    expect(said(withTable({ retention_in_days: -1 }))).toEqual(['compliant: retention_in_days = 365']);
    expect(said(withTable({ plan: 'Basic' }))).toEqual(['compliant: retention_in_days = 365']);
  });
  test('a table retention from a variable is unverifiable unless the other value keeps the logs', () => {
    expect(said(withTable({ retention_in_days: '${var.days}' }), { variable: { days: {} } }))
      .toEqual(['non-compliant[Unverifiable]: table StorageBlobLogs (azurerm_log_analytics_workspace_table.t): retention_in_days = ${var.days} (variable "days" has no default and no value was given)']);
    expect(said(withTable({ retention_in_days: '${var.days}', total_retention_in_days: 730 }), { variable: { days: {} } }))
      .toEqual(['compliant: retention_in_days = 365']);
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
  test('a wildcard role whose assignable_scopes come from a variable may be assignable at a subscription: unverifiable, whatever its scope', () => {
    for (const scope of ['${azurerm_resource_group.app.id}', '${data.azurerm_subscription.current.id}']) {
      const config = { variable: { scopes: {} }, resource: { azurerm_role_definition: { d: [{ scope, permissions: [{ actions: ['*'] }], assignable_scopes: '${var.scopes}' }] } } };
      const found = findingsIn('AzureRoleDefinitionWildcard', config, 'azurerm_role_definition.d');
      expect(found.map((f) => [f.ruleId, f.detail])).toEqual([
        ['DataProtection-AzureRoleDefinitionWildcard[Unverifiable]', 'actions = ["*"]; assignable_scopes are given by an expression'],
      ]);
    }
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

// Found by the mutation run: the cases below execute the branches the statuses above leave alone, and
// check each one says why (the finding's detail), so a branch that reaches the same status for
// another reason cannot change unseen.
const said = (rule: string, config: { [key: string]: any }, address: string, policy?: DataProtectionPolicy) =>
  findingsIn(rule, config, address, policy).map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}: ${f.detail}`);
const withVars = (resource: Resources, ...names: string[]) => ({ variable: Object.fromEntries(names.map((n) => [n, {}])), resource });

describe('AzureAppAuthentication: each setting read, and what it says', () => {
  const WEB = 'azurerm_linux_web_app.portal';
  const web = (o: object): Resources => ({ azurerm_linux_web_app: { portal: [{ name: 'portal', site_config: [{}], ...o }] } });
  const v2 = (auth: object) => web({ auth_settings_v2: [auth] });
  const v1 = (auth: object) => web({ auth_settings: [auth] });
  test('a settings block, switch or action from a variable is unverifiable and names it', () => {
    expect(said('AzureAppAuthentication', withVars(web({ auth_settings_v2: '${var.auth}' }), 'auth'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings_v2 = \$\{var\.auth\}/);
    expect(said('AzureAppAuthentication', withVars(web({ auth_settings: '${var.auth}' }), 'auth'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings = \$\{var\.auth\}/);
    expect(said('AzureAppAuthentication', withVars(v2({ auth_enabled: '${var.on}', require_authentication: true }), 'on'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings_v2\.auth_enabled = \$\{var\.on\}/);
    expect(said('AzureAppAuthentication', withVars(v2({ auth_enabled: true, require_authentication: '${var.req}' }), 'req'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings_v2\.require_authentication = \$\{var\.req\}/);
    const action = v2({ auth_enabled: true, require_authentication: true, unauthenticated_action: '${var.a}' });
    expect(said('AzureAppAuthentication', withVars(action, 'a'), WEB)[0]).toMatch(/^non-compliant\[Unverifiable\]: auth_settings_v2\.unauthenticated_action = \$\{var\.a\}/);
    expect(said('AzureAppAuthentication', withVars(v1({ enabled: '${var.on}', unauthenticated_client_action: 'RedirectToLoginPage' }), 'on'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings\.enabled = \$\{var\.on\}/);
    expect(said('AzureAppAuthentication', withVars(v1({ enabled: true, unauthenticated_client_action: '${var.a}' }), 'a'), WEB)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: auth_settings\.unauthenticated_client_action = \$\{var\.a\}/);
  });
  test('auth_settings_v2: off, on without requiring it, or anonymous allowed are non-compliant; required is compliant', () => {
    expect(said('AzureAppAuthentication', { resource: v2({ auth_enabled: false, require_authentication: true }) }, WEB))
      .toEqual(['non-compliant: auth_settings_v2.auth_enabled is false: built-in authentication is off']);
    // auth_enabled defaults to false.
    expect(said('AzureAppAuthentication', { resource: v2({}) }, WEB)).toEqual(['non-compliant: auth_settings_v2.auth_enabled is false: built-in authentication is off']);
    expect(said('AzureAppAuthentication', { resource: v2({ auth_enabled: true, require_authentication: true, unauthenticated_action: 'AllowAnonymous' }) }, WEB))
      .toEqual(['non-compliant: authentication is on but anonymous requests pass (require_authentication = true, unauthenticated_action = "AllowAnonymous")']);
    expect(said('AzureAppAuthentication', { resource: v2({ auth_enabled: true, require_authentication: false, unauthenticated_action: 'Return401' }) }, WEB))
      .toEqual(['non-compliant: authentication is on but anonymous requests pass (require_authentication = false, unauthenticated_action = "Return401")']);
    expect(verdicts('AzureAppAuthentication', v2({ auth_enabled: true }), WEB)).toEqual(NON_COMPLIANT);
    // The unauthenticated action defaults to the login page.
    expect(said('AzureAppAuthentication', { resource: v2({ auth_enabled: true, require_authentication: true }) }, WEB))
      .toEqual(['compliant: built-in authentication required (unauthenticated requests: RedirectToLoginPage)']);
    expect(verdicts('AzureAppAuthentication', v2({ auth_enabled: 'true', require_authentication: 'true', unauthenticated_action: 'Return403' }), WEB)).toEqual(COMPLIANT);
    const windows = { azurerm_windows_web_app: { w: [{ auth_settings_v2: [{ auth_enabled: true, require_authentication: true }] }] } };
    expect(verdicts('AzureAppAuthentication', windows, 'azurerm_windows_web_app.w')).toEqual(COMPLIANT);
  });
  test('auth_settings_v2 decides over the legacy block', () => {
    const both = web({ auth_settings_v2: [{ auth_enabled: true, require_authentication: true }], auth_settings: [{ enabled: false }] });
    expect(verdicts('AzureAppAuthentication', both, WEB)).toEqual(COMPLIANT);
  });
  test('legacy auth_settings: off, no action or AllowAnonymous are non-compliant; a login redirect is compliant', () => {
    expect(said('AzureAppAuthentication', { resource: v1({ enabled: true, unauthenticated_client_action: 'RedirectToLoginPage' }) }, WEB))
      .toEqual(['compliant: built-in authentication required (unauthenticated requests: RedirectToLoginPage)']);
    expect(said('AzureAppAuthentication', { resource: v1({ enabled: false, unauthenticated_client_action: 'RedirectToLoginPage' }) }, WEB))
      .toEqual(['non-compliant: auth_settings.enabled is false: built-in authentication is off']);
    expect(said('AzureAppAuthentication', { resource: v1({}) }, WEB)).toEqual(['non-compliant: auth_settings.enabled is false: built-in authentication is off']);
    expect(said('AzureAppAuthentication', { resource: v1({ enabled: true }) }, WEB))
      .toEqual(['non-compliant: anonymous requests pass (unauthenticated_client_action not set)']);
    expect(said('AzureAppAuthentication', { resource: v1({ enabled: true, unauthenticated_client_action: 'AllowAnonymous' }) }, WEB))
      .toEqual(['non-compliant: anonymous requests pass (unauthenticated_client_action = "AllowAnonymous")']);
  });
  test('container apps: ingress or its exposure from a variable is unverifiable; internal or without ingress is not user-facing', () => {
    const CA = 'azurerm_container_app.api';
    const app = (o: object): Resources => ({ azurerm_container_app: { api: [o] } });
    expect(said('AzureAppAuthentication', withVars(app({ ingress: '${var.ingress}' }), 'ingress'), CA)[0]).toMatch(/^non-compliant\[Unverifiable\]: ingress = \$\{var\.ingress\}/);
    const exposure = app({ ingress: [{ external_enabled: '${var.ext}', client_certificate_mode: 'require' }] });
    expect(said('AzureAppAuthentication', withVars(exposure, 'ext'), CA)[0]).toMatch(/^non-compliant\[Unverifiable\]: ingress\.external_enabled = \$\{var\.ext\}/);
    expect(verdicts('AzureAppAuthentication', app({}), CA)).toEqual([]);
    expect(verdicts('AzureAppAuthentication', app({ ingress: [{ external_enabled: 'false', client_certificate_mode: 'require' }] }), CA)).toEqual([]);
    // Client certificates only accepted (not required) are no authentication.
    expect(verdicts('AzureAppAuthentication', app({ ingress: [{ external_enabled: true, client_certificate_mode: 'accept' }] }), CA)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureLocalAuthDisabled: replicas, every PostgreSQL switch, the password length boundary, Automation and Service Bus', () => {
  const server = (o: object): Resources => ({ azurerm_postgresql_flexible_server: { db: [{ name: 'pg', ...o }] } });
  test('a create mode, authentication block or Entra ID switch from a variable is unverifiable and names it', () => {
    expect(said('AzureLocalAuthDisabled', withVars(server({ create_mode: '${var.mode}' }), 'mode'), PG)[0]).toMatch(/^non-compliant\[Unverifiable\]: create_mode = \$\{var\.mode\}/);
    expect(said('AzureLocalAuthDisabled', withVars(server({ authentication: '${var.auth}' }), 'auth'), PG)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: authentication = \$\{var\.auth\}/);
    const entra = server({ authentication: [{ password_auth_enabled: false, active_directory_auth_enabled: '${var.e}' }] });
    expect(said('AzureLocalAuthDisabled', withVars(entra, 'e'), PG)[0]).toMatch(/^non-compliant\[Unverifiable\]: authentication\.active_directory_auth_enabled = \$\{var\.e\}/);
  });
  test('a read replica takes its logins from its source: not judged', () => {
    expect(verdicts('AzureLocalAuthDisabled', server({ create_mode: 'Replica', source_server_id: '${azurerm_postgresql_flexible_server.src.id}' }), PG)).toEqual([]);
  });
  test('password login set on, or no login at all, are non-compliant and say which', () => {
    expect(said('AzureLocalAuthDisabled', { resource: server({ authentication: [{ password_auth_enabled: true }] }) }, PG))
      .toEqual(['non-compliant: password authentication is on: PostgreSQL enforces no password length for database roles']);
    expect(said('AzureLocalAuthDisabled', { resource: server({}) }, PG))
      .toEqual(['non-compliant: password authentication is on (the default): PostgreSQL enforces no password length for database roles']);
    expect(said('AzureLocalAuthDisabled', { resource: server({ authentication: [{ active_directory_auth_enabled: true }] }) }, PG))
      .toEqual(['non-compliant: password authentication is on (the default): PostgreSQL enforces no password length for database roles, beside Entra ID']);
    expect(said('AzureLocalAuthDisabled', { resource: server({ authentication: [{ password_auth_enabled: false }] }) }, PG))
      .toEqual(['non-compliant: neither password nor Entra ID authentication is on: nobody can sign in']);
  });
  test('Entra ID only meets a policy of 8 characters and not one of 9', () => {
    const entraOnly = server({ authentication: [{ password_auth_enabled: false, active_directory_auth_enabled: true }] });
    expect(verdicts('AzureLocalAuthDisabled', entraOnly, PG, new DataProtectionPolicy({ minPasswordLength: 8 }))).toEqual(COMPLIANT);
    expect(said('AzureLocalAuthDisabled', { resource: entraOnly }, PG, new DataProtectionPolicy({ minPasswordLength: 9 })))
      .toEqual(['non-compliant: sign-in through Entra ID, whose fixed password policy requires 8 characters; the policy promises 9']);
  });
  test('Automation accounts and Service Bus namespaces keep local keys unless switched off', () => {
    expect(verdicts('AzureLocalAuthDisabled', { azurerm_automation_account: { a: [{ sku_name: 'Basic' }] } }, 'azurerm_automation_account.a')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', { azurerm_automation_account: { a: [{ local_authentication_enabled: false }] } }, 'azurerm_automation_account.a')).toEqual(COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', { azurerm_servicebus_namespace: { n: [{ local_auth_enabled: false }] } }, 'azurerm_servicebus_namespace.n')).toEqual(COMPLIANT);
    expect(verdicts('AzureLocalAuthDisabled', { azurerm_servicebus_namespace: { n: [{ local_auth_enabled: true }] } }, 'azurerm_servicebus_namespace.n')).toEqual(NON_COMPLIANT);
    const keys = withVars({ azurerm_storage_account: { s: [{ shared_access_key_enabled: '${var.k}' }] } }, 'k');
    expect(verdictsIn('AzureLocalAuthDisabled', keys, 'azurerm_storage_account.s')).toEqual(UNVERIFIABLE);
  });
});

describe('AzureRoleAssignmentPrivilege: roles, scopes and principals read every way', () => {
  const RA = 'azurerm_role_assignment.ra';
  const SUB = '${data.azurerm_subscription.current.id}';
  const assignment = (o: object, extra: Resources = {}): Resources => ({
    ...extra, azurerm_role_assignment: { ra: [{ principal_id: '${azurerm_user_assigned_identity.app.principal_id}', ...o }] },
  });
  const custom = (permission: object): Resources => ({ azurerm_role_definition: { d: [{ name: 'd', scope: SUB, permissions: [permission] }] } });
  const viaCustom = { role_definition_id: '${azurerm_role_definition.d.role_definition_resource_id}' };
  const owner = (scope: string) => verdicts('AzureRoleAssignmentPrivilege', assignment({ scope, role_definition_name: 'Owner' }), RA);
  test('custom roles: actions from a variable, named actions, or a wildcard on data actions', () => {
    const hidden = withVars(assignment({ scope: SUB, ...viaCustom }, custom({ actions: '${var.a}' })), 'a');
    expect(said('AzureRoleAssignmentPrivilege', hidden, RA)).toEqual(['non-compliant[Unverifiable]: azurerm_role_definition.d grants actions given by an expression']);
    // An unknown role limited to a resource group is no subscription-wide grant.
    const narrow = withVars(assignment({ scope: '${azurerm_resource_group.app.id}', ...viaCustom }, custom({ actions: '${var.a}' })), 'a');
    expect(said('AzureRoleAssignmentPrivilege', narrow, RA)).toEqual(['compliant: scope ${azurerm_resource_group.app.id} is a resource group or narrower']);
    const named = assignment({ scope: SUB, ...viaCustom }, custom({ actions: ['Microsoft.Storage/storageAccounts/read'] }));
    expect(said('AzureRoleAssignmentPrivilege', { resource: named }, RA))
      .toEqual(['compliant: ${azurerm_role_definition.d.role_definition_resource_id}: not a privileged role']);
    const data = assignment({ scope: SUB, ...viaCustom }, custom({ actions: [], data_actions: ['*'] }));
    expect(said('AzureRoleAssignmentPrivilege', { resource: data }, RA)).toEqual([`non-compliant: azurerm_role_definition.d (data_actions = ["*"]) at ${SUB}`]);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: SUB, ...viaCustom }, custom({ actions: ['*/*'] })), RA)).toEqual(NON_COMPLIANT);
    // A role definition referenced inside a function call is still that role.
    const wrapped = assignment({ scope: '/subscriptions/s', role_definition_id: '${split("|", azurerm_role_definition.d.id)[1]}', principal_type: 'ServicePrincipal' },
      custom({ actions: ['*'] }));
    expect(verdicts('AzureRoleAssignmentPrivilege', wrapped, RA)).toEqual(NON_COMPLIANT);
    // A role_definition_id taken from a resource that is no role definition is not a custom role's actions.
    const notRole = assignment({ scope: SUB, role_definition_id: '${azurerm_user_assigned_identity.app.id}' }, { azurerm_user_assigned_identity: { app: [{ name: 'id-app' }] } });
    expect(said('AzureRoleAssignmentPrivilege', { resource: notRole }, RA)[0]).toMatch(/^non-compliant\[Unverifiable\]: role_definition_id = \$\{azurerm_user_assigned_identity\.app\.id\}/);
  });
  test('built-in roles by ID: a reader GUID is compliant; an ID from a variable or data source is unverifiable unless the scope is narrow', () => {
    const reader = '/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7';
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: SUB, role_definition_id: reader }) }, RA))
      .toEqual([`compliant: ${reader}: not a privileged role`]);
    expect(said('AzureRoleAssignmentPrivilege', withVars(assignment({ scope: SUB, role_definition_id: '${var.role}' }), 'role'), RA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: role_definition_id = \$\{var\.role\}/);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: SUB, role_definition_id: '${data.azurerm_role_definition.owner.id}' }), RA)).toEqual(UNVERIFIABLE);
    const rg = withVars(assignment({ scope: '/subscriptions/s/resourceGroups/rg', role_definition_id: '${var.role}' }), 'role');
    expect(verdictsIn('AzureRoleAssignmentPrivilege', rg, RA)).toEqual(COMPLIANT);
    expect(verdictsIn('AzureRoleAssignmentPrivilege', withVars(assignment({ scope: '${azurerm_resource_group.app.id}', role_definition_name: '${var.role}' }), 'role'), RA))
      .toEqual(COMPLIANT);
  });
  test('every privileged built-in role by name; Reader is not one', () => {
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: SUB, role_definition_name: 'User Access Administrator' }), RA)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: SUB, role_definition_name: 'Role Based Access Control Administrator' }), RA)).toEqual(NON_COMPLIANT);
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: SUB, role_definition_name: 'Reader' }) }, RA)).toEqual(['compliant: "Reader": not a privileged role']);
  });
  test('the root, management groups and subscriptions (literal, referenced or interpolated) are subscription scope or above', () => {
    expect(owner('/')).toEqual(NON_COMPLIANT);
    expect(owner('/providers/Microsoft.Management/managementGroups/platform')).toEqual(NON_COMPLIANT);
    expect(owner('${azurerm_management_group.root.id}')).toEqual(NON_COMPLIANT);
    expect(owner('${data.azurerm_management_group.root.id}')).toEqual(NON_COMPLIANT);
    expect(owner('/subscriptions/0000/')).toEqual(NON_COMPLIANT);
    expect(owner('/subscriptions/${data.azurerm_client_config.current.subscription_id}')).toEqual(NON_COMPLIANT);
    expect(owner('${data.azurerm_subscriptions.all.subscriptions[0].id}')).toEqual(NON_COMPLIANT);
    const long = `/providers/Microsoft.Management/managementGroups/${'platform-'.repeat(10)}root`;
    const [detail] = said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: long, role_definition_name: 'Owner' }) }, RA);
    expect(detail).toBe(`non-compliant: Owner at ${long.slice(0, 87)}...`);
    // 90 characters are shown whole; the 91st is cut.
    const ninety = `/providers/Microsoft.Management/managementGroups/${'m'.repeat(41)}`;
    expect(ninety).toHaveLength(90);
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: ninety, role_definition_name: 'Owner' }) }, RA)).toEqual([`non-compliant: Owner at ${ninety}`]);
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: `${ninety}m`, role_definition_name: 'Owner' }) }, RA))
      .toEqual([`non-compliant: Owner at ${ninety.slice(0, 87)}...`]);
  });
  test('resource groups and resources (literal, interpolated or referenced) are narrow', () => {
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: '/subscriptions/0000/resourceGroups/rg-app', role_definition_name: 'Owner' }) }, RA))
      .toEqual(['compliant: Owner limited to /subscriptions/0000/resourceGroups/rg-app']);
    expect(owner('/subscriptions/${data.azurerm_client_config.current.subscription_id}/resourceGroups/rg-app')).toEqual(COMPLIANT);
    expect(owner('${azurerm_storage_account.sa[0].id}')).toEqual(COMPLIANT);
    // Whatever the variable holds, a path ending in a resource group is below the subscription.
    const rg = withVars(assignment({ scope: '${var.base}/resourceGroups/rg-app', role_definition_name: 'Owner' }), 'base');
    expect(said('AzureRoleAssignmentPrivilege', rg, RA)).toEqual(['compliant: Owner limited to ${var.base}/resourceGroups/rg-app']);
  });
  test('a scope that is missing, empty, a local or not an Azure ID is unverifiable', () => {
    expect(verdicts('AzureRoleAssignmentPrivilege', assignment({ role_definition_name: 'Owner' }), RA)).toEqual(UNVERIFIABLE);
    expect(owner('')).toEqual(UNVERIFIABLE);
    expect(owner('${local.scope}')).toEqual(UNVERIFIABLE);
    expect(said('AzureRoleAssignmentPrivilege', { resource: assignment({ scope: 'subscriptions/0000', role_definition_name: 'Owner' }) }, RA))
      .toEqual(['non-compliant[Unverifiable]: scope = subscriptions/0000']);
  });
  test('people (Entra users and groups) are not service roles; a literal or service-principal ID may be a workload', () => {
    const to = (o: object) => verdicts('AzureRoleAssignmentPrivilege', assignment({ scope: SUB, role_definition_name: 'Owner', ...o }), RA);
    expect(to({ principal_id: '${azuread_user.alice.object_id}' })).toEqual([]);
    expect(to({ principal_id: '${azuread_group.ops.object_id}' })).toEqual([]);
    expect(to({ principal_type: 'User' })).toEqual([]);
    expect(to({ principal_id: '11111111-2222-3333-4444-555555555555' })).toEqual(NON_COMPLIANT);
    expect(to({ principal_id: '${azuread_service_principal.ci.object_id}' })).toEqual(NON_COMPLIANT);
    expect(to({ principal_id: '${azuread_group.ops.object_id}', principal_type: 'ServicePrincipal' })).toEqual(NON_COMPLIANT);
    const nobody = { azurerm_role_assignment: { ra: [{ scope: SUB, role_definition_name: 'Owner' }] } };
    expect(verdicts('AzureRoleAssignmentPrivilege', nobody, RA)).toEqual(NON_COMPLIANT);
  });
});

describe('AzureRoleDefinitionWildcard: assignable scopes and data actions', () => {
  const D = 'azurerm_role_definition.d';
  const SUB = '${data.azurerm_subscription.current.id}';
  const definition = (permissions: object[], o: object = {}): Resources => ({ azurerm_role_definition: { d: [{ name: 'd', scope: SUB, permissions, ...o }] } });
  test('without assignable_scopes the definition scope counts; a resource group keeps "*" below the subscription', () => {
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ actions: ['*'] }]) }, D))
      .toEqual(['non-compliant: actions = ["*"], assignable at subscription scope or above']);
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ actions: ['*'] }], { assignable_scopes: ['${azurerm_resource_group.app.id}'] }) }, D))
      .toEqual(['compliant: actions = ["*"], but assignable only below a subscription']);
    expect(verdicts('AzureRoleDefinitionWildcard', definition([{ actions: ['*'] }], { scope: '${azurerm_resource_group.app.id}' }), D)).toEqual(COMPLIANT);
  });
  test('an assignable scope from a variable is unverifiable unless another is the subscription', () => {
    const scopes = (list: string[]) => withVars(definition([{ actions: ['*'] }], { assignable_scopes: list }), 'scope');
    expect(said('AzureRoleDefinitionWildcard', scopes(['${var.scope}']), D)).toEqual(['non-compliant[Unverifiable]: actions = ["*"]; assignable_scopes are given by an expression']);
    expect(verdictsIn('AzureRoleDefinitionWildcard', scopes(['${azurerm_resource_group.app.id}', '${var.scope}']), D)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureRoleDefinitionWildcard', scopes(['${var.scope}', SUB]), D)).toEqual(NON_COMPLIANT);
  });
  test('data actions, a second permissions block, and what is no wildcard', () => {
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ data_actions: ['*'] }]) }, D))
      .toEqual(['non-compliant: data_actions = ["*"], assignable at subscription scope or above']);
    expect(verdicts('AzureRoleDefinitionWildcard', definition([{ actions: ['Microsoft.Storage/storageAccounts/read'] }, { actions: ['*'] }]), D)).toEqual(NON_COMPLIANT);
    expect(said('AzureRoleDefinitionWildcard', withVars(definition([{ actions: ['Microsoft.Storage/storageAccounts/read'], data_actions: '${var.d}' }]), 'd'), D))
      .toEqual(['non-compliant[Unverifiable]: the role\'s permissions are given by an expression']);
    // A literal "*" is known whatever the variable holds.
    expect(said('AzureRoleDefinitionWildcard', withVars(definition([{ actions: ['*'], data_actions: '${var.d}' }]), 'd'), D))
      .toEqual(['non-compliant: actions = ["*"], assignable at subscription scope or above']);
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ actions: ['Microsoft.Storage/*'] }]) }, D)).toEqual(['compliant: no wildcard action']);
    expect(verdicts('AzureRoleDefinitionWildcard', { azurerm_role_definition: { d: [{ name: 'd', scope: SUB }] } }, D)).toEqual(COMPLIANT);
  });
  test('an action from a variable, permissions from a dynamic block over a variable, and writing on every provider', () => {
    const UNKNOWN = ['non-compliant[Unverifiable]: the role\'s permissions are given by an expression'];
    expect(said('AzureRoleDefinitionWildcard', withVars(definition([{ actions: ['Microsoft.Storage/storageAccounts/read', '${var.action}'] }]), 'action'), D)).toEqual(UNKNOWN);
    const dynamic = (forEach: string) => ({
      azurerm_role_definition: { d: [{ name: 'd', scope: SUB, dynamic: { permissions: [{ for_each: forEach, content: [{ actions: '${permissions.value}' }] }] } }] },
    });
    expect(said('AzureRoleDefinitionWildcard', withVars(dynamic('${var.perms}'), 'perms'), D)).toEqual(UNKNOWN);
    const fromLocal = (actions: string[]) => ({ locals: [{ perms: [actions] }], resource: dynamic('${local.perms}') });
    expect(said('AzureRoleDefinitionWildcard', fromLocal(['Microsoft.Storage/storageAccounts/read']), D)).toEqual(['compliant: no wildcard action']);
    expect(said('AzureRoleDefinitionWildcard', fromLocal(['*']), D)).toEqual(['non-compliant: actions = ["*"], assignable at subscription scope or above']);
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ actions: ['*/read', '*/write', '*/delete', '*/action'] }]) }, D))
      .toEqual(['non-compliant: actions = ["*/write","*/delete","*/action"], assignable at subscription scope or above']);
    expect(said('AzureRoleDefinitionWildcard', { resource: definition([{ actions: ['*/read'] }]) }, D)).toEqual(['compliant: no wildcard action']);
  });
});

describe('AzureDefenderPlans: plans, per-account Defender, contacts and workflow automations', () => {
  const ACCOUNT: Resources = { azurerm_storage_account: { data: [{ name: 'stdata' }] } };
  const P = 'azurerm_security_center_subscription_pricing.p';
  const C = 'azurerm_security_center_contact.sec';
  const pricing = (o: object): Resources => ({ azurerm_security_center_subscription_pricing: { p: [{ tier: 'Standard', resource_type: 'StorageAccounts', ...o }] } });
  const contact = (o: object = {}): Resources => ({ azurerm_security_center_contact: { sec: [{ email: 'sec@example.com', alert_notifications: true, ...o }] } });
  const automation = (o: object = {}): Resources => ({
    azurerm_security_center_automation: { fwd: [{ name: 'fwd', source: [{ event_source: 'Alerts' }], action: [{ type: 'logicapp' }], ...o }] },
  });
  test('a plan type or tier from a variable is unverifiable on the pricing resource and names it', () => {
    expect(said('AzureDefenderPlans', withVars(pricing({ resource_type: '${var.t}' }), 't'), P)[0]).toMatch(/^non-compliant\[Unverifiable\]: resource_type = \$\{var\.t\}/);
    expect(said('AzureDefenderPlans', withVars(pricing({ tier: '${var.t}' }), 't'), P)[0]).toMatch(/^non-compliant\[Unverifiable\]: tier = \$\{var\.t\}/);
    expect(said('AzureDefenderPlans', withVars({ ...ACCOUNT, ...pricing({ resource_type: '${var.t}' }), ...contact() }, 't'), SA)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: resource_type = \$\{var\.t\}/);
  });
  test('another plan\'s tier from a variable leaves the storage plan known', () => {
    const plans = {
      ...ACCOUNT, ...contact(),
      azurerm_security_center_subscription_pricing: { p: [{ tier: 'Standard', resource_type: 'StorageAccounts' }], kv: [{ tier: '${var.t}', resource_type: 'KeyVaults' }] },
    };
    expect(verdictsIn('AzureDefenderPlans', withVars(plans, 't'), SA)).toEqual(COMPLIANT);
  });
  test('pricing for a plan that watches no data service (VirtualMachines, also the default) is not judged', () => {
    expect(verdicts('AzureDefenderPlans', pricing({ resource_type: 'VirtualMachines', tier: 'Free' }), P)).toEqual([]);
    expect(verdicts('AzureDefenderPlans', pricing({ resource_type: undefined, tier: 'Free' }), P)).toEqual([]);
  });
  test('Defender for Storage on the account itself watches it; on another account it does not', () => {
    const onAccount = { ...ACCOUNT, azurerm_security_center_storage_defender: { d: [{ storage_account_id: '${azurerm_storage_account.data.id}' }] }, ...contact() };
    expect(said('AzureDefenderPlans', { resource: onAccount }, SA))
      .toEqual(['compliant: Defender for Storage on the account; azurerm_security_center_contact.sec e-mails security alerts']);
    const elsewhere = {
      azurerm_storage_account: { data: [{}], other: [{}] },
      azurerm_security_center_storage_defender: { d: [{ storage_account_id: '${azurerm_storage_account.other.id}' }] }, ...contact(),
    };
    expect(verdicts('AzureDefenderPlans', elsewhere, SA)).toEqual(['non-compliant[Plan]']);
    // Only storage accounts have a per-account plan.
    const vault = { azurerm_key_vault: { kv: [{}] }, azurerm_security_center_storage_defender: { d: [{ storage_account_id: '${azurerm_key_vault.kv.id}' }] }, ...contact() };
    expect(said('AzureDefenderPlans', { resource: vault }, 'azurerm_key_vault.kv')[0]).toMatch(/^non-compliant\[Plan\]: no Defender for Cloud plan for KeyVaults/);
  });
  test('each data service needs its own plan', () => {
    const pg = (type: string) => ({ azurerm_postgresql_flexible_server: { db: [{}] }, ...pricing({ resource_type: type }), ...contact() });
    expect(said('AzureDefenderPlans', { resource: pg('StorageAccounts') }, PG)[0]).toMatch(/^non-compliant\[Plan\]: no Defender for Cloud plan for OpenSourceRelationalDatabases/);
    expect(said('AzureDefenderPlans', { resource: pg('OpenSourceRelationalDatabases') }, PG))
      .toEqual(['compliant: azurerm_security_center_subscription_pricing.p (OpenSourceRelationalDatabases, Standard); azurerm_security_center_contact.sec e-mails security alerts']);
  });
  test('a plan off and nobody alerted are two findings', () => {
    expect(said('AzureDefenderPlans', { resource: { ...ACCOUNT, ...pricing({ tier: 'Free' }) } }, SA)).toEqual([
      'non-compliant[Plan]: azurerm_security_center_subscription_pricing.p keeps Defender for StorageAccounts on tier "Free"',
      'non-compliant[Alerts]: no security contact with alert_notifications and no workflow automation on alerts: Defender\'s alerts reach nobody',
    ]);
  });
  test('alert e-mails from a variable are unverifiable, on the contact and on the data service', () => {
    const unknown = withVars({ ...ACCOUNT, ...pricing({}), ...contact({ alert_notifications: '${var.n}' }) }, 'n');
    expect(said('AzureDefenderPlans', unknown, SA)[0]).toMatch(/^non-compliant\[Unverifiable\]: alert_notifications = \$\{var\.n\}/);
    expect(said('AzureDefenderPlans', unknown, C)[0]).toMatch(/^non-compliant\[Unverifiable\]: alert_notifications = \$\{var\.n\}/);
    // A workflow automation on alerts reaches people whatever the contact says.
    const forwarded = withVars({ ...ACCOUNT, ...pricing({}), ...contact({ alert_notifications: '${var.n}' }), ...automation() }, 'n');
    expect(verdictsIn('AzureDefenderPlans', forwarded, SA)).toEqual(COMPLIANT);
  });
  test('a contact without alert_notifications e-mails nothing; one of two contacts e-mailing is enough', () => {
    expect(said('AzureDefenderPlans', { resource: contact({ alert_notifications: undefined }) }, C)).toEqual(['non-compliant: alert_notifications = false: security alerts are not e-mailed']);
    const two = {
      ...ACCOUNT, ...pricing({}), azurerm_security_center_contact: { a: [{ alert_notifications: false }], b: [{ alert_notifications: true }] },
    };
    expect(said('AzureDefenderPlans', { resource: two }, SA))
      .toEqual(['compliant: azurerm_security_center_subscription_pricing.p (StorageAccounts, Standard); azurerm_security_center_contact.b e-mails security alerts']);
  });
  test('a workflow automation forwards alerts only when enabled and fed by alerts', () => {
    expect(said('AzureDefenderPlans', { resource: { ...ACCOUNT, ...pricing({}), ...automation() } }, SA))
      .toEqual(['compliant: azurerm_security_center_subscription_pricing.p (StorageAccounts, Standard); azurerm_security_center_automation.fwd forwards security alerts']);
    expect(verdicts('AzureDefenderPlans', { ...ACCOUNT, ...pricing({}), ...automation({ enabled: false }) }, SA)).toEqual(['non-compliant[Alerts]']);
    expect(verdicts('AzureDefenderPlans', { ...ACCOUNT, ...pricing({}), ...automation({ source: [{ event_source: 'Assessments' }] }) }, SA)).toEqual(['non-compliant[Alerts]']);
  });
});

describe('AzureVnetFlowLogs: traffic analytics, subnets and flow logs that may not exist', () => {
  const VNET = 'azurerm_virtual_network.hub';
  const network: Resources = {
    azurerm_virtual_network: { hub: [{ name: 'vnet-hub' }] },
    azurerm_subnet: {
      a: [{ name: 'a', virtual_network_name: '${azurerm_virtual_network.hub.name}' }],
      b: [{ name: 'b', virtual_network_name: '${azurerm_virtual_network.hub.name}' }],
    },
  };
  const flow = (target: string, o: object = {}) => ({ target_resource_id: target, enabled: true, storage_account_id: 'st', ...o });
  const logs = (byName: { [name: string]: object }): Resources => ({
    ...network, azurerm_network_watcher_flow_log: Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, [v]])),
  });
  const onVnet = (o: object = {}) => flow('${azurerm_virtual_network.hub.id}', o);
  test('traffic analytics switched off, or its interval left to the 60-minute default, are said', () => {
    expect(said('AzureVnetFlowLogs', { resource: logs({ v: onVnet({ traffic_analytics: [{ enabled: false, interval_in_minutes: 10 }] }) }) }, VNET))
      .toEqual(['compliant: azurerm_network_watcher_flow_log.v without traffic analytics']);
    expect(said('AzureVnetFlowLogs', { resource: logs({ v: onVnet({ traffic_analytics: [{ enabled: true }] }) }) }, VNET))
      .toEqual(['compliant: azurerm_network_watcher_flow_log.v with traffic analytics every 60 minutes']);
    expect(said('AzureVnetFlowLogs', { resource: logs({ v: onVnet({ traffic_analytics: [{ interval_in_minutes: 10 }] }) }) }, VNET))
      .toEqual(['compliant: azurerm_network_watcher_flow_log.v without traffic analytics']);
  });
  test('a disabled flow log beside an enabled one does not hide it; a flow log that may not exist is unverifiable', () => {
    expect(said('AzureVnetFlowLogs', { resource: logs({ v: onVnet({ enabled: false }), w: onVnet() }) }, VNET))
      .toEqual(['compliant: azurerm_network_watcher_flow_log.w without traffic analytics']);
    expect(said('AzureVnetFlowLogs', withVars(logs({ v: onVnet({ count: '${var.n}' }) }), 'n'), VNET)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_network_watcher_flow_log\.v may not exist: count = \$\{var\.n\}/);
  });
  test('a flow log on every subnet logs the VNet; on one of two it does not', () => {
    expect(said('AzureVnetFlowLogs', { resource: logs({ a: flow('${azurerm_subnet.a.id}'), b: flow('${azurerm_subnet.b.id}') }) }, VNET)).toEqual([
      'compliant: every subnet has a flow log: azurerm_network_watcher_flow_log.a without traffic analytics; azurerm_network_watcher_flow_log.b without traffic analytics',
    ]);
    expect(said('AzureVnetFlowLogs', { resource: logs({ a: flow('${azurerm_subnet.a.id}') }) }, VNET))
      .toEqual(['non-compliant: no enabled flow log targets the virtual network (or every one of its subnets)']);
  });
  test('a subnet or VNet flow log switched on by a variable is unverifiable', () => {
    const subnet = withVars(logs({ a: flow('${azurerm_subnet.a.id}'), b: flow('${azurerm_subnet.b.id}', { enabled: '${var.on}' }) }), 'on');
    expect(said('AzureVnetFlowLogs', subnet, VNET)[0]).toMatch(/^non-compliant\[Unverifiable\]: enabled = \$\{var\.on\}/);
    const vnet = withVars(logs({ a: flow('${azurerm_subnet.a.id}'), v: onVnet({ enabled: '${var.on}' }) }), 'on');
    expect(verdictsIn('AzureVnetFlowLogs', vnet, VNET)).toEqual(UNVERIFIABLE);
  });
  test('an NSG named in target_resource_id is an NSG flow log; a null network_security_group_id is none', () => {
    const nsg = logs({ n: flow('/subscriptions/s/resourceGroups/r/providers/Microsoft.Network/networkSecurityGroups/nsg') });
    expect(said('AzureVnetFlowLogs', { resource: nsg }, 'azurerm_network_watcher_flow_log.n')[0]).toMatch(/^non-compliant: NSG flow logs can no longer be created/);
    expect(verdicts('AzureVnetFlowLogs', logs({ n: onVnet({ network_security_group_id: null }) }), VNET)).toEqual(COMPLIANT);
    expect(verdicts('AzureVnetFlowLogs', logs({ n: { target_resource_id: '${azurerm_virtual_network.hub.id}' } }), 'azurerm_network_watcher_flow_log.n')).toEqual([]);
    const unknown = withVars(logs({ n: onVnet({ enabled: '${var.on}' }) }), 'on');
    expect(said('AzureVnetFlowLogs', unknown, 'azurerm_network_watcher_flow_log.n')[0]).toMatch(/^non-compliant\[Unverifiable\]: enabled = \$\{var\.on\}/);
  });
});

describe('AzureStorageDataAccessLogs: account kinds, services in use and partial categories', () => {
  const setting = (sub: string, o: object = {}) => ({
    target_resource_id: `\${azurerm_storage_account.data.id}${sub}`, log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}',
    enabled_log: [{ category_group: 'allLogs' }], ...o,
  });
  const settings = (byName: { [name: string]: object }): Resources => ({
    azurerm_monitor_diagnostic_setting: Object.fromEntries(Object.entries(byName).map(([k, v]) => [k, [v]])),
  });
  const kind = (k: string, extra: Resources = {}): Resources => ({ ...workspace, ...extra, azurerm_storage_account: { data: [{ name: 'stdata', account_kind: k }] } });
  test('an account kind from a variable is unverifiable', () => {
    expect(said('AzureStorageDataAccessLogs', withVars(kind('${var.kind}'), 'kind'), SA)[0]).toMatch(/^non-compliant\[Unverifiable\]: account_kind = \$\{var\.kind\}/);
  });
  test('a FileStorage account is judged on its file service, not on blobs', () => {
    expect(said('AzureStorageDataAccessLogs', { resource: kind('FileStorage', settings({ b: setting('/blobServices/default') })) }, SA))
      .toEqual(['non-compliant[File]: no diagnostic setting of fileServices/default sends StorageRead, StorageWrite, StorageDelete']);
    expect(verdicts('AzureStorageDataAccessLogs', kind('FileStorage', settings({ f: setting('/fileServices/default') })), SA)).toEqual(COMPLIANT);
  });
  test('a share named by storage_account_name is in use; a share of another account is not', () => {
    const byName = account({ azurerm_storage_share: { s: [{ name: 's', storage_account_name: '${azurerm_storage_account.data.name}' }] }, ...settings({ b: setting('/blobServices/default') }) });
    expect(verdicts('AzureStorageDataAccessLogs', byName, SA)).toEqual(['non-compliant[File]']);
    const other = {
      ...workspace, ...settings({ b: setting('/blobServices/default') }),
      azurerm_storage_account: { data: [{ name: 'stdata' }], other: [{ name: 'stother' }] },
      azurerm_storage_share: { s: [{ name: 's', storage_account_id: '${azurerm_storage_account.other.id}' }] },
    };
    expect(verdicts('AzureStorageDataAccessLogs', other, SA)).toEqual(COMPLIANT);
  });
  test('tables and queues in use need their services logged; reads and writes without deletes are not enough', () => {
    const both = account({
      azurerm_storage_table: { t: [{ name: 't', storage_account_name: '${azurerm_storage_account.data.name}' }] },
      azurerm_storage_queue: { q: [{ name: 'q', storage_account_name: '${azurerm_storage_account.data.name}' }] },
      ...settings({
        b: setting('/blobServices/default'), t: setting('/tableServices/default'),
        q: setting('/queueServices/default', { enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }] }),
      }),
    });
    expect(said('AzureStorageDataAccessLogs', { resource: both }, SA))
      .toEqual(['non-compliant[Queue]: azurerm_monitor_diagnostic_setting.q sends storageread, storagewrite but not storagedelete']);
  });
  test('the evidence names the categories, or the group when a category is missing', () => {
    const three = account(settings({ b: setting('/blobServices/default', { enabled_log: [{ category: 'StorageRead' }, { category: 'StorageWrite' }, { category: 'StorageDelete' }] }) }));
    expect(said('AzureStorageDataAccessLogs', { resource: three }, SA))
      .toEqual(['compliant: azurerm_monitor_diagnostic_setting.b sends storageread, storagewrite, storagedelete to workspace azurerm_log_analytics_workspace.central']);
    const group = account(settings({ b: setting('/blobServices/default', { enabled_log: [{ category: 'StorageRead' }, { category_group: 'allLogs' }] }) }));
    expect(said('AzureStorageDataAccessLogs', { resource: group }, SA))
      .toEqual(['compliant: azurerm_monitor_diagnostic_setting.b sends alllogs to workspace azurerm_log_analytics_workspace.central']);
  });
  test('"audit" sent to a storage account only is no evidence either', () => {
    const toStorage = account(settings({ b: setting('/blobServices/default', { enabled_log: [{ category_group: 'audit' }], log_analytics_workspace_id: undefined, storage_account_id: 'st' }) }));
    expect(verdicts('AzureStorageDataAccessLogs', toStorage, SA)).toEqual(['non-compliant[Blob]']);
  });
  test('an account that receives a key vault\'s logs is a log store, not customer data', () => {
    const store = account(settings({ kv: { target_resource_id: '${azurerm_key_vault.kv.id}', storage_account_id: '${azurerm_storage_account.data.id}' } }));
    expect(verdicts('AzureStorageDataAccessLogs', store, SA)).toEqual([]);
  });
});

describe('AzurePostgresAuditLogs: parameters that may not exist, and where the logs go', () => {
  const DB = { ...workspace, azurerm_postgresql_flexible_server: { db: [{ name: 'pg' }] } };
  const parameters = (byName: { [name: string]: object }): Resources => ({
    azurerm_postgresql_flexible_server_configuration: Object.fromEntries(Object.entries(byName).map(([k, v]) =>
      [k, [{ server_id: '${azurerm_postgresql_flexible_server.db.id}', ...v }]])),
  });
  const audited = parameters({ libs: { name: 'shared_preload_libraries', value: 'pgaudit' }, log: { name: 'pgaudit.log', value: 'READ,WRITE' } });
  const shipping = (o: object = {}): Resources => ({
    azurerm_monitor_diagnostic_setting: { pg: [{
      target_resource_id: '${azurerm_postgresql_flexible_server.db.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}',
      enabled_log: [{ category: 'PostgreSQLLogs' }], ...o,
    }] },
  });
  test('a preload parameter that may not exist, or whose value is a variable, is unverifiable', () => {
    const maybe = parameters({ libs: { name: 'shared_preload_libraries', value: 'pgaudit', count: '${var.n}' }, log: { name: 'pgaudit.log', value: 'READ,WRITE' } });
    expect(said('AzurePostgresAuditLogs', withVars({ ...DB, ...maybe, ...shipping() }, 'n'), PG)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_postgresql_flexible_server_configuration\.libs may not exist: count = \$\{var\.n\}/);
    const libs = parameters({ libs: { name: 'shared_preload_libraries', value: '${var.libs}' }, log: { name: 'pgaudit.log', value: 'READ,WRITE' } });
    expect(said('AzurePostgresAuditLogs', withVars({ ...DB, ...libs, ...shipping() }, 'libs'), PG)[0]).toMatch(/^non-compliant\[Unverifiable\]: value = \$\{var\.libs\}/);
  });
  test('the preload list is read without spaces or case', () => {
    const spaced = parameters({ libs: { name: 'shared_preload_libraries', value: 'pg_stat_statements, PGAUDIT' }, log: { name: 'pgaudit.log', value: 'read, Write' } });
    expect(verdicts('AzurePostgresAuditLogs', { ...DB, ...spaced, ...shipping() }, PG)).toEqual(COMPLIANT);
  });
  test('no parameters at all: pgaudit neither loaded nor configured', () => {
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...shipping() } }, PG))
      .toEqual(['non-compliant[Pgaudit]: shared_preload_libraries is not set: pgaudit is not loaded; pgaudit.log is not set: no statement class is audited']);
  });
  test('logs to a workspace from a variable are unverifiable, unless another setting ships them', () => {
    expect(said('AzurePostgresAuditLogs', withVars({ ...DB, ...audited, ...shipping({ log_analytics_workspace_id: '${var.w}' }) }, 'w'), PG)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: log_analytics_workspace_id = \$\{var\.w\}/);
    const two = {
      ...DB, ...audited,
      azurerm_monitor_diagnostic_setting: {
        a: [{ target_resource_id: '${azurerm_postgresql_flexible_server.db.id}', log_analytics_workspace_id: '${var.w}', enabled_log: [{ category: 'PostgreSQLLogs' }] }],
        b: [{ target_resource_id: '${azurerm_postgresql_flexible_server.db.id}', log_analytics_workspace_id: '${azurerm_log_analytics_workspace.central.id}', enabled_log: [{ category: 'PostgreSQLLogs' }] }],
      },
    };
    expect(verdictsIn('AzurePostgresAuditLogs', withVars(two, 'w'), PG)).toEqual(COMPLIANT);
  });
  test('a workspace data source or literal workspace ID receives the logs; a storage account alone does not', () => {
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...audited, ...shipping({ log_analytics_workspace_id: '${data.azurerm_log_analytics_workspace.c.id}' }) } }, PG))
      .toEqual(['compliant: pgaudit preloaded, pgaudit.log = "READ,WRITE"; azurerm_monitor_diagnostic_setting.pg sends postgresqllogs to workspace data.azurerm_log_analytics_workspace.c']);
    const literal = '/subscriptions/s/resourceGroups/r/providers/Microsoft.OperationalInsights/workspaces/law';
    expect(verdicts('AzurePostgresAuditLogs', { ...DB, ...audited, ...shipping({ log_analytics_workspace_id: literal }) }, PG)).toEqual(COMPLIANT);
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...audited, ...shipping({ log_analytics_workspace_id: undefined, storage_account_id: 'st' }) } }, PG))
      .toEqual(['non-compliant[Shipping]: azurerm_monitor_diagnostic_setting.pg sends to no Log Analytics workspace']);
  });
  test('a shipping setting that may not exist, or categories from a variable, are unverifiable', () => {
    expect(said('AzurePostgresAuditLogs', withVars({ ...DB, ...audited, ...shipping({ count: '${var.n}' }) }, 'n'), PG)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.pg may not exist/);
    expect(said('AzurePostgresAuditLogs', withVars({ ...DB, ...audited, ...shipping({ enabled_log: '${var.c}' }) }, 'c'), PG))
      .toEqual(['non-compliant[Unverifiable]: azurerm_monitor_diagnostic_setting.pg: enabled_log = ${var.c}']);
  });
  test('the "audit" group alone, metrics only, or a disabled v3 log block do not ship PostgreSQLLogs; allLogs does', () => {
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...audited, ...shipping({ enabled_log: [{ category_group: 'audit' }] }) } }, PG))
      .toEqual(['non-compliant[Shipping]: azurerm_monitor_diagnostic_setting.pg sends audit but not postgresqllogs']);
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...audited, ...shipping({ enabled_log: [], metric: [{ category: 'AllMetrics' }] }) } }, PG))
      .toEqual(['non-compliant[Shipping]: no diagnostic setting sends PostgreSQLLogs']);
    const v3 = (enabled: unknown) => ({ ...azurerm('~> 3.80'), resource: { ...DB, ...audited, ...shipping({ enabled_log: undefined, log: [{ category: 'PostgreSQLLogs', enabled }] }) } });
    expect(verdictsIn('AzurePostgresAuditLogs', v3('false'), PG)).toEqual(['non-compliant[Shipping]']);
    expect(verdictsIn('AzurePostgresAuditLogs', v3(false), PG)).toEqual(['non-compliant[Shipping]']);
    expect(verdictsIn('AzurePostgresAuditLogs', v3(true), PG)).toEqual(COMPLIANT);
    expect(said('AzurePostgresAuditLogs', { resource: { ...DB, ...audited, ...shipping({ enabled_log: [{ category: '', category_group: 'allLogs' }] }) } }, PG))
      .toEqual(['compliant: pgaudit preloaded, pgaudit.log = "READ,WRITE"; azurerm_monitor_diagnostic_setting.pg sends alllogs to workspace azurerm_log_analytics_workspace.central']);
  });
});

describe('AzureEntryPointAccessLogs: any destination counts', () => {
  const FD = 'azurerm_cdn_frontdoor_profile.fd';
  const frontDoor = (o: object): Resources => ({
    azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd' }] },
    azurerm_monitor_diagnostic_setting: { d: [{ target_resource_id: '${azurerm_cdn_frontdoor_profile.fd.id}', enabled_log: [{ category: 'FrontDoorAccessLog' }], ...o }] },
  });
  test('a storage account, an event hub or a partner solution receive the access log', () => {
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({ storage_account_id: '${azurerm_storage_account.logs.id}' }) }, FD))
      .toEqual(['compliant: azurerm_monitor_diagnostic_setting.d sends frontdooraccesslog to storage account azurerm_storage_account.logs']);
    const literal = '/subscriptions/s/resourceGroups/r/providers/Microsoft.Storage/storageAccounts/logs';
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({ storage_account_id: literal }) }, FD))
      .toEqual([`compliant: azurerm_monitor_diagnostic_setting.d sends frontdooraccesslog to storage account ${literal}`]);
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({ eventhub_authorization_rule_id: '${azurerm_eventhub_namespace_authorization_rule.r.id}' }) }, FD))
      .toEqual(['compliant: azurerm_monitor_diagnostic_setting.d sends frontdooraccesslog to an event hub']);
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({ partner_solution_id: 'p' }) }, FD))
      .toEqual(['compliant: azurerm_monitor_diagnostic_setting.d sends frontdooraccesslog to a partner solution']);
    const gateway = {
      azurerm_application_gateway: { g: [{ name: 'agw' }] },
      azurerm_monitor_diagnostic_setting: { d: [{ target_resource_id: '${azurerm_application_gateway.g.id}', enabled_log: [{ category: 'ApplicationGatewayAccessLog' }], storage_account_id: 'st' }] },
    };
    expect(verdicts('AzureEntryPointAccessLogs', gateway, 'azurerm_application_gateway.g')).toEqual(COMPLIANT);
  });
  test('a setting with no destination, or only the firewall log, logs no access', () => {
    const elsewhere = {
      azurerm_cdn_frontdoor_profile: { fd: [{ name: 'afd' }] },
      azurerm_monitor_diagnostic_setting: { d: [{
        name: '${azurerm_cdn_frontdoor_profile.fd.name}-diag', target_resource_id: '${azurerm_key_vault.kv.id}', enabled_log: [{ category_group: 'allLogs' }], storage_account_id: 'st',
      }] },
    };
    expect(said('AzureEntryPointAccessLogs', { resource: elsewhere }, FD)).toEqual(['non-compliant: no diagnostic setting sends FrontDoorAccessLog']);
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({}) }, FD)).toEqual(['non-compliant: azurerm_monitor_diagnostic_setting.d names no destination']);
    expect(said('AzureEntryPointAccessLogs', { resource: frontDoor({ enabled_log: [{ category: 'FrontDoorWebApplicationFirewallLog' }], storage_account_id: 'st' }) }, FD))
      .toEqual(['non-compliant: azurerm_monitor_diagnostic_setting.d sends frontdoorwebapplicationfirewalllog but not frontdooraccesslog']);
  });
  test('a workspace from a variable, or a setting that may not exist, is unverifiable', () => {
    expect(said('AzureEntryPointAccessLogs', withVars(frontDoor({ log_analytics_workspace_id: '${var.w}' }), 'w'), FD)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: log_analytics_workspace_id = \$\{var\.w\}/);
    expect(said('AzureEntryPointAccessLogs', withVars(frontDoor({ count: '${var.n}', storage_account_id: 'st' }), 'n'), FD)[0])
      .toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_diagnostic_setting\.d may not exist/);
  });
});
