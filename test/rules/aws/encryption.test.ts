import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf } from '../../helpers';

// Templates are loaded with CfnInclude, the way a user's existing CloudFormation would be: the rules
// see exactly what the template says, intrinsics included.
const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
const KEY_ARN = { 'Fn::GetAtt': ['Key', 'Arn'] };
const LITERAL_KEY_ARN = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const AWS_MANAGED_JOIN = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':alias/aws/s3']],
};
const NON = 'non-compliant';
const OK = 'compliant';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';

function run(resources: Record<string, unknown>, parameters: string[] = [], policy?: DataProtectionPolicy) {
  return evaluate(includeTemplate({ Key: KEY, ...resources }, {
    parameters: [...parameters, 'Env'],
    conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
  }).app, policy);
}
// A condition whose value only deployment knows.
const IF_PROD = (whenProd: unknown, otherwise: unknown) => ({ 'Fn::If': ['IsProd', whenProd, otherwise] });

describe('S3BucketCMK (DP.ENC.2)', () => {
  const sse = (byDefault: unknown) => ({
    Type: 'AWS::S3::Bucket',
    Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: byDefault }] } },
  });
  test('SSE-S3, AWS-managed and missing keys are non-compliant; customer keys comply; unresolved keys need review', () => {
    const report = run({
      NoEncryption: { Type: 'AWS::S3::Bucket' },
      SseS3: sse({ SSEAlgorithm: 'AES256' }),
      KmsWithoutKey: sse({ SSEAlgorithm: 'aws:kms' }),
      AwsManagedAlias: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/aws/s3' }),
      AwsManagedJoin: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: AWS_MANAGED_JOIN }),
      KeyOfTemplate: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN }),
      KeyRef: sse({ SSEAlgorithm: 'aws:kms:dsse', KMSMasterKeyID: { Ref: 'Key' } }),
      LiteralKeyArn: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: LITERAL_KEY_ARN }),
      CustomerAlias: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: 'Alias' } }),
      Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/data', TargetKeyId: { Ref: 'Key' } } },
      ParameterKey: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: 'KeyArn' } }),
      ImportedKey: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::ImportValue': 'shared-data-key-arn' } }),
      ConditionalEncryption: {
        Type: 'AWS::S3::Bucket',
        Properties: { BucketEncryption: IF_PROD({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: KEY_ARN } }] }, { Ref: 'AWS::NoValue' }) },
      },
      ConditionalKey: sse({ SSEAlgorithm: 'aws:kms', KMSMasterKeyID: IF_PROD(KEY_ARN, 'alias/aws/s3') }),
    }, ['KeyArn']);
    expect(statusesOf(report, 'S3BucketCMK')).toEqual({
      NoEncryption: NON,
      SseS3: NON,
      KmsWithoutKey: NON,
      AwsManagedAlias: NON,
      AwsManagedJoin: NON,
      KeyOfTemplate: OK,
      KeyRef: OK,
      LiteralKeyArn: OK,
      CustomerAlias: OK,
      ParameterKey: UNVERIFIABLE,
      ImportedKey: UNVERIFIABLE,
      ConditionalEncryption: UNVERIFIABLE,
      ConditionalKey: UNVERIFIABLE,
    });
  });
  test('each way of not keeping the promise says which, and what cannot be read says why', () => {
    // Found by the mutation run (sample B): only statuses were pinned, so these branches could swap unseen.
    const bucket = (encryption: unknown) => ({ Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: encryption } });
    const report = run({
      EmptyRules: bucket({ ServerSideEncryptionConfiguration: [] }),
      ComputedRule: bucket({ ServerSideEncryptionConfiguration: [{ Ref: 'Rule' }] }),
      NoDefault: bucket({ ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true }] }),
      ComputedDefault: sse({ Ref: 'Default' }),
      ParamAlgorithm: sse({ SSEAlgorithm: { Ref: 'Algorithm' } }),
      SseS3: sse({ SSEAlgorithm: 'AES256' }),
    }, ['Rule', 'Default', 'Algorithm']);
    const details = Object.fromEntries(findingsOf(report, 'S3BucketCMK').map((f) => [f.logicalId, `${f.ruleId.replace('DataProtection-S3BucketCMK', '')} ${f.detail}`]));
    expect(details).toEqual({
      EmptyRules: expect.stringMatching(/^\[Unverifiable\] BucketEncryption /),
      ComputedRule: expect.stringMatching(/^\[Unverifiable\] a ServerSideEncryptionConfiguration rule .*parameter Rule/),
      NoDefault: ' no ServerSideEncryptionByDefault: S3 encrypts with SSE-S3',
      ComputedDefault: expect.stringMatching(/^\[Unverifiable\] ServerSideEncryptionByDefault .*parameter Default/),
      ParamAlgorithm: expect.stringMatching(/^\[Unverifiable\] SSEAlgorithm .*parameter Algorithm/),
      SseS3: expect.stringMatching(/^ SSEAlgorithm AES256: an AWS-owned key/),
    });
  });
});

describe('EBSVolumeCMK (DP.ENC.2)', () => {
  const volume = (props: object) => ({ Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, ...props } });
  test('unencrypted and default-key volumes are non-compliant; customer keys comply; parameters need review', () => {
    const report = run({
      Plain: volume({}),
      EncryptedDefaultKey: volume({ Encrypted: true }),
      EncryptedFalse: volume({ Encrypted: 'false', KmsKeyId: KEY_ARN }),
      Cmk: volume({ Encrypted: true, KmsKeyId: KEY_ARN }),
      CmkStringBool: volume({ Encrypted: 'true', KmsKeyId: LITERAL_KEY_ARN }),
      ParamSwitch: volume({ Encrypted: { Ref: 'Encrypt' }, KmsKeyId: KEY_ARN }),
    }, ['Encrypt']);
    expect(statusesOf(report, 'EBSVolumeCMK')).toEqual({
      Plain: NON, EncryptedDefaultKey: NON, EncryptedFalse: NON, Cmk: OK, CmkStringBool: OK, ParamSwitch: UNVERIFIABLE,
    });
  });
});

