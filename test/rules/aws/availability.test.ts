import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf } from '../../helpers';

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
