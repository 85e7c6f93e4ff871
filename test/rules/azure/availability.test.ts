// Availability rules (DP.AVL.1, 4, 5, 7) on Terraform JSON as real configurations write it.
import { azurerm, COMPLIANT, declared, findingsIn, NON_COMPLIANT, Resources, said, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';

const ENV = 'azurerm_container_app_environment.env';
const APP = 'azurerm_container_app.api';
const PLAN = 'azurerm_service_plan.plan';

const environment = (o: object = {}): Resources => ({
  azurerm_container_app_environment: { env: [{ name: 'cae', location: 'westeurope', infrastructure_subnet_id: '${azurerm_subnet.apps.id}', zone_redundancy_enabled: true, ...o }] },
});
const containerApp = (template: object = {}, o: object = {}): Resources => ({
  ...environment(),
  azurerm_container_app: { api: [{
    name: 'api', container_app_environment_id: '${azurerm_container_app_environment.env.id}', revision_mode: 'Single',
    template: [{ min_replicas: 3, max_replicas: 10, http_scale_rule: [{ name: 'http', concurrent_requests: '50' }], container: [{ name: 'api', image: 'x', cpu: 0.5, memory: '1Gi' }], ...template }],
    ingress: [{ external_enabled: true, target_port: 8080, traffic_weight: [{ latest_revision: true, percentage: 100 }] }],
    ...o,
  }] },
});
const plan = (o: object = {}, extra: Resources = {}): Resources => ({
  ...extra, azurerm_service_plan: { plan: [{ name: 'asp', location: 'westeurope', os_type: 'Linux', sku_name: 'P1v3', ...o }] },
});
const autoscale = (enabled: boolean, minimum = 3, rules = true): Resources => ({
  azurerm_monitor_autoscale_setting: { plan: [{
    name: 'as', target_resource_id: '${azurerm_service_plan.plan.id}', enabled,
    profile: [{
      name: 'default', capacity: [{ default: minimum, minimum, maximum: 10 }],
      ...(rules ? { rule: [{ metric_trigger: [{ metric_name: 'CpuPercentage', operator: 'GreaterThan', threshold: 70 }], scale_action: [{ direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }] }] } : {}),
    }],
  }] },
});

describe('AzureZoneRedundancy', () => {
  test('unset zone redundancy, one zone, a non-AZ gateway SKU and no HA are non-compliant', () => {
    expect(verdicts('AzureZoneRedundancy', environment({ zone_redundancy_enabled: undefined }), ENV)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', plan(), PLAN)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_public_ip: { pip: [{ sku: 'Standard', zones: ['2'] }] } }, 'azurerm_public_ip.pip')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_virtual_network_gateway: { vpn: [{ type: 'Vpn', sku: 'VpnGw1' }] } }, 'azurerm_virtual_network_gateway.vpn')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_postgresql_flexible_server: { pg: [{ sku_name: 'GP_Standard_D2ds_v5' }] } }, 'azurerm_postgresql_flexible_server.pg')).toEqual(NON_COMPLIANT);
  });
  test('zone-redundant environments, balanced plans, three-zone gateways and node pools, AZ SKUs and zone-redundant HA are compliant', () => {
    expect(verdicts('AzureZoneRedundancy', environment(), ENV)).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', plan({ zone_balancing_enabled: true, worker_count: 3 }), PLAN)).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_application_gateway: { agw: [{ zones: ['1', '2', '3'] }] } }, 'azurerm_application_gateway.agw')).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_kubernetes_cluster: { aks: [{ default_node_pool: [{ name: 'system', zones: ['1', '2', '3'] }] }] } }, 'azurerm_kubernetes_cluster.aks')).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_virtual_network_gateway: { vpn: [{ type: 'Vpn', sku: 'VpnGw1AZ' }] } }, 'azurerm_virtual_network_gateway.vpn')).toEqual(COMPLIANT);
    const pg = { azurerm_postgresql_flexible_server: { pg: [{ zone: '1', high_availability: [{ mode: 'ZoneRedundant', standby_availability_zone: '2' }] }] } };
    expect(verdicts('AzureZoneRedundancy', pg, 'azurerm_postgresql_flexible_server.pg')).toEqual(COMPLIANT);
  });
  test('the zone count comes from the policy (at most the three a region has)', () => {
    const twoZones = { azurerm_public_ip: { pip: [{ sku: 'Standard', zones: ['1', '2'] }] } };
    expect(verdicts('AzureZoneRedundancy', twoZones, 'azurerm_public_ip.pip')).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', twoZones, 'azurerm_public_ip.pip', new DataProtectionPolicy({ availabilityZonesPerRegion: 2 }))).toEqual(COMPLIANT);
    const three = { azurerm_public_ip: { pip: [{ sku: 'Standard', zones: ['1', '2', '3'] }] } };
    expect(verdicts('AzureZoneRedundancy', three, 'azurerm_public_ip.pip', new DataProtectionPolicy({ availabilityZonesPerRegion: 4 }))).toEqual(COMPLIANT);
  });
  test('zones or flags from variables without default are unverifiable', () => {
    expect(verdictsIn('AzureZoneRedundancy', { variable: { zr: {} }, resource: environment({ zone_redundancy_enabled: '${var.zr}' }) }, ENV)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureZoneRedundancy', { variable: { z: {} }, resource: { azurerm_application_gateway: { agw: [{ zones: '${var.z}' }] } } }, 'azurerm_application_gateway.agw')).toEqual(UNVERIFIABLE);
  });
});

describe('AzureNoSinglePointOfFailure', () => {
  test('the default of zero replicas, one worker, or an autoscale minimum of one are non-compliant', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', containerApp({ min_replicas: undefined }), APP)).toEqual(['non-compliant[Instances]']);
    expect(verdicts('AzureNoSinglePointOfFailure', plan({ worker_count: 1 }), PLAN)).toEqual(['non-compliant[Instances]', 'non-compliant[Zones]']);
    expect(verdicts('AzureNoSinglePointOfFailure', plan({ worker_count: 3, zone_balancing_enabled: true }, autoscale(true, 1)), PLAN)).toEqual(['non-compliant[Instances]']);
  });
  test('three replicas in a zone-redundant environment, or three balanced workers, are compliant', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', containerApp(), APP)).toEqual(COMPLIANT);
    expect(verdicts('AzureNoSinglePointOfFailure', plan({ worker_count: 3, zone_balancing_enabled: true }, autoscale(false)), PLAN)).toEqual(COMPLIANT);
    const agw = { azurerm_application_gateway: { agw: [{ zones: ['1', '2', '3'], autoscale_configuration: [{ min_capacity: 2, max_capacity: 10 }], sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }] }] } };
    expect(verdicts('AzureNoSinglePointOfFailure', agw, 'azurerm_application_gateway.agw')).toEqual(COMPLIANT);
  });
  test('an environment outside the configuration, or a replica count from a variable, is unverifiable', () => {
    const external = { azurerm_container_app: { api: [{ container_app_environment_id: '${data.azurerm_container_app_environment.shared.id}', template: [{ min_replicas: 3 }] }] } };
    expect(verdicts('AzureNoSinglePointOfFailure', external, APP)).toEqual(UNVERIFIABLE);
    expect(verdictsIn('AzureNoSinglePointOfFailure', { variable: { n: {} }, resource: containerApp({ min_replicas: '${var.n}' }) }, APP)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureZeroDowntimeDeploys', () => {
  test('no scale rule and scale to zero, a disabled autoscale setting, or a web app without slots are non-compliant', () => {
    expect(verdicts('AzureZeroDowntimeDeploys', containerApp({ min_replicas: 0, http_scale_rule: undefined }), APP))
      .toEqual(['non-compliant[MinReplicas]', 'non-compliant[Scaling]']);
    expect(verdicts('AzureZeroDowntimeDeploys', plan({}, autoscale(false)), PLAN)).toEqual(['non-compliant[Scaling]']);
    expect(verdicts('AzureZeroDowntimeDeploys', plan({}, autoscale(true, 3, false)), PLAN)).toEqual(['non-compliant[Scaling]']);
    const web = { azurerm_linux_web_app: { web: [{ service_plan_id: '${azurerm_service_plan.plan.id}', site_config: [{}] }] } };
    expect(verdicts('AzureZeroDowntimeDeploys', web, 'azurerm_linux_web_app.web')).toEqual(['non-compliant[Deployment]']);
  });
  test('a scaling container app with ingress, an enabled scale-out setting, a slot with health checks and an autoscaling node pool are compliant', () => {
    expect(verdicts('AzureZeroDowntimeDeploys', containerApp(), APP)).toEqual(COMPLIANT);
    expect(verdicts('AzureZeroDowntimeDeploys', plan({}, autoscale(true)), PLAN)).toEqual(COMPLIANT);
    const web = {
      azurerm_linux_web_app: { web: [{ site_config: [{ health_check_path: '/healthz', health_check_eviction_time_in_min: 5 }] }] },
      azurerm_linux_web_app_slot: { staging: [{ name: 'staging', app_service_id: '${azurerm_linux_web_app.web.id}', site_config: [{}] }] },
    };
    expect(verdicts('AzureZeroDowntimeDeploys', web, 'azurerm_linux_web_app.web')).toEqual(COMPLIANT);
    const aks = (pool: object) => ({ azurerm_kubernetes_cluster: { aks: [{ default_node_pool: [{ name: 'system', min_count: 2, max_count: 5, ...pool }] }] } });
    expect(verdictsIn('AzureZeroDowntimeDeploys', { ...azurerm('~> 4.0'), resource: aks({ auto_scaling_enabled: true }) }, 'azurerm_kubernetes_cluster.aks')).toEqual(COMPLIANT);
    expect(verdictsIn('AzureZeroDowntimeDeploys', { ...azurerm('~> 3.90'), resource: aks({ enable_auto_scaling: true }) }, 'azurerm_kubernetes_cluster.aks')).toEqual(COMPLIANT);
  });
  test('a minimum from a variable without default, or an autoscale setting that may not exist, is unverifiable', () => {
    expect(verdictsIn('AzureZeroDowntimeDeploys', { variable: { n: {} }, resource: containerApp({ min_replicas: '${var.n}' }) }, APP)).toEqual(UNVERIFIABLE);
    const maybe = plan({}, autoscale(true));
    (maybe.azurerm_monitor_autoscale_setting.plan[0] as any).count = '${var.autoscale}';
    expect(verdictsIn('AzureZeroDowntimeDeploys', { variable: { autoscale: {} }, resource: maybe }, PLAN)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureAvailabilityBudget', () => {
  // Front Door over Container Apps in two paired regions, a zone-redundant PostgreSQL primary, RA-GZRS storage.
  const situm = (pg: object = { high_availability: [{ mode: 'ZoneRedundant', standby_availability_zone: '2' }], zone: '1' }, secondRegion = true): Resources => ({
    azurerm_cdn_frontdoor_profile: { fd: [{ sku_name: 'Premium_AzureFrontDoor' }] },
    azurerm_container_app_environment: {
      west: [{ location: 'westeurope', zone_redundancy_enabled: true }],
      ...(secondRegion ? { north: [{ location: 'northeurope', zone_redundancy_enabled: true }] } : {}),
    },
    azurerm_container_app: {
      west: [{ container_app_environment_id: '${azurerm_container_app_environment.west.id}' }],
      ...(secondRegion ? { north: [{ container_app_environment_id: '${azurerm_container_app_environment.north.id}' }] } : {}),
    },
    azurerm_postgresql_flexible_server: { db: [{ location: 'westeurope', ...pg }] },
    azurerm_storage_account: { files: [{ location: 'westeurope', account_replication_type: 'RAGZRS' }] },
  });
  const FD = 'azurerm_cdn_frontdoor_profile.fd';
  const situmPolicy = DataProtectionPolicy.situm();

  test('two regions behind Front Door with a shared zone-redundant database meet 99.9%, with the formula in the finding', () => {
    const [finding] = findingsIn('AzureAvailabilityBudget', { resource: situm() }, FD, situmPolicy);
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toBe('Azure Front Door 99.99% x PostgreSQL flexible server, zone-redundant HA (shared: only in westeurope) 99.99% x '
      + 'parallel(northeurope: Azure Container Apps 99.95% x Storage (hot tier) (read-access copy of files) 99.9% = 99.8501%; '
      + 'westeurope: Azure Container Apps 99.95% x Storage (hot tier) (files) 99.9% = 99.8501%) = 99.9798% (promised 99.9%)');
    // Reported once, on the entry point.
    expect(verdicts('AzureAvailabilityBudget', situm(), 'azurerm_container_app_environment.west', situmPolicy)).toEqual([]);
  });
  test('one region, or a database without HA, falls below the promise', () => {
    expect(verdicts('AzureAvailabilityBudget', situm(undefined, false), FD, situmPolicy)).toEqual(NON_COMPLIANT);
    expect(verdicts('AzureAvailabilityBudget', situm({}), FD, situmPolicy)).toEqual(NON_COMPLIANT);
  });
  test('a workload region from a variable without default is unverifiable', () => {
    const config = { variable: { region: {} }, resource: { ...situm(), azurerm_storage_account: { files: [{ location: '${var.region}', account_replication_type: 'ZRS' }] } } };
    expect(verdictsIn('AzureAvailabilityBudget', config, FD, situmPolicy)).toEqual(UNVERIFIABLE);
  });
});

describe('AzureZoneRedundancy: SKUs and zone lists', () => {
  const IP = 'azurerm_public_ip.pip';
  const GW = 'azurerm_virtual_network_gateway.vpn';
  test('a gateway SKU from a variable without default is unverifiable; the scalable ExpressRoute SKU is zone-redundant', () => {
    const config = { variable: { sku: {} }, resource: { azurerm_virtual_network_gateway: { vpn: [{ type: 'Vpn', sku: '${var.sku}' }] } } };
    expect(verdictsIn('AzureZoneRedundancy', config, GW)).toEqual(UNVERIFIABLE);
    expect(findingsIn('AzureZoneRedundancy', config, GW)[0].detail).toContain('sku = ${var.sku}');
    expect(verdicts('AzureZoneRedundancy', { azurerm_virtual_network_gateway: { vpn: [{ type: 'ExpressRoute', sku: 'ErGwScale' }] } }, GW)).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_virtual_network_gateway: { vpn: [{ type: 'ExpressRoute', sku: 'ErGw1AZ' }] } }, GW)).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_virtual_network_gateway: { vpn: [{ type: 'Vpn', sku: 'VpnGw1AZx' }] } }, GW)).toEqual(NON_COMPLIANT);
  });
  test('a Basic public IP has no zones, whatever it lists', () => {
    const [basic] = findingsIn('AzureZoneRedundancy', { resource: { azurerm_public_ip: { pip: [{ sku: 'Basic', zones: ['1', '2', '3'] }] } } }, IP);
    expect(basic.status).toBe('non-compliant');
    expect(basic.detail).toBe('sku = "Basic": Basic public IPs have no zones');
  });
  test('one zone as a string, repeated zones, or an unknown entry in the list are read as such', () => {
    const zones = (z: unknown) => findingsIn('AzureZoneRedundancy', { variable: { z: {} }, resource: { azurerm_public_ip: { pip: [{ sku: 'Standard', zones: z }] } } }, IP);
    const [one] = zones('1');
    expect(one.status).toBe('non-compliant');
    expect(one.detail).toBe('zones = ["1"] (promised: 3 zones)');
    expect(zones(['1', '1', '2'])[0].detail).toBe('zones = ["1","2"] (promised: 3 zones)');
    const [unknown] = zones(['1', '2', '${var.z}']);
    expect(unknown.ruleId).toMatch(/\[Unverifiable\]$/);
    const [none] = zones(undefined);
    expect(none.detail).toBe('no zones: Azure promises no zone for it (promised: 3 zones)');
  });
  test('a cluster without a default node pool is not judged; scale sets are judged on their zones', () => {
    expect(verdicts('AzureZoneRedundancy', { azurerm_kubernetes_cluster: { aks: [{ name: 'aks' }] } }, 'azurerm_kubernetes_cluster.aks')).toEqual([]);
    expect(verdicts('AzureZoneRedundancy', { azurerm_linux_virtual_machine_scale_set: { vmss: [{ zones: ['1', '2', '3'] }] } }, 'azurerm_linux_virtual_machine_scale_set.vmss')).toEqual(COMPLIANT);
    expect(verdicts('AzureZoneRedundancy', { azurerm_windows_virtual_machine_scale_set: { vmss: [{ zones: ['1', '2'] }] } }, 'azurerm_windows_virtual_machine_scale_set.vmss')).toEqual(NON_COMPLIANT);
  });
});

