import { PublicIp } from '@cdktf/provider-azurerm/lib/public-ip';
import { VirtualNetworkGateway } from '@cdktf/provider-azurerm/lib/virtual-network-gateway';
import { Construct } from 'constructs';
import { IAzureLogDestination } from './log-destination';
import { AzurePlacement, checkRegion } from './placement';
import { diagnosticSetting } from './private/monitoring';
import type { IAzureNetwork } from './secure-virtual-network';
import { DataProtectionPolicy } from '../core/policy/policy';
import { PropErrors } from '../core/props/prop-errors';
import { ipv4Range } from '../facts/cidr';

/** Application ID of the Microsoft-registered Azure VPN Client (the audience of Entra ID sign-ins to point-to-site VPNs). */
export const AZURE_VPN_CLIENT_APP_ID = 'c632b3df-fb67-4d84-bdcf-b95ad541b5c8';

/** Props of an `AdminVpnGateway`. */
export interface AdminVpnGatewayProps {
  /**
   * The policy: allowed regions.
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /** Resource group and region (the network's). */
  readonly placement: AzurePlacement;
  /** The network whose `GatewaySubnet` holds the gateway. */
  readonly network: IAzureNetwork;
  /**
   * Addresses handed to connected administrators (IPv4 CIDR outside the VNet).
   * @default '172.16.200.0/24'
   */
  readonly clientAddressPool?: string;
  /**
   * Gateway SKU: a zone-redundant `VpnGw<n>AZ`.
   * @default 'VpnGw1AZ'
   */
  readonly sku?: string;
  /**
   * Workspace for gateway, tunnel and point-to-site logs (who connected when).
   * @default - no logs
   */
  readonly logs?: IAzureLogDestination;
}

/**
 * The administrators' only way into the network: a zone-redundant point-to-site VPN gateway on
 * OpenVPN whose clients sign in with Microsoft Entra ID (SSO; MFA through the tenant's Conditional
 * Access policy for the Azure VPN Client), on a Standard public IP spread over three zones with
 * DDoS IP Protection. There is no SSH or RDP from the internet: administrators reach private
 * endpoints (the database, Key Vault) through the tunnel with their Entra ID identities.
 */
export class AdminVpnGateway extends Construct {
  /** The gateway. */
  public readonly gateway: VirtualNetworkGateway;
  /** Its public IP. */
  public readonly publicIp: PublicIp;

  constructor(scope: Construct, id: string, props: AdminVpnGatewayProps) {
    const errors = new PropErrors('AdminVpnGateway', `${scope.node.path}/${id}`);
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const pool = props.clientAddressPool ?? '172.16.200.0/24';
    const sku = props.sku ?? 'VpnGw1AZ';
    errors.check(ipv4Range(pool) !== undefined, 'clientAddressPool', pool, 'an IPv4 CIDR block such as 172.16.200.0/24');
    errors.check(/^VpnGw[1-5]AZ$/.test(sku), 'sku', sku, 'a zone-redundant SKU: VpnGw1AZ to VpnGw5AZ');
    errors.check(props.network.location === props.placement.location, 'network', props.network.location, `a network in the gateway's region (${props.placement.location})`);
    checkRegion(errors, 'placement.location', props.placement.location, policy);
    errors.throwIfAny();
    super(scope, id);
    const tenant = props.placement.tenantId;

    this.publicIp = new PublicIp(this, 'PublicIp', {
      name: `pip-${id.toLowerCase()}-${props.placement.location}`,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      allocationMethod: 'Static',
      sku: 'Standard',
      zones: ['1', '2', '3'],
      ddosProtectionMode: 'Enabled',
    });
    this.gateway = new VirtualNetworkGateway(this, 'Gateway', {
      name: `vpng-${id.toLowerCase()}-${props.placement.location}`,
      location: props.placement.location,
      resourceGroupName: props.placement.resourceGroupName,
      type: 'Vpn',
      vpnType: 'RouteBased',
      sku,
      generation: 'Generation1',
      activeActive: false,
      ipConfiguration: [{ name: 'gateway', publicIpAddressId: this.publicIp.id, subnetId: props.network.gatewaySubnetId }],
      vpnClientConfiguration: {
        addressSpace: [pool],
        vpnClientProtocols: ['OpenVPN'],
        vpnAuthTypes: ['AAD'],
        aadTenant: `https://login.microsoftonline.com/${tenant}/`,
        aadAudience: AZURE_VPN_CLIENT_APP_ID,
        aadIssuer: `https://sts.windows.net/${tenant}/`,
      },
    });
    if (props.logs) diagnosticSetting(this, 'Logs', props.logs.bind(this), this.gateway.id);
  }
}
