import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, verdictsOf } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';

const vpc = { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } };
const subnet = (vpcId: string, az: unknown, cidr: string) => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: vpcId }, AvailabilityZone: az, CidrBlock: cidr } });
const getAz = (i: number) => ({ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] });
const run = (resources: Record<string, unknown>, parameters: string[] = [], policy?: DataProtectionPolicy) =>
  evaluate(includeTemplate(resources, { parameters }).app, policy);

describe('VpcAzCount (DP.AVL.1)', () => {
  test('distinct AZs by name or by GetAZs index, against the policy', () => {
    const resources = {
      Three: vpc, T1: subnet('Three', 'eu-west-1a', '10.0.0.0/24'), T2: subnet('Three', 'eu-west-1b', '10.0.1.0/24'), T3: subnet('Three', 'eu-west-1c', '10.0.2.0/24'),
      TwoByIndex: vpc, I1: subnet('TwoByIndex', getAz(0), '10.0.0.0/24'), I2: subnet('TwoByIndex', getAz(1), '10.0.1.0/24'), I3: subnet('TwoByIndex', getAz(1), '10.0.2.0/24'),
      Param: vpc, P1: subnet('Param', { Ref: 'Az' }, '10.0.0.0/24'),
    };
    expect(statusesOf(run(resources, ['Az']), 'VpcAzCount')).toEqual({ Three: OK, TwoByIndex: NON, Param: UNVERIFIABLE });
    expect(statusesOf(run(resources, ['Az'], new DataProtectionPolicy({ availabilityZonesPerRegion: 2 })), 'VpcAzCount')).toMatchObject({ TwoByIndex: OK });
  });
});