describe('AzureNoSinglePointOfFailure: every kind of compute', () => {
  const AKS = 'azurerm_kubernetes_cluster.aks';
  const AGW = 'azurerm_application_gateway.agw';
  const VMSS = 'azurerm_linux_virtual_machine_scale_set.vmss';
  const aks = (pool: object | undefined) => ({ azurerm_kubernetes_cluster: { aks: [{ name: 'aks', ...(pool ? { default_node_pool: [{ name: 'system', ...pool }] } : {}) }] } });
  const judged = (resources: Resources, address: string, variable: object = {}) => findingsIn('AzureNoSinglePointOfFailure', { variable, resource: resources }, address);
  test('two replicas are enough; one is not', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', containerApp({ min_replicas: 2 }), APP)).toEqual(COMPLIANT);
    const [one] = judged(containerApp({ min_replicas: 1 }), APP);
    expect(one.detail).toBe('template.min_replicas = 1: one failure stops the service');
    const [unset] = judged(containerApp({ min_replicas: undefined }), APP);
    expect(unset.detail).toBe('template.min_replicas = 0 (the default): one failure stops the service');
  });
  test('a replica count that is no number is unverifiable', () => {
    const [finding] = judged(containerApp({ min_replicas: 'two' }), APP);
    expect(finding.ruleId).toMatch(/\[Unverifiable\]$/);
    expect(finding.detail).toBe('template.min_replicas = "two"');
  });
  test('an environment whose zone redundancy is off is a zone failure; from a variable without default it is unverifiable', () => {
    const off = { ...containerApp(), ...environment({ zone_redundancy_enabled: false }) };
    expect(verdicts('AzureNoSinglePointOfFailure', off, APP)).toEqual(['non-compliant[Zones]']);
    expect(judged(off, APP)[0].detail).toContain('all instances may share one zone');
    const unknown = { ...containerApp(), ...environment({ zone_redundancy_enabled: '${var.zr}' }) };
    expect(verdictsIn('AzureNoSinglePointOfFailure', { variable: { zr: {} }, resource: unknown }, APP)).toEqual(UNVERIFIABLE);
  });
  test('a cluster without a default node pool, or with one node, in one zone, fails both ways', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', aks(undefined), AKS)).toEqual(['non-compliant[Instances]', 'non-compliant[Zones]']);
    const found = judged(aks({ node_count: 3, zones: ['1'] }), AKS);
    expect(found.map((f) => f.ruleId.replace(/.*\[/, '['))).toEqual(['[Zones]']);
    expect(found[0].detail).toBe('default_node_pool.zones = ["1"]: one zone');
    expect(judged(aks({ node_count: 3 }), AKS)[0].detail).toBe('no default_node_pool.zones: all instances may share one zone');
  });
  test('an autoscaling pool is judged on its minimum, a fixed pool on its node count', () => {
    const [finding] = judged(aks({ auto_scaling_enabled: true, min_count: 1, max_count: 5, node_count: 3, zones: ['1', '2', '3'] }), AKS);
    expect(finding.detail).toBe('default_node_pool.min_count = 1: one failure stops the service');
    expect(verdicts('AzureNoSinglePointOfFailure', aks({ enable_auto_scaling: true, min_count: 2, node_count: 1, zones: ['1', '2'] }), AKS)).toEqual(COMPLIANT);
    const [fixed] = judged(aks({ min_count: 3, node_count: 1, zones: ['1', '2', '3'] }), AKS);
    expect(fixed.detail).toBe('default_node_pool.node_count = 1: one failure stops the service');
  });
  test('an Application Gateway without autoscaling is judged on its SKU capacity (default 1), with autoscaling on its minimum (default 0)', () => {
    const gateway = (o: object) => ({ azurerm_application_gateway: { agw: [{ zones: ['1', '2', '3'], ...o }] } });
    expect(verdicts('AzureNoSinglePointOfFailure', gateway({ sku: [{ name: 'WAF_v2', tier: 'WAF_v2', capacity: 2 }] }), AGW)).toEqual(COMPLIANT);
    expect(judged(gateway({ sku: [{ name: 'WAF_v2', tier: 'WAF_v2' }] }), AGW)[0].detail).toBe('sku.capacity = 1 (the default): one failure stops the service');
    expect(judged(gateway({ autoscale_configuration: [{ max_capacity: 10 }], sku: [{ capacity: 5 }] }), AGW)[0].detail)
      .toBe('autoscale_configuration.min_capacity = 0 (the default): one failure stops the service');
  });
  test('scale sets need two instances over two zones', () => {
    const vmss = (o: object) => ({ azurerm_linux_virtual_machine_scale_set: { vmss: [{ name: 'vmss', ...o }] } });
    expect(verdicts('AzureNoSinglePointOfFailure', vmss({ instances: 2, zones: ['1', '2'] }), VMSS)).toEqual(COMPLIANT);
    expect(verdicts('AzureNoSinglePointOfFailure', vmss({}), VMSS)).toEqual(['non-compliant[Instances]', 'non-compliant[Zones]']);
    const win = { azurerm_windows_virtual_machine_scale_set: { vmss: [{ name: 'vmss', instances: 1, zones: ['1', '2', '3'] }] } };
    expect(verdicts('AzureNoSinglePointOfFailure', win, 'azurerm_windows_virtual_machine_scale_set.vmss')).toEqual(['non-compliant[Instances]']);
  });
  test('a plan balanced over zones runs two workers by default; unbalanced, one', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', plan({ zone_balancing_enabled: true }), PLAN)).toEqual(COMPLIANT);
    const found = judged(plan(), PLAN);
    expect(found.map((f) => f.detail)).toContain('worker_count = 1 (the default): one failure stops the service');
  });
  test('an autoscale minimum of two is enough; zero is named in the plural; profiles are read together at their lowest', () => {
    const balanced = { worker_count: 3, zone_balancing_enabled: true };
    expect(verdicts('AzureNoSinglePointOfFailure', plan(balanced, autoscale(true, 2)), PLAN)).toEqual(COMPLIANT);
    expect(judged(plan(balanced, autoscale(true, 1)), PLAN)[0].detail).toBe('an autoscale setting may scale down to 1 worker');
    expect(judged(plan(balanced, autoscale(true, 0)), PLAN)[0].detail).toBe('an autoscale setting may scale down to 0 workers');
    const twoProfiles = autoscale(true, 1);
    const setting = twoProfiles.azurerm_monitor_autoscale_setting.plan[0];
    setting.profile = [setting.profile[0], { ...setting.profile[0], name: 'weekday', capacity: [{ default: 4, minimum: 4, maximum: 10 }] }];
    expect(judged(plan(balanced, twoProfiles), PLAN)[0].detail).toBe('an autoscale setting may scale down to 1 worker');
  });
  test('an autoscale minimum of one adds to the plan\'s own failures, and keeps them', () => {
    expect(verdicts('AzureNoSinglePointOfFailure', plan({ worker_count: 3 }, autoscale(true, 1)), PLAN)).toEqual(['non-compliant[Zones]', 'non-compliant[Instances]']);
  });
});

