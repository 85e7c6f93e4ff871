import { evaluateCloudFormation } from '../../../lib/checks/cloudformation';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, verdictsOf, templateApp } from '../../helpers';

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

  test('a findings rule to a queue of the app is no alert; a State from a parameter is read from its default, unverifiable without', () => {
    const detector = { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true } };
    const rule = (target: object, state?: unknown) => ({
      Type: 'AWS::Events::Rule',
      Properties: { EventPattern: { source: ['aws.guardduty'] }, ...(state === undefined ? {} : { State: state }), Targets: [{ Id: 't', Arn: target }] },
    });
    const toTopic = { Ref: 'Topic' };
    const judge = (resources: Record<string, unknown>) => verdictsOf(evaluate(includeTemplate({
      D: detector, Topic: { Type: 'AWS::SNS::Topic', Properties: {} }, Queue: { Type: 'AWS::SQS::Queue', Properties: {} }, ...resources,
    }, { parameters: ['State'], parameterDefaults: { On: 'ENABLED', Off: 'DISABLED' } }).app), 'ThreatDetectionEnabled')[''];
    expect(judge({ R: rule({ 'Fn::GetAtt': ['Queue', 'Arn'] }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(judge({ R: rule(toTopic, { Ref: 'On' }) })).toEqual(['compliant: region eu-west-1']);
    expect(judge({ R: rule(toTopic, { Ref: 'Off' }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(judge({ R: rule(toTopic, { Ref: 'State' }) })).toEqual(['non-compliant[Unverifiable]: the State of R is parameter State, which has no default']);
    expect(judge({ R: rule(toTopic, 'DISABLED') })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
  });
});


describe('CloudTrailConfiguration and AuditTrailPresent (DP.LOG.1): every setting, unknown values, where the finding goes', () => {
  test('each setting the trail or its bucket leaves to deployment is unverifiable and named; an AWS-managed key is not the customer\'s', () => {
    const report = run({
      ParamMulti: trail({ IsMultiRegionTrail: { Ref: 'Multi' } }),
      ParamKey: trail({ KMSKeyId: { Ref: 'KeyArn' } }),
      AwsKey: trail({ KMSKeyId: 'alias/aws/cloudtrail' }),
      ParamBucket: trail({ S3BucketName: { Ref: 'BucketName' } }),
      ParamLock: trail({ S3BucketName: { Ref: 'Lockless' } }),
      Lockless: { Type: 'AWS::S3::Bucket', Properties: { ObjectLockEnabled: { Ref: 'Lock' } } },
      Strings: trail({ IsMultiRegionTrail: 'true', EnableLogFileValidation: 'true' }),
      Unset: trail({ IsMultiRegionTrail: undefined, EnableLogFileValidation: undefined }),
      AllWrong: trail({ IsMultiRegionTrail: false, EnableLogFileValidation: false, KMSKeyId: undefined, S3BucketName: { Ref: 'Plain' } }),
      Plain: { Type: 'AWS::S3::Bucket' },
    }, { parameters: ['Multi', 'KeyArn', 'BucketName', 'Lock'] });
    expect(verdictsOf(report, 'CloudTrailConfiguration')).toEqual({
      ParamMulti: ['non-compliant[Unverifiable]: IsMultiRegionTrail is parameter Multi, which has no default'],
      ParamKey: ['non-compliant[Unverifiable]: KMSKeyId is parameter KeyArn, which has no default'],
      AwsKey: ['non-compliant[Encryption]: log files are not encrypted with a customer-managed KMS key'],
      ParamBucket: ['non-compliant[Unverifiable]: S3BucketName is parameter BucketName, which has no default'],
      ParamLock: ['non-compliant[Unverifiable]: ObjectLockEnabled is parameter Lock, which has no default'],
      Strings: ['compliant'],
      Unset: [
        'non-compliant[MultiRegion]: the trail records one region only',
        'non-compliant[LogFileValidation]: log files are not validated (digest files)',
      ],
      AllWrong: [
        'non-compliant[MultiRegion]: the trail records one region only',
        'non-compliant[LogFileValidation]: log files are not validated (digest files)',
        'non-compliant[Encryption]: log files are not encrypted with a customer-managed KMS key',
        'non-compliant[ObjectLock]: bucket Plain has no Object Lock',
      ],
    });
  });

  test('AuditTrailPresent: a flag known only at deployment is unverifiable on its trail, unless a known multi-region trail exists', () => {
    const unknown = run({ Param: trail({ IsMultiRegionTrail: { Ref: 'Multi' } }), Single: trail({ IsMultiRegionTrail: false }) }, { parameters: ['Multi'] });
    expect(verdictsOf(unknown, 'AuditTrailPresent')).toEqual({ Param: ['non-compliant[Unverifiable]: IsMultiRegionTrail is parameter Multi, which has no default'] });
    const known = run({ Param: trail({ IsMultiRegionTrail: { Ref: 'Multi' } }), Strings: trail({ IsMultiRegionTrail: 'true' }) }, { parameters: ['Multi'] });
    expect(verdictsOf(known, 'AuditTrailPresent')).toEqual({ Strings: ['compliant: a multi-region trail'] });
    const defaulted = evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, T: trail({ IsMultiRegionTrail: { Ref: 'Multi' } }) }, { parameterDefaults: { Multi: 'true' } }).app);
    expect(statusesOf(defaulted, 'AuditTrailPresent')).toEqual({ T: OK });
    const twoSingle = run({ A: trail({ IsMultiRegionTrail: false }), B: trail({ IsMultiRegionTrail: 'false' }) });
    expect(verdictsOf(twoSingle, 'AuditTrailPresent')).toEqual({ '': ['non-compliant: 2 trail(s), none multi-region'] });
  });

  test('AuditTrailPresent: reported on the first stack when no stack has a multi-region trail; nothing without stacks', () => {
    const app = templateApp();
    includeTemplate({}, { app, stackId: 'First' });
    includeTemplate({ Key: KEY, Archive: LOCKED, Single: trail({ IsMultiRegionTrail: false }) }, { app, stackId: 'Second' });
    expect(findingsOf(evaluate(app), 'AuditTrailPresent').map((f) => [f.stack, f.status, f.detail])).toEqual([['First', NON, '1 trail(s), none multi-region']]);
    expect(findingsOf(evaluate(templateApp()), 'AuditTrailPresent')).toEqual([]);
  });
});

describe('DataAccessLogging (DP.LOG.2): basic and advanced data-event selectors', () => {
  const dataBucket = { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } } };
  const keys = { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' };
  const table = { Type: 'AWS::DynamoDB::Table', Properties: keys };
  const globalTable = { Type: 'AWS::DynamoDB::GlobalTable', Properties: { ...keys, StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' }, Replicas: [{ Region: 'eu-west-1' }] } };
  const basic = (...dataResources: object[]) => trail({ EventSelectors: [{ ReadWriteType: 'All' }, { DataResources: dataResources }] });
  const judged = (report: ReturnType<typeof evaluate>) => {
    const { AccessLogs, Archive, ...rest } = statusesOf(report, 'DataAccessLogging');
    expect([AccessLogs, Archive]).toEqual([NA, NA]);
    return rest;
  };

  test('basic selectors: one bucket by its ARN, every table by the service prefix, every bucket by arn:aws:s3:::', () => {
    const byArn = run({
      AccessLogs: { Type: 'AWS::S3::Bucket' }, Named: dataBucket, Other: dataBucket, Orders: table, Global: globalTable,
      T: basic({ Type: 'AWS::S3::Object', Values: [{ 'Fn::Sub': '${Named.Arn}/' }] }, { Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }),
    });
    expect(judged(byArn)).toEqual({ Named: OK, Other: 'non-compliant [DataEvents]', Orders: OK, Global: OK });
    const allBuckets = run({
      AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, Orders: table,
      T: basic({ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }, { Type: 'AWS::Lambda::Function' }),
    });
    expect(judged(allBuckets)).toEqual({ Any: OK, Orders: 'non-compliant [DataEvents]' });
  });

  test('basic selectors: values known only at deployment may or may not name a store of their type', () => {
    const whole = run({ AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, Orders: table, T: basic({ Type: 'AWS::S3::Object', Values: { Ref: 'Arns' } }) }, { parameters: ['Arns'] });
    expect(judged(whole)).toEqual({ Any: UNVERIFIABLE, Orders: 'non-compliant [DataEvents]' });
    expect(verdictsOf(whole, 'DataAccessLogging').Any).toEqual([
      'non-compliant[Unverifiable]: a data-event selector of T is parameter Arns, which has no default: it may or may not name this store',
    ]);
    const oneValue = run({
      AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, Named: dataBucket,
      T: basic({ Type: 'AWS::S3::Object', Values: [{ Ref: 'Arn' }, { 'Fn::Sub': '${Named.Arn}/' }] }),
    }, { parameters: ['Arn'] });
    expect(judged(oneValue)).toEqual({ Any: UNVERIFIABLE, Named: OK });
    const defaulted = (value: string) => judged(evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED, AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, T: basic({ Type: 'AWS::S3::Object', Values: { Ref: 'Arns' } }),
    }, { parameterDefaults: { Arns: { Type: 'CommaDelimitedList', Default: value } } }).app));
    expect(defaulted('arn:aws:s3')).toEqual({ Any: OK });
    expect(defaulted('arn:aws:s3:::other-bucket/')).toEqual({ Any: 'non-compliant [DataEvents]' });
  });

  test('advanced selectors: only data-event selectors count; resources.ARN Equals names one bucket', () => {
    const report = run({
      AccessLogs: { Type: 'AWS::S3::Bucket' }, Exact: dataBucket, Other: dataBucket, Orders: table,
      T: trail({
        AdvancedEventSelectors: [
          { FieldSelectors: [{ Field: 'readOnly', Equals: ['true'] }] },
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] },
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] }] },
          { FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }, { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', Equals: [{ 'Fn::GetAtt': ['Exact', 'Arn'] }] }] },
        ],
      }),
    });
    expect(judged(report)).toEqual({ Exact: OK, Other: 'non-compliant [DataEvents]', Orders: 'non-compliant [DataEvents]' });
  });

  test('a selector known only at deployment, at any level, is unverifiable naming the value, never "no data events" nor an error', () => {
    const advanced = (...fields: object[]) => trail({ AdvancedEventSelectors: [{ FieldSelectors: fields }] });
    const DATA = { Field: 'eventCategory', Equals: ['Data'] };
    const OBJECTS = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };
    const judge = (t: object, opts: { parameterDefaults?: Record<string, unknown>; conditions?: Record<string, unknown>; extra?: object } = {}) => {
      const report = evaluate(includeTemplate({
        Key: KEY, Archive: LOCKED, AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, Orders: table, T: t, ...opts.extra,
      }, { parameters: ['Types', 'Cat', 'Sel', 'Env', 'Prefix', 'Ty'], ...opts }).app);
      judged(report);
      const { AccessLogs, Archive, ...rest } = verdictsOf(report, 'DataAccessLogging');
      return rest;
    };
    const may = (what: string) => [`non-compliant[Unverifiable]: ${what}: it may or may not name this store`];
    expect(judge(advanced(DATA, { Field: 'resources.type', Equals: { Ref: 'Types' } }))).toEqual({
      Any: may('the resources.type of an advanced event selector of T is parameter Types, which has no default'),
      Orders: may('the resources.type of an advanced event selector of T is parameter Types, which has no default'),
    });
    expect(judge(advanced({ Field: 'eventCategory', Equals: { Ref: 'Cat' } }, OBJECTS)).Any)
      .toEqual(may('the eventCategory of an advanced event selector of T is parameter Cat, which has no default'));
    expect(judge(trail({ EventSelectors: { Ref: 'Sel' } })).Any).toEqual(may('the EventSelectors of T is parameter Sel, which has no default'));
    const conditions = { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
    expect(judge(trail({ AdvancedEventSelectors: [{ 'Fn::If': ['Prod', { FieldSelectors: [DATA, OBJECTS] }, { Ref: 'AWS::NoValue' }] }] }), { conditions }).Any)
      .toEqual(may('an advanced event selector of T is a Fn::If on condition Prod, which depends on parameter Env, which has no default'));
    // An unknown ARN prefix of object events may name any bucket, but no table.
    expect(judge(advanced(DATA, OBJECTS, { Field: 'resources.ARN', StartsWith: [{ Ref: 'Prefix' }] }))).toEqual({
      Any: may('the resources.ARN of an advanced event selector of T is parameter Prefix, which has no default'),
      Orders: ['non-compliant[DataEvents]: no trail records data events for this store'],
    });
    expect(judge(basic({ Type: { Ref: 'Ty' }, Values: ['arn:aws:s3:::'] })).Any)
      .toEqual(may('the Type of a data resource of T is parameter Ty, which has no default'));
    // Another trail that logs every bucket proves it; parameter defaults are the app's values.
    expect(judge(advanced(DATA, { Field: 'resources.type', Equals: { Ref: 'Types' } }), { extra: { T2: basic({ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }) } }).Any)
      .toEqual(['compliant']);
    expect(judge(advanced(DATA, { Field: 'resources.type', Equals: { Ref: 'ObjectTypes' } }),
      { parameterDefaults: { ObjectTypes: { Type: 'CommaDelimitedList', Default: 'AWS::S3::Object' } } })).toEqual({
      Any: ['compliant'], Orders: ['non-compliant[DataEvents]: no trail records data events for this store'],
    });
    expect(judge(basic({ Type: { Ref: 'ObjectType' }, Values: ['arn:aws:s3:::'] }), { parameterDefaults: { ObjectType: 'AWS::S3::Object' } }).Any)
      .toEqual(['compliant']);
  });
});