describe('DatabaseReplication (DP.AVL.3)', () => {
  const db = (props: object) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'postgres', ...props } });
  const table = (props: object = {}) => ({ Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', ...props } });
  test('Multi-AZ instances, clusters with a reader, tables with a secondary', () => {
    const report = run({
      MultiAz: db({ MultiAZ: true }),
      SingleAz: db({}),
      Aurora: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      Writer: db({ Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Aurora' } }),
      Reader: db({ Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Aurora' } }),
      Lonely: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql' } },
      LonelyWriter: db({ Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'Lonely' } }),
      SameAz: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql' } },
      SameAz1: db({ Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'SameAz' }, AvailabilityZone: 'eu-west-1a' }),
      SameAz2: db({ Engine: 'aurora-mysql', DBClusterIdentifier: { Ref: 'SameAz' }, AvailabilityZone: 'eu-west-1a' }),
      Pitr: table({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
      NoPitr: table(),
      ParamMultiAz: db({ MultiAZ: { Ref: 'Multi' } }),
    }, ['Multi']);
    expect(statusesOf(report, 'DatabaseReplication')).toEqual({
      MultiAz: OK, SingleAz: NON, Aurora: OK, Writer: NA, Reader: NA, Lonely: NON, LonelyWriter: NA, SameAz: NON, SameAz1: NA, SameAz2: NA,
      Pitr: OK, NoPitr: OK, ParamMultiAz: UNVERIFIABLE,
    });
  });

  test('members are the instances of the cluster, in two zones or unpinned; Multi-AZ DB clusters replicate by themselves', () => {
    // Found by the mutation run: which resources count as members, and the zone test, were not pinned.
    const cluster = (props: object = {}) => ({ Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', ...props } });
    const member = (id: string, props: object = {}) => db({ Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: id }, ...props });
    const report = run({
      MultiAzCluster: cluster({ Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', AllocatedStorage: 100 }),
      TwoZones: cluster(), Tz1: member('TwoZones', { AvailabilityZone: 'eu-west-1a' }), Tz2: member('TwoZones', { AvailabilityZone: 'eu-west-1b' }),
      HalfPinned: cluster(), Hp1: member('HalfPinned', { AvailabilityZone: 'eu-west-1a' }), Hp2: member('HalfPinned'),
      // One instance of its own, plus resources that mention it without being its instances.
      Single: cluster(), S1: member('Single'),
      Attachment: { Type: 'AWS::SecretsManager::SecretTargetAttachment', Properties: { SecretId: 's', TargetId: { Ref: 'Single' }, TargetType: 'AWS::RDS::DBCluster' } },
      Elsewhere: cluster(), E1: member('Elsewhere', { Tags: [{ Key: 'peer', Value: { Ref: 'Single' } }] }),
    });
    const details = Object.fromEntries(findingsOf(report, 'DatabaseReplication').filter((f) => f.status !== NA).map((f) => [f.logicalId, `${f.status}: ${f.detail}`]));
    expect(details).toEqual({
      MultiAzCluster: 'compliant: a Multi-AZ DB cluster replicates by itself',
      TwoZones: 'compliant: 2 instances',
      HalfPinned: 'compliant: 2 instances',
      Single: 'non-compliant: 1 instance(s) in the cluster: no secondary to fail over to',
      Elsewhere: 'non-compliant: 1 instance(s) in the cluster: no secondary to fail over to',
    });
  });
});

describe('NoSinglePointOfFailure (DP.AVL.4)', () => {
  const table = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Net' } } };
  const assoc = (subnetId: string, tableId: string) => ({ Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: subnetId }, RouteTableId: { Ref: tableId } } });
  const natRoute = (tableId: string, nat: string) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: tableId }, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: nat } } });
  const nat = (subnetId: string) => ({ Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: { Ref: subnetId }, AllocationId: 'eipalloc-1' } });
  test('a NAT gateway in every AZ that routes to one', () => {
    const base = {
      Net: vpc,
      PubA: subnet('Net', 'eu-west-1a', '10.0.0.0/24'), PubB: subnet('Net', 'eu-west-1b', '10.0.1.0/24'),
      PrivA: subnet('Net', 'eu-west-1a', '10.0.2.0/24'), PrivB: subnet('Net', 'eu-west-1b', '10.0.3.0/24'),
      TableA: table, TableB: table, AssocA: assoc('PrivA', 'TableA'), AssocB: assoc('PrivB', 'TableB'),
      NatA: nat('PubA'),
    };
    const shared = run({ ...base, RouteA: natRoute('TableA', 'NatA'), RouteB: natRoute('TableB', 'NatA') });
    expect(statusesOf(shared, 'NoSinglePointOfFailure')).toEqual({ Net: 'non-compliant [NatPerAz]' });
    const perAz = run({ ...base, NatB: nat('PubB'), RouteA: natRoute('TableA', 'NatA'), RouteB: natRoute('TableB', 'NatB') });
    expect(statusesOf(perAz, 'NoSinglePointOfFailure')).toEqual({ Net: OK });
  });

  test('a VPC that routes to no NAT gateway has no NAT to be a single point of failure (issue 16, item 2)', () => {
    const isolated = run({ Net: vpc, PrivA: subnet('Net', 'eu-west-1a', '10.0.2.0/24'), PrivB: subnet('Net', 'eu-west-1b', '10.0.3.0/24') });
    expect(statusesOf(isolated, 'NoSinglePointOfFailure')).toEqual({ Net: NA });
    expect(isolated.controls.find((c) => c.id === 'DP.AVL.4')!.status).toBe('not-applicable');
  });

  test('a single-instance message broker is a single point of failure, judged here rather than under DP.NET.4', () => {
    const broker = (mode: string) => ({ Type: 'AWS::AmazonMQ::Broker', Properties: { BrokerName: 'b', EngineType: 'RABBITMQ', HostInstanceType: 'mq.m5.large',
      Users: [{ Username: 'u', Password: 'p' }], PubliclyAccessible: false, DeploymentMode: mode } });
    const report = run({ Single: broker('SINGLE_INSTANCE'), Cluster: broker('CLUSTER_MULTI_AZ'), Param: broker({ Ref: 'Mode' } as any) }, ['Mode']);
    expect(statusesOf(report, 'NoSinglePointOfFailure')).toEqual({ Single: 'non-compliant [SingleInstance]', Cluster: OK, Param: UNVERIFIABLE });
  });

  test('load balancers, services and groups over at least two subnets; services with at least two tasks', () => {
    const report = run({
      LbTwo: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } },
      LbOne: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { SubnetMappings: [{ SubnetId: 's-1' }] } },
      Svc: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: 3, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['s-1', 's-2', 's-3'] } } } },
      SvcOneTask: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: 1, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['s-1', 's-2'] } } } },
      Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '2', MaxSize: '4', VPCZoneIdentifier: ['s-1'] } },
      SvcParam: { Type: 'AWS::ECS::Service', Properties: { DesiredCount: { Ref: 'Count' }, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['s-1', 's-2'] } } } },
    }, ['Count']);
    expect(statusesOf(report, 'NoSinglePointOfFailure')).toEqual({
      LbTwo: OK, LbOne: 'non-compliant [Subnets]', Svc: OK, SvcOneTask: 'non-compliant [Tasks]', Asg: 'non-compliant [Subnets]', SvcParam: UNVERIFIABLE,
    });
  });
});

