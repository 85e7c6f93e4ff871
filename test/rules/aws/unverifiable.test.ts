import * as fs from 'fs';
import * as path from 'path';
import { evaluateCloudFormation } from '../../../lib/checks/cloudformation';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp } from '../../helpers';

// Every rule has a case where a value it needs is known only at deployment (a parameter without a
// default, an import from outside the app): the verdict is [Unverifiable], never compliant, and its
// detail names the value and where it comes from.

const UNVERIFIABLE = 'non-compliant [Unverifiable]';
const KEY_PARAM = { Ref: 'KeyArn' };

function run(resources: Record<string, unknown>, parameters: string[] = ['KeyArn', 'Flag'], policy?: DataProtectionPolicy) {
  return evaluate(includeTemplate(resources, { parameters }).app, policy);
}

/** The one unverifiable finding of `rule` on `logicalId` (or on a stack, for `''`), and its detail. */
function unverifiableDetail(report: ReturnType<typeof run>, rule: string, logicalId: string): string | undefined {
  expect(statusesOf(report, rule)[logicalId]).toBe(UNVERIFIABLE);
  return findingsOf(report, rule).find((f) => f.logicalId === logicalId && f.ruleId.endsWith('[Unverifiable]'))?.detail;
}

describe('customer-managed-key rules name the key value they cannot classify', () => {
  test.each([
    ['ElastiCacheCMK', { Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ReplicationGroupDescription: 'x', AtRestEncryptionEnabled: true, KmsKeyId: KEY_PARAM } }, /KmsKeyId is parameter KeyArn, which has no default/],
    ['OpenSearchCMK', { Type: 'AWS::OpenSearchService::Domain', Properties: { EncryptionAtRestOptions: { Enabled: { Ref: 'Flag' } } } }, /EncryptionAtRestOptions.Enabled is parameter Flag/],
    ['KinesisStreamCMK', { Type: 'AWS::Kinesis::Stream', Properties: { StreamEncryption: { EncryptionType: 'KMS', KeyId: KEY_PARAM } } }, /StreamEncryption.KeyId is parameter KeyArn/],
    ['BackupVaultCMK', { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', EncryptionKeyArn: KEY_PARAM } }, /EncryptionKeyArn is parameter KeyArn/],
    ['RedshiftClusterCMK', { Type: 'AWS::Redshift::Cluster', Properties: { ClusterType: 'single-node', NodeType: 'ra3.xlplus', DBName: 'd', MasterUsername: 'u', MasterUserPassword: 'Passw0rd!', Encrypted: { Ref: 'Flag' } } }, /Encrypted is parameter Flag/],
    ['DocumentDBClusterCMK', { Type: 'AWS::DocDB::DBCluster', Properties: { StorageEncrypted: true, KmsKeyId: KEY_PARAM } }, /KmsKeyId is parameter KeyArn/],
    ['NeptuneClusterCMK', { Type: 'AWS::Neptune::DBCluster', Properties: { StorageEncrypted: true, KmsKeyId: KEY_PARAM } }, /KmsKeyId is parameter KeyArn/],
  ])('%s', (rule, resource, detail) => {
    expect(unverifiableDetail(run({ Store: resource }), rule, 'Store')).toMatch(detail);
  });

  test('a key parameter with a default is the app\'s own value, not unverifiable', () => {
    const { app } = includeTemplate({ Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { Ref: 'QueueKey' } } } },
      { parameterDefaults: { QueueKey: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab' } });
    expect(statusesOf(evaluate(app), 'SQSQueueCMK')).toEqual({ Queue: 'compliant' });
  });
});

describe('KMSKeyRetained', () => {
  test('a deletion policy chosen by a condition only deployment decides', () => {
    const template = {
      Parameters: { Env: { Type: 'String' }, Stage: { Type: 'String', Default: 'prod' } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] }, IsProdByDefault: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] } },
      Resources: {
        Key: { Type: 'AWS::KMS::Key', DeletionPolicy: { 'Fn::If': ['IsProd', 'Retain', 'Delete'] }, UpdateReplacePolicy: 'Retain', Properties: {} },
        DefaultKey: { Type: 'AWS::KMS::Key', DeletionPolicy: { 'Fn::If': ['IsProdByDefault', 'Retain', 'Delete'] }, UpdateReplacePolicy: 'Retain', Properties: {} },
      },
    };
    const { report } = evaluateCloudFormation([{ path: 'Plain', name: 'Plain', templatePath: 'Plain.json', template }], { policy: new DataProtectionPolicy() });
    expect(statusesOf(report, 'KMSKeyRetained')).toEqual({ Key: UNVERIFIABLE, DefaultKey: 'compliant' });
    expect(findingsOf(report, 'KMSKeyRetained').find((f) => f.logicalId === 'Key')?.detail).toMatch(/DeletionPolicy is a Fn::If on condition IsProd, which depends on parameter Env, which has no default/);
  });
});

