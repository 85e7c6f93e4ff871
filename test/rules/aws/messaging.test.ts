import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, includeTemplate, statusesOf } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';
const PEER = '10.56.0.0/24';

const sg = (ingress: object[] = [], egress: object[] = []) => ({
  Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: ingress, SecurityGroupEgress: egress },
});
const tcp = (port: number, cidr: string, to = port) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: to, CidrIp: cidr });

function network(extra: Record<string, unknown>) {
  return {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
    PublicTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    PrivateTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    DefaultRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PublicTable' }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: 'Igw' } } },
    Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'Vpc' }, PeerVpcId: 'vpc-0a1b2c3d4e5f67890', PeerOwnerId: '222222222222', PeerRegion: 'eu-central-1' } },
    ...extra,
  };
}

describe('DP.NET.4 rules', () => {
  test('AmazonMQBrokerPrivate: not public, clustered', () => {
    const broker = (props: object) => ({ Type: 'AWS::AmazonMQ::Broker', Properties: { BrokerName: 'b', EngineType: 'RABBITMQ', HostInstanceType: 'mq.m5.large', Users: [{ Username: 'u', Password: 'p' }], ...props } });
    const report = evaluate(includeTemplate({
      Good: broker({ DeploymentMode: 'CLUSTER_MULTI_AZ', PubliclyAccessible: false }),
      Public: broker({ DeploymentMode: 'CLUSTER_MULTI_AZ', PubliclyAccessible: true }),
      Single: broker({ DeploymentMode: 'SINGLE_INSTANCE', PubliclyAccessible: false }),
      ActiveStandby: broker({ EngineType: 'ACTIVEMQ', DeploymentMode: 'ACTIVE_STANDBY_MULTI_AZ', PubliclyAccessible: false }),
      Param: broker({ DeploymentMode: 'CLUSTER_MULTI_AZ', PubliclyAccessible: { Ref: 'Pub' } }),
    }, { parameters: ['Pub'] }).app);
    expect(statusesOf(report, 'AmazonMQBrokerPrivate')).toEqual({
      Good: OK, Public: 'non-compliant [Public]', Single: OK, ActiveStandby: OK, Param: UNVERIFIABLE,
    });
    // One defect, one finding: the public broker is DP.NET.4's (private brokers), not DP.NET.1's as well.
    expect(statusesOf(report, 'DatabasePublicAccess')).toEqual({ Good: NA, Public: NA, Single: NA, ActiveStandby: NA, Param: NA });
    // Under a policy without DP.NET.4 the perimeter rule still sees the public broker.
    const perimeterOnly = evaluate(includeTemplate({ Public: broker({ DeploymentMode: 'CLUSTER_MULTI_AZ', PubliclyAccessible: true }) }).app,
      new DataProtectionPolicy({ controls: ['DP.NET.1'] }));
    expect(statusesOf(perimeterOnly, 'DatabasePublicAccess')).toEqual({ Public: NON });
  });

  test('SecurityGroupPlaintextAmqp: no rule opens 5672, in or out; all-port rules are left to the perimeter rules', () => {
    const report = evaluate(includeTemplate(network({
      PeerRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateTable' }, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } },
      Amqps: sg([tcp(5671, '10.0.0.0/16')]),
      AmqpIn: sg([tcp(5672, '10.0.0.0/16')]),
      AmqpRange: sg([], [tcp(5600, PEER, 5700)]),
      AllTraffic: sg([], [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]),
      Postgres: sg([tcp(5432, '10.0.0.0/16')]),
      ParamPort: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: '10.0.0.0/16' }]),
      StandaloneEgress: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { Ref: 'Amqps' }, IpProtocol: 'tcp', FromPort: 5672, ToPort: 5672, DestinationCidrIp: PEER } },
    }), { parameters: ['Port'] }).app);
    expect(statusesOf(report, 'SecurityGroupPlaintextAmqp')).toEqual({
      Amqps: OK, AmqpIn: 'non-compliant [PlaintextAmqp]', AmqpRange: 'non-compliant [PlaintextAmqp]', AllTraffic: NA, Postgres: NA,
      ParamPort: UNVERIFIABLE, StandaloneEgress: 'non-compliant [PlaintextAmqp]',
    });
  });

  test('DP.NET.4 says nothing in an app without a message broker (issue 16, item 2)', () => {
    const report = evaluate(includeTemplate({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres', DBSubnetGroupName: 'g' } },
      DbGroup: sg([]),
      FromApp: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: { 'Fn::GetAtt': ['DbGroup', 'GroupId'] }, IpProtocol: 'tcp',
        FromPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, ToPort: { 'Fn::GetAtt': ['Db', 'Endpoint.Port'] }, SourceSecurityGroupId: 'sg-app' } },
      Ephemeral: sg([tcp(1024, '10.0.0.0/16', 65535)]),
      ParamPort: sg([{ IpProtocol: 'tcp', FromPort: { Ref: 'Port' }, ToPort: { Ref: 'Port' }, CidrIp: '10.0.0.0/16' }]),
    }, { parameters: ['Port'] }).app);
    expect(new Set(Object.values(statusesOf(report, 'SecurityGroupPlaintextAmqp')))).toEqual(new Set([NA]));
    const control = report.controls.find((c) => c.id === 'DP.NET.4')!;
    expect(control.status).toBe('not-applicable');
    expect(control.reason).toBe('nothing to judge: no message broker in this app');
  });

  test('PeeringTrafficAmqps: toward a peered CIDR only 5671; 443 is its own finding; nothing to judge without peering routes', () => {
    const resources = network({
      PeerRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'PrivateTable' }, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } },
      Clients: sg([], [tcp(5671, PEER)]),
      WithApi: sg([], [tcp(5671, PEER), tcp(443, PEER)]),
      Wide: sg([], [tcp(0, '10.56.0.0/28', 65535)]),
      Elsewhere: sg([], [tcp(5432, '10.0.0.0/16')]),
    });
    expect(statusesOf(evaluate(includeTemplate(resources).app), 'PeeringTrafficAmqps')).toEqual({
      Clients: OK, WithApi: 'non-compliant [ManagementApi]', Wide: 'non-compliant [OtherPort]', Elsewhere: NA,
    });
    const noPeering = { ...resources, PeerRoute: undefined };
    expect(new Set(Object.values(statusesOf(evaluate(includeTemplate(noPeering).app), 'PeeringTrafficAmqps')))).toEqual(new Set([NA]));
  });

  test('PeeringRoutePrivate: peering routes only in private route tables', () => {
    const route = (table: unknown) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: table, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } });
    const report = evaluate(includeTemplate(network({
      FromPrivate: route({ Ref: 'PrivateTable' }),
      FromPublic: route({ Ref: 'PublicTable' }),
      Imported: route('rtb-0123456789abcdef0'),
    })).app);
    expect(statusesOf(report, 'PeeringRoutePrivate')).toEqual({ DefaultRoute: NA, FromPrivate: OK, FromPublic: NON, Imported: UNVERIFIABLE });
  });
});