describe('ZeroDowntimeDeploys (DP.AVL.5)', () => {
  const svc = (config: object) => ({ Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: 'arn:td', DeploymentConfiguration: config } });
  const target = (svcId: string) => ({
    Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
    Properties: { MaxCapacity: 12, MinCapacity: 3, ScalableDimension: 'ecs:service:DesiredCount', ServiceNamespace: 'ecs',
      ResourceId: { 'Fn::Join': ['', ['service/c/', { 'Fn::GetAtt': [svcId, 'Name'] }]] } },
  });
  const policy = (targetId: string) => ({ Type: 'AWS::ApplicationAutoScaling::ScalingPolicy', Properties: { PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', ScalingTargetId: { Ref: targetId },
    TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } } });
  const SAFE = { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 };
  test('circuit breaker with rollback, 100% minimum healthy, and a scaling policy', () => {
    const report = run({
      Good: svc(SAFE), GoodTarget: target('Good'), GoodPolicy: policy('GoodTarget'),
      NoRollback: svc({ ...SAFE, DeploymentCircuitBreaker: { Enable: true, Rollback: false } }), T2: target('NoRollback'), P2: policy('T2'),
      HalfHealthy: svc({ ...SAFE, MinimumHealthyPercent: 50 }), T3: target('HalfHealthy'), P3: policy('T3'),
      Unscaled: svc(SAFE),
      TargetWithoutPolicy: svc(SAFE), T5: target('TargetWithoutPolicy'),
      Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '2', MaxSize: '4', VPCZoneIdentifier: ['s-1', 's-2'] } },
      AsgPolicy: { Type: 'AWS::AutoScaling::ScalingPolicy', Properties: { AutoScalingGroupName: { Ref: 'Asg' }, PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } } } },
    });
    expect(statusesOf(report, 'ZeroDowntimeDeploys')).toEqual({
      Good: OK, NoRollback: 'non-compliant [CircuitBreaker]', HalfHealthy: 'non-compliant [MinimumHealthy]', Unscaled: 'non-compliant [Scaling]',
      TargetWithoutPolicy: 'non-compliant [Scaling]', Asg: 'non-compliant [RollingUpdate]',
    });
  });

  test('an auto scaling group that cannot grow, or replaces instances without a rolling update, fails (issue 16, item 5)', () => {
    const asg = (min: unknown, max: unknown, updatePolicy?: object) => ({
      Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: min, MaxSize: max, VPCZoneIdentifier: ['s-1', 's-2'] },
      ...(updatePolicy ? { UpdatePolicy: updatePolicy } : {}),
    });
    const scalingPolicy = (group: string) => ({ Type: 'AWS::AutoScaling::ScalingPolicy', Properties: { AutoScalingGroupName: { Ref: group }, PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } } } });
    const ROLLING = { AutoScalingRollingUpdate: { MinInstancesInService: 2, MaxBatchSize: 1 } };
    const report = run({
      Fixed: asg('1', '1', { AutoScalingScheduledAction: { IgnoreUnmodifiedGroupSizeProperties: true } }), FixedPolicy: scalingPolicy('Fixed'),
      Rolling: asg('2', '6', ROLLING), RollingPolicy: scalingPolicy('Rolling'),
      Replacing: asg('2', '6', { AutoScalingReplacingUpdate: { WillReplace: true } }), ReplacingPolicy: scalingPolicy('Replacing'),
      ParamMax: asg('2', { Ref: 'Max' }, ROLLING), ParamMaxPolicy: scalingPolicy('ParamMax'),
    }, ['Max']);
    expect(statusesOf(report, 'ZeroDowntimeDeploys')).toEqual({
      Fixed: 'non-compliant [Scaling] [RollingUpdate]', Rolling: OK, Replacing: OK, ParamMax: UNVERIFIABLE,
    });
    expect(statusesOf(report, 'NoSinglePointOfFailure')).toMatchObject({ Fixed: 'non-compliant [Instances]', Rolling: OK });
  });
});