describe('RDSInstanceCMK (DP.ENC.2)', () => {
  const db = (props: object) => ({ Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres', ...props } });
  test('judges standalone instances; Aurora members and keyless replicas are not applicable', () => {
    const report = run({
      Unencrypted: db({}),
      DefaultKey: db({ StorageEncrypted: true }),
      Cmk: db({ StorageEncrypted: true, KmsKeyId: { Ref: 'Key' } }),
      AuroraMember: db({ Engine: 'aurora-postgresql', DBClusterIdentifier: 'cluster-1' }),
      Replica: db({ SourceDBInstanceIdentifier: 'source-db' }),
      ImportedKey: db({ StorageEncrypted: true, KmsKeyId: { 'Fn::ImportValue': 'elsewhere' } }),
    });
    expect(statusesOf(report, 'RDSInstanceCMK')).toEqual({
      Unencrypted: NON, DefaultKey: NON, Cmk: OK, AuroraMember: 'not-applicable', Replica: 'not-applicable', ImportedKey: UNVERIFIABLE,
    });
  });
});

describe('AuroraClusterCMK (DP.ENC.2)', () => {
  const cluster = (props: object) => ({ Type: 'AWS::RDS::DBCluster', Properties: { Engine: 'aurora-postgresql', ...props } });
  test('requires storage encryption under a customer-managed key', () => {
    const report = run({
      Unencrypted: cluster({}),
      AwsManaged: cluster({ StorageEncrypted: true, KmsKeyId: 'alias/aws/rds' }),
      Cmk: cluster({ StorageEncrypted: true, KmsKeyId: KEY_ARN }),
      ParamKey: cluster({ StorageEncrypted: true, KmsKeyId: { Ref: 'KeyArn' } }),
    }, ['KeyArn']);
    expect(statusesOf(report, 'AuroraClusterCMK')).toEqual({ Unencrypted: NON, AwsManaged: NON, Cmk: OK, ParamKey: UNVERIFIABLE });
  });
});

describe('DynamoDBTableCMK (DP.ENC.2)', () => {
  const base = { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' };
  const table = (sse?: object) => ({ Type: 'AWS::DynamoDB::Table', Properties: { ...base, ...(sse ? { SSESpecification: sse } : {}) } });
  const globalTable = (sse: object, replicaKeys: unknown[]) => ({
    Type: 'AWS::DynamoDB::GlobalTable',
    Properties: {
      ...base,
      SSESpecification: sse,
      Replicas: replicaKeys.map((k, i) => ({ Region: ['eu-west-1', 'eu-central-1'][i], ...(k ? { SSESpecification: { KMSMasterKeyId: k } } : {}) })),
    },
  });
  test('AWS-owned (default) and aws/dynamodb keys are non-compliant; every global-table replica needs a customer key', () => {
    const report = run({
      AwsOwned: table(),
      AwsManaged: table({ SSEEnabled: true }),
      Cmk: table({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY_ARN }),
      ParamSwitch: table({ SSEEnabled: { Ref: 'Flag' }, KMSMasterKeyId: KEY_ARN }),
      GlobalCmk: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, [KEY_ARN, LITERAL_KEY_ARN]),
      GlobalOneReplicaManaged: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, [KEY_ARN, undefined]),
      GlobalImportedReplica: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, [KEY_ARN, { 'Fn::ImportValue': 'other-region-key' }]),
      ConditionalSse: { Type: 'AWS::DynamoDB::Table', Properties: { ...base, SSESpecification: IF_PROD({ SSEEnabled: true, KMSMasterKeyId: KEY_ARN }, { Ref: 'AWS::NoValue' }) } },
    }, ['Flag']);
    expect(statusesOf(report, 'DynamoDBTableCMK')).toEqual({
      AwsOwned: NON, AwsManaged: NON, Cmk: OK, ParamSwitch: UNVERIFIABLE,
      GlobalCmk: OK, GlobalOneReplicaManaged: NON, GlobalImportedReplica: UNVERIFIABLE, ConditionalSse: UNVERIFIABLE,
    });
  });
});

describe('EFSFileSystemCMK (DP.ENC.2)', () => {
  const fs = (props: object) => ({ Type: 'AWS::EFS::FileSystem', Properties: props });
  test('requires encryption under a customer-managed key', () => {
    const report = run({
      Unencrypted: fs({}),
      AwsManaged: fs({ Encrypted: true }),
      Cmk: fs({ Encrypted: true, KmsKeyId: { Ref: 'Key' } }),
      ParamKey: fs({ Encrypted: true, KmsKeyId: { Ref: 'KeyArn' } }),
    }, ['KeyArn']);
    expect(statusesOf(report, 'EFSFileSystemCMK')).toEqual({ Unencrypted: NON, AwsManaged: NON, Cmk: OK, ParamKey: UNVERIFIABLE });
  });
});

describe('SQSQueueCMK (DP.ENC.2)', () => {
  const queue = (props: object) => ({ Type: 'AWS::SQS::Queue', Properties: props });
  test('SSE-SQS and alias/aws/sqs are non-compliant', () => {
    const report = run({
      Default: queue({}),
      SqsManaged: queue({ SqsManagedSseEnabled: true }),
      AwsManaged: queue({ KmsMasterKeyId: 'alias/aws/sqs' }),
      Cmk: queue({ KmsMasterKeyId: { Ref: 'Key' } }),
      Imported: queue({ KmsMasterKeyId: { 'Fn::ImportValue': 'x' } }),
    });
    expect(statusesOf(report, 'SQSQueueCMK')).toEqual({ Default: NON, SqsManaged: NON, AwsManaged: NON, Cmk: OK, Imported: UNVERIFIABLE });
  });
});