describe('DataAccessLogging (DP.LOG.2): advanced selectors that record only part of the data events', () => {
  const DATA = { Field: 'eventCategory', Equals: ['Data'] };
  const OBJECTS = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };
  const TABLES = { Field: 'resources.type', Equals: ['AWS::DynamoDB::Table'] };
  const bucket = (props: object = {}) => ({ Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } }, ...props } });
  const table = (props: object = {}) => ({
    Type: 'AWS::DynamoDB::Table',
    Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', ...props },
  });
  const advanced = (...selectors: object[][]) => trail({ AdvancedEventSelectors: selectors.map((fields) => ({ FieldSelectors: fields })) });
  const judge = (resources: Record<string, unknown>, parameters: string[] = []) => {
    const report = run({ AccessLogs: { Type: 'AWS::S3::Bucket' }, ...resources }, { parameters });
    const { AccessLogs, Archive, ...rest } = verdictsOf(report, 'DataAccessLogging');
    return rest;
  };
  const partly = (how: string) => [`non-compliant[DataEvents]: no trail records every data event of this store: an advanced event selector of T records ${how}`];

  test('a filter on the event name (or any field this rule does not read) or an object suffix records only some events', () => {
    expect(judge({ Data: bucket(), T: advanced([DATA, OBJECTS, { Field: 'eventName', Equals: ['PutObject'] }]) })).toEqual({
      Data: partly('only the events its eventName filter keeps'),
    });
    expect(judge({ Data: bucket(), T: advanced([DATA, OBJECTS, { Field: 'eventName', NotEquals: ['GetObject'] }, { Field: 'userIdentity.arn', NotStartsWith: ['arn:aws:iam::111111111111:role/etl'] }]) })).toEqual({
      Data: partly('only the events its eventName, userIdentity.arn filter keeps'),
    });
    expect(judge({ Data: bucket(), T: advanced([DATA, OBJECTS, { Field: 'resources.ARN', EndsWith: ['.pdf'] }]) })).toEqual({
      Data: partly('only the objects its resources.ARN suffix filter keeps'),
    });
    // Another selector that records everything still proves it.
    expect(judge({ Data: bucket(), T: advanced([DATA, OBJECTS, { Field: 'eventName', Equals: ['PutObject'] }], [DATA, OBJECTS]) })).toEqual({ Data: ['compliant'] });
  });

  test('resources.ARN exclusions: every store of the type but those excluded, by reference or by literal name', () => {
    const excludeByRef = advanced([DATA, OBJECTS, { Field: 'resources.ARN', NotStartsWith: [{ 'Fn::Sub': '${Scratch.Arn}/' }] }]);
    expect(judge({ Data: bucket(), Scratch: bucket(), T: excludeByRef })).toEqual({
      Data: ['compliant'],
      Scratch: partly('its events minus those its resources.ARN exclusion removes'),
    });
    const excludeByName = advanced([DATA, OBJECTS, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::scratch-'] }]);
    expect(judge({ Named: bucket({ BucketName: 'data-eu' }), Scratch: bucket({ BucketName: 'scratch-eu' }), Generated: bucket(), T: excludeByName })).toEqual({
      Named: ['compliant'],
      Scratch: partly('its events minus those its resources.ARN exclusion removes'),
      Generated: ['non-compliant[Unverifiable]: an advanced event selector of T excludes ARNs starting with arn:aws:s3:::scratch-, '
        + 'and this store\'s name is known only at deployment: it may be excluded'],
    });
    // A named prefix inside the bucket excludes part of it; the table ARN's name part is compared too.
    expect(judge({
      Data: bucket({ BucketName: 'data-eu' }),
      Orders: table({ TableName: 'orders' }),
      Carts: table({ TableName: 'carts' }),
      T: advanced(
        [DATA, OBJECTS, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::data-eu/tmp/'] }],
        [DATA, TABLES, { Field: 'resources.ARN', NotEquals: ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders'] }],
      ),
    })).toEqual({
      Data: partly('its events minus those its resources.ARN exclusion removes'),
      Orders: partly('its events minus those its resources.ARN exclusion removes'),
      Carts: ['compliant'],
    });
  });

  test('an inclusion and an exclusion together: what is excluded is not logged whole; an unknown exclusion is unverifiable', () => {
    expect(judge({
      Data: bucket(),
      Reports: bucket(),
      T: advanced([DATA, OBJECTS, { Field: 'resources.ARN', StartsWith: [{ 'Fn::Sub': '${Data.Arn}/' }, { 'Fn::Sub': '${Reports.Arn}/' }], NotStartsWith: [{ 'Fn::Sub': '${Reports.Arn}/drafts/' }] }]),
    })).toEqual({
      Data: ['compliant'],
      Reports: partly('its events minus those its resources.ARN exclusion removes'),
    });
    expect(judge({ Data: bucket(), T: advanced([DATA, OBJECTS, { Field: 'resources.ARN', NotStartsWith: [{ Ref: 'Skip' }] }]) }, ['Skip'])).toEqual({
      Data: ['non-compliant[Unverifiable]: the resources.ARN exclusions of an advanced event selector of T is parameter Skip, which has no default: it may or may not name this store'],
    });
  });
});

describe('DataAccessLogging (DP.LOG.2): reads of the data are access too', () => {
  const dataBucket = { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } } };
  const table = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' } };
  const ALL_OBJECTS = { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] };
  const judge = (t: object, opts: { parameterDefaults?: Record<string, unknown> } = {}) => {
    const report = evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, T: t },
      { parameters: ['Rw', 'Ro'], ...opts }).app);
    return verdictsOf(report, 'DataAccessLogging').Any;
  };
  const basic = (...selectors: object[]) => trail({ EventSelectors: selectors });

  test('a basic selector with ReadWriteType WriteOnly does not log reads of the data; All, the default, or ReadOnly plus WriteOnly do', () => {
    expect(judge(basic({ ReadWriteType: 'WriteOnly', DataResources: [ALL_OBJECTS] })))
      .toEqual(['non-compliant[DataEvents]: only writes are recorded for this store, not reads of its data']);
    expect(judge(basic({ ReadWriteType: 'ReadOnly', DataResources: [ALL_OBJECTS] })))
      .toEqual(['non-compliant[DataEvents]: only reads are recorded for this store, not writes of its data']);
    expect(judge(basic({ ReadWriteType: 'All', DataResources: [ALL_OBJECTS] }))).toEqual(['compliant']);
    expect(judge(basic({ DataResources: [ALL_OBJECTS] }))).toEqual(['compliant']);
    expect(judge(basic({ ReadWriteType: 'ReadOnly', DataResources: [ALL_OBJECTS] }, { ReadWriteType: 'WriteOnly', DataResources: [ALL_OBJECTS] })))
      .toEqual(['compliant']);
    // Reads of every bucket and writes of this one by its ARN: both sides of this bucket are logged.
    expect(judge(basic({ ReadWriteType: 'ReadOnly', DataResources: [ALL_OBJECTS] },
      { ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Sub': '${Any.Arn}/' }] }] }))).toEqual(['compliant']);
    // A table logged for writes only is no more covered than a bucket.
    const tables = evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, Orders: table,
      T: basic({ ReadWriteType: 'WriteOnly', DataResources: [{ Type: 'AWS::DynamoDB::Table', Values: ['arn:aws:dynamodb'] }] }) }).app);
    expect(statusesOf(tables, 'DataAccessLogging')).toMatchObject({ Orders: 'non-compliant [DataEvents]' });
  });

  test('a ReadWriteType known only at deployment is unverifiable naming it; a parameter default is the app\'s value', () => {
    expect(judge(basic({ ReadWriteType: { Ref: 'Rw' }, DataResources: [ALL_OBJECTS] }))).toEqual([
      'non-compliant[Unverifiable]: the ReadWriteType of an event selector of T is parameter Rw, which has no default: it may not record reads of this store',
    ]);
    // Writes are surely recorded by the other selector; reads only maybe.
    expect(judge(basic({ ReadWriteType: { Ref: 'Rw' }, DataResources: [ALL_OBJECTS] }, { ReadWriteType: 'WriteOnly', DataResources: [ALL_OBJECTS] })))
      .toEqual(['non-compliant[Unverifiable]: the ReadWriteType of an event selector of T is parameter Rw, which has no default: it may not record reads of this store']);
    // Nothing records writes for certain, and the unknown selector only ever logs reads: writes are surely missing.
    expect(judge(basic({ ReadWriteType: 'ReadOnly', DataResources: [{ Type: 'AWS::S3::Object', Values: { Ref: 'Ro' } }] })))
      .toEqual(['non-compliant[DataEvents]: no trail records writes of this store\'s data']);
    expect(judge(basic({ ReadWriteType: { Ref: 'WriteOnlyDefault' }, DataResources: [ALL_OBJECTS] }), { parameterDefaults: { WriteOnlyDefault: 'WriteOnly' } }))
      .toEqual(['non-compliant[DataEvents]: only writes are recorded for this store, not reads of its data']);
    expect(judge(basic({ ReadWriteType: { Ref: 'AllDefault' }, DataResources: [ALL_OBJECTS] }), { parameterDefaults: { AllDefault: 'All' } }))
      .toEqual(['compliant']);
  });

  test('advanced selectors: readOnly true records only reads, false only writes; both, or no readOnly field, record all', () => {
    const DATA = { Field: 'eventCategory', Equals: ['Data'] };
    const OBJECTS = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };
    const advanced = (...readOnly: object[][]) => trail({ AdvancedEventSelectors: readOnly.map((f) => ({ FieldSelectors: [DATA, OBJECTS, ...f] })) });
    expect(judge(advanced([{ Field: 'readOnly', Equals: ['false'] }])))
      .toEqual(['non-compliant[DataEvents]: only writes are recorded for this store, not reads of its data']);
    expect(judge(advanced([{ Field: 'readOnly', Equals: ['true'] }])))
      .toEqual(['non-compliant[DataEvents]: only reads are recorded for this store, not writes of its data']);
    expect(judge(advanced([{ Field: 'readOnly', NotEquals: ['true'] }])))
      .toEqual(['non-compliant[DataEvents]: only writes are recorded for this store, not reads of its data']);
    expect(judge(advanced([{ Field: 'readOnly', Equals: ['true'] }], [{ Field: 'readOnly', Equals: ['false'] }]))).toEqual(['compliant']);
    expect(judge(advanced([{ Field: 'readOnly', Equals: ['true', 'false'] }]))).toEqual(['compliant']);
    expect(judge(advanced([]))).toEqual(['compliant']);
    expect(judge(advanced([{ Field: 'readOnly', Equals: { Ref: 'Ro' } }]))).toEqual([
      'non-compliant[Unverifiable]: the readOnly of an advanced event selector of T is parameter Ro, which has no default: it may not record reads of this store',
    ]);
    expect(judge(advanced([{ Field: 'readOnly', Equals: { Ref: 'Reads' } }], [{ Field: 'readOnly', Equals: ['false'] }]),
      { parameterDefaults: { Reads: { Type: 'CommaDelimitedList', Default: 'true' } } })).toEqual(['compliant']);
  });
});