describe('VersionedStorage (DP.AVL.6)', () => {
  test('data buckets versioned; log buckets exempt; EFS regional', () => {
    const report = run({
      Versioned: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } },
      Suspended: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Suspended' } } },
      Plain: { Type: 'AWS::S3::Bucket' },
      Logs: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }] } },
      Regional: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } },
      OneZone: { Type: 'AWS::EFS::FileSystem', Properties: { AvailabilityZoneName: 'eu-west-1a' } },
    });
    expect(statusesOf(report, 'VersionedStorage')).toEqual({ Versioned: OK, Suspended: NON, Plain: NON, Logs: NA, Regional: NON, OneZone: NON });
  });

  test('EFS cannot be versioned: its earlier versions are its backups (issue 16, item 2)', () => {
    const report = run({
      BackedUp: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, BackupPolicy: { Status: 'ENABLED' } } },
      NotBackedUp: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } },
      ParamBackup: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, BackupPolicy: { Status: { Ref: 'Backups' } } } },
    }, ['Backups']);
    expect(statusesOf(report, 'VersionedStorage')).toEqual({ BackedUp: OK, NotBackedUp: NON, ParamBackup: UNVERIFIABLE });
  });
});


describe('VpcAzCount (DP.AVL.1): every way a subnet names its AZ', () => {
  test('a GetAZs index as a number or a string, an AZ id, a list or name the app defines; otherwise unverifiable', () => {
    const report = evaluate(includeTemplate({
      StringIndex: vpc, A1: subnet('StringIndex', { 'Fn::Select': ['0', { 'Fn::GetAZs': '' }] }, '10.0.0.0/24'),
      A2: subnet('StringIndex', { 'Fn::Select': [0, { 'Fn::GetAZs': { Ref: 'AWS::Region' } }] }, '10.0.1.0/24'),
      FromList: vpc, B1: subnet('FromList', { 'Fn::Select': [0, { Ref: 'Azs' }] }, '10.0.0.0/24'),
      FromDefaultList: vpc, C1: subnet('FromDefaultList', { 'Fn::Select': [1, { Ref: 'AzList' }] }, '10.0.0.0/24'),
      C2: subnet('FromDefaultList', { 'Fn::Select': [0, { Ref: 'AzList' }] }, '10.0.1.0/24'),
      IndexParam: vpc, D1: subnet('IndexParam', { 'Fn::Select': [{ Ref: 'Index' }, { 'Fn::GetAZs': '' }] }, '10.0.0.0/24'),
      ById: vpc, E1: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'ById' }, AvailabilityZoneId: 'euw1-az1', CidrBlock: '10.0.0.0/24' } },
      E2: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'ById' }, AvailabilityZoneId: 'euw1-az2', CidrBlock: '10.0.1.0/24' } },
      NoAz: vpc, F1: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'NoAz' }, CidrBlock: '10.0.0.0/24' } },
      SameByDefault: vpc, G1: subnet('SameByDefault', { Ref: 'Az' }, '10.0.0.0/24'), G2: subnet('SameByDefault', 'eu-west-1a', '10.0.1.0/24'),
      NoSubnets: vpc,
    }, { parameters: ['Azs', 'Index'], parameterDefaults: { AzList: { Type: 'CommaDelimitedList', Default: 'eu-west-1a,eu-west-1b' }, Az: 'eu-west-1a' } }).app,
    new DataProtectionPolicy({ availabilityZonesPerRegion: 2 }));
    expect(verdictsOf(report, 'VpcAzCount')).toEqual({
      StringIndex: ['non-compliant: subnets in 1 AZ(s); the policy asks for 2'],
      FromList: ['non-compliant[Unverifiable]: the AvailabilityZone of subnet B1 is parameter Azs, which has no default'],
      FromDefaultList: ['compliant: subnets in 2 AZ(s); the policy asks for 2'],
      IndexParam: ['non-compliant[Unverifiable]: the AvailabilityZone of subnet D1 is parameter Index, which has no default'],
      ById: ['compliant: subnets in 2 AZ(s); the policy asks for 2'],
      NoAz: ['non-compliant[Unverifiable]: the AvailabilityZone of subnet F1 is not set, which this rule cannot read'],
      SameByDefault: ['non-compliant: subnets in 1 AZ(s); the policy asks for 2'],
      NoSubnets: ['non-compliant: subnets in 0 AZ(s); the policy asks for 2'],
    });
  });
});