describe('SNSTopicCMK (DP.ENC.2)', () => {
  const topic = (props: object) => ({ Type: 'AWS::SNS::Topic', Properties: props });
  test('unencrypted and alias/aws/sns topics are non-compliant', () => {
    const report = run({
      Default: topic({}),
      AwsManaged: topic({ KmsMasterKeyId: 'alias/aws/sns' }),
      Cmk: topic({ KmsMasterKeyId: KEY_ARN }),
      SubKey: topic({ KmsMasterKeyId: { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${KeyId}' } }),
      SubKeyArn: topic({ KmsMasterKeyId: { 'Fn::Sub': '${Key.Arn}' } }),
      SubVariable: topic({ KmsMasterKeyId: { 'Fn::Sub': ['${K}', { K: 'alias/aws/sns' }] } }),
      SubParameter: topic({ KmsMasterKeyId: { 'Fn::Sub': '${KeyId}' } }),
      ParamKey: topic({ KmsMasterKeyId: { Ref: 'KeyId' } }),
    }, ['KeyId']);
    expect(statusesOf(report, 'SNSTopicCMK')).toEqual({
      Default: NON, AwsManaged: NON, Cmk: OK, SubKey: OK, SubKeyArn: OK, SubVariable: NON, SubParameter: UNVERIFIABLE, ParamKey: UNVERIFIABLE,
    });
  });
});

describe('LogGroupCMK (DP.ENC.2)', () => {
  const group = (props: object) => ({ Type: 'AWS::Logs::LogGroup', Properties: props });
  test('log groups without a customer key are non-compliant (where DP.LOG.4 is not promised: LogRetention owns it there)', () => {
    const report = run({
      Default: group({ RetentionInDays: 365 }),
      Cmk: group({ KmsKeyId: KEY_ARN }),
      ParamKey: group({ KmsKeyId: { Ref: 'KeyArn' } }),
    }, ['KeyArn'], new DataProtectionPolicy({ controls: ['DP.ENC.2'] }));
    expect(statusesOf(report, 'LogGroupCMK')).toEqual({ Default: NON, Cmk: OK, ParamKey: UNVERIFIABLE });
  });
});

describe('KMSKeyRotation (DP.ENC.3)', () => {
  const key = (props: object) => ({ Type: 'AWS::KMS::Key', Properties: props, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  test('symmetric keys must rotate; asymmetric encryption keys cannot; signing keys are not applicable', () => {
    const report = evaluate(includeTemplate({
      NoRotation: key({}),
      RotationOff: key({ EnableKeyRotation: false }),
      Rotating: key({ EnableKeyRotation: true, RotationPeriodInDays: 180 }),
      RotatingString: key({ EnableKeyRotation: 'true' }),
      AsymmetricEncrypt: key({ KeySpec: 'RSA_4096', KeyUsage: 'ENCRYPT_DECRYPT' }),
      Signing: key({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }),
      ParamRotation: key({ EnableKeyRotation: { Ref: 'Rotate' } }),
    }, { parameters: ['Rotate'] }).app);
    expect(statusesOf(report, 'KMSKeyRotation')).toEqual({
      NoRotation: NON, RotationOff: NON, Rotating: OK, RotatingString: OK,
      AsymmetricEncrypt: NON, Signing: 'not-applicable', ParamRotation: UNVERIFIABLE,
    });
  });
});

describe('KMSKeyRetained (DP.ENC.3)', () => {
  const key = (policies: object) => ({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, ...policies });
  test('keys must be retained on deletion and on replacement', () => {
    const report = evaluate(includeTemplate({
      NoPolicies: key({}),
      DeleteOnly: key({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Retain' }),
      RetainNotOnReplace: key({ DeletionPolicy: 'Retain' }),
      Retained: key({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' }),
      RetainExceptOnCreate: key({ DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' }),
      Replica: {
        Type: 'AWS::KMS::ReplicaKey',
        Properties: { PrimaryKeyArn: LITERAL_KEY_ARN, KeyPolicy: {} },
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      },
    }).app);
    expect(statusesOf(report, 'KMSKeyRetained')).toEqual({
      NoPolicies: NON, DeleteOnly: NON, RetainNotOnReplace: NON, Retained: OK, RetainExceptOnCreate: OK, Replica: OK,
    });
  });
});

describe('remaining data stores (DP.ENC.2)', () => {
  test('ElastiCacheCMK: replication groups and serverless caches need a customer key; stand-alone clusters cannot have one', () => {
    const rg = (props: object) => ({ Type: 'AWS::ElastiCache::ReplicationGroup', Properties: { ReplicationGroupDescription: 'x', ...props } });
    const report = run({
      Unencrypted: rg({}),
      DefaultKey: rg({ AtRestEncryptionEnabled: true }),
      Cmk: rg({ AtRestEncryptionEnabled: true, KmsKeyId: { Ref: 'Key' } }),
      Serverless: { Type: 'AWS::ElastiCache::ServerlessCache', Properties: { Engine: 'valkey', ServerlessCacheName: 's', KmsKeyId: KEY_ARN } },
      ServerlessOwned: { Type: 'AWS::ElastiCache::ServerlessCache', Properties: { Engine: 'valkey', ServerlessCacheName: 't' } },
      Standalone: { Type: 'AWS::ElastiCache::CacheCluster', Properties: { CacheNodeType: 'cache.t4g.micro', Engine: 'redis', NumCacheNodes: 1 } },
    });
    expect(statusesOf(report, 'ElastiCacheCMK')).toEqual({ Unencrypted: NON, DefaultKey: NON, Cmk: OK, Serverless: OK, ServerlessOwned: NON, Standalone: NON });
  });

  test('OpenSearchCMK, KinesisStreamCMK, SecretCMK, BackupVaultCMK', () => {
    const report = run({
      DomainPlain: { Type: 'AWS::OpenSearchService::Domain', Properties: {} },
      DomainCmk: { Type: 'AWS::OpenSearchService::Domain', Properties: { EncryptionAtRestOptions: { Enabled: true, KmsKeyId: { Ref: 'Key' } } } },
      LegacyDomainAwsKey: { Type: 'AWS::Elasticsearch::Domain', Properties: { EncryptionAtRestOptions: { Enabled: true } } },
      StreamPlain: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
      StreamAwsKey: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } } },
      StreamCmk: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, StreamEncryption: { EncryptionType: 'KMS', KeyId: KEY_ARN } } },
      SecretDefault: { Type: 'AWS::SecretsManager::Secret', Properties: {} },
      SecretCmk: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: { Ref: 'Key' } } },
      SecretParam: { Type: 'AWS::SecretsManager::Secret', Properties: { KmsKeyId: { Ref: 'KeyArn' } } },
      VaultDefault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'a' } },
      VaultCmk: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'b', EncryptionKeyArn: KEY_ARN } },
    }, ['KeyArn']);
    expect(statusesOf(report, 'OpenSearchCMK')).toEqual({ DomainPlain: NON, DomainCmk: OK, LegacyDomainAwsKey: NON });
    expect(statusesOf(report, 'KinesisStreamCMK')).toEqual({ StreamPlain: NON, StreamAwsKey: NON, StreamCmk: OK });
    expect(statusesOf(report, 'SecretCMK')).toEqual({ SecretDefault: NON, SecretCmk: OK, SecretParam: UNVERIFIABLE });
    expect(statusesOf(report, 'BackupVaultCMK')).toEqual({ VaultDefault: NON, VaultCmk: OK });
  });

  test('RedshiftClusterCMK, DocumentDBClusterCMK, NeptuneClusterCMK, ECRRepositoryCMK', () => {
    const redshift = (props: object) => ({ Type: 'AWS::Redshift::Cluster', Properties: { ClusterType: 'single-node', NodeType: 'ra3.xlplus', DBName: 'd', MasterUsername: 'u', MasterUserPassword: 'Passw0rd!', ...props } });
    const report = run({
      RedshiftPlain: redshift({}),
      RedshiftCmk: redshift({ Encrypted: true, KmsKeyId: { Ref: 'Key' } }),
      DocDbPlain: { Type: 'AWS::DocDB::DBCluster', Properties: {} },
      DocDbCmk: { Type: 'AWS::DocDB::DBCluster', Properties: { StorageEncrypted: true, KmsKeyId: KEY_ARN } },
      NeptuneAwsKey: { Type: 'AWS::Neptune::DBCluster', Properties: { StorageEncrypted: true } },
      NeptuneCmk: { Type: 'AWS::Neptune::DBCluster', Properties: { StorageEncrypted: true, KmsKeyId: KEY_ARN } },
      RepoDefault: { Type: 'AWS::ECR::Repository', Properties: {} },
      RepoAes: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: 'AES256' } } },
      RepoAwsKey: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: 'KMS' } } },
      RepoCmk: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: 'KMS', KmsKey: KEY_ARN } } },
      RepoParam: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: { Ref: 'Enc' } } } },
    }, ['Enc']);
    expect(statusesOf(report, 'RedshiftClusterCMK')).toEqual({ RedshiftPlain: NON, RedshiftCmk: OK });
    expect(statusesOf(report, 'DocumentDBClusterCMK')).toEqual({ DocDbPlain: NON, DocDbCmk: OK });
    expect(statusesOf(report, 'NeptuneClusterCMK')).toEqual({ NeptuneAwsKey: NON, NeptuneCmk: OK });
    expect(statusesOf(report, 'ECRRepositoryCMK')).toEqual({ RepoDefault: NON, RepoAes: NON, RepoAwsKey: NON, RepoCmk: OK, RepoParam: UNVERIFIABLE });
  });
});

