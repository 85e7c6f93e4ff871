import { Validations } from 'aws-cdk-lib';
import { Template, Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { constructPolicy, offlineStack, violationsOf } from './fixtures';
import { DataClass, DataProtectionPolicy, PolicyBackupPlan, SecureBucket } from '../../lib';

describe('SecureBucket', () => {
  const policy = constructPolicy({ dataEndOfLifeDays: 400, logRetentionDays: 365 });

  test('zero props keep every rule: nothing to acknowledge (a PolicyBackupPlan selects it by its tag)', () => {
    const { app, stack } = offlineStack();
    new SecureBucket(stack, 'Docs');
    new PolicyBackupPlan(stack, 'Backup', { copyRegion: 'eu-central-1' });
    expect(violationsOf(app)).toEqual([]);
    // Built without the end-of-life policy, checked with it: the drift is caught.
    expect(violationsOf(app, policy)).toEqual([
      'DataProtection-S3BucketLifecycleExpiry[Expiration] @ Stack/Docs/Bucket/Resource',
      'DataProtection-S3BucketLifecycleExpiry[NoncurrentVersions] @ Stack/Docs/Bucket/Resource',
    ]);
  });

  test('with the policy: KMS + bucket key, versioning, TLS-only, public access blocked, ownership enforced, end of life', () => {
    const { app, stack } = offlineStack();
    new SecureBucket(stack, 'Docs', { policy });
    new PolicyBackupPlan(stack, 'Backup', { policy, copyRegion: 'eu-central-1' });
    expect(violationsOf(app, policy)).toEqual([]);
    const t = Template.fromStack(stack);
    t.hasResource('AWS::S3::Bucket', {
      Properties: {
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^DocsAccessLogs') }, LogFilePrefix: 'Stack/Docs/' },
        LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 400, NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' })]) },
        Tags: [{ Key: 'dp:data-class', Value: 'files' }],
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^DocsBucket') },
      PolicyDocument: { Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        Match.objectLike({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      ]) },
    });
    // The access-log bucket: same key, kept exactly the log retention, tagged as logs, retained.
    t.hasResource('AWS::S3::Bucket', {
      Properties: {
        LifecycleConfiguration: { Rules: [{ ExpirationInDays: 365, Id: 'LogRetention', Status: 'Enabled' }] },
        Tags: [{ Key: 'dp:data-class', Value: 'logs' }],
      },
      DeletionPolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::KMS::Key', { KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'logging.s3.amazonaws.com' } })]) } });
  });

  test('a TLS 1.3 policy denies requests below TLS 1.3', () => {
    const { stack } = offlineStack();
    new SecureBucket(stack, 'Docs', { policy: new DataProtectionPolicy({ minTlsVersion: '1.3' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { NumericLessThan: { 's3:TlsVersion': 1.3 } } })]) },
    });
  });

  test('uses a given key and log bucket instead of creating them', () => {
    const { stack } = offlineStack();
    const key = new kms.Key(stack, 'Shared', { enableKeyRotation: true });
    const logs = s3.Bucket.fromBucketName(stack, 'Logs', 'central-access-logs');
    const b = new SecureBucket(stack, 'Docs', { encryptionKey: key, serverAccessLogsBucket: logs, dataClass: DataClass.DATABASE });
    expect(b.encryptionKey).toBe(key);
    // The CDK warns that it cannot add log-delivery permissions to an imported bucket: expected here.
    Validations.of(b.bucket).acknowledge({ id: '@aws-cdk/aws-s3:accessLogsPolicyNotAdded', reason: 'the central log bucket already admits S3 log delivery' });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::S3::Bucket', 1);
    t.resourceCountIs('AWS::KMS::Key', 1);
    t.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: 'central-access-logs' },
      Tags: [{ Key: 'dp:data-class', Value: 'database' }],
    });
  });

  test('rejects an unknown data class', () => {
    const { stack } = offlineStack();
    expect(() => new SecureBucket(stack, 'Docs', { dataClass: 'secrets' as DataClass })).toThrow(
      /SecureBucket Stack\/Docs: invalid props:\n {2}- dataClass: "secrets" \(allowed: database, files, logs\)/);
  });
});