describe('VpcAzCount (DP.AVL.1): one AZ written two ways is not two AZs', () => {
  test('names, GetAZs indexes and AZ IDs count apart; a mix that reaches the policy only if all differ is unverifiable', () => {
    const byId = (vpcId: string, id: string, cidr: string) => ({ Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: vpcId }, AvailabilityZoneId: id, CidrBlock: cidr } });
    const report = run({
      NameAndIndex: vpc, A1: subnet('NameAndIndex', 'eu-west-1a', '10.0.0.0/24'), A2: subnet('NameAndIndex', getAz(0), '10.0.1.0/24'),
      NameAndId: vpc, B1: subnet('NameAndId', 'eu-west-1a', '10.0.0.0/24'), B2: byId('NameAndId', 'euw1-az1', '10.0.1.0/24'),
      TwoNamesAndIndex: vpc, C1: subnet('TwoNamesAndIndex', 'eu-west-1a', '10.0.0.0/24'), C2: subnet('TwoNamesAndIndex', 'eu-west-1b', '10.0.1.0/24'),
      C3: subnet('TwoNamesAndIndex', getAz(2), '10.0.2.0/24'),
      OneOfEach: vpc, D1: subnet('OneOfEach', getAz(0), '10.0.0.0/24'),
    }, [], new DataProtectionPolicy({ availabilityZonesPerRegion: 2 }));
    expect(verdictsOf(report, 'VpcAzCount')).toEqual({
      NameAndIndex: ['non-compliant[Unverifiable]: subnets in 1 to 2 AZ(s), written as names and GetAZs indexes (eu-west-1a, #0), which may name the same AZ; the policy asks for 2'],
      NameAndId: ['non-compliant[Unverifiable]: subnets in 1 to 2 AZ(s), written as names and AZ IDs (eu-west-1a, euw1-az1), which may name the same AZ; the policy asks for 2'],
      TwoNamesAndIndex: ['compliant: subnets in 3 AZ(s); the policy asks for 2'],
      OneOfEach: ['non-compliant: subnets in 1 AZ(s); the policy asks for 2'],
    });
  });
});

