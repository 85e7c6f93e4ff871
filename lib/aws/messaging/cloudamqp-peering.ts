import { CfnOutput, Stack, Token, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { ipv4Range } from '../../facts/cidr';
import { literalVpcCidr } from '../private/vpc';

/** AMQP over TLS. */
export const AMQPS_PORT = 5671;
/** The CloudAMQP management API (HTTPS). */
const MANAGEMENT_PORT = 443;

/**
 * Props for CloudAmqpPeering.
 */
export interface CloudAmqpPeeringProps {
  /** Our VPC. */
  readonly vpc: ec2.IVpc;
  /** The AWS account of the CloudAMQP cluster's VPC (12 digits, from the CloudAMQP console). */
  readonly peerAccountId: string;
  /** The CloudAMQP VPC's ID (`vpc-...`). */
  readonly peerVpcId: string;
  /** The CloudAMQP VPC's region. */
  readonly peerRegion: string;
  /** The CloudAMQP VPC's IPv4 CIDR block; must not overlap ours. */
  readonly peerCidr: string;
  /**
   * The policy whose allowed regions the peer must be in.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /**
   * Subnets whose route tables get the route to the peer; never public ones.
   *
   * @default - the VPC's private subnets (with egress and isolated)
   */
  readonly subnets?: ec2.SubnetSelection;
  /**
   * Also allow HTTPS (443) to the peer, for the CloudAMQP management API.
   *
   * @default false
   */
  readonly allowManagementApi?: boolean;
}

/**
 * A private path to a CloudAMQP RabbitMQ cluster (DP.NET.4): a VPC peering request to the
 * CloudAMQP VPC, routes to its CIDR from private route tables only, and a security group for
 * clients that allows traffic to the peer on AMQPS (5671) only (optionally 443 for the management
 * API). CloudAMQP's own firewall also opens plaintext 5672 when it accepts a peering; this side
 * never sends it.
 *
 * Accept the request in the CloudAMQP console with the outputs (peering connection ID, our account,
 * region and CIDR).
 */
export class CloudAmqpPeering extends Construct {
  /** The peering connection. */
  public readonly peeringConnection: ec2.CfnVPCPeeringConnection;
  /** Give this security group to the clients of the broker. */
  public readonly clientSecurityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: CloudAmqpPeeringProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const errors = PropErrors.of('CloudAmqpPeering', this);
    errors.check(/^\d{12}$/.test(props.peerAccountId), 'peerAccountId', props.peerAccountId, 'a 12-digit AWS account ID');
    errors.check(/^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/.test(props.peerVpcId), 'peerVpcId', props.peerVpcId, 'a VPC ID such as vpc-0a1b2c3d4e5f67890');
    errors.check(/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(props.peerRegion), 'peerRegion', props.peerRegion, 'an AWS region such as eu-central-1');
    errors.check(!policy.allowedRegions || policy.allowedRegions.includes(props.peerRegion), 'peerRegion', props.peerRegion,
      `one of the policy's allowedRegions (${policy.allowedRegions?.join(', ')})`);
    const peer = typeof props.peerCidr === 'string' ? ipv4Range(props.peerCidr) : undefined;
    errors.check(peer !== undefined, 'peerCidr', props.peerCidr, 'an IPv4 CIDR block such as 10.56.72.0/24');
    const ours = literalVpcCidr(props.vpc);
    const ourRange = ours ? ipv4Range(ours) : undefined;
    errors.check(!(peer && ourRange && peer[0] <= ourRange[1] && ourRange[0] <= peer[1]), 'peerCidr', props.peerCidr,
      `a block that does not overlap this VPC (${ours})`);
    const selected = props.vpc.selectSubnets(props.subnets ?? { subnetFilters: [ec2.SubnetFilter.byIds(
      [...props.vpc.privateSubnets, ...props.vpc.isolatedSubnets].map((s) => s.subnetId))] });
    const publicIds = new Set(props.vpc.publicSubnets.map((s) => s.subnetId));
    const publicChosen = selected.subnets.filter((s) => publicIds.has(s.subnetId));
    errors.check(publicChosen.length === 0, 'subnets', publicChosen.map((s) => s.node.path), 'private or isolated subnets only (routes to the broker never leave from public route tables)');
    errors.check(selected.subnets.length > 0, 'subnets', 'none selected', 'at least one private subnet');
    errors.throwIfAny();

    const stack = Stack.of(this);
    this.peeringConnection = new ec2.CfnVPCPeeringConnection(this, 'Peering', {
      vpcId: props.vpc.vpcId,
      peerVpcId: props.peerVpcId,
      peerOwnerId: props.peerAccountId,
      peerRegion: props.peerRegion,
      tags: [{ key: 'Name', value: `${this.node.path} to CloudAMQP` }],
    });
    const tables = new Set<string>();
    selected.subnets.forEach((subnet, i) => {
      const table = subnet.routeTable.routeTableId;
      const key = Token.isUnresolved(table) ? stack.resolve(table) : table;
      if (tables.has(JSON.stringify(key))) return;
      tables.add(JSON.stringify(key));
      new ec2.CfnRoute(this, `RouteToPeer${i}`, {
        routeTableId: table,
        destinationCidrBlock: props.peerCidr,
        vpcPeeringConnectionId: this.peeringConnection.ref,
      });
    });

    this.clientSecurityGroup = new ec2.SecurityGroup(this, 'Clients', {
      vpc: props.vpc,
      description: `${this.node.path}: AMQPS to CloudAMQP only`,
      allowAllOutbound: false,
    });
    this.clientSecurityGroup.addEgressRule(ec2.Peer.ipv4(props.peerCidr), ec2.Port.tcp(AMQPS_PORT), 'AMQP over TLS to CloudAMQP');
    if (props.allowManagementApi) {
      this.clientSecurityGroup.addEgressRule(ec2.Peer.ipv4(props.peerCidr), ec2.Port.tcp(MANAGEMENT_PORT), 'CloudAMQP management API (HTTPS)');
      Validations.of(this.clientSecurityGroup).acknowledge({
        id: 'DataProtection-PeeringTrafficAmqps[ManagementApi]',
        reason: 'HTTPS (443) to the CloudAMQP management API, enabled explicitly with allowManagementApi; messages still flow over AMQPS only.',
      });
    }

    new CfnOutput(this, 'PeeringConnectionId', { value: this.peeringConnection.ref, description: 'Accept this peering request in CloudAMQP' });
    new CfnOutput(this, 'RequesterAccountId', { value: stack.account });
    new CfnOutput(this, 'RequesterRegion', { value: stack.region });
    new CfnOutput(this, 'RequesterCidr', { value: props.vpc.vpcCidrBlock, description: 'Allow this CIDR in the CloudAMQP firewall on 5671' });
  }
}
