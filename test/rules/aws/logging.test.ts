import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';
const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const LOCKED = { Type: 'AWS::S3::Bucket', Properties: { ObjectLockEnabled: true, VersioningConfiguration: { Status: 'Enabled' }, Tags: [{ Key: 'dp:data-class', Value: 'logs' }] } };
const trail = (props: object) => ({
  Type: 'AWS::CloudTrail::Trail',
  Properties: { IsLogging: true, S3BucketName: { Ref: 'Archive' }, IsMultiRegionTrail: true, EnableLogFileValidation: true, KMSKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, ...props },
});

function run(resources: Record<string, unknown>, opts: { parameters?: string[]; policy?: DataProtectionPolicy } = {}) {
  return evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, ...resources }, { parameters: opts.parameters }).app, opts.policy);
}

describe('CloudTrailConfiguration and AuditTrailPresent (DP.LOG.1)', () => {
  test('each trail: multi-region, validated, customer key, locked bucket', () => {
    const report = run({
      Good: trail({}),
      SingleRegion: trail({ IsMultiRegionTrail: false }),
      NoValidation: trail({ EnableLogFileValidation: false }),
      NoKey: trail({ KMSKeyId: undefined }),
      Unlocked: { ...trail({ S3BucketName: { Ref: 'Plain' } }) },
      Plain: { Type: 'AWS::S3::Bucket' },
      Named: trail({ S3BucketName: 'named-archive' }),
      NamedArchive: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'named-archive', ObjectLockEnabled: true } },
      External: trail({ S3BucketName: 'org-trail-bucket' }),
    });
    expect(statusesOf(report, 'CloudTrailConfiguration')).toEqual({
      Good: OK, SingleRegion: 'non-compliant [MultiRegion]', NoValidation: 'non-compliant [LogFileValidation]', NoKey: 'non-compliant [Encryption]',
      Unlocked: 'non-compliant [ObjectLock]', Named: OK, External: UNVERIFIABLE,
    });
  });

  test('the app must have a multi-region trail: reported on a stack when it has none', () => {
    expect(statusesOf(run({ Single: trail({ IsMultiRegionTrail: false }) }), 'AuditTrailPresent')).toEqual({ '': NON });
    const none = run({});
    const finding = findingsOf(none, 'AuditTrailPresent').find((f) => f.ruleId === 'DataProtection-AuditTrailPresent')!;
    expect(finding).toMatchObject({ status: NON, stack: 'Included', constructPath: 'Included', resourceType: 'AWS::CloudFormation::Stack', detail: '0 trail(s), none multi-region' });
    expect(statusesOf(run({ T: trail({}) }), 'AuditTrailPresent')).toEqual({ T: OK });
  });
});

describe('DataAccessLogging and DatabaseAuditLogs (DP.LOG.2)', () => {
  const dataBucket = { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } } };
  const table = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' } };
  test('data events by ARN prefix (advanced) or for everything (basic); server access logs; log buckets exempt', () => {
    const report = run({
      AccessLogs: { Type: 'AWS::S3::Bucket' },
      Covered: dataBucket,
      Uncovered: dataBucket,
      NoAccessLogs: { Type: 'AWS::S3::Bucket' },
      Orders: table,
      Sessions: table,
      T: trail({
        AdvancedEventSelectors: [
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', StartsWith: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Covered', 'Arn'] }, '/']] }] }] },
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
        ],
      }),
    });
    expect(statusesOf(report, 'DataAccessLogging')).toEqual({
      AccessLogs: NA, Covered: OK, Uncovered: 'non-compliant [DataEvents]', NoAccessLogs: 'non-compliant [DataEvents] [ServerAccessLogs]',
      Archive: NA, Orders: OK, Sessions: OK,
    });
    const basic = run({ AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, T: trail({ EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] }] }) });
    expect(statusesOf(basic, 'DataAccessLogging')).toMatchObject({ Any: OK });
  });

  test('databases export their audit log; Aurora members are judged on the cluster', () => {
    const db = (props: object) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', ...props } });
    const report = run({
      Pg: db({ Engine: 'postgres', EnableCloudwatchLogsExports: ['postgresql', 'upgrade'] }),
      PgNone: db({ Engine: 'postgres' }),
      MySql: db({ Engine: 'mysql', EnableCloudwatchLogsExports: ['error'] }),
      Member: db({ Engine: 'aurora-mysql', DBClusterIdentifier: 'c' }),
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-mysql', EnableCloudwatchLogsExports: ['audit'] } },
      ParamExports: db({ Engine: 'postgres', EnableCloudwatchLogsExports: { Ref: 'Exports' } }),
    }, { parameters: ['Exports'] });
    expect(statusesOf(report, 'DatabaseAuditLogs')).toEqual({ Pg: OK, PgNone: NON, MySql: NON, Member: NA, Cluster: OK, ParamExports: UNVERIFIABLE });
  });
});