describe('PeeringRoutePrivate: what makes a route table public (mutation run sample C)', () => {
  test('a route to a literal igw- gateway makes its table public; a virtual private gateway or a VPN gateway of the app does not', () => {
    const table = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } };
    const gatewayRoute = (tableId: string, gateway: unknown) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: tableId }, DestinationCidrBlock: '0.0.0.0/0', GatewayId: gateway } });
    const peerRoute = (tableId: string) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: tableId }, DestinationCidrBlock: PEER, VpcPeeringConnectionId: { Ref: 'Peering' } } });
    const report = evaluate(includeTemplate(network({
      LiteralIgwTable: table,
      LiteralIgwRoute: gatewayRoute('LiteralIgwTable', 'igw-0123456789abcdef0'),
      FromLiteralIgwTable: peerRoute('LiteralIgwTable'),
      VgwTable: table,
      VgwRoute: gatewayRoute('VgwTable', 'vgw-0123456789abcdef0'),
      FromVgwTable: peerRoute('VgwTable'),
      Vpn: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } },
      VpnTable: table,
      VpnRoute: gatewayRoute('VpnTable', { Ref: 'Vpn' }),
      FromVpnTable: peerRoute('VpnTable'),
    })).app);
    expect(statusesOf(report, 'PeeringRoutePrivate')).toEqual({
      DefaultRoute: NA, LiteralIgwRoute: NA, VgwRoute: NA, VpnRoute: NA,
      FromLiteralIgwTable: NON, FromVgwTable: OK, FromVpnTable: OK,
    });
  });
});