describe('DatabaseAuditLogs (DP.LOG.2): each engine\'s audit export', () => {
  const db = (props: object) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', ...props } });
  test('SQL Server exports agent, Oracle and MariaDB audit, Aurora MySQL 5.6 audit; other engines are for review', () => {
    const report = evaluate(includeTemplate({
      SqlServer: db({ Engine: 'sqlserver-se', EnableCloudwatchLogsExports: ['agent', 'error'] }),
      SqlServerError: db({ Engine: 'sqlserver-ee', EnableCloudwatchLogsExports: ['error'] }),
      Oracle: db({ Engine: 'oracle-ee', EnableCloudwatchLogsExports: ['audit'] }),
      OracleNone: db({ Engine: 'oracle-se2' }),
      Maria: db({ Engine: 'mariadb', EnableCloudwatchLogsExports: ['audit'] }),
      UpperCase: db({ Engine: 'Postgres', EnableCloudwatchLogsExports: ['postgresql'] }),
      Db2: db({ Engine: 'db2-se', EnableCloudwatchLogsExports: ['diag.log'] }),
      CustomOracle: db({ Engine: 'custom-oracle-ee', EnableCloudwatchLogsExports: ['audit'] }),
      CustomSqlServer: db({ Engine: 'custom-sqlserver-ee', EnableCloudwatchLogsExports: ['agent'] }),
      Aurora56: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora', EnableCloudwatchLogsExports: ['audit'] } },
      NamedCluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', DBClusterIdentifier: 'orders' } },
    }).app);
    expect(verdictsOf(report, 'DatabaseAuditLogs')).toEqual({
      SqlServer: ['compliant: exports its agent log'],
      SqlServerError: ['non-compliant: EnableCloudwatchLogsExports [error] lacks agent'],
      Oracle: ['compliant: exports its audit log'],
      OracleNone: ['non-compliant: EnableCloudwatchLogsExports unset lacks audit'],
      Maria: ['compliant: exports its audit log'],
      UpperCase: ['compliant: exports its postgresql log'],
      Db2: ['non-compliant[Unverifiable]: engine db2-se has no audit log export this rule knows; review how its access is logged'],
      CustomOracle: ['non-compliant[Unverifiable]: engine custom-oracle-ee has no audit log export this rule knows; review how its access is logged'],
      CustomSqlServer: ['non-compliant[Unverifiable]: engine custom-sqlserver-ee has no audit log export this rule knows; review how its access is logged'],
      Aurora56: ['compliant: exports its audit log'],
      NamedCluster: ['non-compliant: EnableCloudwatchLogsExports unset lacks postgresql'],
    });
  });

  test('an engine or export list known only at deployment, or not a list, is unverifiable; parameter defaults are the app\'s values', () => {
    const report = evaluate(includeTemplate({
      ParamEngine: db({ Engine: { Ref: 'Engine' } }),
      DefaultEngine: db({ Engine: { Ref: 'DefaultedEngine' }, EnableCloudwatchLogsExports: ['audit'] }),
      NoEngine: db({}),
      OneString: db({ Engine: 'postgres', EnableCloudwatchLogsExports: { Ref: 'OneExport' } }),
      DefaultExports: db({ Engine: 'mysql', EnableCloudwatchLogsExports: { Ref: 'Exports' } }),
    }, { parameters: ['Engine'], parameterDefaults: { DefaultedEngine: 'mysql', OneExport: 'postgresql', Exports: { Type: 'CommaDelimitedList', Default: 'error,audit' } } }).app);
    expect(verdictsOf(report, 'DatabaseAuditLogs')).toEqual({
      ParamEngine: ['non-compliant[Unverifiable]: Engine is parameter Engine, which has no default'],
      DefaultEngine: ['compliant: exports its audit log'],
      NoEngine: ['non-compliant[Unverifiable]: Engine is not set, which this rule cannot read'],
      OneString: ['non-compliant[Unverifiable]: EnableCloudwatchLogsExports is "postgresql", which this rule cannot read'],
      DefaultExports: ['compliant: exports its audit log'],
    });
  });
});