describe('NetworkTrafficLogs (DP.LOG.3)', () => {
  test('VPC flow logs, load balancer access logs, accelerator flow logs set by a custom resource', () => {
    const lb = (attrs?: object[], type?: string) => ({ Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'], ...(attrs ? { LoadBalancerAttributes: attrs } : {}), ...(type ? { Type: type } : {}) } });
    const report = run({
      Logged: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Flow: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: { Ref: 'Logged' }, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: { 'Fn::GetAtt': ['Archive', 'Arn'] } } },
      Unlogged: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      LbLogged: lb([{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: 'b' }]),
      LbUnlogged: lb(),
      Gwlb: lb(undefined, 'gateway'),
      Accel: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } },
      AccelFlowLogs: { Type: 'Custom::AcceleratorAttributes', Properties: { ServiceToken: 'arn:aws:lambda:us-west-2:111111111111:function:x', AcceleratorArn: { Ref: 'Accel' }, FlowLogsEnabled: true } },
      AccelNoLogs: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'b' } },
    });
    expect(statusesOf(report, 'NetworkTrafficLogs')).toEqual({
      Logged: OK, Unlogged: NON, LbLogged: OK, LbUnlogged: NON, Gwlb: NA, Accel: OK, AccelNoLogs: NON,
    });
  });

  test('CloudFront distributions and API Gateway stages log their requests (issue 16, item 5)', () => {
    const distribution = (config: object) => ({ Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {
      Enabled: true, DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only' }, Origins: [{ Id: 'o', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }], ...config,
    } } });
    const report = run({
      CdnLogged: distribution({ Logging: { Bucket: 'logs.s3.amazonaws.com' } }),
      CdnUnlogged: distribution({}),
      CdnV2: distribution({}),
      CdnV2Source: { Type: 'AWS::Logs::DeliverySource', Properties: { Name: 'cdn', LogType: 'ACCESS_LOGS', ResourceArn: { 'Fn::Join': ['', ['arn:aws:cloudfront::111111111111:distribution/', { Ref: 'CdnV2' }]] } } },
      CdnParam: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: { 'Fn::ImportValue': 'cdn-config' } } },
      StageLogged: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', StageName: 'prod', AccessLogSetting: { DestinationArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:api', Format: '$context.requestId' } } },
      StageUnlogged: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', StageName: 'dev' } },
    });
    expect(statusesOf(report, 'NetworkTrafficLogs')).toEqual({
      CdnLogged: OK, CdnUnlogged: NON, CdnV2: OK, CdnParam: UNVERIFIABLE, StageLogged: OK, StageUnlogged: NON,
    });
  });
});

describe('LogRetention (DP.LOG.4)', () => {
  test('log groups encrypted and kept at least logRetentionDays (unset is never forever by accident); log buckets expire no earlier', () => {
    const group = (props: object) => ({ Type: 'AWS::Logs::LogGroup', Properties: props });
    const resources = {
      Good: group({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, RetentionInDays: 400 }),
      Unset: group({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }),
      Short: group({ KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, RetentionInDays: 30 }),
      Plain: group({ RetentionInDays: 400 }),
      ParamKey: group({ KmsKeyId: { Ref: 'KeyArn' }, RetentionInDays: 400 }),
      LogsExpireEarly: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }], LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 90 }] } } },
      DataBucket: { Type: 'AWS::S3::Bucket', Properties: { LifecycleConfiguration: { Rules: [{ Status: 'Enabled', ExpirationInDays: 90 }] } } },
    };
    // One defect, one finding: with DP.LOG.4 promised, the missing key is LogRetention's [Encryption] alone.
    const report = run(resources, { parameters: ['KeyArn'] });
    expect(statusesOf(report, 'LogGroupCMK')).toEqual({ Good: NA, Unset: NA, Short: NA, Plain: NA, ParamKey: NA });
    expect(statusesOf(run(resources, { parameters: ['KeyArn'], policy: new DataProtectionPolicy({ controls: ['DP.ENC.2'] }) }), 'LogGroupCMK'))
      .toEqual({ Good: OK, Unset: OK, Short: OK, Plain: NON, ParamKey: UNVERIFIABLE });
    expect(statusesOf(report, 'LogRetention')).toEqual({
      Good: OK, Unset: 'non-compliant [Retention]', Short: 'non-compliant [Retention]', Plain: 'non-compliant [Encryption]', ParamKey: UNVERIFIABLE,
      LogsExpireEarly: 'non-compliant [Retention]', Archive: OK, DataBucket: NA,
    });
    const longer = run(resources, { parameters: ['KeyArn'], policy: new DataProtectionPolicy({ logRetentionDays: 731 }) });
    expect(statusesOf(longer, 'LogRetention').Good).toBe('non-compliant [Retention]');
  });
});