describe('backup rules', () => {
  const SELECT = (plan: string) => ({ Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: plan }, BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111111111111:role/b', Resources: ['*'] } } });
  const RULE = { RuleName: 'Daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 45 } };
  const VAULT = { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v' } };
  test('BackupPlanSchedule: a plan body imported from outside the app', () => {
    const report = run({ Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { 'Fn::ImportValue': 'shared-plan' } } }, Sel: SELECT('Plan') });
    expect(unverifiableDetail(report, 'BackupPlanSchedule', 'Plan')).toMatch(/BackupPlan/);
  });
  test('RestoreTesting: a plan whose target vault is a parameter', () => {
    const report = run({ Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [{ ...RULE, TargetBackupVault: { Ref: 'Flag' } }] } } }, Sel: SELECT('Plan') });
    expect(unverifiableDetail(report, 'RestoreTesting', 'Plan')).toMatch(/TargetBackupVault/);
  });
  test('BackupFailureAlerts: an alert rule whose target is a parameter', () => {
    const report = run({
      Vault: VAULT, Plan: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [RULE] } } }, Sel: SELECT('Plan'),
      Alerts: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.backup'], detail: { state: ['FAILED'] } }, Targets: [{ Id: 't', Arn: { Ref: 'Flag' } }] } },
    });
    expect(unverifiableDetail(report, 'BackupFailureAlerts', 'Plan')).toMatch(/target of Alerts is known only at deployment/);
  });
});

describe('network rules', () => {
  test('ShieldProtection: a protection whose resource is a parameter may cover the accelerator', () => {
    const report = run({
      Accel: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } },
      Shield: { Type: 'AWS::Shield::Protection', Properties: { Name: 'p', ResourceArn: { Ref: 'Flag' } } },
    });
    expect(unverifiableDetail(report, 'ShieldProtection', 'Accel')).toMatch(/ResourceArn of Shield is parameter Flag/);
  });

  test('PeeringTrafficAmqps: a port toward the peered network that is a parameter', () => {
    const report = run({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
      Peering: { Type: 'AWS::EC2::VPCPeeringConnection', Properties: { VpcId: { Ref: 'Vpc' }, PeerVpcId: 'vpc-0a1b2c3d4e5f67890' } },
      PeerRoute: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, DestinationCidrBlock: '10.56.0.0/24', VpcPeeringConnectionId: { Ref: 'Peering' } } },
      Clients: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', VpcId: { Ref: 'Vpc' },
        SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: { Ref: 'Flag' }, ToPort: { Ref: 'Flag' }, CidrIp: '10.56.0.0/24' }] } },
    });
    expect(unverifiableDetail(report, 'PeeringTrafficAmqps', 'Clients')).toMatch(/FromPort is parameter Flag/);
  });

  test('ClientVpnEndpointAuth: authentication options imported from outside the app', () => {
    const report = run({ Vpn: { Type: 'AWS::EC2::ClientVpnEndpoint', Properties: { ClientCidrBlock: '172.16.0.0/22', ServerCertificateArn: 'arn:c',
      AuthenticationOptions: { 'Fn::ImportValue': 'vpn-auth' }, ConnectionLogOptions: { Enabled: true } } } });
    expect(unverifiableDetail(report, 'ClientVpnEndpointAuth', 'Vpn')).toMatch(/AuthenticationOptions/);
  });

  test('ELBListenerAuthentication: a listener protocol that is a parameter', () => {
    const report = run({
      Lb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } },
      Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { Ref: 'Lb' }, Port: 443, Protocol: { Ref: 'Flag' }, DefaultActions: [{ Type: 'forward', TargetGroupArn: 'arn:tg' }] } },
    });
    expect(unverifiableDetail(report, 'ELBListenerAuthentication', 'Listener')).toMatch(/Protocol is parameter Flag/);
  });
});

