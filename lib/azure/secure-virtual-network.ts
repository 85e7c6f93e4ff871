import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { NetworkWatcherFlowLog } from '@cdktf/provider-azurerm/lib/network-watcher-flow-log';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { diagnosticSetting } from './private/monitoring';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';
import { ipv4Block, ipv4Range } from '../facts/cidr';

/** Flow log retention Azure accepts (0 keeps records forever). */
const MAX_FLOW_LOG_RETENTION_DAYS = 365;

/** The private DNS zone of each private endpoint sub-resource this library connects. */
export const PRIVATE_DNS_ZONES: { readonly [subresource: string]: string } = {
  blob: 'privatelink.blob.core.windows.net',
  blob_secondary: 'privatelink.blob.core.windows.net',
  postgresqlServer: 'privatelink.postgres.database.azure.com',
  vault: 'privatelink.vaultcore.azure.net',
};

/** A virtual network the library's constructs place their resources in. */
export interface IAzureNetwork {
  /** ID of the virtual network. */
  readonly virtualNetworkId: string;
  /** Its region. */
  readonly location: string;
  /** Subnet delegated to Container Apps environments (workload profiles), behind a closed NSG. */
  readonly appSubnetId: string;
  /** Subnet for private endpoints, behind a closed NSG. */
  readonly privateEndpointSubnetId: string;
  /** `GatewaySubnet`, for a VPN gateway (Azure allows no NSG there). */
  readonly gatewaySubnetId: string;
}

/** What a private endpoint connects to. */
export interface PrivateEndpointTarget {
  /** ID of the resource (storage account, PostgreSQL server, Key Vault). */
  readonly resourceId: string;
  /** Sub-resource: `blob`, `blob_secondary` (the read-access copy of RA-GRS storage), `postgresqlServer` or `vault`. */
  readonly subresource: string;
}

/** Props of a `SecureVirtualNetwork`. */
export interface SecureVirtualNetworkProps {
  /**
   * The policy: allowed regions, log retention.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region. */
  readonly placement: AzurePlacement;
  /**
   * Address space (IPv4 CIDR, /22 or larger): apps get the first /23, private endpoints the next /24,
   * the VPN gateway a /27 after them.
   * @default '10.0.0.0/16'
   */
  readonly addressSpace?: string;
  /**
   * Where network security group logs and the VNet flow log go. A destination with a flow-log
   * storage account (CentralLogAnalytics after `archiveFlowLogs`) gets a VNet flow log with traffic
   * analytics in its workspace.
   * @default - no diagnostics and no flow log (DP.LOG.1 and DP.LOG.3 then report the network)
   */
  readonly logs?: IAzureLogDestination;
  /**
   * Network Watcher of the region (Azure creates `NetworkWatcher_<region>` in `NetworkWatcherRG`
   * when the first VNet of a subscription appears there).
   * @default - { name: 'NetworkWatcher_<region>', resourceGroupName: 'NetworkWatcherRG' }
   */
  readonly networkWatcher?: NetworkWatcherRef;
}

/** An existing Network Watcher. */
export interface NetworkWatcherRef {
  /** Its name. */
  readonly name: string;
  /** Its resource group. */
  readonly resourceGroupName: string;
}

/**
 * A virtual network that keeps the network promises: subnets for apps and private endpoints behind
 * network security groups that admit nothing from the internet (only the platform's defaults inside
 * the VNet), a `GatewaySubnet` for the administrators' VPN, NSG logs and a VNet flow log (NSG flow
 * logs can no longer be created) with traffic analytics in the central workspace, and private
 * endpoints with their private DNS zones (`addPrivateEndpoint`). A VNet spans every zone of its
 * region; zone redundancy is a property of what runs in it.
 */
export class SecureVirtualNetwork extends Construct implements IAzureNetwork {
  /** The virtual network. */
  public readonly vnet: VirtualNetwork;
  /** @inheritdoc */
  public readonly virtualNetworkId: string;
  /** @inheritdoc */
  public readonly location: string;
  /** @inheritdoc */
  public readonly appSubnetId: string;
  /** @inheritdoc */
  public readonly privateEndpointSubnetId: string;
  /** @inheritdoc */
  public readonly gatewaySubnetId: string;
  /** The network security groups, by subnet. */
  public readonly securityGroups: NetworkSecurityGroup[] = [];
  /** The VNet flow log, when the log destination has a flow-log storage account. */
  public readonly flowLog?: NetworkWatcherFlowLog;
  private readonly placement: AzurePlacement;
  private readonly zones = new Map<string, PrivateDnsZone>();