describe('AzureZeroDowntimeDeploys: every branch of scaling and deployment', () => {
  const VMSS = 'azurerm_linux_virtual_machine_scale_set.vmss';
  const judged = (resources: Resources, address: string, variable: object = {}) => findingsIn('AzureZeroDowntimeDeploys', { variable, resource: resources }, address);
  const suffixes = (found: { ruleId: string }[]) => found.map((f) => f.ruleId.replace(/^DataProtection-AzureZeroDowntimeDeploys/, ''));
  test('a template from a variable without default is unverifiable', () => {
    const app = { azurerm_container_app: { api: [{ name: 'api', template: '${var.template}', ingress: [{ target_port: 80 }] }] } };
    const found = judged(app, APP, { template: {} });
    expect(suffixes(found)).toEqual(['[Unverifiable]']);
    expect(found[0].detail).toContain('template = ${var.template}');
  });
  test('a scale rule or maximum from a variable without default is unverifiable', () => {
    const rules = judged(containerApp({ http_scale_rule: '${var.rules}' }), APP, { rules: {} });
    expect(suffixes(rules)).toEqual(['[Unverifiable]']);
    expect(rules[0].detail).toBe('a scale rule is given by an expression');
    const max = judged(containerApp({ max_replicas: '${var.max}' }), APP, { max: {} });
    expect(suffixes(max)).toEqual(['[Unverifiable]']);
    expect(max[0].detail).toContain('template.max_replicas = ${var.max}');
  });
  test('a maximum at the minimum cannot scale out; one above it can; the default maximum is 10', () => {
    const [pinned] = judged(containerApp({ min_replicas: 3, max_replicas: 3 }), APP);
    expect(suffixes([pinned])).toEqual(['[Scaling]']);
    expect(pinned.detail).toBe('max_replicas 3 <= min_replicas 3: it cannot scale out');
    expect(verdicts('AzureZeroDowntimeDeploys', containerApp({ min_replicas: 3, max_replicas: 4 }), APP)).toEqual(COMPLIANT);
    expect(judged(containerApp({ min_replicas: 10, max_replicas: undefined }), APP)[0].detail).toBe('max_replicas 10 <= min_replicas 10: it cannot scale out');
    expect(verdicts('AzureZeroDowntimeDeploys', containerApp({ min_replicas: 9, max_replicas: undefined }), APP)).toEqual(COMPLIANT);
  });
  test('one replica is enough to avoid cold starts; zero with a scale rule fails on the minimum only', () => {
    expect(verdicts('AzureZeroDowntimeDeploys', containerApp({ min_replicas: 1 }), APP)).toEqual(COMPLIANT);
    const [zero] = judged(containerApp({ min_replicas: 0 }), APP);
    expect(suffixes([zero])).toEqual(['[MinReplicas]']);
    expect(zero.detail).toBe('template.min_replicas = 0: the app scales to zero and the next request waits for a cold start');
  });
  test('any KEDA scale rule counts, and is named', () => {
    const [finding] = judged(containerApp({ http_scale_rule: undefined, azure_queue_scale_rule: [{ name: 'jobs', queue_name: 'q', queue_length: 10 }] }), APP);
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toContain('scales 3-10 on jobs');
  });
  test('without ingress, every container needs a readiness or startup probe', () => {
    const probe = (...containers: object[]) => containerApp({ container: containers }, { ingress: undefined });
    const [bare] = judged(probe({ name: 'api', image: 'x' }), APP);
    expect(suffixes([bare])).toEqual(['[Deployment]']);
    expect(bare.detail).toBe('no ingress and no readiness probe: a new revision replaces the old one before it is known to work');
    expect(verdicts('AzureZeroDowntimeDeploys', probe({ name: 'api', readiness_probe: [{ transport: 'HTTP', port: 8080 }] }), APP)).toEqual(COMPLIANT);
    expect(verdicts('AzureZeroDowntimeDeploys', probe({ name: 'api', startup_probe: [{ transport: 'TCP', port: 8080 }] }), APP)).toEqual(COMPLIANT);
    expect(verdicts('AzureZeroDowntimeDeploys', probe({ name: 'api', readiness_probe: [{ transport: 'HTTP', port: 8080 }] }, { name: 'sidecar' }), APP))
      .toEqual(['non-compliant[Deployment]']);
  });
  test('a slot without a health check, or a slot of another app, is no zero-downtime deployment', () => {
    const web = (site: object | undefined, slot: object) => ({
      azurerm_linux_web_app: { web: [{ name: 'web', ...(site ? { site_config: [site] } : {}) }] },
      azurerm_linux_web_app_slot: { staging: [{ name: 'staging', site_config: [{}], ...slot }] },
    });
    const [unchecked] = judged(web({}, { app_service_id: '${azurerm_linux_web_app.web.id}' }), 'azurerm_linux_web_app.web');
    expect(unchecked.detail).toBe('deployment slot without site_config.health_check_path: unhealthy instances keep traffic');
    expect(verdicts('AzureZeroDowntimeDeploys', web(undefined, { app_service_id: '${azurerm_linux_web_app.web.id}' }), 'azurerm_linux_web_app.web'))
      .toEqual(['non-compliant[Deployment]']);
    const [other] = judged(web({ health_check_path: '/healthz' }, { app_service_id: 'x', tags: { app: '${azurerm_linux_web_app.web.name}' } }), 'azurerm_linux_web_app.web');
    expect(other.detail).toBe('no deployment slot: releases replace the running app in place');
    const [fine] = judged(web({ health_check_path: '/healthz' }, { app_service_id: '${azurerm_linux_web_app.web.id}' }), 'azurerm_linux_web_app.web');
    expect(fine.detail).toBe('deploys through azurerm_linux_web_app_slot.staging with health check /healthz');
  });
  test('a Windows web app deploys through Windows slots', () => {
    const win = (slotType: string) => ({
      azurerm_windows_web_app: { web: [{ name: 'web', site_config: [{ health_check_path: '/healthz' }] }] },
      [slotType]: { staging: [{ name: 'staging', app_service_id: '${azurerm_windows_web_app.web.id}', site_config: [{}] }] },
    });
    expect(verdicts('AzureZeroDowntimeDeploys', win('azurerm_windows_web_app_slot'), 'azurerm_windows_web_app.web')).toEqual(COMPLIANT);
    expect(verdicts('AzureZeroDowntimeDeploys', win('azurerm_linux_web_app_slot'), 'azurerm_windows_web_app.web')).toEqual(['non-compliant[Deployment]']);
  });
  test('consumption, Elastic Premium and Flex plans scale by themselves; other plans need an autoscale setting', () => {
    for (const sku of ['Y1', 'EP2', 'FC1']) expect(verdicts('AzureZeroDowntimeDeploys', plan({ sku_name: sku }), PLAN)).toEqual([]);
    const [none] = judged(plan(), PLAN);
    expect(none.detail).toBe('no azurerm_monitor_autoscale_setting targets it');
    expect(verdicts('AzureZeroDowntimeDeploys', plan({ sku_name: undefined }), PLAN)).toEqual(['non-compliant[Scaling]']);
    expect(verdicts('AzureZeroDowntimeDeploys', plan({ sku_name: 'WS1' }), PLAN)).toEqual(['non-compliant[Scaling]']);
  });
  test('an autoscale setting whose switch or profile is unknown is unverifiable', () => {
    const unknown = (o: object) => {
      const scaling = autoscale(true);
      Object.assign(scaling.azurerm_monitor_autoscale_setting.plan[0], o);
      const found = judged(plan({}, scaling), PLAN, { v: {} });
      expect(suffixes(found)).toEqual(['[Unverifiable]']);
      return found[0].detail;
    };
    expect(unknown({ enabled: '${var.v}' })).toContain('enabled = ${var.v}');
    expect(unknown({ profile: '${var.v}' })).toContain('profile = ${var.v}');
  });
  test('a profile that cannot grow, or only scales in, says why', () => {
    const profile = (p: object) => {
      const scaling = autoscale(true);
      Object.assign(scaling.azurerm_monitor_autoscale_setting.plan[0].profile[0], p);
      return judged(plan({}, scaling), PLAN)[0];
    };
    expect(profile({ capacity: [{ default: 3, minimum: 3, maximum: 3 }] }).detail).toBe('azurerm_monitor_autoscale_setting.plan profile default cannot grow (maximum 3 <= minimum 3)');
    expect(profile({ capacity: [{ default: 3, minimum: 3, maximum: 4 }] }).detail).toBe('azurerm_monitor_autoscale_setting.plan scales 3-4');
    const scaleIn = [{ metric_trigger: [{ metric_name: 'CpuPercentage', operator: 'LessThan', threshold: 20 }], scale_action: [{ direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }] }];
    expect(profile({ name: undefined, rule: scaleIn }).detail).toBe('azurerm_monitor_autoscale_setting.plan profile  has no scale-out rule: it only pins the capacity');
  });
  test('an AKS default node pool that does not autoscale, or whose switch is unknown, fails', () => {
    const aks = (pool: object | undefined) => ({ azurerm_kubernetes_cluster: { aks: [{ name: 'aks', ...(pool ? { default_node_pool: [{ name: 'system', ...pool }] } : {}) }] } });
    expect(verdicts('AzureZeroDowntimeDeploys', aks(undefined), 'azurerm_kubernetes_cluster.aks')).toEqual(['non-compliant[Scaling]']);
    expect(verdicts('AzureZeroDowntimeDeploys', aks({ auto_scaling_enabled: false, node_count: 3 }), 'azurerm_kubernetes_cluster.aks')).toEqual(['non-compliant[Scaling]']);
    const found = judged(aks({ auto_scaling_enabled: '${var.auto}' }), 'azurerm_kubernetes_cluster.aks', { auto: {} });
    expect(suffixes(found)).toEqual(['[Unverifiable]']);
    expect(found[0].detail).toContain('default_node_pool.auto_scaling_enabled = ${var.auto}');
    expect(judged(aks({ auto_scaling_enabled: true, min_count: 2, max_count: 5 }), 'azurerm_kubernetes_cluster.aks')[0].detail).toBe('node pool autoscales 2-5');
  });
  test('a scale set needs an autoscale setting that scales out and rolling upgrades', () => {
    const vmss = (o: object, scaling = true) => ({
      azurerm_linux_virtual_machine_scale_set: { vmss: [{ name: 'vmss', instances: 3, ...o }] },
      ...(scaling ? { azurerm_monitor_autoscale_setting: { vmss: [{
        name: 'as', target_resource_id: '${azurerm_linux_virtual_machine_scale_set.vmss.id}',
        profile: [{ name: 'default', capacity: [{ default: 3, minimum: 3, maximum: 10 }], rule: [{ scale_action: [{ direction: 'Increase' }] }] }],
      }] } } : {}),
    });
    const [rolling] = judged(vmss({ upgrade_mode: 'Rolling' }), VMSS);
    expect(rolling.status).toBe('compliant');
    expect(rolling.detail).toBe('azurerm_monitor_autoscale_setting.vmss scales 3-10; rolling upgrades');
    const [manual] = judged(vmss({}), VMSS);
    expect(suffixes([manual])).toEqual(['[Deployment]']);
    expect(manual.detail).toBe('upgrade_mode = "Manual": instances are not replaced a batch at a time behind a health check');
    expect(verdicts('AzureZeroDowntimeDeploys', vmss({ upgrade_mode: 'Automatic' }, false), VMSS)).toEqual(['non-compliant[Scaling]', 'non-compliant[Deployment]']);
    const unknown = judged(vmss({ upgrade_mode: '${var.mode}' }), VMSS, { mode: {} });
    expect(suffixes(unknown)).toEqual(['[Unverifiable]']);
    expect(unknown[0].detail).toContain('upgrade_mode = ${var.mode}');
    const win = { azurerm_windows_virtual_machine_scale_set: { vmss: [{ name: 'vmss', upgrade_mode: 'Rolling' }] } };
    expect(verdicts('AzureZeroDowntimeDeploys', win, 'azurerm_windows_virtual_machine_scale_set.vmss')).toEqual(['non-compliant[Scaling]']);
  });
});