describe('logging and monitoring rules', () => {
  test('DataAccessLogging: data events selected by a parameter may or may not name the bucket', () => {
    const { app } = includeTemplate({
      Data: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: 'logs' } } },
      Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'trail', EventSelectors: [{ DataResources: [{ Type: 'AWS::S3::Object', Values: { Ref: 'Buckets' } }] }] } },
    }, { parameterDefaults: { Buckets: { Type: 'CommaDelimitedList' } } });
    expect(unverifiableDetail(evaluate(app), 'DataAccessLogging', 'Data')).toMatch(/data-event selector of Trail is parameter Buckets, which has no default/);
  });

  test('ResourceAlarms: an alarm whose action is a parameter', () => {
    const report = run({
      Db: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres' } },
      Cpu: { Type: 'AWS::CloudWatch::Alarm', Properties: { ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, Threshold: 80, Namespace: 'AWS/RDS', MetricName: 'CPUUtilization',
        Statistic: 'Average', Period: 300, AlarmActions: [{ Ref: 'Flag' }], Dimensions: [{ Name: 'DBInstanceIdentifier', Value: { Ref: 'Db' } }] } },
    });
    expect(unverifiableDetail(report, 'ResourceAlarms', 'Db')).toMatch(/alarm Cpu watches it/);
  });

  test('AuditTrailPresent: a trail whose multi-region switch is a parameter', () => {
    const report = run({ Trail: { Type: 'AWS::CloudTrail::Trail', Properties: { IsLogging: true, S3BucketName: 'b', IsMultiRegionTrail: { Ref: 'Flag' } } } });
    expect(unverifiableDetail(report, 'AuditTrailPresent', 'Trail')).toMatch(/IsMultiRegionTrail is parameter Flag/);
  });

  test('ThreatDetectionEnabled: a detector switched on by a parameter', () => {
    const report = run({
      Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: { Ref: 'Flag' } } },
      Topic: { Type: 'AWS::SNS::Topic' },
      Findings: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['aws.guardduty'] }, Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }] } },
    });
    expect(unverifiableDetail(report, 'ThreatDetectionEnabled', '')).toMatch(/Enable of detector Detector is parameter Flag/);
  });
});

describe('topology rules: stacks without an explicit region', () => {
  const ALB = { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['s-1', 's-2'] } };
  function agnosticPair() {
    const app = templateApp();
    includeTemplate({ Web: ALB, Files: { Type: 'AWS::S3::Bucket' } }, { app, stackId: 'One', region: null });
    includeTemplate({ Web: ALB, Files: { Type: 'AWS::S3::Bucket' } }, { app, stackId: 'Two', region: null });
    return evaluate(app);
  }
  test('MultiRegionWorkload: two environment-agnostic stacks may share a region or not', () => {
    expect(unverifiableDetail(agnosticPair(), 'MultiRegionWorkload', '')).toMatch(/2 workload stack\(s\) without an explicit region \(One, Two\)/);
  });
  test('AvailabilityBudget: met in separate regions, not in one', () => {
    expect(unverifiableDetail(agnosticPair(), 'AvailabilityBudget', '')).toMatch(/in separate regions .* all in one region .*99\.89%/);
  });
  test('AcceleratorCoverage: an endpoint group whose region is a parameter may cover the workload\'s region', () => {
    const report = run({
      Web: ALB, Accel: { Type: 'AWS::GlobalAccelerator::Accelerator', Properties: { Name: 'a' } },
      Listener: { Type: 'AWS::GlobalAccelerator::Listener', Properties: { AcceleratorArn: { Ref: 'Accel' }, Protocol: 'TCP', PortRanges: [{ FromPort: 443, ToPort: 443 }] } },
      Group: { Type: 'AWS::GlobalAccelerator::EndpointGroup', Properties: { ListenerArn: { Ref: 'Listener' }, EndpointGroupRegion: { Ref: 'Flag' } } },
    });
    expect(unverifiableDetail(report, 'AcceleratorCoverage', 'Accel')).toMatch(/EndpointGroupRegion of Group is parameter Flag/);
  });
});

describe('no AWS rule leaves an unverifiable verdict without saying which value', () => {
  test('rules build unverifiable verdicts with a detail, never the bare constant', () => {
    const root = path.join(__dirname, '..', '..', '..', 'lib', 'rules', 'aws');
    const files = fs.readdirSync(root).filter((d) => d !== 'private' && fs.statSync(path.join(root, d)).isDirectory())
      .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => path.join(root, d, f)));
    const bare = files.filter((f) => /\[UNVERIFIABLE\]|push\(UNVERIFIABLE\)|\bunverifiable\(\)/.test(fs.readFileSync(f, 'utf8')));
    expect(bare.map((f) => path.relative(root, f))).toEqual([]);
  });
});