describe('NoSinglePointOfFailure (DP.AVL.4): routes, counts and lists', () => {
  const table = { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Net' } } };
  const assoc = (subnetId: string, tableId: unknown) => ({ Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: subnetId }, RouteTableId: tableId } });
  const route = (props: object) => ({ Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, ...props } });
  const nat = (subnetId: string) => ({ Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: { Ref: subnetId }, AllocationId: 'eipalloc-1' } });
  const twoAzs = { Net: vpc, A: subnet('Net', 'eu-west-1a', '10.0.0.0/24'), B: subnet('Net', 'eu-west-1b', '10.0.1.0/24'), NatA: nat('A') };
  const judged = (resources: Record<string, unknown>, parameters: string[] = []) => verdictsOf(run(resources, parameters), 'NoSinglePointOfFailure');

  test('only subnets whose route table sends 0.0.0.0/0 to a NAT gateway need one in their AZ', () => {
    expect(judged({ ...twoAzs, AssocA: assoc('A', 'rtb-123') })).toEqual({ Net: ['not-applicable'] });
    expect(judged({
      ...twoAzs, Table: table, AssocA: assoc('A', { Ref: 'Table' }), AssocB: assoc('B', { Ref: 'Table' }),
      Internet: route({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }), Peered: route({ DestinationCidrBlock: '10.1.0.0/16', NatGatewayId: { Ref: 'NatA' } }),
    })).toEqual({ Net: ['not-applicable'] });
    expect(judged({
      ...twoAzs, C: subnet('Net', 'eu-west-1c', '10.0.2.0/24'), NatB: nat('B'), Table: table,
      AssocA: assoc('A', { Ref: 'Table' }), AssocB: assoc('B', { Ref: 'Table' }), AssocC: assoc('C', { Ref: 'Table' }),
      Default: route({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: 'NatA' } }),
    })).toEqual({ Net: ['non-compliant[NatPerAz]: subnets in 3 AZs route to NAT gateways in 2'] });
    expect(judged({ Net: vpc, A: subnet('Net', { Ref: 'Az' }, '10.0.0.0/24') }, ['Az']))
      .toEqual({ Net: ['non-compliant[Unverifiable]: the AZ of a subnet of the VPC is known only at deployment'] });
  });

  test('counts and subnet lists: defaults, numeric strings, parameters with and without defaults, lists with an unknown item', () => {
    const svc = (props: object) => ({ Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: 'arn:td', ...props } });
    const net = (subnets: unknown) => ({ NetworkConfiguration: { AwsvpcConfiguration: { Subnets: subnets } } });
    const asg = (props: object) => ({ Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MaxSize: '4', ...props } });
    const broker = (props: object) => ({ Type: 'AWS::AmazonMQ::Broker', Properties: {
      BrokerName: 'b', EngineType: 'ACTIVEMQ', HostInstanceType: 'mq.m5.large', Users: [{ Username: 'u', Password: 'p' }], PubliclyAccessible: false, ...props } });
    const report = evaluate(includeTemplate({
      Words: svc({ DesiredCount: { Ref: 'Count' }, ...net(['s-1', 's-2']) }),
      TwoTasks: svc({ DesiredCount: 2, ...net(['s-1', 's-2']) }),
      NoCount: svc(net(['s-1', 's-2'])),
      NoNetwork: svc({ DesiredCount: 2 }),
      SubnetsParam: svc({ DesiredCount: 2, ...net({ Ref: 'Subnets' }) }),
      SubnetsDefault: svc({ DesiredCount: 2, ...net({ Ref: 'SubnetList' }) }),
      OneSubnetDefault: svc({ DesiredCount: 2, ...net({ Ref: 'OneSubnet' }) }),
      OneUnknownItem: svc({ DesiredCount: 2, ...net(['s-1', { Ref: 'Second' }]) }),
      NotAList: svc({ DesiredCount: 2, ...net({ Ref: 'Text' }) }),
      ByAz: asg({ MinSize: '2', AvailabilityZones: ['eu-west-1a', 'eu-west-1b'] }),
      OneAz: asg({ MinSize: '2', AvailabilityZones: ['eu-west-1a'] }),
      Unplaced: asg({ MinSize: 2 }),
      MinimumZero: asg({ MinSize: '0', VPCZoneIdentifier: ['s-1', 's-2'] }),
      MinimumOne: asg({ MinSize: 1, VPCZoneIdentifier: ['s-1', 's-2'] }),
      MinimumParam: asg({ MinSize: { Ref: 'Min' }, VPCZoneIdentifier: ['s-1', 's-2'] }),
      Mappings: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { SubnetMappings: [{ SubnetId: 's-1' }, { SubnetId: 's-2' }] } },
      NoSubnets: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: {} },
      LbParam: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: { Ref: 'Subnets' } } },
      ModeDefault: broker({ DeploymentMode: { Ref: 'Mode' } }),
      Standby: broker({ DeploymentMode: 'ACTIVE_STANDBY_MULTI_AZ' }),
    }, {
      parameters: ['Subnets', 'Second', 'Min'],
      parameterDefaults: { Count: 'two', Mode: 'CLUSTER_MULTI_AZ', SubnetList: { Type: 'List<AWS::EC2::Subnet::Id>', Default: 'subnet-1,subnet-2' }, OneSubnet: { Type: 'CommaDelimitedList', Default: 'subnet-1' }, Text: 'subnet-1' },
    }).app);
    expect(verdictsOf(report, 'NoSinglePointOfFailure')).toEqual({
      Words: ['non-compliant[Unverifiable]: DesiredCount is "two", not a number'],
      TwoTasks: ['compliant'],
      NoCount: ['non-compliant[Tasks]: 1 task(s); at least 2 are needed'],
      NoNetwork: ['non-compliant[Unverifiable]: Subnets is not in the template'],
      SubnetsParam: ['non-compliant[Unverifiable]: Subnets is parameter Subnets, which has no default'],
      SubnetsDefault: ['compliant'],
      OneSubnetDefault: ['non-compliant[Subnets]: 1 subnet(s); at least 2 are needed'],
      OneUnknownItem: ['compliant'],
      NotAList: ['non-compliant[Unverifiable]: Subnets is not a list'],
      ByAz: ['compliant'],
      OneAz: ['non-compliant[Subnets]: 1 subnet(s) or AZ(s); at least 2 are needed'],
      Unplaced: ['non-compliant[Unverifiable]: AvailabilityZones is not in the template'],
      MinimumZero: ['non-compliant[Instances]: 0 instance(s) at minimum (MinSize); at least 2 are needed'],
      MinimumOne: ['non-compliant[Instances]: 1 instance(s) at minimum (MinSize); at least 2 are needed'],
      MinimumParam: ['non-compliant[Unverifiable]: MinSize is parameter Min, which has no default'],
      Mappings: ['compliant'],
      NoSubnets: ['non-compliant[Unverifiable]: SubnetMappings is not in the template'],
      LbParam: ['non-compliant[Unverifiable]: Subnets is parameter Subnets, which has no default'],
      ModeDefault: ['compliant: DeploymentMode CLUSTER_MULTI_AZ'],
      Standby: ['compliant: DeploymentMode ACTIVE_STANDBY_MULTI_AZ'],
    });
  });
});