describe('AzureAvailabilityBudget: how the topology is counted', () => {
  const situmPolicy = DataProtectionPolicy.situm();
  const budget = (resources: Resources, address: string) => findingsIn('AzureAvailabilityBudget', { resource: resources }, address, situmPolicy);
  const apps = (...regions: string[]): Resources => ({
    azurerm_container_app_environment: Object.fromEntries(regions.map((r) => [r, [{ location: r, zone_redundancy_enabled: true }]])),
    azurerm_container_app: Object.fromEntries(regions.map((r) => [r, [{ container_app_environment_id: `\${azurerm_container_app_environment.${r}.id}` }]])),
  });
  const FD = { azurerm_cdn_frontdoor_profile: { fd: [{ sku_name: 'Premium_AzureFrontDoor' }] } };
  test('Traffic Manager over AKS clusters counts zonal clusters higher than single-zone ones', () => {
    const resources = {
      azurerm_traffic_manager_profile: { tm: [{ name: 'tm' }] },
      azurerm_kubernetes_cluster: {
        west: [{ location: 'westeurope', default_node_pool: [{ name: 'system', zones: ['1', '2', '3'] }] }],
        north: [{ location: 'northeurope', default_node_pool: [{ name: 'system', zones: ['1'] }] }],
      },
    };
    const [finding] = budget(resources, 'azurerm_traffic_manager_profile.tm');
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toContain('Azure Traffic Manager 99.99% x parallel(');
    expect(finding.detail).toContain('northeurope: AKS Standard tier 99.9% = 99.9%');
    expect(finding.detail).toContain('westeurope: AKS Standard tier (availability zones) 99.95% = 99.95%');
  });
  test('scale sets over two zones count as zonal virtual machines, over one zone as an availability set', () => {
    const resources = {
      ...FD,
      azurerm_linux_virtual_machine_scale_set: { zonal: [{ location: 'westeurope', zones: ['1', '2'] }] },
      azurerm_windows_virtual_machine_scale_set: { single: [{ location: 'westeurope', zones: ['1'] }] },
    };
    const [finding] = budget(resources, 'azurerm_cdn_frontdoor_profile.fd');
    expect(finding.detail).toContain('region(westeurope: Virtual Machines in two or more zones 99.99% x Virtual Machines in an availability set 99.95% = ');
  });
  test('a web app behind an Application Gateway with same-zone HA PostgreSQL is in series within the region', () => {
    const resources = {
      ...FD,
      azurerm_application_gateway: { agw: [{ location: 'westeurope' }] },
      azurerm_linux_web_app: { web: [{ location: 'westeurope' }] },
      azurerm_postgresql_flexible_server: { db: [{ location: 'westeurope', high_availability: [{ mode: 'SameZone' }] }] },
    };
    const [finding] = budget(resources, 'azurerm_cdn_frontdoor_profile.fd');
    expect(finding.status).toBe('non-compliant');
    expect(finding.detail).toContain('Application Gateway v2 99.95%');
    expect(finding.detail).toContain('App Service 99.95%');
    expect(finding.detail).toContain('PostgreSQL flexible server, same-zone HA 99.95%');
  });
  test('a gateway without compute behind it serves nothing: no budget', () => {
    const resources = { azurerm_application_gateway: { agw: [{ location: 'westeurope' }] }, azurerm_storage_account: { files: [{ location: 'westeurope', account_replication_type: 'ZRS' }] } };
    expect(verdicts('AzureAvailabilityBudget', resources, 'azurerm_application_gateway.agw', situmPolicy)).toEqual([]);
  });
  test('data services alone are judged on their primary copies; the replica and read-access copy elsewhere count for nothing', () => {
    const resources = {
      azurerm_storage_account: { files: [{ location: 'westeurope', account_replication_type: 'RAGZRS' }] },
      azurerm_postgresql_flexible_server: {
        db: [{ location: 'westeurope', high_availability: [{ mode: 'ZoneRedundant' }] }],
        replica: [{ location: 'francecentral', create_mode: 'Replica', source_server_id: '${azurerm_postgresql_flexible_server.db.id}' }],
      },
    };
    const [finding] = budget(resources, 'azurerm_postgresql_flexible_server.db');
    expect(finding.status).toBe('non-compliant');
    expect(finding.detail).toBe('region(westeurope: Storage (hot tier) (files) 99.9% x PostgreSQL flexible server, zone-redundant HA 99.99% = 99.89%) = 99.89% (promised 99.9%)');
  });
  test('a single storage account meets 99.9% exactly', () => {
    const [finding] = budget({ azurerm_storage_account: { files: [{ location: 'westeurope', account_replication_type: 'ZRS' }] } }, 'azurerm_storage_account.files');
    expect(finding.status).toBe('compliant');
    expect(finding.detail).toBe('region(westeurope: Storage (hot tier) (files) 99.9% = 99.9%) = 99.9% (promised 99.9%)');
  });
  test('storage without read access to its copy is shared by the other region; its name comes from the address when unknown', () => {
    const resources = {
      ...FD, ...apps('westeurope', 'northeurope'),
      azurerm_storage_account: { files: [{ name: '${var.name}', location: 'westeurope' }] },
    };
    const [finding] = budget(resources, 'azurerm_cdn_frontdoor_profile.fd');
    expect(finding.detail).toContain('Storage (hot tier) (shared: only in westeurope) 99.9% x parallel(');
    expect(finding.detail).toContain('northeurope: Azure Container Apps 99.95% = 99.95%');
    const named = { ...resources, azurerm_storage_account: { files: [{ name: 'stfiles', location: 'westeurope', account_replication_type: 'RAGRS' }] } };
    expect(budget(named, 'azurerm_cdn_frontdoor_profile.fd')[0].detail).toContain('northeurope: Azure Container Apps 99.95% x Storage (hot tier) (read-access copy of stfiles) 99.9%');
  });
  test('a kind of data service counts at its lowest figure, within a region and when shared', () => {
    const servers = { azurerm_postgresql_flexible_server: {
      ha: [{ location: 'westeurope', high_availability: [{ mode: 'ZoneRedundant' }] }],
      plain: [{ location: 'westeurope' }],
    } };
    const [one] = budget({ ...FD, ...apps('westeurope'), ...servers }, 'azurerm_cdn_frontdoor_profile.fd');
    expect(one.detail).toContain('region(westeurope: Azure Container Apps 99.95% x PostgreSQL flexible server, no HA 99.9% = ');
    const [two] = budget({ ...FD, ...apps('westeurope', 'northeurope'), ...servers }, 'azurerm_cdn_frontdoor_profile.fd');
    expect(two.detail).toContain('Azure Front Door 99.99% x PostgreSQL flexible server, no HA (shared: only in westeurope) 99.9% x parallel(');
  });
  test('an environment no app runs in is no compute, and a log store is no workload data', () => {
    const resources = {
      ...FD, ...apps('westeurope'),
      azurerm_container_app_environment: { westeurope: [{ location: 'westeurope' }], northeurope: [{ location: 'northeurope' }] },
      azurerm_storage_account: { logs: [{ location: 'northeurope', account_replication_type: 'LRS' }] },
      azurerm_monitor_diagnostic_setting: { d: [{ target_resource_id: '${azurerm_container_app_environment.westeurope.id}', storage_account_id: '${azurerm_storage_account.logs.id}' }] },
    };
    const [finding] = budget(resources, 'azurerm_cdn_frontdoor_profile.fd');
    expect(finding.detail).toBe('Azure Front Door 99.99% x region(westeurope: Azure Container Apps 99.95% = 99.95%) = 99.94% (promised 99.9%)');
  });
});