describe('NetworkTrafficLogs (DP.LOG.3): every kind of entry point, and values known only at deployment', () => {
  const lb = (attrs?: unknown, type?: string) => ({
    Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'], ...(attrs ? { LoadBalancerAttributes: attrs } : {}), ...(type ? { Type: type } : {}) },
  });
  const TOKEN = 'arn:aws:lambda:us-west-2:111111111111:function:x';
  const LOG_GROUP = 'arn:aws:logs:eu-west-1:111111111111:log-group:api';
  test('load balancer attributes, VPCs with other referrers, API stages of both kinds, accelerators\' custom resources', () => {
    const report = run({
      AttrsParam: lb({ Ref: 'Attrs' }),
      EnabledParam: lb([{ Key: 'access_logs.s3.enabled', Value: { Ref: 'Enabled' } }]),
      EnabledFalse: lb([{ Key: 'access_logs.s3.enabled', Value: 'false' }, { Key: 'deletion_protection.enabled', Value: 'true' }]),
      Nlb: lb([{ Key: 'access_logs.s3.enabled', Value: 'true' }], 'network'),
      NlbUnlogged: lb(undefined, 'network'),
      SubnetOnly: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      S1: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'SubnetOnly' }, CidrBlock: '10.0.0.0/24' } },
      WithFlow: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      S2: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'WithFlow' }, CidrBlock: '10.1.0.0/24' } },
      F2: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: { Ref: 'WithFlow' }, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b' } },
      StageParam: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', AccessLogSetting: { Ref: 'Setting' } } },
      StageNoDestination: { Type: 'AWS::ApiGateway::Stage', Properties: { RestApiId: 'a', DeploymentId: 'd', AccessLogSetting: { Format: '$context.requestId' } } },
      HttpLogged: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: 'a', StageName: 'prod', AccessLogSettings: { DestinationArn: LOG_GROUP, Format: '$context.requestId' } } },
      HttpUnlogged: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: 'a', StageName: 'dev' } },
      HttpParam: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: 'a', StageName: 'x', AccessLogSettings: { Ref: 'Setting' } } },
      AccelJson: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } },
      C1: { Type: 'AWS::CloudFormation::CustomResource', Properties: { ServiceToken: TOKEN, Accelerator: { Ref: 'AccelJson' },
        Create: JSON.stringify({ service: 'GlobalAccelerator', action: 'updateAcceleratorAttributes', parameters: { FlowLogsEnabled: 'true' } }) } },
      AccelOff: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'b' } },
      C2: { Type: 'Custom::AcceleratorAttributes', Properties: { ServiceToken: TOKEN, AcceleratorArn: { Ref: 'AccelOff' }, FlowLogsEnabled: false } },
      CdnAliased: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: {
        Enabled: true, DefaultCacheBehavior: { TargetOriginId: 'o', ViewerProtocolPolicy: 'https-only' },
        Origins: [{ Id: 'o', DomainName: 'example.com', CustomOriginConfig: { OriginProtocolPolicy: 'https-only' } }],
      } } },
      Alias: { Type: 'AWS::Route53::RecordSet', Properties: { Name: 'x', Type: 'A', AliasTarget: { DNSName: { 'Fn::GetAtt': ['CdnAliased', 'DomainName'] }, HostedZoneId: 'Z2FDTNDATAQYW2' } } },
    }, { parameters: ['Attrs', 'Enabled', 'Setting'] });
    expect(verdictsOf(report, 'NetworkTrafficLogs')).toEqual({
      AttrsParam: ['non-compliant[Unverifiable]: LoadBalancerAttributes is parameter Attrs, which has no default'],
      EnabledParam: ['non-compliant[Unverifiable]: access_logs.s3.enabled is parameter Enabled, which has no default'],
      EnabledFalse: ['non-compliant: access_logs.s3.enabled is not true: no access logs'],
      Nlb: ['compliant: access logs to S3'],
      NlbUnlogged: ['non-compliant: access_logs.s3.enabled is not true: no access logs'],
      SubnetOnly: ['non-compliant: no flow log records the VPC\'s traffic'],
      WithFlow: ['compliant: a flow log records its traffic'],
      StageParam: ['non-compliant[Unverifiable]: the access log setting is an expression the template computes at deployment'],
      StageNoDestination: ['non-compliant: the stage writes no access logs'],
      HttpLogged: ['compliant: access logs to a log destination'],
      HttpUnlogged: ['non-compliant: the stage writes no access logs'],
      HttpParam: ['non-compliant[Unverifiable]: the access log setting is an expression the template computes at deployment'],
      AccelJson: ['compliant: a custom resource turns on its flow logs'],
      AccelOff: ['non-compliant: no custom resource turns on the accelerator\'s flow logs (FlowLogsEnabled)'],
      CdnAliased: ['non-compliant: no access logs: neither DistributionConfig.Logging nor a log delivery source'],
    });
  });

  test('a load balancer\'s access-log switch from a parameter default is the app\'s value', () => {
    const report = evaluate(includeTemplate({ Lb: lb([{ Key: 'access_logs.s3.enabled', Value: { Ref: 'On' } }]) }, { parameterDefaults: { On: 'true' } }).app);
    expect(statusesOf(report, 'NetworkTrafficLogs')).toEqual({ Lb: OK });
  });
});