describe('ZeroDowntimeDeploys (DP.AVL.5): update policies, breakers and health known only at deployment', () => {
  test('auto scaling groups: WillReplace from a parameter, false or "true"; one instance of room is enough', () => {
    const asg = (min: unknown, max: unknown, updatePolicy?: object) => ({
      Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: min, MaxSize: max, VPCZoneIdentifier: ['s-1', 's-2'] }, ...(updatePolicy ? { UpdatePolicy: updatePolicy } : {}),
    });
    const scaling = (group: string) => ({ Type: 'AWS::AutoScaling::ScalingPolicy', Properties: { AutoScalingGroupName: { Ref: group }, PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' } } } });
    const ROLLING = { AutoScalingRollingUpdate: { MaxBatchSize: 1 } };
    const replacing = (willReplace: unknown) => ({ AutoScalingReplacingUpdate: { WillReplace: willReplace } });
    const report = run({
      WillParam: asg('2', '6', replacing({ Ref: 'Will' })), P1: scaling('WillParam'),
      WillFalse: asg('2', '6', replacing(false)), P2: scaling('WillFalse'),
      WillString: asg('2', '6', replacing('true')), P3: scaling('WillString'),
      RollingAndParam: asg('2', '6', { ...ROLLING, ...replacing({ Ref: 'Will' }) }), P4: scaling('RollingAndParam'),
      OneMore: asg('2', '3', ROLLING), P5: scaling('OneMore'),
      MinParam: asg({ Ref: 'Min' }, '6', ROLLING), P6: scaling('MinParam'),
      UnscaledParam: asg({ Ref: 'Min' }, '6', ROLLING),
      UnscaledWillParam: asg('2', '6', replacing({ Ref: 'Will' })),
    }, ['Will', 'Min']);
    const WILL = 'non-compliant[Unverifiable]: UpdatePolicy.AutoScalingReplacingUpdate.WillReplace is parameter Will, which has no default';
    expect(verdictsOf(report, 'ZeroDowntimeDeploys')).toEqual({
      WillParam: [WILL],
      WillFalse: ['non-compliant[RollingUpdate]: no UpdatePolicy AutoScalingRollingUpdate or AutoScalingReplacingUpdate: a new launch template or '
        + 'configuration reaches running instances only by replacing them outside any rollout'],
      WillString: ['compliant'],
      RollingAndParam: ['compliant'],
      OneMore: ['compliant'],
      MinParam: ['non-compliant[Unverifiable]: MinSize is parameter Min, which has no default'],
      UnscaledParam: ['non-compliant[Scaling]: no scaling policy scales the group'],
      UnscaledWillParam: ['non-compliant[Scaling]: no scaling policy scales the group', WILL],
    });
  });

  test('ECS services: a circuit breaker switch under a condition, an unset or parameter MinimumHealthyPercent, 99% is not 100%', () => {
    const svc = (config?: object) => ({ Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: 'arn:td', ...(config ? { DeploymentConfiguration: config } : {}) } });
    const scaled = (id: string, service: object) => ({
      [id]: service,
      [`${id}Target`]: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { MaxCapacity: 12, MinCapacity: 3, ScalableDimension: 'ecs:service:DesiredCount',
        ServiceNamespace: 'ecs', ResourceId: { 'Fn::Join': ['', ['service/c/', { 'Fn::GetAtt': [id, 'Name'] }]] } } },
      [`${id}Policy`]: { Type: 'AWS::ApplicationAutoScaling::ScalingPolicy', Properties: { PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', ScalingTargetId: { Ref: `${id}Target` },
        TargetTrackingScalingPolicyConfiguration: { TargetValue: 60, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } } } },
    });
    const BREAKER = { Enable: true, Rollback: true };
    const onProd = { 'Fn::If': ['Prod', true, false] };
    const report = evaluate(includeTemplate({
      ...scaled('EnableIf', svc({ DeploymentCircuitBreaker: { ...BREAKER, Enable: onProd }, MinimumHealthyPercent: 100 })),
      ...scaled('RollbackIf', svc({ DeploymentCircuitBreaker: { ...BREAKER, Rollback: onProd }, MinimumHealthyPercent: 100 })),
      ...scaled('Off', svc({ DeploymentCircuitBreaker: { ...BREAKER, Enable: false }, MinimumHealthyPercent: 100 })),
      ...scaled('Strings', svc({ DeploymentCircuitBreaker: { Enable: 'true', Rollback: 'true' }, MinimumHealthyPercent: 100 })),
      ...scaled('NoConfig', svc()),
      ...scaled('HealthyParam', svc({ DeploymentCircuitBreaker: BREAKER, MinimumHealthyPercent: { Ref: 'Healthy' } })),
      ...scaled('HealthyDefault', svc({ DeploymentCircuitBreaker: BREAKER, MinimumHealthyPercent: { Ref: 'HealthyNumber' } })),
      ...scaled('Healthy99', svc({ DeploymentCircuitBreaker: BREAKER, MinimumHealthyPercent: 99 })),
      ...scaled('HealthyUnset', svc({ DeploymentCircuitBreaker: BREAKER })),
      ...scaled('HealthyText', svc({ DeploymentCircuitBreaker: BREAKER, MinimumHealthyPercent: { Ref: 'HealthyWord' } })),
    }, {
      parameters: ['Env', 'Healthy'], parameterDefaults: { HealthyNumber: { Type: 'Number', Default: '100' }, HealthyWord: 'all' },
      conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    }).app);
    const EXPRESSION = 'non-compliant[Unverifiable]: DeploymentCircuitBreaker is an expression the template computes at deployment';
    expect(verdictsOf(report, 'ZeroDowntimeDeploys')).toEqual({
      EnableIf: [EXPRESSION],
      RollbackIf: [EXPRESSION],
      Off: ['non-compliant[CircuitBreaker]: circuit breaker off'],
      Strings: ['compliant'],
      NoConfig: ['non-compliant[CircuitBreaker]: circuit breaker off'],
      HealthyParam: ['non-compliant[Unverifiable]: MinimumHealthyPercent is parameter Healthy, which has no default'],
      HealthyDefault: ['compliant'],
      Healthy99: ['non-compliant[MinimumHealthy]: MinimumHealthyPercent 99: a deployment may stop 1% of the tasks'],
      HealthyUnset: ['compliant'],
      HealthyText: ['non-compliant[Unverifiable]: MinimumHealthyPercent is not a number'],
    });
  });
});