describe('AzureAvailabilityBudget: shared data services', () => {
  const situmPolicy = DataProtectionPolicy.situm();
  test('a shared data service counts at its lowest figure whichever is declared first', () => {
    const resources = {
      azurerm_cdn_frontdoor_profile: { fd: [{ sku_name: 'Premium_AzureFrontDoor' }] },
      azurerm_container_app_environment: { west: [{ location: 'westeurope' }], north: [{ location: 'northeurope' }] },
      azurerm_container_app: { west: [{ container_app_environment_id: '${azurerm_container_app_environment.west.id}' }], north: [{ container_app_environment_id: '${azurerm_container_app_environment.north.id}' }] },
      azurerm_postgresql_flexible_server: { plain: [{ location: 'westeurope' }], ha: [{ location: 'westeurope', high_availability: [{ mode: 'ZoneRedundant' }] }] },
    };
    const [finding] = findingsIn('AzureAvailabilityBudget', { resource: resources }, 'azurerm_cdn_frontdoor_profile.fd', situmPolicy);
    expect(finding.detail).toContain('Azure Front Door 99.99% x PostgreSQL flexible server, no HA (shared: only in westeurope) 99.9% x parallel(');
  });
});

describe('AzureZeroDowntimeDeploys: a container app without a template', () => {
  test('runs the defaults: scales to zero with no scale rule', () => {
    const app = { azurerm_container_app: { api: [{ name: 'api', ingress: [{ target_port: 80 }] }] } };
    expect(verdicts('AzureZeroDowntimeDeploys', app, APP)).toEqual(['non-compliant[MinReplicas]', 'non-compliant[Scaling]']);
  });
});