describe('LogRetention (DP.LOG.4): boundaries and values known only at deployment', () => {
  const group = (props: object) => ({ Type: 'AWS::Logs::LogGroup', Properties: props });
  const K = { KmsKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } };
  const logBucket = (rules: object[]) => ({ Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }], LifecycleConfiguration: { Rules: rules } } });
  test('exactly logRetentionDays is enough, a day less is not; an AWS-managed key is no customer key', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      Exact: group({ ...K, RetentionInDays: 365 }),
      DayShort: group({ ...K, RetentionInDays: 364 }),
      ParamDays: group({ ...K, RetentionInDays: { Ref: 'Days' } }),
      NumberDefault: group({ ...K, RetentionInDays: { Ref: 'DefaultDays' } }),
      AwsKey: group({ KmsKeyId: 'alias/aws/logs', RetentionInDays: 400 }),
      Neither: group({}),
      LogsExact: logBucket([{ Status: 'Enabled', ExpirationInDays: 365 }]),
      LogsDayShort: logBucket([{ Status: 'Enabled', ExpirationInDays: 364 }]),
      LogsDisabledRule: logBucket([{ Status: 'Disabled', ExpirationInDays: 30 }, { Status: 'Enabled', NoncurrentVersionExpirationInDays: 30 }]),
    }, { parameters: ['Days'], parameterDefaults: { DefaultDays: { Type: 'Number', Default: '400' } } }).app);
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      Archive: ['compliant'],
      Exact: ['compliant'],
      DayShort: ['non-compliant[Retention]: RetentionInDays 364 is shorter than the policy\'s 365'],
      ParamDays: ['non-compliant[Unverifiable]: RetentionInDays is parameter Days, which has no default'],
      NumberDefault: ['compliant'],
      AwsKey: ['non-compliant[Encryption]: no KmsKeyId: CloudWatch Logs encrypts with its own key, not a customer-managed one'],
      Neither: [
        'non-compliant[Encryption]: no KmsKeyId: CloudWatch Logs encrypts with its own key, not a customer-managed one',
        'non-compliant[Retention]: no RetentionInDays: kept forever, not the policy\'s 365 days',
      ],
      LogsExact: ['compliant'],
      LogsDayShort: ['non-compliant[Retention]: a lifecycle rule expires logs before 365 days'],
      LogsDisabledRule: ['compliant'],
    });
  });

  test('day counts written as text are numbers; an expiry or a rule list known only at deployment is unverifiable, a default is the app\'s value', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      TextDays: group({ ...K, RetentionInDays: '400' }),
      TextShort: group({ ...K, RetentionInDays: '30' }),
      TextDefault: group({ ...K, RetentionInDays: { Ref: 'KeepDays' } }),
      LogsText: logBucket([{ Status: 'Enabled', ExpirationInDays: '30' }]),
      LogsTextLong: logBucket([{ Status: 'Enabled', ExpirationInDays: '400' }]),
      LogsParamDays: logBucket([{ Status: 'Enabled', ExpirationInDays: { Ref: 'Days' } }]),
      LogsDefaultDays: logBucket([{ Status: 'Enabled', ExpirationInDays: { Ref: 'ShortDays' } }]),
      LogsDisabledParam: logBucket([{ Status: 'Disabled', ExpirationInDays: { Ref: 'Days' } }]),
      LogsParamRules: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }], LifecycleConfiguration: { Rules: { Ref: 'Rules' } } } },
    }, { parameters: ['Days', 'Rules'], parameterDefaults: { KeepDays: '400', ShortDays: { Type: 'Number', Default: '30' } } }).app);
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      Archive: ['compliant'],
      TextDays: ['compliant'],
      TextShort: ['non-compliant[Retention]: RetentionInDays 30 is shorter than the policy\'s 365'],
      TextDefault: ['compliant'],
      LogsText: ['non-compliant[Retention]: a lifecycle rule expires logs before 365 days'],
      LogsTextLong: ['compliant'],
      LogsParamDays: ['non-compliant[Unverifiable]: ExpirationInDays is parameter Days, which has no default'],
      LogsDefaultDays: ['non-compliant[Retention]: a lifecycle rule expires logs before 365 days'],
      LogsDisabledParam: ['compliant'],
      LogsParamRules: ['non-compliant[Unverifiable]: LifecycleConfiguration.Rules is parameter Rules, which has no default'],
    });
    const longer = evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, LogsTextLong: logBucket([{ Status: 'Enabled', ExpirationInDays: '400' }]) }).app,
      new DataProtectionPolicy({ logRetentionDays: 731 }));
    expect(statusesOf(longer, 'LogRetention').LogsTextLong).toBe('non-compliant [Retention]');
  });
});