describe('EBSVolumeCMK on the volumes instances and launch templates create (issue 16, item 5)', () => {
  const ebs = (props: object) => [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 50, ...props } }];
  test('every EBS block device mapping is encrypted under a customer key; an instance without mappings gets the AMI\'s root volume', () => {
    const report = run({
      InstancePlain: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', BlockDeviceMappings: ebs({}) } },
      InstanceCmk: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', BlockDeviceMappings: ebs({ Encrypted: true, KmsKeyId: KEY_ARN }) } },
      InstanceNoMappings: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1' } },
      TemplatePlain: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1', BlockDeviceMappings: ebs({}) } } },
      TemplateCmk: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1', BlockDeviceMappings: ebs({ Encrypted: true, KmsKeyId: KEY_ARN }) } } },
      ConfigDefaultKey: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-1', InstanceType: 't3.micro', BlockDeviceMappings: ebs({ Encrypted: true }) } },
      ConfigParam: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-1', InstanceType: 't3.micro', BlockDeviceMappings: ebs({ Encrypted: { Ref: 'Encrypt' } }) } },
      Ephemeral: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', BlockDeviceMappings: [{ DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }, ...ebs({ Encrypted: true, KmsKeyId: KEY_ARN })] } },
      // The CDK's requireImdsv2 template carries only metadata options; the instance is judged on its own mappings.
      ImdsTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } } },
      FromTemplate: { Type: 'AWS::EC2::Instance', Properties: { LaunchTemplate: { LaunchTemplateId: { Ref: 'TemplateCmk' }, Version: '1' } } },
    }, ['Encrypt']);
    expect(statusesOf(report, 'EBSVolumeCMK')).toEqual({
      InstancePlain: NON, InstanceCmk: OK, InstanceNoMappings: NON, TemplatePlain: NON, TemplateCmk: OK, ConfigDefaultKey: NON,
      ConfigParam: UNVERIFIABLE, Ephemeral: OK,
      ImdsTemplate: 'not-applicable', FromTemplate: 'not-applicable',
    });
    expect(findingsOf(report, 'EBSVolumeCMK').find((f) => f.logicalId === 'TemplatePlain')?.detail).toMatch(/\/dev\/xvda.*not encrypted/);
  });

  test('each mapping is named in its verdict, and what cannot be read says why', () => {
    // Found by the mutation run: statuses alone did not tell the default key from no encryption,
    // nor pin which mappings count and what an unknown says.
    const instance = (mappings: unknown, props: object = {}) => ({ Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', BlockDeviceMappings: mappings, ...props } });
    const template = (data: object) => ({ Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-1', ...data } } });
    const report = run({
      DefaultKey: instance([{ DeviceName: '/dev/sdf', Ebs: { Encrypted: 'true' } }]),
      Unencrypted: instance([{ DeviceName: '/dev/sdf', Ebs: { Encrypted: false } }]),
      Unnamed: instance([{ DeviceName: { Ref: 'Device' }, Ebs: {} }]),
      NoDevice: instance([{ DeviceName: '/dev/sdf', NoDevice: {}, Ebs: {} }]),
      OnlyEphemeral: instance([{ DeviceName: '/dev/sdb', VirtualName: 'ephemeral0' }]),
      ComputedEbs: instance([{ DeviceName: '/dev/sdf', Ebs: { Ref: 'EbsSettings' } }]),
      ParamKey: instance([{ DeviceName: '/dev/sdf', Ebs: { Encrypted: true, KmsKeyId: { Ref: 'KeyArn' } } }]),
      ParamMappings: instance({ Ref: 'Mappings' }),
      TemplateNoMappings: template({}),
      TwoDevices: instance([{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: KEY_ARN } }, { DeviceName: '/dev/sdf', Ebs: { Encrypted: true, KmsKeyId: KEY_ARN } }]),
      OneOfTwo: instance([{ DeviceName: '/dev/xvda', Ebs: { Encrypted: true, KmsKeyId: KEY_ARN } }, { DeviceName: '/dev/sdf', Ebs: { Encrypted: false } }]),
      // Its own mappings are judged even when it also names a launch template.
      TemplateAndOwn: instance([{ DeviceName: '/dev/sdf', Ebs: {} }], { LaunchTemplate: { LaunchTemplateId: 'lt-0a1b2c3d', Version: '1' } }),
      // A template without an image but with mappings still creates those volumes.
      TemplateNoImage: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: {} }] } } },
      StandalonePlain: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10 } },
    }, ['KeyArn', 'Mappings', 'EbsSettings', 'Device']);
    const details = Object.fromEntries(findingsOf(report, 'EBSVolumeCMK').filter((f) => f.status !== 'not-applicable')
      .map((f) => [f.logicalId, `${f.ruleId.replace('DataProtection-EBSVolumeCMK', '')} ${f.detail}`]));
    expect(details).toEqual({
      DefaultKey: " /dev/sdf is encrypted with the account's default EBS key, not a customer-managed key",
      Unencrypted: ' /dev/sdf is not encrypted',
      Unnamed: ' a device is not encrypted',
      NoDevice: ' no EBS device is mapped: the root volume comes from the AMI, unencrypted unless the account encrypts EBS by default',
      OnlyEphemeral: ' no EBS device is mapped: the root volume comes from the AMI, unencrypted unless the account encrypts EBS by default',
      ComputedEbs: '[Unverifiable] the Ebs settings of /dev/sdf are an expression the template computes at deployment',
      ParamKey: expect.stringMatching(/^\[Unverifiable\] \/dev\/sdf: .*parameter KeyArn/),
      ParamMappings: expect.stringMatching(/^\[Unverifiable\] BlockDeviceMappings is .*parameter Mappings/),
      TemplateNoMappings: expect.stringMatching(/^ no block device mappings: the root volume comes from the AMI/),
      TwoDevices: ' 2 EBS device(s) encrypted under a customer-managed key',
      OneOfTwo: ' /dev/sdf is not encrypted',
      TemplateAndOwn: ' /dev/sdf is not encrypted',
      TemplateNoImage: ' /dev/sdf is not encrypted',
      StandalonePlain: expect.stringMatching(/Encrypted/),
    });
  });
});