describe('ResourceAlarms (DP.MON.1)', () => {
  test('an alarm on the resource\'s metrics that pages an encrypted topic', () => {
    const alarm = (dimensionRef: string, topic: string) => ({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        ComparisonOperator: 'GreaterThanUpperThreshold', EvaluationPeriods: 3, ThresholdMetricId: 'ad1', AlarmActions: [{ Ref: topic }],
        Metrics: [
          { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)' },
          { Id: 'm1', MetricStat: { Metric: { Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_ELB_5XX_Count', Dimensions: [{ Name: 'LoadBalancer', Value: { 'Fn::GetAtt': [dimensionRef, 'LoadBalancerFullName'] } }] }, Period: 300, Stat: 'Sum' } },
        ],
      },
    });
    const lb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } };
    const report = run({
      Encrypted: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'Key' } } },
      Plaintext: { Type: 'AWS::SNS::Topic', Properties: {} },
      Watched: lb,
      WatchedToPlainTopic: lb,
      Unwatched: lb,
      Nlb: { ...lb, Properties: { ...lb.Properties, Type: 'network' } },
      A1: alarm('Watched', 'Encrypted'),
      A2: alarm('WatchedToPlainTopic', 'Plaintext'),
      Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', TaskDefinition: 'arn:td' } },
    });
    expect(statusesOf(report, 'ResourceAlarms')).toEqual({ Watched: OK, WatchedToPlainTopic: NON, Unwatched: NON, Nlb: NA, Svc: NON });
  });

  test('RDS DB instances carry alarms too; Aurora members are watched through their cluster (issue 16, item 5)', () => {
    const db = (props: object = {}) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres', ...props } });
    const cpuAlarm = (dbRef: string) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: { ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3, Threshold: 80,
      Namespace: 'AWS/RDS', MetricName: 'CPUUtilization', Statistic: 'Average', Period: 300, AlarmActions: [{ Ref: 'Encrypted' }], Dimensions: [{ Name: 'DBInstanceIdentifier', Value: { Ref: dbRef } }] } });
    const report = run({
      Encrypted: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: { Ref: 'Key' } } },
      WatchedDb: db(), Cpu: cpuAlarm('WatchedDb'),
      UnwatchedDb: db(),
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      Member: db({ Engine: 'aurora-postgresql', DBClusterIdentifier: { Ref: 'Cluster' } }),
    });
    expect(statusesOf(report, 'ResourceAlarms')).toMatchObject({ WatchedDb: OK, UnwatchedDb: NON, Member: NA });
  });
});

describe('ThreatDetectionEnabled (DP.MON.2)', () => {
  test('per region: an enabled detector and a findings rule to a topic', () => {
    const detector = { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true } };
    const rule = { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.guardduty'] }, Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }] } };
    const topic = { Type: 'AWS::SNS::Topic', Properties: {} };
    const status = (resources: Record<string, unknown>) => statusesOf(run(resources), 'ThreatDetectionEnabled')[''];
    expect(status({ D: detector, R: rule, Topic: topic })).toBe(OK);
    expect(status({ D: detector })).toBe('non-compliant [FindingsAlert]');
    expect(status({ D: { ...detector, Properties: { Enable: false } }, R: rule, Topic: topic })).toBe('non-compliant [Detector]');
    expect(status({})).toBe('non-compliant [Detector] [FindingsAlert]');
  });

  test('a detector in one region does not cover another', () => {
    const app = templateApp();
    includeTemplate({ D: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true } } }, { app, stackId: 'West' });
    includeTemplate({}, { app, stackId: 'Central', region: 'eu-central-1' });
    const findings = findingsOf(evaluate(app), 'ThreatDetectionEnabled');
    expect(findings.map((f) => [f.stack, f.ruleId, f.detail])).toEqual([
      ['West', 'DataProtection-ThreatDetectionEnabled[FindingsAlert]', 'region eu-west-1'],
      ['Central', 'DataProtection-ThreatDetectionEnabled[Detector]', 'region eu-central-1'],
      ['Central', 'DataProtection-ThreatDetectionEnabled[FindingsAlert]', 'region eu-central-1'],
    ]);
  });
});