  constructor(scope: Construct, id: string, props: SecureVirtualNetworkProps) {
    const errors = new PropErrors('SecureVirtualNetwork', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const space = props.addressSpace ?? '10.0.0.0/16';
    const range = ipv4Range(space);
    errors.check(range !== undefined && Number(space.split('/')[1]) <= 22, 'addressSpace', space, 'an IPv4 CIDR block of /22 or larger, such as 10.10.0.0/16');
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    errors.throwIfAny();
    super(scope, id);
    this.placement = props.placement;
    this.location = props.placement.location;
    const logs = props.logs?.bind(this);

    const name = `vnet-${id.toLowerCase()}-${props.placement.location}`;
    this.vnet = new VirtualNetwork(this, 'Vnet', {
      name,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      addressSpace: [space],
    });
    this.virtualNetworkId = this.vnet.id;
    const subnet = (sid: string, subnetName: string, offset: number, bits: number, extra: object = {}) => new Subnet(this, sid, {
      name: subnetName,
      resourceGroupName: props.placement.resourceGroupName,
      virtualNetworkName: this.vnet.name,
      addressPrefixes: [ipv4Block(space, offset, bits)!],
      // No implicit internet egress: outbound goes where routes and firewalls say.
      defaultOutboundAccessEnabled: false,
      ...extra,
    });
    const apps = subnet('AppSubnet', 'apps', 0, 23, {
      delegation: [{ name: 'container-apps', serviceDelegation: { name: 'Microsoft.App/environments', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }],
    });
    const endpoints = subnet('EndpointSubnet', 'private-endpoints', 512, 24, { privateEndpointNetworkPolicies: 'Enabled' });
    // Azure requires this exact name and allows no NSG on it.
    const gateway = subnet('GatewaySubnet', 'GatewaySubnet', 768, 27, { defaultOutboundAccessEnabled: undefined });
    this.appSubnetId = apps.id;
    this.privateEndpointSubnetId = endpoints.id;
    this.gatewaySubnetId = gateway.id;

    for (const [sid, target] of [['Apps', apps], ['Endpoints', endpoints]] as const) {
      const nsg = new NetworkSecurityGroup(this, `${sid}Nsg`, {
        name: `nsg-${id.toLowerCase()}-${sid.toLowerCase()}-${props.placement.location}`,
        location: props.placement.location,
        resourceGroupName: props.placement.resourceGroupName,
        // The platform's default rules already deny the internet; this one says so where reviewers look.
        securityRule: [{
          name: 'deny-internet-inbound', priority: 4096, direction: 'Inbound', access: 'Deny', protocol: '*',
          sourcePortRange: '*', destinationPortRange: '*', sourceAddressPrefix: 'Internet', destinationAddressPrefix: '*',
        }],
      });
      new SubnetNetworkSecurityGroupAssociation(this, `${sid}NsgAssociation`, { subnetId: target.id, networkSecurityGroupId: nsg.id });
      this.securityGroups.push(nsg);
      if (logs) diagnosticSetting(this, `${sid}NsgLogs`, logs, nsg.id, ['allLogs'], false, false);
    }

    if (logs?.flowLogStorageAccountId) {
      const watcher = props.networkWatcher ?? { name: `NetworkWatcher_${props.placement.location}`, resourceGroupName: 'NetworkWatcherRG' };
      const retention = policy.logRetentionDays;
      this.flowLog = new NetworkWatcherFlowLog(this, 'FlowLog', {
        name: `fl-${name}`,
        networkWatcherName: watcher.name,
        resourceGroupName: watcher.resourceGroupName,
        targetResourceId: this.vnet.id,
        storageAccountId: logs.flowLogStorageAccountId,
        enabled: true,
        version: 2,
        // Longer than Azure accepts: keep records forever and let the archive's lifecycle decide.
        retentionPolicy: { enabled: true, days: retention > MAX_FLOW_LOG_RETENTION_DAYS ? 0 : retention },
        ...(logs.workspaceGuid && logs.workspaceLocation ? {
          trafficAnalytics: {
            enabled: true,
            workspaceId: logs.workspaceGuid,
            workspaceRegion: logs.workspaceLocation,
            workspaceResourceId: logs.workspaceId,
            intervalInMinutes: 10,
          },
        } : {}),
      });
    }
  }

  /**
   * Connect a resource through a private endpoint in the endpoint subnet, registered in the
   * matching private DNS zone (one per zone name and network, linked to this VNet).
   */
  public addPrivateEndpoint(id: string, target: PrivateEndpointTarget): PrivateEndpoint {
    const zoneName = PRIVATE_DNS_ZONES[target.subresource];
    const errors = new PropErrors('SecureVirtualNetwork.addPrivateEndpoint', `${this.node.path}/${id}`);
    errors.check(zoneName !== undefined, 'subresource', target.subresource, Object.keys(PRIVATE_DNS_ZONES).join(', '));
    errors.throwIfAny();
    let zone = this.zones.get(zoneName);
    if (!zone) {
      const zid = zoneName.split('.')[1];
      zone = new PrivateDnsZone(this, `Zone-${zid}`, { name: zoneName, resourceGroupName: this.placement.resourceGroupName });
      new PrivateDnsZoneVirtualNetworkLink(this, `ZoneLink-${zid}`, {
        name: `link-${zid}`,
        resourceGroupName: this.placement.resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId: this.vnet.id,
      });
      this.zones.set(zoneName, zone);
    }
    return new PrivateEndpoint(this, `Endpoint-${id}`, {
      name: `pe-${id.toLowerCase()}-${this.location}`,
      location: this.location,
      resourceGroupName: this.placement.resourceGroupName,
      subnetId: this.privateEndpointSubnetId,
      privateServiceConnection: {
        name: `psc-${id.toLowerCase()}`,
        privateConnectionResourceId: target.resourceId,
        subresourceNames: [target.subresource],
        isManualConnection: false,
      },
      privateDnsZoneGroup: { name: 'default', privateDnsZoneIds: [zone.id] },
    });
  }
}
