import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as efs from 'aws-cdk-lib/aws-efs';
import {
  DataClass, DataKey, DataProtectionPolicy, PolicyBackupPlan, RegionalNetwork, ReplicatedDatabase, RestoreTestFrequency, SecureBucket, VaultLockMode,
} from '../../lib';
import { evaluate } from '../helpers';
import { CONSTRUCT_POLICY, offlineStack, violationsOf } from './fixtures';

function withData() {
  const { app, stack } = offlineStack();
  const plan = new PolicyBackupPlan(stack, 'Backup', { copyRegion: 'eu-central-1' });
  const table = new dynamodb.TableV2(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    encryption: dynamodb.TableEncryptionV2.customerManagedKey(new DataKey(stack, 'TableKey')),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  plan.addDatabase(backup.BackupResource.fromDynamoDbTable(table));
  new SecureBucket(stack, 'Docs'); // selected by its dp:data-class tag
  return { app, stack, plan };
}

/** The stack: a database, a table, a file system and a bucket, all backed up by one plan. */
function withEveryStore() {
  const { app, stack, plan } = withData();
  const vpc = new RegionalNetwork(stack, 'Net').vpc;
  new ReplicatedDatabase(stack, 'Db', { vpc }); // tagged dp:data-class = database
  const fileSystem = new efs.FileSystem(stack, 'Files', {
    vpc, encrypted: true, kmsKey: new DataKey(stack, 'FilesKey'), removalPolicy: RemovalPolicy.RETAIN,
  });
  plan.addFiles(backup.BackupResource.fromEfsFileSystem(fileSystem));
  return { app, stack };
}

describe('PolicyBackupPlan', () => {
  test('a database, a table, a file system, a bucket and one plan: zero violations', () => {
    const { app, stack } = withEveryStore();
    expect(violationsOf(app)).toEqual([]);
    const bak = evaluate(app, CONSTRUCT_POLICY).controls.filter((c) => c.id.startsWith('DP.BAK.'));
    expect(bak.map((c) => [c.id, c.status])).toEqual([
      ['DP.BAK.1', 'met'], ['DP.BAK.2', 'met'], ['DP.BAK.3', 'met'], ['DP.BAK.4', 'met'], ['DP.BAK.5', 'met'], ['DP.BAK.6', 'met'], ['DP.BAK.7', 'met'],
    ]);
    // Every stateful resource was judged by the coverage rule, and found covered.
    const covered = evaluate(app, CONSTRUCT_POLICY).controls.find((c) => c.id === 'DP.BAK.6')!.findings.filter((f) => f.status === 'compliant').map((f) => f.resourceType).sort();
    expect(covered).toEqual(['AWS::DynamoDB::GlobalTable', 'AWS::EFS::FileSystem', 'AWS::RDS::DBCluster', 'AWS::S3::Bucket']);
    expect(stack.node.tryFindChild('Db')).toBeDefined();
  });

  test('vault: dedicated customer key, locked at the shorter retention, deletion blocked, retained', () => {
    const { stack } = withData();
    const t = Template.fromStack(stack);
    t.hasResource('AWS::Backup::BackupVault', {
      Properties: {
        BackupVaultName: 'data-protection',
        EncryptionKeyArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupVaultKey'), 'Arn'] },
        LockConfiguration: { MinRetentionDays: 45 },
        AccessPolicy: { Statement: [Match.objectLike({ Effect: 'Deny', Action: Match.arrayWith(['backup:DeleteRecoveryPoint']) })] },
      },
      DeletionPolicy: 'Retain',
    });
    // Continuous backups in their own vault, locked at their 35-day cap.
    t.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'data-protection-continuous', LockConfiguration: { MinRetentionDays: 35 } });
  });

  test('plans: daily + weekly per data class, kept 45 / 60 days, copied to the other region with the same retention', () => {
    const { stack } = withData();
    const t = Template.fromStack(stack);
    const copy = (days: number) => [{ DestinationBackupVaultArn: 'arn:aws:backup:eu-central-1:111111111111:backup-vault:data-protection', Lifecycle: { DeleteAfterDays: days } }];
    for (const days of [45, 60]) {
      t.hasResourceProperties('AWS::Backup::BackupPlan', { BackupPlan: { BackupPlanRule: [
        Match.objectLike({ RuleName: 'DailyIncremental', ScheduleExpression: 'cron(0 3 * * ? *)', Lifecycle: { DeleteAfterDays: days }, CopyActions: copy(days) }),
        Match.objectLike({ RuleName: 'WeeklyFull', ScheduleExpression: 'cron(0 4 ? * SUN *)', Lifecycle: { DeleteAfterDays: days }, CopyActions: copy(days) }),
        Match.objectLike({ RuleName: 'Continuous', EnableContinuousBackup: true, Lifecycle: { DeleteAfterDays: 35 } }),
      ] } });
    }
  });

  test('selections: by tag per data class, and explicit resources', () => {
    const { stack } = withData();
    const t = Template.fromStack(stack);
    for (const value of ['database', 'files']) {
      t.hasResourceProperties('AWS::Backup::BackupSelection', { BackupSelection: Match.objectLike({
        ListOfTags: [{ ConditionKey: 'dp:data-class', ConditionType: 'STRINGEQUALS', ConditionValue: value }],
      }) });
    }
    t.hasResourceProperties('AWS::Backup::BackupSelection', { BackupSelection: Match.objectLike({
      Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Orders'), 'Arn'] }],
    }) });
    t.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AWSBackupServiceRolePolicyForS3Backup')])] })]),
    });
  });

  test('restore tests: one plan per policy schedule, one selection per resource type', () => {
    const { stack } = withData();
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Backup::RestoreTestingPlan', 3);
    for (const [expression, window] of [['cron(0 6 * * ? *)', 1], ['cron(0 6 ? * MON *)', 7], ['cron(0 6 1 1,4,7,10 ? *)', 31]] as const) {
      t.hasResourceProperties('AWS::Backup::RestoreTestingPlan', {
        ScheduleExpression: expression,
        RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^BackupVault'), 'BackupVaultArn'] }], RecoveryPointTypes: ['SNAPSHOT'], SelectionWindowDays: window },
      });
    }
    t.resourceCountIs('AWS::Backup::RestoreTestingSelection', 18);
    t.hasResourceProperties('AWS::Backup::RestoreTestingSelection', { ProtectedResourceType: 'DynamoDB', ProtectedResourceArns: ['*'] });
  });

  test('failure alerts: backup, copy and restore jobs failed/aborted/expired, to an encrypted topic', () => {
    const { stack } = withData();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: { 'source': ['aws.backup'], 'detail-type': ['Backup Job State Change', 'Copy Job State Change', 'Restore Job State Change'], 'detail': { state: ['FAILED', 'ABORTED', 'EXPIRED'] } },
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^BackupAlerts') } })],
    });
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });

  test('compliance lock, longer retention and a policy without copies', () => {
    const { stack } = offlineStack();
    new PolicyBackupPlan(stack, 'Backup', {
      policy: new DataProtectionPolicy({ crossRegionBackupCopy: false, restoreTestSchedules: [RestoreTestFrequency.WEEKLY] }),
      vaultLockMode: VaultLockMode.COMPLIANCE,
      databaseRetention: Duration.days(90),
      continuousBackup: false,
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Backup::BackupVault', { LockConfiguration: { MinRetentionDays: 60, ChangeableForDays: 3 } });
    t.resourceCountIs('AWS::Backup::BackupVault', 1);
    t.resourceCountIs('AWS::Backup::RestoreTestingPlan', 1);
    t.hasResourceProperties('AWS::Backup::BackupPlan', { BackupPlan: { BackupPlanRule: [
      Match.objectLike({ Lifecycle: { DeleteAfterDays: 90 }, CopyActions: Match.absent() }), Match.objectLike({ Lifecycle: { DeleteAfterDays: 90 } }),
    ] } });
  });

  test.each([
    [{}, /PolicyBackupPlan Stack\/Backup: invalid props:\n {2}- copyRegion: undefined \(allowed: a second region for backup copies/],
    [{ copyRegion: 'eu-west-1' }, /copyRegion: "eu-west-1" \(allowed: a region other than this stack's \(eu-west-1\)\)/],
    [{ copyRegion: 'eu-central-1', databaseRetention: Duration.days(30) }, /databaseRetention: "30 days" \(allowed: at least the policy's databaseBackupRetentionDays \(45\)\)/],
    [{ copyRegion: 'eu-central-1', fileRetention: Duration.days(59) }, /fileRetention: "59 days"/],
    [{ copyRegion: 'eu-central-1', restoreTestResourceTypes: ['Redshift'] }, /restoreTestResourceTypes: "Redshift" \(allowed: Aurora, RDS/],
    [{ copyRegion: 'eu-central-1', vaultName: 'x' }, /vaultName: "x"/],
    [{ copyRegion: 'eu-central-1', vaultLockMode: VaultLockMode.COMPLIANCE, complianceLockGracePeriod: Duration.days(1) }, /complianceLockGracePeriod: "1 days" \(allowed: at least 3 days\)/],
    [{ copyRegion: 'us-east-1', policy: new DataProtectionPolicy({ allowedRegions: ['eu-west-1', 'eu-central-1'] }) }, /copyRegion: "us-east-1" \(allowed: one of the policy's allowedRegions/],
  ])('rejects %j', (props, message) => {
    const { stack } = offlineStack();
    expect(() => new PolicyBackupPlan(stack, 'Backup', props)).toThrow(message);
  });

  test('rejects backing up logs as data', () => {
    const { plan } = withData();
    expect(() => plan.addResource(backup.BackupResource.fromArn('arn:aws:s3:::logs'), DataClass.LOGS)).toThrow(/dataClass: "logs" \(allowed: database, files/);
  });

  test('the checks catch what CDK silently drops: fromConstruct on a TableV2 selects nothing', () => {
    const { app, stack } = offlineStack();
    const plan = new PolicyBackupPlan(stack, 'Backup', { copyRegion: 'eu-central-1', selectByTag: false });
    const table = new dynamodb.TableV2(stack, 'Orders', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(new DataKey(stack, 'TableKey')),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    plan.addDatabase(backup.BackupResource.fromConstruct(table));
    expect(violationsOf(app)).toContain('DataProtection-BackupCoverage @ Stack/Orders/Resource');
  });
});