describe('key references the app defines or cannot tell (kms-key-ref, mutation run sample C)', () => {
  const topic = (key: unknown) => ({ Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: key } });
  const details = (report: ReturnType<typeof evaluate>) => Object.fromEntries(findingsOf(report, 'SNSTopicCMK')
    .map((f) => [f.logicalId, `${f.ruleId.replace('DataProtection-SNSTopicCMK', '')} ${f.detail}`]));

  test('a parameter default is the app\'s key: judged like the literal; a default that is no key name needs review', () => {
    const report = evaluate(includeTemplate({
      Key: KEY,
      ManagedDefault: topic({ Ref: 'ManagedKey' }),
      CustomerDefault: topic({ Ref: 'CustomerKey' }),
      ListDefault: topic({ Ref: 'KeyList' }),
      JoinedManagedDefault: topic({ 'Fn::Join': ['', { Ref: 'ManagedParts' }] }),
      NoDefault: topic({ Ref: 'OpenKey' }),
    }, {
      parameters: ['OpenKey'],
      parameterDefaults: { ManagedKey: 'alias/aws/sns', CustomerKey: LITERAL_KEY_ARN, KeyList: { Type: 'CommaDelimitedList', Default: 'k1,k2' },
        ManagedParts: { Type: 'CommaDelimitedList', Default: 'alias/aws/,sns' } },
    }).app);
    expect(details(report)).toEqual({
      ManagedDefault: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      CustomerDefault: ' KmsMasterKeyId is a customer-managed key',
      ListDefault: '[Unverifiable] KmsMasterKeyId is ["k1","k2"], which names no key this library can classify',
      JoinedManagedDefault: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      NoDefault: '[Unverifiable] KmsMasterKeyId is parameter OpenKey, which has no default',
    });
  });

  test('Fn::Sub and Fn::Join: a single variable is its value, the literal text decides the rest, nothing else guesses', () => {
    const report = run({
      SubVariableIsKey: topic({ 'Fn::Sub': ['${K}', { K: { Ref: 'Key' } }] }),
      SubVariableNotGiven: topic({ 'Fn::Sub': ['${OpenKey}', { Other: 'alias/aws/sns' }] }),
      SubOnlyParameterText: topic({ 'Fn::Sub': '${OpenKey}:${Suffix}' }),
      JoinCustomerAliasArn: topic({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:eu-west-1:111111111111:alias/data']] }),
      JoinManagedAliasArn: topic({ 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'kms', 'eu-west-1', '111111111111', 'alias/aws/sns']] }),
      JoinNoKeyText: topic({ 'Fn::Join': ['-', [{ Ref: 'OpenKey' }, 'x']] }),
      JoinOfParameterList: topic({ 'Fn::Join': ['', { Ref: 'OpenParts' }] }),
    }, ['OpenKey', 'Suffix', 'OpenParts']);
    expect(details(report)).toEqual({
      SubVariableIsKey: ' KmsMasterKeyId is a customer-managed key',
      SubVariableNotGiven: expect.stringMatching(/^\[Unverifiable\] KmsMasterKeyId is parameter OpenKey, which has no default/),
      SubOnlyParameterText: expect.stringMatching(/^\[Unverifiable\] KmsMasterKeyId is parameter (OpenKey|Suffix), which has no default/),
      JoinCustomerAliasArn: ' KmsMasterKeyId is a customer-managed key',
      JoinManagedAliasArn: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      JoinNoKeyText: expect.stringMatching(/^\[Unverifiable\] KmsMasterKeyId is parameter OpenKey, which has no default/),
      JoinOfParameterList: '[Unverifiable] KmsMasterKeyId is parameter OpenParts, which has no default',
    });
  });

  test('an alias whose name the app defines is judged by that name; an alias named only at deployment needs review', () => {
    const report = evaluate(includeTemplate({
      Key: KEY,
      SubManagedVariable: topic({ 'Fn::Sub': ['alias/${K}', { K: 'aws/sns' }] }),
      JoinManagedDefault: topic({ 'Fn::Join': ['', ['alias/', { Ref: 'Managed' }]] }),
      SubNameUnknown: topic({ 'Fn::Sub': 'alias/${Name}' }),
      JoinNameUnknown: topic({ 'Fn::Join': ['', ['alias/', { Ref: 'Name' }]] }),
      SubStartMayBeAws: topic({ 'Fn::Sub': 'alias/a${Name}' }),
      ArnManagedVariable: topic({ 'Fn::Sub': ['arn:${AWS::Partition}:kms:eu-west-1:111111111111:alias/${K}', { K: 'aws/sns' }] }),
      JoinCustomerDefault: topic({ 'Fn::Join': ['', ['alias/', { Ref: 'Customer' }]] }),
      SubCustomerStart: topic({ 'Fn::Sub': 'alias/data-${Name}' }),
    }, { parameters: ['Name'], parameterDefaults: { Managed: 'aws/sns', Customer: 'data' } }).app);
    expect(details(report)).toEqual({
      SubManagedVariable: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      JoinManagedDefault: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      SubNameUnknown: '[Unverifiable] KmsMasterKeyId is parameter Name, which has no default',
      JoinNameUnknown: '[Unverifiable] KmsMasterKeyId is parameter Name, which has no default',
      SubStartMayBeAws: '[Unverifiable] KmsMasterKeyId is parameter Name, which has no default',
      ArnManagedVariable: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      JoinCustomerDefault: ' KmsMasterKeyId is a customer-managed key',
      SubCustomerStart: ' KmsMasterKeyId is a customer-managed key',
    });
    expect(statusesOf(report, 'SNSTopicCMK')).toMatchObject({ SubManagedVariable: NON, JoinManagedDefault: NON, SubNameUnknown: UNVERIFIABLE, JoinCustomerDefault: OK });
  });

  test('a key that is neither a key nor an alias of the app needs review; alias chains are followed only so far', () => {
    // Nine aliases, each pointing at the next, the last at Key: 8 hops are followed, the 9th is not.
    const aliases = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`A${i + 1}`, {
      Type: 'AWS::KMS::Alias', Properties: { AliasName: `alias/a${i + 1}`, TargetKeyId: { Ref: i === 8 ? 'Key' : `A${i + 2}` } },
    }]));
    const report = run({
      ...aliases,
      Queue: { Type: 'AWS::SQS::Queue' },
      QueueAsKey: topic({ Ref: 'Queue' }),
      EightHops: topic({ Ref: 'A2' }),
      NineHops: topic({ Ref: 'A1' }),
    });
    expect(details(report)).toEqual({
      QueueAsKey: '[Unverifiable] KmsMasterKeyId is the ID of AWS::SQS::Queue Queue, known after deployment',
      EightHops: ' KmsMasterKeyId is a customer-managed key',
      NineHops: '[Unverifiable] KmsMasterKeyId is the ID of AWS::KMS::Alias A1, known after deployment',
    });
  });
});

