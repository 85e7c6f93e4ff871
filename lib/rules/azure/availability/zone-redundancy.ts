import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { readSetting } from '../../../terraform/azurerm-schema';
import { AzureResourceRule, AzureRuleContext, TerraformResourceView } from '../../../terraform/model';
import { postgresHaVerdict } from '../private/postgres';
import { AZURE_ZONES_PER_REGION, zonesOf } from '../private/scaling';
import { block, isExpression, settingFlag, unknownDetail } from '../private/values';

/** Where each zonal resource type lists its zones. */
const ZONE_LISTS: { readonly [type: string]: (c: { [key: string]: any }) => unknown } = {
  azurerm_application_gateway: (c) => c.zones,
  azurerm_public_ip: (c) => c.zones,
  azurerm_kubernetes_cluster: (c) => block(c.default_node_pool)?.zones,
  azurerm_linux_virtual_machine_scale_set: (c) => c.zones,
  azurerm_windows_virtual_machine_scale_set: (c) => c.zones,
};

/**
 * DP.AVL.1: the workload's zonal services span the region's availability zones: a Container Apps
 * environment is zone-redundant, an App Service plan balances its workers over zones, an
 * Application Gateway, public IP, AKS default node pool or scale set lists at least
 * `availabilityZonesPerRegion` zones (at most the 3 an Azure region has), a VPN or ExpressRoute
 * gateway uses an `AZ` SKU, and a PostgreSQL flexible server has zone-redundant HA (primary and
 * standby in different zones). Storage accounts are judged by AzureStorageZoneRedundant; a VNet
 * itself spans every zone of its region.
 */
export const AzureZoneRedundancy: AzureResourceRule = {
  name: 'AzureZoneRedundancy',
  controlId: 'DP.AVL.1',
  resourceTypes: [
    'azurerm_container_app_environment', 'azurerm_service_plan', 'azurerm_virtual_network_gateway', 'azurerm_postgresql_flexible_server',
    ...Object.keys(ZONE_LISTS),
  ],
  covers: 'Container Apps, App Service plans, gateways, public IPs, AKS, scale sets, PostgreSQL HA',
  level: Severity.ERROR,
  info: 'The service lives in fewer availability zones than the policy promises.',
  explanation: 'DP.AVL.1 promises that each region\'s resources span availability zones. Set zone_redundancy_enabled on '
    + 'Container Apps environments (with an infrastructure subnet), zone_balancing_enabled on App Service plans, zones = '
    + '["1", "2", "3"] on Application Gateways, public IPs, AKS node pools and scale sets, an AZ SKU (VpnGw1AZ) on virtual '
    + 'network gateways, and zone-redundant HA on PostgreSQL (ZoneRedundantApp, AdminVpnGateway and ProtectedPostgres do).',
  fix: 'Make the service zone-redundant (zone_redundancy_enabled, zone_balancing_enabled, zones ["1","2","3"], an AZ SKU or zone-redundant HA).',
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult {
    const wanted = Math.min(context.policy.availabilityZonesPerRegion, AZURE_ZONES_PER_REGION);
    switch (resource.type) {
      case 'azurerm_container_app_environment': return settingFlag(resource, 'containerAppEnvironmentZoneRedundant', true);
      case 'azurerm_service_plan': return settingFlag(resource, 'servicePlanZoneBalancing', true);
      case 'azurerm_postgresql_flexible_server': return postgresHaVerdict(resource);
      case 'azurerm_virtual_network_gateway': {
        const sku = resource.config.sku;
        if (isExpression(sku)) return unverifiable(unknownDetail(resource, 'sku', sku));
        return /AZ$|^ErGwScale$/.test(String(sku)) ? compliant(`sku = ${JSON.stringify(sku)} is zone-redundant`)
          : nonCompliant(`sku = ${JSON.stringify(sku)} is not zone-redundant (use the AZ variant)`);
      }
      default: {
        if (resource.type === 'azurerm_public_ip') {
          const sku = readSetting(resource, 'publicIpSku');
          const value = sku.configured?.value;
          if (value === 'Basic') return nonCompliant('sku = "Basic": Basic public IPs have no zones');
        }
        const raw = ZONE_LISTS[resource.type](resource.config);
        const zones = zonesOf(raw);
        if (zones === undefined) return unverifiable(unknownDetail(resource, 'zones', raw));
        if (resource.type === 'azurerm_kubernetes_cluster' && !block(resource.config.default_node_pool)) return NOT_APPLICABLE;
        const detail = zones.length === 0 ? 'no zones: Azure promises no zone for it' : `zones = ${JSON.stringify(zones)}`;
        return zones.length >= wanted ? compliant(detail) : nonCompliant(`${detail} (promised: ${wanted} zones)`);
      }
    }
  },
};