describe('backup rules: more values known only at deployment', () => {
  const SELECT = (plan: string) => ({ Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: plan }, BackupSelection: { SelectionName: 's', IamRoleArn: 'arn:aws:iam::111111111111:role/b', Resources: ['*'] } } });
  const RULE = { RuleName: 'Daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: 45 } };
  const PLAN = (rule: object) => ({ Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: [rule] } } });
  const VAULT = (props: object = {}) => ({ Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', ...props } });
  const TABLE = { Type: 'AWS::DynamoDB::Table', Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' } };

  test('BackupRetention: a rule kept for a parameter\'s number of days', () => {
    const report = run({ Vault: VAULT(), Plan: PLAN({ ...RULE, Lifecycle: { DeleteAfterDays: { Ref: 'Flag' } } }), Sel: SELECT('Plan'), Table: TABLE });
    expect(unverifiableDetail(report, 'BackupRetention', 'Table')).toBe('DeleteAfterDays of rule Daily in Plan is known only at deployment (a parameter or import)');
  });

  test('BackupCrossRegionCopy: a copy to a vault ARN that is a parameter', () => {
    const report = run({ Vault: VAULT(), Plan: PLAN({ ...RULE, CopyActions: [{ DestinationBackupVaultArn: { Ref: 'Flag' } }] }), Sel: SELECT('Plan') });
    expect(unverifiableDetail(report, 'BackupCrossRegionCopy', 'Plan')).toBe('rule Daily copies to a vault whose region is known only at deployment');
  });

  test('BackupCoverage: a selection by a tag whose value is a parameter', () => {
    const bySomeTag = { Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: 'Plan' }, BackupSelection: {
      SelectionName: 's', IamRoleArn: 'arn:aws:iam::111111111111:role/b', ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'team', ConditionValue: { Ref: 'Flag' } }],
    } } };
    const report = run({ Vault: VAULT(), Plan: PLAN(RULE), Sel: bySomeTag, Table: TABLE });
    expect(unverifiableDetail(report, 'BackupCoverage', 'Table')).toMatch(/names its resources or tags with values known only at deployment/);
  });

  test('BackupVaultLock: a minimum retention that is a parameter, and an imported access policy', () => {
    const report = run({
      Vault: VAULT({ LockConfiguration: { MinRetentionDays: { Ref: 'Flag' } },
        AccessPolicy: { Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] } }),
      Other: VAULT({ BackupVaultName: 'o', LockConfiguration: { MinRetentionDays: 45 }, AccessPolicy: { 'Fn::ImportValue': 'vault-policy' } }),
      Plan: PLAN(RULE), Second: PLAN({ ...RULE, TargetBackupVault: { Ref: 'Other' } }),
    });
    expect(unverifiableDetail(report, 'BackupVaultLock', 'Vault')).toBe('LockConfiguration.MinRetentionDays is parameter Flag, which has no default');
    expect(unverifiableDetail(report, 'BackupVaultLock', 'Other')).toMatch(/^AccessPolicy is an expression/);
  });

  test('RestoreTesting: a testing plan whose vaults are a parameter', () => {
    const report = run({
      Vault: VAULT(), Plan: PLAN(RULE), Sel: SELECT('Plan'),
      Test: { Type: 'AWS::Backup::RestoreTestingPlan', Properties: { RestoreTestingPlanName: 't', ScheduleExpression: 'cron(0 6 * * ? *)',
        RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', RecoveryPointTypes: ['SNAPSHOT'], IncludeVaults: [{ Ref: 'KeyArn' }] } } },
      TestSel: { Type: 'AWS::Backup::RestoreTestingSelection', Properties: {
        RestoreTestingPlanName: 't', RestoreTestingSelectionName: 'all', ProtectedResourceType: 'DynamoDB', IamRoleArn: 'arn:aws:iam::111111111111:role/b', ProtectedResourceArns: ['*'],
      } },
    });
    expect(unverifiableDetail(report, 'RestoreTesting', 'Plan')).toMatch(/^a vault of restore testing plan Test is parameter KeyArn, which has no default; it may or may not test Vault daily$/);
  });
});