describe('DP.ENC.2 and DP.ENC.3 on values that are not plain literals (mutation run sample C)', () => {
  const detailsOf = (report: ReturnType<typeof evaluate>, rule: string) => Object.fromEntries(findingsOf(report, rule)
    .map((f) => [f.logicalId, `${f.ruleId.replace(`DataProtection-${rule}`, '')} ${f.detail ?? ''}`]));
  const withDefaults = (resources: Record<string, unknown>, parameterDefaults: Record<string, unknown>, parameters: string[] = []) =>
    evaluate(includeTemplate({ Key: KEY, ...resources }, { parameterDefaults, parameters }).app);

  test('an encryption switch must be true or false: a parameter default is read, anything else needs review', () => {
    const domain = (options: unknown) => ({ Type: 'AWS::OpenSearchService::Domain', Properties: { EncryptionAtRestOptions: options } });
    const fs = (encrypted: unknown) => ({ Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: encrypted, KmsKeyId: KEY_ARN } });
    const report = withDefaults({
      DomainOpenSwitch: domain({ Enabled: { Ref: 'Open' }, KmsKeyId: KEY_ARN }),
      DomainOddSwitch: domain({ Enabled: { Ref: 'Odd' }, KmsKeyId: KEY_ARN }),
      DomainOnByDefault: domain({ Enabled: { Ref: 'On' }, KmsKeyId: KEY_ARN }),
      DomainOptionsMissing: { Type: 'AWS::OpenSearchService::Domain', Properties: {} },
      FsOffByDefault: fs({ Ref: 'Off' }),
      FsNotSet: { Type: 'AWS::EFS::FileSystem', Properties: { KmsKeyId: KEY_ARN } },
      FsOnByDefault: fs({ Ref: 'On' }),
    }, { Odd: 'yes', On: 'true', Off: 'false' }, ['Open']);
    expect(detailsOf(report, 'OpenSearchCMK')).toEqual({
      DomainOpenSwitch: '[Unverifiable] EncryptionAtRestOptions.Enabled is parameter Open, which has no default',
      DomainOddSwitch: '[Unverifiable] EncryptionAtRestOptions.Enabled is "yes", not true or false',
      DomainOnByDefault: ' EncryptionAtRestOptions.KmsKeyId is a customer-managed key',
      DomainOptionsMissing: ' EncryptionAtRestOptions.Enabled is not set: the data is not encrypted at rest',
    });
    expect(detailsOf(report, 'EFSFileSystemCMK')).toEqual({
      FsOffByDefault: ' Encrypted is false: the data is not encrypted at rest',
      FsNotSet: ' Encrypted is not set: the data is not encrypted at rest',
      FsOnByDefault: ' KmsKeyId is a customer-managed key',
    });
  });

  test('settings a condition chooses need review: OpenSearch, Kinesis and ECR encryption blocks', () => {
    const report = run({
      DomainConditional: { Type: 'AWS::OpenSearchService::Domain', Properties: {
        EncryptionAtRestOptions: IF_PROD({ Enabled: true, KmsKeyId: KEY_ARN }, { Enabled: false }) } },
      StreamConditional: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, StreamEncryption: IF_PROD({ EncryptionType: 'KMS', KeyId: KEY_ARN }, { Ref: 'AWS::NoValue' }) } },
      StreamParamType: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, StreamEncryption: { EncryptionType: { Ref: 'Type' }, KeyId: KEY_ARN } } },
      StreamNone: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1, StreamEncryption: { EncryptionType: 'NONE', KeyId: KEY_ARN } } },
      RepoConditional: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: IF_PROD({ EncryptionType: 'KMS', KmsKey: KEY_ARN }, { EncryptionType: 'AES256' }) } },
      RepoDsse: { Type: 'AWS::ECR::Repository', Properties: { EncryptionConfiguration: { EncryptionType: 'KMS_DSSE', KmsKey: KEY_ARN } } },
    }, ['Type']);
    expect(detailsOf(report, 'OpenSearchCMK')).toEqual({
      DomainConditional: expect.stringMatching(/^\[Unverifiable\] EncryptionAtRestOptions is a Fn::If on condition IsProd/),
    });
    expect(detailsOf(report, 'KinesisStreamCMK')).toEqual({
      StreamConditional: expect.stringMatching(/^\[Unverifiable\] StreamEncryption is a Fn::If on condition IsProd/),
      StreamParamType: '[Unverifiable] EncryptionType is parameter Type, which has no default',
      StreamNone: ' EncryptionType NONE',
    });
    expect(detailsOf(report, 'ECRRepositoryCMK')).toEqual({
      RepoConditional: expect.stringMatching(/^\[Unverifiable\] EncryptionConfiguration is a Fn::If on condition IsProd/),
      RepoDsse: ' EncryptionConfiguration.KmsKey is a customer-managed key',
    });
  });

  test('DynamoDBTableCMK: SSEType, odd switches and global-table replicas that cannot be read', () => {
    const base = { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' };
    const table = (sse: object) => ({ Type: 'AWS::DynamoDB::Table', Properties: { ...base, SSESpecification: sse } });
    const globalTable = (sse: object, replicas: unknown[]) => ({ Type: 'AWS::DynamoDB::GlobalTable', Properties: { ...base, SSESpecification: sse, Replicas: replicas } });
    const report = evaluate(includeTemplate({
      Key: KEY,
      NoType: table({ SSEEnabled: true, KMSMasterKeyId: KEY_ARN }),
      ParamType: table({ SSEEnabled: true, SSEType: { Ref: 'SseType' }, KMSMasterKeyId: KEY_ARN }),
      OtherType: table({ SSEEnabled: true, SSEType: 'AES256', KMSMasterKeyId: KEY_ARN }),
      OddSwitch: table({ SSEEnabled: { Ref: 'Odd' }, KMSMasterKeyId: KEY_ARN }),
      SwitchedOff: table({ SSEEnabled: false, KMSMasterKeyId: KEY_ARN }),
      GlobalOff: globalTable({ SSEEnabled: false }, [{ Region: 'eu-west-1' }]),
      GlobalNoReplicas: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, []),
      GlobalConditionalReplica: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, [
        { Region: 'eu-west-1', SSESpecification: { KMSMasterKeyId: KEY_ARN } },
        { Region: 'eu-central-1', SSESpecification: IF_PROD({ KMSMasterKeyId: LITERAL_KEY_ARN }, { Ref: 'AWS::NoValue' }) },
      ]),
      GlobalConditionalReplicaItself: globalTable({ SSEEnabled: true, SSEType: 'KMS' }, [
        IF_PROD({ Region: 'eu-west-1', SSESpecification: { KMSMasterKeyId: KEY_ARN } }, { Region: 'eu-west-1' }),
      ]),
    }, {
      parameters: ['SseType', 'Env'], parameterDefaults: { Odd: 'yes' },
      conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
    }).app);
    expect(detailsOf(report, 'DynamoDBTableCMK')).toEqual({
      NoType: ' SSESpecification.KMSMasterKeyId is a customer-managed key',
      ParamType: '[Unverifiable] SSESpecification.SSEType is parameter SseType, which has no default',
      OtherType: ' SSEType AES256, not KMS',
      OddSwitch: '[Unverifiable] SSESpecification.SSEEnabled is "yes", which this rule cannot read',
      SwitchedOff: ' SSE is not enabled: the table is encrypted with an AWS-owned key',
      GlobalOff: ' SSE is not enabled: the table is encrypted with an AWS-owned key',
      GlobalNoReplicas: '[Unverifiable] Replicas is [], which this rule cannot read',
      GlobalConditionalReplica: expect.stringMatching(/^\[Unverifiable\] a replica's SSESpecification is a Fn::If on condition IsProd/),
      GlobalConditionalReplicaItself: expect.stringMatching(/^\[Unverifiable\] a replica's SSESpecification is a Fn::If on condition IsProd/),
    });
  });

  test('EBSVolumeCMK: mappings that are not a list and switches read from parameter defaults', () => {
    const volume = (props: object) => ({ Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10, ...props } });
    const report = withDefaults({
      NotAList: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', BlockDeviceMappings: { Ref: 'Mappings' } } },
      OnByDefault: volume({ Encrypted: { Ref: 'On' }, KmsKeyId: KEY_ARN }),
      OddSwitch: volume({ Encrypted: { Ref: 'Odd' }, KmsKeyId: KEY_ARN }),
    }, { Mappings: 'none', On: 'true', Odd: 'yes' });
    expect(detailsOf(report, 'EBSVolumeCMK')).toEqual({
      NotAList: '[Unverifiable] BlockDeviceMappings is not a list',
      OnByDefault: ' KmsKeyId is a customer-managed key',
      OddSwitch: '[Unverifiable] Encrypted is "yes", not true or false',
    });
  });

  test('KMSKeyRotation: key usage, key spec and the rotation switch from parameters', () => {
    const key = (props: object) => ({ Type: 'AWS::KMS::Key', Properties: props, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    const report = evaluate(includeTemplate({
      OpenUsage: key({ KeyUsage: { Ref: 'Usage' }, EnableKeyRotation: true }),
      MacByDefault: key({ KeyUsage: { Ref: 'MacUsage' }, KeySpec: 'HMAC_256' }),
      OpenSpec: key({ KeySpec: { Ref: 'Spec' }, EnableKeyRotation: true }),
      SymmetricByDefault: key({ KeyUsage: { Ref: 'EncryptUsage' }, KeySpec: { Ref: 'SymmetricSpec' }, EnableKeyRotation: true }),
      RotatesByDefault: key({ EnableKeyRotation: { Ref: 'Rotate' } }),
      OddRotation: key({ EnableKeyRotation: { Ref: 'Odd' } }),
      NoRotation: key({}),
    }, {
      parameters: ['Usage', 'Spec'],
      parameterDefaults: { MacUsage: 'GENERATE_VERIFY_MAC', EncryptUsage: 'ENCRYPT_DECRYPT', SymmetricSpec: 'SYMMETRIC_DEFAULT', Rotate: 'true', Odd: 'yes' },
    }).app);
    expect(detailsOf(report, 'KMSKeyRotation')).toEqual({
      OpenUsage: '[Unverifiable] KeyUsage is parameter Usage, which has no default',
      MacByDefault: ' ',
      OpenSpec: '[Unverifiable] KeySpec is parameter Spec, which has no default',
      SymmetricByDefault: ' EnableKeyRotation true',
      RotatesByDefault: ' EnableKeyRotation true (the default of parameter Rotate)',
      OddRotation: '[Unverifiable] EnableKeyRotation is "yes", not true or false',
      NoRotation: ' EnableKeyRotation unset (false)',
    });
    expect(statusesOf(report, 'KMSKeyRotation')).toMatchObject({ MacByDefault: 'not-applicable', NoRotation: NON, RotatesByDefault: OK });
  });

  test('KMSKeyRetained: a policy a condition chooses is read when both branches agree, and reviewed otherwise', () => {
    const key = (policies: object) => ({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true }, ...policies });
    const report = run({
      ConditionalDeletion: key({ DeletionPolicy: IF_PROD('Retain', 'Delete'), UpdateReplacePolicy: 'Retain' }),
      ConditionalReplace: key({ DeletionPolicy: 'Retain', UpdateReplacePolicy: IF_PROD('Retain', 'Delete') }),
      SameEitherWay: key({ DeletionPolicy: IF_PROD('Retain', 'Retain'), UpdateReplacePolicy: 'Retain' }),
      BothLost: key({ DeletionPolicy: 'Delete' }),
    });
    expect(detailsOf(report, 'KMSKeyRetained')).toEqual({
      Key: ' DeletionPolicy and UpdateReplacePolicy retain the key',
      ConditionalDeletion: expect.stringMatching(/^\[Unverifiable\] DeletionPolicy is a Fn::If on condition IsProd, which depends on parameter Env/),
      ConditionalReplace: expect.stringMatching(/^\[Unverifiable\] UpdateReplacePolicy is a Fn::If on condition IsProd/),
      SameEitherWay: ' DeletionPolicy and UpdateReplacePolicy retain the key',
      BothLost: ' DeletionPolicy Delete, UpdateReplacePolicy unset (Delete)',
    });
  });

  test('LogGroupCMK leaves the key to LogRetention where the policy promises DP.LOG.4', () => {
    const report = run({ Default: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 400 } } });
    expect(statusesOf(report, 'LogGroupCMK')).toEqual({ Default: 'not-applicable' });
  });
});

