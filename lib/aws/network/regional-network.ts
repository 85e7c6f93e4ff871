import { Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { ipv4Range } from '../../facts/cidr';
import { encryptedLogGroup } from '../defaults/log-group';
import { acknowledgeRules, inCompliancePacks } from '../private/third-party';

const CIDR_BITS = { min: 16, max: 22 };

/**
 * Props for RegionalNetwork.
 */
export interface RegionalNetworkProps {
  /**
   * The policy whose AZ count and log retention apply.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /**
   * The VPC's IPv4 block, /16 to /22.
   *
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;
  /**
   * The AZs to span: at least the policy's `availabilityZonesPerRegion`, known without a lookup.
   *
   * @default - the stack's first `availabilityZonesPerRegion` AZs (the stack must know them)
   */
  readonly availabilityZones?: string[];
  /**
   * Where flow logs go (e.g. a CentralLogArchive's bucket).
   *
   * @default - an encrypted log group kept at least `logRetentionDays`
   */
  readonly flowLogBucket?: s3.IBucket;
}

/**
 * A VPC that keeps the network promises (DP.AVL.1, DP.AVL.4, DP.LOG.3): exactly the policy's number
 * of AZs, each with a public (no auto-assigned public IPs), a private (app) and an isolated (data)
 * subnet, one NAT gateway per AZ, flow logs on, gateway endpoints for S3 and DynamoDB so data
 * traffic stays off the internet, and a default security group that allows nothing.
 */
export class RegionalNetwork extends Construct {
  /** The VPC. */
  public readonly vpc: ec2.Vpc;

  constructor(scope: Construct, id: string, props: RegionalNetworkProps = {}) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const wanted = policy.availabilityZonesPerRegion;
    const cidr = props.cidr ?? '10.0.0.0/16';
    const known = props.availabilityZones ?? Stack.of(this).availabilityZones.slice(0, wanted);
    const azs = known.filter((az) => !Token.isUnresolved(az) && !az.startsWith('dummy'));
    const range = ipv4Range(cidr);
    const bits = range ? 32 - Math.log2(range[1] - range[0] + 1) : NaN;

    const errors = PropErrors.of('RegionalNetwork', this);
    errors.check(range !== undefined && bits >= CIDR_BITS.min && bits <= CIDR_BITS.max, 'cidr', cidr,
      `an IPv4 block from /${CIDR_BITS.min} to /${CIDR_BITS.max}`);
    errors.checkLiteral(azs.length === known.length && azs.length >= wanted, 'availabilityZones', props.availabilityZones ?? known,
      `at least the policy's availabilityZonesPerRegion (${wanted}) AZ names, known at synth time `
      + '(pass availabilityZones, or give the stack an explicit env and its AZs)');
    errors.check(new Set(azs).size === azs.length, 'availabilityZones', azs, 'distinct AZ names');
    errors.throwIfAny();

    const destination = props.flowLogBucket
      ? ec2.FlowLogDestination.toS3(props.flowLogBucket, 'vpc-flow-logs/')
      : ec2.FlowLogDestination.toCloudWatchLogs(encryptedLogGroup(this, 'FlowLogs', 'FlowLogKey', policy, 'Flow logs'));

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(cidr),
      availabilityZones: azs,
      natGateways: azs.length,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC, mapPublicIpOnLaunch: false },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3 },
        DynamoDB: { service: ec2.GatewayVpcEndpointAwsService.DYNAMODB },
      },
      flowLogs: { All: { destination, trafficType: ec2.FlowLogTrafficType.ALL } },
      restrictDefaultSecurityGroup: true,
    });
    for (const subnet of this.vpc.publicSubnets) {
      acknowledgeRules(subnet, inCompliancePacks('VPCNoUnrestrictedRouteToIGW'), 'Public subnets hold only the internet-facing '
        + 'load balancers and the NAT gateways, which need the route to the internet gateway; security groups admit only the '
        + "policy's allowedPublicPorts (DP.NET.1), and workloads and data run in the private and isolated subnets.");
    }
  }
}
