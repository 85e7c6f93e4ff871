// Availability rules (DP.AVL.1, 4, 5, 7) on Terraform JSON as real configurations write it.
import { azurerm, COMPLIANT, findingsIn, NON_COMPLIANT, Resources, UNVERIFIABLE, verdicts, verdictsIn } from './helpers';
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
