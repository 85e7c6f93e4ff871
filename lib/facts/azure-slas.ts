/**
 * Published Azure monthly uptime commitments used by the availability budget (DP.AVL.7). Each
 * figure is the one Microsoft's "Service Level Agreements for Online Services" gives for the
 * configuration the rule recognises (read Nov 2026). Where the SLA gives several figures (read and
 * write, tiers, HA modes), the one for the configuration is used, and where unsure the lower one,
 * so a budget never passes on an optimistic number.
 */
export interface AzureServiceSla {
  /** The service and configuration, as the SLA names it. */
  readonly service: string;
  /** Monthly uptime commitment, percent. */
  readonly percent: number;
  /** The SLA page. */
  readonly source: string;
}

const SLA_PAGE = 'https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services';

/** Global entry points (in series with the regions behind them). */
export const AZURE_ENTRY_SLAS = {
  frontDoor: { service: 'Azure Front Door', percent: 99.99, source: SLA_PAGE },
  trafficManager: { service: 'Azure Traffic Manager', percent: 99.99, source: SLA_PAGE },
} satisfies { [key: string]: AzureServiceSla };

/** Regional services, by what the rule recognises. */
export const AZURE_REGIONAL_SLAS = {
  applicationGatewayV2: { service: 'Application Gateway v2', percent: 99.95, source: SLA_PAGE },
  containerApps: { service: 'Azure Container Apps', percent: 99.95, source: SLA_PAGE },
  appService: { service: 'App Service', percent: 99.95, source: SLA_PAGE },
  aksZones: { service: 'AKS Standard tier (availability zones)', percent: 99.95, source: SLA_PAGE },
  aks: { service: 'AKS Standard tier', percent: 99.9, source: SLA_PAGE },
  vmScaleSetZones: { service: 'Virtual Machines in two or more zones', percent: 99.99, source: SLA_PAGE },
  vmScaleSet: { service: 'Virtual Machines in an availability set', percent: 99.95, source: SLA_PAGE },
  postgresZoneRedundant: { service: 'PostgreSQL flexible server, zone-redundant HA', percent: 99.99, source: SLA_PAGE },
  postgresSameZone: { service: 'PostgreSQL flexible server, same-zone HA', percent: 99.95, source: SLA_PAGE },
  postgres: { service: 'PostgreSQL flexible server, no HA', percent: 99.9, source: SLA_PAGE },
  postgresReplica: { service: 'PostgreSQL flexible server read replica (no HA)', percent: 99.9, source: SLA_PAGE },
  // Storage: 99.9% for writes on every redundancy and for reads without read access to the
  // secondary; RA-GRS/RA-GZRS reads reach 99.99% only with retries on the secondary. The budget
  // uses 99.9% everywhere: writes go to the primary.
  storage: { service: 'Storage (hot tier)', percent: 99.9, source: SLA_PAGE },
} satisfies { [key: string]: AzureServiceSla };
