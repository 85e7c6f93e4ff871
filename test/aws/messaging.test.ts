import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CloudAmqpPeering, CloudAmqpPeeringProps, DataProtectionPolicy, PrivateRabbitMq } from '../../lib';
import { allFindings, evaluate } from '../helpers';
import { offlineStack, violationsOf, vpcOf } from './fixtures';

const PEER = { peerAccountId: '222222222222', peerVpcId: 'vpc-0a1b2c3d4e5f67890', peerRegion: 'eu-central-1', peerCidr: '10.56.72.0/24' };

function peering(props: Partial<CloudAmqpPeeringProps> = {}) {
  const { app, stack } = offlineStack();
  const vpc = vpcOf(stack);
  const p = new CloudAmqpPeering(stack, 'CloudAmqp', { vpc, ...PEER, ...props });
  return { app, stack, vpc, p };
}

describe('CloudAmqpPeering', () => {
  test('peering request, routes from every private route table only, AMQPS-only egress, outputs for the accepter', () => {
    const { app, stack } = peering();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::EC2::VPCPeeringConnection', { PeerVpcId: PEER.peerVpcId, PeerOwnerId: PEER.peerAccountId, PeerRegion: PEER.peerRegion });
    const routes = Object.values(t.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: PEER.peerCidr } })) as any[];
    expect(routes).toHaveLength(3);
    for (const r of routes) expect(r.Properties.RouteTableId.Ref).toMatch(/PrivateSubnet/);
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Stack/CloudAmqp: AMQPS to CloudAMQP only',
      SecurityGroupEgress: [{ CidrIp: PEER.peerCidr, IpProtocol: 'tcp', FromPort: 5671, ToPort: 5671, Description: Match.anyValue() }],
    });
    for (const output of ['PeeringConnectionId', 'RequesterAccountId', 'RequesterRegion', 'RequesterCidr']) {
      expect(Object.keys(t.findOutputs('*')).some((k) => k.includes(output))).toBe(true);
    }
    expect(violationsOf(app)).toEqual([]);
    const net4 = evaluate(app).controls.find((c) => c.id === 'DP.NET.4')!;
    expect(net4.status).toBe('met');
  });

  test('the management API is opt-in and shows in the report as acknowledged with its reason', () => {
    const { app } = peering({ allowManagementApi: true });
    const ack = allFindings(evaluate(app)).filter((f) => f.status === 'acknowledged');
    expect(ack.map((f) => f.ruleId)).toEqual(['DataProtection-PeeringTrafficAmqps[ManagementApi]']);
    expect(ack[0].reason).toMatch(/allowManagementApi/);
  });

  test.each([
    [{ peerAccountId: '1234' }, /CloudAmqpPeering Stack\/CloudAmqp: invalid props:\n {2}- peerAccountId: "1234" \(allowed: a 12-digit AWS account ID\)/],
    [{ peerVpcId: 'vpc-xyz' }, /peerVpcId: "vpc-xyz" \(allowed: a VPC ID/],
    [{ peerRegion: 'europe' }, /peerRegion: "europe" \(allowed: an AWS region/],
    [{ peerCidr: '10.56.72.0' }, /peerCidr: "10.56.72.0" \(allowed: an IPv4 CIDR block/],
    [{ peerCidr: '10.0.128.0/20' }, /peerCidr: "10.0.128.0\/20" \(allowed: a block that does not overlap this VPC \(10.0.0.0\/16\)\)/],
    [{ policy: new DataProtectionPolicy({ allowedRegions: ['eu-west-1', 'eu-north-1'] }) }, /peerRegion: "eu-central-1" \(allowed: one of the policy's allowedRegions \(eu-west-1, eu-north-1\)\)/],
    [{ subnets: { subnetType: ec2.SubnetType.PUBLIC } }, /subnets: \[.*PublicSubnet1.*\] \(allowed: private or isolated subnets only/],
  ])('rejects %j', (props, message) => {
    expect(() => peering(props as Partial<CloudAmqpPeeringProps>)).toThrow(message);
  });
});

describe('PrivateRabbitMq', () => {
  test('a private RabbitMQ cluster, AMQPS only from given peers, credentials in Secrets Manager, logs and maintenance', () => {
    const { app, stack } = offlineStack();
    const vpc = vpcOf(stack);
    const mq = new PrivateRabbitMq(stack, 'Broker', { vpc, allowedPeers: [ec2.Peer.ipv4('10.0.0.0/16')] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::AmazonMQ::Broker', {
      EngineType: 'RABBITMQ', DeploymentMode: 'CLUSTER_MULTI_AZ', HostInstanceType: 'mq.m5.large', PubliclyAccessible: false,
      AutoMinorVersionUpgrade: true, Logs: { General: true },
      MaintenanceWindowStartTime: { DayOfWeek: 'SUNDAY', TimeOfDay: '03:00', TimeZone: 'UTC' },
      Users: [{ Username: 'admin', Password: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^\\{\\{resolve:secretsmanager:')])] } }],
      SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }]),
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Stack/Broker: AMQPS (5671) only',
      SecurityGroupIngress: [{ CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 5671, ToPort: 5671, Description: 'AMQP over TLS' }],
    });
    t.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: Match.anyValue(), GenerateSecretString: Match.objectLike({ PasswordLength: 32 }) });
    expect(mq.connections.defaultPort?.toString()).toBe('5671');
    expect(violationsOf(app)).toEqual([]);
  });

  test.each([
    [{ instanceType: 'mq.t3.micro' }, /PrivateRabbitMq Stack\/Broker: invalid props:\n {2}- instanceType: "mq.t3.micro" \(allowed: mq.m5.large or larger/],
    [{ username: 'guest' }, /username: "guest"/],
    [{ maintenanceDay: 'FUNDAY' }, /maintenanceDay: "FUNDAY" \(allowed: MONDAY/],
    [{ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } }, /vpcSubnets: "public subnets" \(allowed: private subnets only\)/],
  ])('rejects %j', (props, message) => {
    const { stack } = offlineStack();
    expect(() => new PrivateRabbitMq(stack, 'Broker', { vpc: vpcOf(stack), ...props })).toThrow(message);
  });
});