describe('Unknowns that decide an availability verdict are never compliant', () => {
  test('an autoscale setting whose enabled flag is a variable may lower three balanced workers to one: unverifiable', () => {
    const setting = autoscale(true, 1);
    setting.azurerm_monitor_autoscale_setting.plan[0].enabled = '${var.autoscale_on}';
    const config = { variable: { autoscale_on: {} }, resource: plan({ worker_count: 3, zone_balancing_enabled: true }, setting) };
    const found = findingsIn('AzureNoSinglePointOfFailure', config, PLAN);
    expect(found.map((f) => `${f.status}${f.ruleId.slice('DataProtection-AzureNoSinglePointOfFailure'.length)}`)).toEqual(UNVERIFIABLE);
    expect(found[0].detail).toContain('enabled = ${var.autoscale_on}');
  });
  test('zones from a variable without default name the variable, on node pools, gateways and scale sets', () => {
    const aks = { azurerm_kubernetes_cluster: { aks: [{ default_node_pool: [{ name: 'sys', node_count: 3, zones: '${var.z}' }] }] } };
    const [onAks] = findingsIn('AzureNoSinglePointOfFailure', { variable: { z: {} }, resource: aks }, 'azurerm_kubernetes_cluster.aks');
    expect(onAks.status).toBe('non-compliant');
    expect(onAks.ruleId).toBe('DataProtection-AzureNoSinglePointOfFailure[Unverifiable]');
    expect(onAks.detail).toContain('default_node_pool.zones = ${var.z}');
    const vmss = { azurerm_linux_virtual_machine_scale_set: { web: [{ instances: 3, zones: ['1', '${var.z}'] }] } };
    const [onScaleSet] = findingsIn('AzureNoSinglePointOfFailure', { variable: { z: {} }, resource: vmss }, 'azurerm_linux_virtual_machine_scale_set.web');
    expect(onScaleSet.ruleId).toBe('DataProtection-AzureNoSinglePointOfFailure[Unverifiable]');
    expect(onScaleSet.detail).toContain('zones = ["1","${var.z}"]');
  });
  const budgetPolicy = new DataProtectionPolicy({ uptimePercent: 99.9, regionCount: 1 });
  const aks = (o: object = {}) => ({ azurerm_kubernetes_cluster: { aks: [{ location: 'westeurope', default_node_pool: [{ name: 'sys', node_count: 3, zones: ['1', '2', '3'] }], ...o }] } });
  const frontDoor = (o: object = {}) => ({ azurerm_cdn_frontdoor_profile: { fd: [{ sku_name: 'Premium_AzureFrontDoor', ...o }] } });
  test('an entry point or a compute service that may not exist changes the budget either way: unverifiable', () => {
    const maybeEntry = { variable: { n: {} }, resource: { ...frontDoor({ count: '${var.n}' }), ...aks() } };
    const [onAks] = findingsIn('AzureAvailabilityBudget', maybeEntry, 'azurerm_kubernetes_cluster.aks', budgetPolicy);
    expect(onAks.ruleId).toBe('DataProtection-AzureAvailabilityBudget[Unverifiable]');
    expect(onAks.detail).toContain('azurerm_cdn_frontdoor_profile.fd may not exist');
    const maybeCompute = { variable: { n: {} }, resource: { ...frontDoor(), ...aks({ count: '${var.n}' }) } };
    const [onFrontDoor] = findingsIn('AzureAvailabilityBudget', maybeCompute, 'azurerm_cdn_frontdoor_profile.fd', budgetPolicy);
    expect(onFrontDoor.ruleId).toBe('DataProtection-AzureAvailabilityBudget[Unverifiable]');
    expect(onFrontDoor.detail).toContain('azurerm_kubernetes_cluster.aks may not exist');
  });
  test('zones from a variable decide a scale set\'s SLA tier: unverifiable, not the lower tier', () => {
    const vmss = { azurerm_linux_virtual_machine_scale_set: { web: [{ location: 'westeurope', instances: 3, zones: '${var.z}' }] } };
    const [finding] = findingsIn('AzureAvailabilityBudget', { variable: { z: {} }, resource: vmss }, 'azurerm_linux_virtual_machine_scale_set.web',
      new DataProtectionPolicy({ uptimePercent: 99.99, regionCount: 1 }));
    expect(finding.ruleId).toBe('DataProtection-AzureAvailabilityBudget[Unverifiable]');
    expect(finding.detail).toBe('the zones of a workload resource, which decide its SLA, are not known: azurerm_linux_virtual_machine_scale_set.web: zones = "${var.z}"');
  });
});