describe('LogRetention (DP.LOG.4): lifecycle rules that delete logs on a fixed date', () => {
  const logBucket = (rules: object[]) => ({ Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }], LifecycleConfiguration: { Rules: rules } } });
  const DATE = '2030-01-01T00:00:00Z';
  const deletes = (date: string) => `non-compliant[Retention]: a lifecycle rule deletes every log on ${date}, whatever its age, so none is sure to be kept 365 days`;
  test('an enabled rule with an ExpirationDate deletes logs whatever their age: [Retention] naming the date', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      LogsDated: logBucket([{ Status: 'Enabled', ExpirationDate: DATE }]),
      LogsDatedDisabled: logBucket([{ Status: 'Disabled', ExpirationDate: DATE }]),
      LogsParamStatus: logBucket([{ Status: { Ref: 'State' }, ExpirationDate: DATE }]),
      LogsLongDays: logBucket([{ Status: 'Enabled', ExpirationInDays: 400 }]),
    }, { parameters: ['State'] }).app);
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      Archive: ['compliant'],
      LogsDated: [deletes(DATE)],
      LogsDatedDisabled: ['compliant'],
      LogsParamStatus: ['non-compliant[Unverifiable]: the Status of a lifecycle rule deleting logs on a fixed date is parameter State, which has no default'],
      LogsLongDays: ['compliant'],
    });
  });

  test('an ExpirationDate known only at deployment is unverifiable, a default is the app\'s value (a raw template: CfnInclude takes no Ref there)', () => {
    const template = {
      Parameters: { Date: { Type: 'String' }, DefaultDate: { Type: 'String', Default: '2031-06-30T00:00:00Z' } },
      Resources: {
        LogsParamDate: logBucket([{ Status: 'Enabled', ExpirationDate: { Ref: 'Date' } }]),
        LogsDefaultDate: logBucket([{ Status: 'Enabled', ExpirationDate: { Ref: 'DefaultDate' } }]),
      },
    };
    const { report } = evaluateCloudFormation([{ path: 'Included', name: 'Included', templatePath: 'Included.json', template }], { policy: new DataProtectionPolicy() });
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      LogsParamDate: ['non-compliant[Unverifiable]: ExpirationDate is parameter Date, which has no default'],
      LogsDefaultDate: [deletes('2031-06-30T00:00:00Z')],
    });
  });
});