describe('key references built by Fn::Join and Fn::Sub from parts of every kind (kms-key-ref)', () => {
  const topic = (key: unknown) => ({ Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: key } });
  const details = (report: ReturnType<typeof evaluate>) => Object.fromEntries(findingsOf(report, 'SNSTopicCMK')
    .map((f) => [f.logicalId, `${f.ruleId.replace('DataProtection-SNSTopicCMK', '')} ${f.detail}`]));
  const ARN_START = 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:';

  test('a number part is text; an escaped ${!Name} is literal text', () => {
    const report = run({
      JoinNumberStartsAlias: topic({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:eu-west-1:111111111111:alias/', 7, { Ref: 'OpenKey' }]] }),
      SubEscapedAliasStart: topic({ 'Fn::Sub': `${ARN_START}alias/\${!Name}\${OpenKey}` }),
    }, ['OpenKey']);
    expect(details(report)).toEqual({
      JoinNumberStartsAlias: ' KmsMasterKeyId is a customer-managed key',
      SubEscapedAliasStart: ' KmsMasterKeyId is a customer-managed key',
    });
  });

  test('${Resource.Attribute} in a Fn::Sub is that attribute: an SSM parameter the app defines names the alias', () => {
    const report = run({
      AliasName: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'aws/sns' } },
      CustomerName: { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: 'team/data' } },
      SubManagedAliasAttribute: topic({ 'Fn::Sub': `${ARN_START}alias/\${AliasName.Value}` }),
      SubCustomerAliasAttribute: topic({ 'Fn::Sub': `${ARN_START}alias/\${CustomerName.Value}` }),
      SubKeyIdAttribute: topic({ 'Fn::Sub': `${ARN_START}key/\${Key.KeyId}` }),
    });
    expect(details(report)).toEqual({
      SubManagedAliasAttribute: ' KmsMasterKeyId is an AWS-managed key (alias/aws/...), not a customer-managed one',
      SubCustomerAliasAttribute: ' KmsMasterKeyId is a customer-managed key',
      SubKeyIdAttribute: ' KmsMasterKeyId is a customer-managed key',
    });
  });
});