describe('AzureNoSinglePointOfFailure: what autoscaling may lower a node pool or scale set to', () => {
  const RULE = 'AzureNoSinglePointOfFailure';
  const AKS = 'azurerm_kubernetes_cluster.aks';
  const VMSS = 'azurerm_linux_virtual_machine_scale_set.vmss';
  const aks = (pool: object) => ({ azurerm_kubernetes_cluster: { aks: [{ name: 'aks', default_node_pool: [{ name: 'system', zones: ['1', '2', '3'], ...pool }] }] } });
  const vmss = (type = 'azurerm_linux_virtual_machine_scale_set') => ({ [type]: { vmss: [{ name: 'vmss', instances: 3, zones: ['1', '2', '3'] }] } });
  const scaleSetAutoscale = (o: object = {}, capacity: object = {}, type = 'azurerm_linux_virtual_machine_scale_set'): Resources => ({
    azurerm_monitor_autoscale_setting: { vmss: [{
      name: 'as', target_resource_id: `\${${type}.vmss.id}`, enabled: true,
      profile: [{
        name: 'default', capacity: [{ default: 3, minimum: 1, maximum: 10, ...capacity }],
        rule: [{ metric_trigger: [{ metric_name: 'Percentage CPU', operator: 'GreaterThan', threshold: 70 }], scale_action: [{ direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }] }],
      }],
      ...o,
    }] },
  });
  test('an autoscaling flag from a variable without default may let three nodes shrink to one: unverifiable, naming the flag', () => {
    const found = said(RULE, aks({ auto_scaling_enabled: '${var.a}', node_count: 3, min_count: 1 }), AKS, undefined, declared('a'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^non-compliant\[Unverifiable\]: default_node_pool\.auto_scaling_enabled = \$\{var\.a\}/);
    expect(found[0]).toContain('default_node_pool.min_count = 1 with autoscaling, default_node_pool.node_count = 3 without');
    const v3 = said(RULE, aks({ enable_auto_scaling: '${var.a}', node_count: 3, min_count: 1 }), AKS, undefined, declared('a'));
    expect(v3).toHaveLength(1);
    expect(v3[0]).toMatch(/^non-compliant\[Unverifiable\]: default_node_pool\.enable_auto_scaling = \$\{var\.a\}/);
  });
  test('with an unknown autoscaling flag, a min_count left to its default or from a variable is unverifiable too', () => {
    const unset = said(RULE, aks({ auto_scaling_enabled: '${var.a}', node_count: 3 }), AKS, undefined, declared('a'));
    expect(unset).toHaveLength(1);
    expect(unset[0]).toContain('default_node_pool.min_count = 1 (the default) with autoscaling');
    const fromVariable = said(RULE, aks({ auto_scaling_enabled: '${var.a}', node_count: 3, min_count: '${var.m}' }), AKS, undefined, declared('a', 'm'));
    expect(fromVariable).toHaveLength(1);
    expect(fromVariable[0]).toMatch(/^non-compliant\[Unverifiable\]: default_node_pool\.auto_scaling_enabled = \$\{var\.a\}/);
    expect(fromVariable[0]).toContain('default_node_pool.min_count = ${var.m}');
  });
  test('with an unknown autoscaling flag, a pool that passes or fails either way is judged', () => {
    expect(said(RULE, aks({ auto_scaling_enabled: '${var.a}', node_count: 3, min_count: 2 }), AKS, undefined, declared('a')))
      .toEqual(['compliant: 2 instances over zones 1, 2, 3']);
    expect(said(RULE, aks({ auto_scaling_enabled: '${var.a}', node_count: 1, min_count: 1 }), AKS, undefined, declared('a')))
      .toEqual(['non-compliant[Instances]: default_node_pool.node_count = 1 and default_node_pool.min_count = 1, whatever default_node_pool.auto_scaling_enabled is: one failure stops the service']);
  });
  test('autoscaling known to be off judges node_count; known on, min_count', () => {
    expect(said(RULE, aks({ auto_scaling_enabled: 'false', node_count: 3, min_count: 1 }), AKS)).toEqual(['compliant: 3 instances over zones 1, 2, 3']);
    expect(said(RULE, aks({ enable_auto_scaling: false, node_count: 3, min_count: 1 }), AKS)).toEqual(['compliant: 3 instances over zones 1, 2, 3']);
    expect(said(RULE, aks({ auto_scaling_enabled: 'true', node_count: 3, min_count: 1 }), AKS))
      .toEqual(['non-compliant[Instances]: default_node_pool.min_count = 1: one failure stops the service']);
  });
  test('an enabled autoscale setting with a minimum of one lets three scale set instances shrink to one: non-compliant', () => {
    expect(said(RULE, { ...vmss(), ...scaleSetAutoscale() }, VMSS))
      .toEqual(['non-compliant[Instances]: azurerm_monitor_autoscale_setting.vmss profile.capacity.minimum = 1: the scale set may scale down to 1 instance']);
    expect(said(RULE, { ...vmss(), ...scaleSetAutoscale({}, { minimum: 0 }) }, VMSS))
      .toEqual(['non-compliant[Instances]: azurerm_monitor_autoscale_setting.vmss profile.capacity.minimum = 0: the scale set may scale down to 0 instances']);
    const win = 'azurerm_windows_virtual_machine_scale_set';
    expect(verdicts(RULE, { ...vmss(win), ...scaleSetAutoscale({}, {}, win) }, `${win}.vmss`)).toEqual(['non-compliant[Instances]']);
  });
  test('an autoscale minimum of two, or a disabled setting, keeps a compliant scale set compliant', () => {
    expect(said(RULE, { ...vmss(), ...scaleSetAutoscale({}, { minimum: 2 }) }, VMSS)).toEqual(['compliant: 3 instances over zones 1, 2, 3']);
    expect(said(RULE, { ...vmss(), ...scaleSetAutoscale({ enabled: false }) }, VMSS)).toEqual(['compliant: 3 instances over zones 1, 2, 3']);
    expect(said(RULE, { ...vmss(), ...scaleSetAutoscale({ enabled: false }, { minimum: '${var.min}' }) }, VMSS, undefined, declared('min')))
      .toEqual(['compliant: 3 instances over zones 1, 2, 3']);
  });
  test('a scale set autoscale setting whose enabled flag or minimum is a variable without default is unverifiable', () => {
    const enabled = said(RULE, { ...vmss(), ...scaleSetAutoscale({ enabled: '${var.on}' }) }, VMSS, undefined, declared('on'));
    expect(enabled).toHaveLength(1);
    expect(enabled[0]).toMatch(/^non-compliant\[Unverifiable\]: enabled = \$\{var\.on\}/);
    const minimum = said(RULE, { ...vmss(), ...scaleSetAutoscale({}, { minimum: '${var.min}' }) }, VMSS, undefined, declared('min'));
    expect(minimum).toHaveLength(1);
    expect(minimum[0]).toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_autoscale_setting\.vmss profile\.capacity\.minimum = \$\{var\.min\}/);
    const dynamicCapacity = scaleSetAutoscale();
    const setting = dynamicCapacity.azurerm_monitor_autoscale_setting.vmss[0];
    const { capacity: _, ...profile } = setting.profile[0];
    delete setting.profile;
    setting.dynamic = { profile: [{ for_each: ['default'], content: [{
      ...profile, dynamic: { capacity: [{ for_each: '${var.capacities}', content: [{ default: 3, minimum: 1, maximum: 10 }] }] },
    }] }] };
    const capacity = said(RULE, { ...vmss(), ...dynamicCapacity }, VMSS, undefined, declared('capacities'));
    expect(capacity).toHaveLength(1);
    expect(capacity[0]).toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_autoscale_setting\.vmss profile\.capacity = /);
    expect(capacity[0]).toContain('var.capacities');
  });
  test('an unknown autoscale minimum keeps the scale set\'s own failures', () => {
    const one = { azurerm_linux_virtual_machine_scale_set: { vmss: [{ name: 'vmss', instances: 1, zones: ['1', '2', '3'] }] } };
    expect(verdictsIn(RULE, { ...declared('min'), resource: { ...one, ...scaleSetAutoscale({}, { minimum: '${var.min}' }) } }, VMSS))
      .toEqual(['non-compliant[Instances]', 'non-compliant[Unverifiable]']);
  });
  test('an App Service plan autoscale minimum from a variable without default is unverifiable, not ignored', () => {
    const setting = autoscale(true, 1);
    setting.azurerm_monitor_autoscale_setting.plan[0].profile[0].capacity = [{ default: 3, minimum: '${var.min}', maximum: 10 }];
    const found = said(RULE, plan({ worker_count: 3, zone_balancing_enabled: true }, setting), PLAN, undefined, declared('min'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^non-compliant\[Unverifiable\]: azurerm_monitor_autoscale_setting\.plan profile\.capacity\.minimum = \$\{var\.min\}/);
  });
});