describe('ResourceAlarms (DP.MON.1): which alarm actions page an encrypted topic', () => {
  const lb = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } };
  const OPS = 'arn:aws:sns:eu-west-1:111111111111:ops';
  const alarm = (actions: unknown, dimensions: object[]) => ({ Type: 'AWS::CloudWatch::Alarm', Properties: {
    ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3, Threshold: 5, Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_ELB_5XX_Count',
    Statistic: 'Sum', Period: 300, Dimensions: dimensions, ...(actions === undefined ? {} : { AlarmActions: actions }) } });
  const lbAlarm = (lbId: string, actions: unknown) => alarm(actions, [{ Name: 'LoadBalancer', Value: { 'Fn::GetAtt': [lbId, 'LoadBalancerFullName'] } }]);
  test('a topic known only at deployment is unverifiable unless another action pages an encrypted topic; other actions do not page', () => {
    const report = run({
      Encrypted: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: 'alias/incident' } },
      Plain: { Type: 'AWS::SNS::Topic', Properties: {} },
      Scale: { Type: 'AWS::AutoScaling::ScalingPolicy', Properties: { AutoScalingGroupName: 'g', PolicyType: 'SimpleScaling', ScalingAdjustment: 1, AdjustmentType: 'ChangeInCapacity' } },
      ParamTopic: lb, A1: lbAlarm('ParamTopic', [{ Ref: 'TopicArn' }]),
      ParamAndLiteral: lb, A2: lbAlarm('ParamAndLiteral', [{ Ref: 'TopicArn' }, OPS]),
      ParamAndEncrypted: lb, A3: lbAlarm('ParamAndEncrypted', [{ Ref: 'TopicArn' }, { Ref: 'Encrypted' }]),
      LiteralTopic: lb, A4: lbAlarm('LiteralTopic', [OPS]),
      ScalingAction: lb, A5: lbAlarm('ScalingAction', [{ Ref: 'Scale' }]),
      NoActions: lb, A6: lbAlarm('NoActions', undefined),
      PlainAndLiteral: lb, A7: lbAlarm('PlainAndLiteral', [{ Ref: 'Plain' }, OPS]),
      ExplicitApplication: { ...lb, Properties: { ...lb.Properties, Type: 'application' } },
      Cluster: { Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql' } },
      A8: alarm([{ Ref: 'Encrypted' }], [{ Name: 'DBClusterIdentifier', Value: { Ref: 'Cluster' } }]),
    }, { parameters: ['TopicArn'] });
    expect(verdictsOf(report, 'ResourceAlarms')).toEqual({
      ParamTopic: ['non-compliant[Unverifiable]: alarm A1 watches it, but its action is known only at deployment (a parameter or import)'],
      ParamAndLiteral: ['non-compliant[Unverifiable]: alarm A2 watches it, but its action is known only at deployment (a parameter or import)'],
      ParamAndEncrypted: ['compliant: an alarm on its metrics pages an encrypted topic'],
      LiteralTopic: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
      ScalingAction: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
      NoActions: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
      PlainAndLiteral: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
      ExplicitApplication: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
      Cluster: ['compliant: an alarm on its metrics pages an encrypted topic'],
    });
  });

  test('an action list known only at deployment is unverifiable; a default list is the app\'s value', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      ParamList: lb, A1: lbAlarm('ParamList', { Ref: 'Actions' }),
      DefaultList: lb, A2: lbAlarm('DefaultList', { Ref: 'OpsActions' }),
    }, { parameters: ['Actions'], parameterDefaults: { OpsActions: { Type: 'CommaDelimitedList', Default: OPS } } }).app);
    expect(verdictsOf(report, 'ResourceAlarms')).toEqual({
      ParamList: ['non-compliant[Unverifiable]: alarm A1 watches it, but its action is known only at deployment (a parameter or import)'],
      DefaultList: ['non-compliant: no alarm on its metrics pages an encrypted SNS topic'],
    });
  });
});