describe('VersionedStorage (DP.AVL.6): versioning from parameters, EFS backups by plan', () => {
  test('a versioning status known only at deployment is unverifiable; a parameter default is the app\'s value; a backup plan keeps EFS versions', () => {
    const DAILY = { RuleName: 'daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } };
    const report = evaluate(includeTemplate({
      ParamStatus: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: { Ref: 'Versioning' } } } },
      DefaultStatus: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: { Ref: 'DefaultVersioning' } } } },
      Suspended: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Suspended' } } },
      Never: { Type: 'AWS::S3::Bucket' },
      Planned: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } },
      Disabled: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, BackupPolicy: { Status: 'DISABLED' } } },
      Vault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v' } },
      Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [DAILY] } } },
      Selection: { Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: 'Plan' },
        BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111111111111:role/backup', Resources: [{ 'Fn::GetAtt': ['Planned', 'Arn'] }] } } },
    }, { parameters: ['Versioning'], parameterDefaults: { DefaultVersioning: 'Enabled' } }).app);
    expect(verdictsOf(report, 'VersionedStorage')).toEqual({
      ParamStatus: ['non-compliant[Unverifiable]: VersioningConfiguration.Status is parameter Versioning, which has no default'],
      DefaultStatus: ['compliant: versioning enabled'],
      Suspended: ['non-compliant: versioning Suspended'],
      Never: ['non-compliant: versioning never enabled'],
      Planned: ['compliant: regional, with a backup plan keeping earlier versions'],
      Disabled: ['non-compliant: EFS keeps no versions of its files, and no backup (BackupPolicy ENABLED or a backup plan) keeps earlier ones'],
    });
  });
});