describe('ThreatDetectionEnabled (DP.MON.2): detectors, rules and targets', () => {
  const detector = { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: true } };
  const ALERTS = 'arn:aws:sns:eu-west-1:111111111111:alerts';
  const rule = (targets: unknown[], props: object = {}) => ({
    Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.guardduty'] }, Targets: targets.map((arn, i) => ({ Id: `t${i}`, Arn: arn })), ...props },
  });
  const verdict = (resources: Record<string, unknown>, parameters: string[] = []) => verdictsOf(evaluate(includeTemplate(resources, { parameters }).app), 'ThreatDetectionEnabled')[''];
  test('a target is a topic by reference or by its ARN; one known only at deployment is unverifiable unless another target is a topic', () => {
    expect(verdict({ D: detector, R: rule([ALERTS]) })).toEqual(['compliant: region eu-west-1']);
    expect(verdict({ D: detector, R: rule(['arn:aws:lambda:eu-west-1:111111111111:function:f']) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([{ Ref: 'Target' }]) }, ['Target']))
      .toEqual(['non-compliant[Unverifiable]: the target of R is known only at deployment (a parameter or import)']);
    expect(verdict({ D: detector, R: rule([{ Ref: 'Target' }, 'arn:aws:sqs:eu-west-1:111111111111:q']) }, ['Target']))
      .toEqual(['non-compliant[Unverifiable]: the target of R is known only at deployment (a parameter or import)']);
    expect(verdict({ D: detector, Topic: { Type: 'AWS::SNS::Topic' }, R: rule([{ Ref: 'Target' }, { Ref: 'Topic' }]) }, ['Target'])).toEqual(['compliant: region eu-west-1']);
  });

  test('only enabled rules on GuardDuty findings count, with the source as a list or one string', () => {
    expect(verdict({ D: detector, R: rule([ALERTS], { State: 'DISABLED' }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([ALERTS], { State: 'ENABLED' }) })).toEqual(['compliant: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([ALERTS], { EventPattern: { source: 'aws.guardduty' } }) })).toEqual(['compliant: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([ALERTS], { EventPattern: { source: ['aws.securityhub'] } }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([ALERTS], { EventPattern: undefined, ScheduleExpression: 'rate(1 day)' }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
    expect(verdict({ D: detector, R: rule([], { Targets: undefined }) })).toEqual(['non-compliant[FindingsAlert]: region eu-west-1']);
  });

  test('a detector whose Enable is known only at deployment is unverifiable unless another detector of the region is on', () => {
    const paramDetector = { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: { Ref: 'On' } } };
    expect(verdict({ D: paramDetector, R: rule([ALERTS]) }, ['On'])).toEqual(['non-compliant[Unverifiable]: Enable of detector D is parameter On, which has no default']);
    expect(verdict({ D: paramDetector, D2: detector, R: rule([ALERTS]) }, ['On'])).toEqual(['compliant: region eu-west-1']);
  });

  test('one finding per region, on its first stack; a stack without a region is a region of its own', () => {
    const app = templateApp();
    includeTemplate({}, { app, stackId: 'A' });
    includeTemplate({ D: detector }, { app, stackId: 'B' });
    includeTemplate({ D: detector, R: rule([ALERTS]) }, { app, stackId: 'Agnostic', region: null });
    expect(findingsOf(evaluate(app), 'ThreatDetectionEnabled').map((f) => [f.stack, f.ruleId, f.detail])).toEqual([
      ['A', 'DataProtection-ThreatDetectionEnabled[FindingsAlert]', 'region eu-west-1'],
      ['Agnostic', 'DataProtection-ThreatDetectionEnabled', 'region (unknown)'],
    ]);
  });
});

describe('DataAccessLogging (DP.LOG.2): selectors this rule cannot read', () => {
  const dataBucket = { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } } };
  const table = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' } };
  const DATA = { Field: 'eventCategory', Equals: ['Data'] };
  const OBJECTS = { Field: 'resources.type', Equals: ['AWS::S3::Object'] };
  const judge = (t: object, parameters: string[] = [], conditions?: Record<string, unknown>) => {
    const report = evaluate(includeTemplate({ Key: KEY, Archive: LOCKED, AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket, Orders: table, T: t },
      { parameters, conditions }).app);
    const { AccessLogs, Archive, ...rest } = verdictsOf(report, 'DataAccessLogging');
    return rest;
  };
  const may = (what: string) => [`non-compliant[Unverifiable]: ${what}: it may or may not name this store`];
  const NONE = ['non-compliant[DataEvents]: no trail records data events for this store'];

  test('a ReadWriteType this rule does not know may not record reads, nor writes', () => {
    expect(judge(trail({ EventSelectors: [{ ReadWriteType: 'Both', DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] }] }] })).Any).toEqual([
      'non-compliant[Unverifiable]: the ReadWriteType of an event selector of T is "Both", which this rule cannot read: it may not record reads of this store',
    ]);
  });

  test('advanced selectors from a parameter, at the list or the field selectors, may name any store', () => {
    const whole = 'the AdvancedEventSelectors of T is parameter Sel, which has no default';
    expect(judge(trail({ AdvancedEventSelectors: { Ref: 'Sel' } }), ['Sel'])).toEqual({ Any: may(whole), Orders: may(whole) });
    const fields = 'the FieldSelectors of an advanced event selector of T is parameter Fields, which has no default';
    expect(judge(trail({ AdvancedEventSelectors: [{ FieldSelectors: { Ref: 'Fields' } }] }), ['Fields'])).toEqual({ Any: may(fields), Orders: may(fields) });
  });

  test('a field name from a parameter, or a field selector the template computes, may name any store', () => {
    const name = 'the Field of a field selector of an advanced event selector of T is parameter F, which has no default';
    expect(judge(trail({ AdvancedEventSelectors: [{ FieldSelectors: [DATA, { Field: { Ref: 'F' }, Equals: ['AWS::S3::Object'] }] }] }), ['F']))
      .toEqual({ Any: may(name), Orders: may(name) });
    const conditions = { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
    const computed = 'a field selector of an advanced event selector of T is a Fn::If on condition Prod, which depends on parameter Env, which has no default';
    expect(judge(trail({ AdvancedEventSelectors: [{ FieldSelectors: [DATA, { 'Fn::If': ['Prod', OBJECTS, { Ref: 'AWS::NoValue' }] }] }] }), ['Env'], conditions))
      .toEqual({ Any: may(computed), Orders: may(computed) });
  });

  test('a resources.ARN prefix list from a parameter may name any store of the selector\'s types only', () => {
    const prefixes = 'the resources.ARN of an advanced event selector of T is parameter Prefixes, which has no default';
    expect(judge(trail({ AdvancedEventSelectors: [{ FieldSelectors: [DATA, OBJECTS, { Field: 'resources.ARN', StartsWith: { Ref: 'Prefixes' } }] }] }), ['Prefixes']))
      .toEqual({ Any: may(prefixes), Orders: NONE });
  });

  test('DataResources written as one object, not a list, cannot be read: it may name any store', () => {
    const report = evaluateCloudFormation([{ path: 'Included', name: 'Included', region: 'eu-west-1', templatePath: 'Included.json', template: { Resources: {
      Key: KEY, Archive: LOCKED, AccessLogs: { Type: 'AWS::S3::Bucket' }, Any: dataBucket,
      T: trail({ EventSelectors: [{ DataResources: { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::'] } }] }),
    } } }], { policy: new DataProtectionPolicy() }).report;
    expect(verdictsOf(report, 'DataAccessLogging').Any).toEqual(may(
      'the DataResources of an event selector of T is {"Type":"AWS::S3::Object","Values":["arn:aws:s3:::"]}, which this rule cannot read'));
  });
});

describe('LogRetention (DP.LOG.4): lifecycle rules the template computes', () => {
  const logBucket = (lifecycle: unknown) => ({ Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'dp:data-class', Value: 'logs' }], LifecycleConfiguration: lifecycle } });
  const conditions = { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
  const IF = 'a Fn::If on condition Prod, which depends on parameter Env, which has no default';

  test('a lifecycle configuration, or one rule of it, from a condition is unverifiable; the other rules are still judged', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      LogsComputed: logBucket({ 'Fn::If': ['Prod', { Rules: [{ Status: 'Enabled', ExpirationInDays: 30 }] }, { Ref: 'AWS::NoValue' }] }),
      LogsOneRule: logBucket({ Rules: [{ 'Fn::If': ['Prod', { Status: 'Enabled', ExpirationInDays: 30 }, { Ref: 'AWS::NoValue' }] }, { Status: 'Enabled', ExpirationInDays: 30 }] }),
    }, { parameters: ['Env'], conditions }).app);
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      Archive: ['compliant'],
      LogsComputed: [`non-compliant[Unverifiable]: LifecycleConfiguration is ${IF}`],
      LogsOneRule: [`non-compliant[Unverifiable]: a lifecycle rule is ${IF}`, 'non-compliant[Retention]: a lifecycle rule expires logs before 365 days'],
    });
  });

  test('a rule whose status is known only at deployment and that expires logs early is unverifiable; one expiring them late is compliant', () => {
    const report = evaluate(includeTemplate({
      Key: KEY, Archive: LOCKED,
      LogsEarly: logBucket({ Rules: [{ Status: { Ref: 'State' }, ExpirationInDays: 30 }] }),
      LogsLate: logBucket({ Rules: [{ Status: { Ref: 'State' }, ExpirationInDays: 400 }] }),
    }, { parameters: ['State'] }).app);
    expect(verdictsOf(report, 'LogRetention')).toEqual({
      Archive: ['compliant'],
      LogsEarly: ['non-compliant[Unverifiable]: the Status of a lifecycle rule expiring logs early is parameter State, which has no default'],
      LogsLate: ['compliant'],
    });
  });
});
