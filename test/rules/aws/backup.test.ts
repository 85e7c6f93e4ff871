import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf } from '../../helpers';

const NON = 'non-compliant';
const OK = 'compliant';
const NA = 'not-applicable';
const UNVERIFIABLE = 'non-compliant [Unverifiable]';
const OTHER_REGION_VAULT = 'arn:aws:backup:eu-central-1:111111111111:backup-vault:data-protection';
const SAME_REGION_VAULT = 'arn:aws:backup:eu-west-1:111111111111:backup-vault:elsewhere';

const ROLE = 'arn:aws:iam::111111111111:role/backup';
const DAILY = 'cron(0 3 * * ? *)';
const WEEKLY = 'cron(0 4 ? * SUN *)';

function rule(name: string, schedule: unknown, days: unknown, copies: object[] = [{ DestinationBackupVaultArn: OTHER_REGION_VAULT, Lifecycle: { DeleteAfterDays: days } }], vault = 'Vault') {
  return {
    RuleName: name, TargetBackupVault: { Ref: vault }, ScheduleExpression: schedule, Lifecycle: { DeleteAfterDays: days }, CopyActions: copies,
  };
}
function plan(rules: object[]) {
  return { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { BackupPlanName: 'p', BackupPlanRule: rules } } };
}
function selection(planId: string, sel: object) {
  return { Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: planId }, BackupSelection: { SelectionName: 's', IamRoleArn: ROLE, ...sel } } };
}
const VAULT = {
  Type: 'AWS::Backup::BackupVault',
  Properties: {
    BackupVaultName: 'data-protection',
    LockConfiguration: { MinRetentionDays: 45 },
    AccessPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint'], Resource: '*' }] },
  },
};
const TABLE = (tags: object[] = []) => ({
  Type: 'AWS::DynamoDB::Table',
  Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST', Tags: tags },
});
const BUCKET = (tags: object[] = []) => ({ Type: 'AWS::S3::Bucket', Properties: { Tags: tags } });
const ALERTS = {
  Type: 'AWS::Events::Rule',
  Properties: {
    EventPattern: { 'source': ['aws.backup'], 'detail-type': ['Backup Job State Change', 'Copy Job State Change', 'Restore Job State Change'], 'detail': { state: ['FAILED', 'ABORTED', 'EXPIRED'] } },
    Targets: [{ Id: 'topic', Arn: { Ref: 'Topic' } }],
  },
};
const TOPIC = { Type: 'AWS::SNS::Topic', Properties: {} };
const restoreTests = (schedules: Record<string, string>) => Object.fromEntries(Object.entries(schedules).flatMap(([name, expression]) => [
  [`Test${name}`, { Type: 'AWS::Backup::RestoreTestingPlan', Properties: {
    RestoreTestingPlanName: `t_${name}`, ScheduleExpression: expression,
    RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', IncludeVaults: [{ 'Fn::GetAtt': ['Vault', 'BackupVaultArn'] }], RecoveryPointTypes: ['SNAPSHOT'] },
  } }],
  [`Test${name}Selection`, { Type: 'AWS::Backup::RestoreTestingSelection', Properties: {
    RestoreTestingPlanName: `t_${name}`, RestoreTestingSelectionName: 'all', ProtectedResourceType: 'DynamoDB', IamRoleArn: ROLE, ProtectedResourceArns: ['*'],
  } }],
]));

/** A compliant setup: one database plan selecting by tag and by reference. */
function base(overrides: Record<string, unknown> = {}) {
  return {
    Vault: VAULT,
    Topic: TOPIC,
    Alerts: ALERTS,
    Db: plan([rule('Daily', DAILY, 45), rule('Weekly', WEEKLY, 45)]),
    ByTag: selection('Db', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'dp:data-class', ConditionValue: 'database' }] }),
    ByRef: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Referenced', 'Arn'] }] }),
    Tagged: TABLE([{ Key: 'dp:data-class', Value: 'database' }]),
    Referenced: TABLE(),
    ...restoreTests({ Daily: 'cron(0 6 * * ? *)', Weekly: 'cron(0 6 ? * MON *)', Quarterly: 'cron(0 6 1 1,4,7,10 ? *)' }),
    ...overrides,
  };
}

function run(resources: Record<string, unknown>, policy?: DataProtectionPolicy, parameters: string[] = []) {
  return evaluate(includeTemplate(resources, { parameters }).app, policy);
}

describe('BackupCoverage (DP.BAK.6)', () => {
  test('by reference, by tag and by wildcard; unselected resources, non-matching tags and log buckets', () => {
    const report = run(base({
      Forgotten: TABLE(),
      WrongTag: TABLE([{ Key: 'dp:data-class', Value: 'db' }]),
      FilesBucket: BUCKET([{ Key: 'dp:data-class', Value: 'files' }]),
      AccessLogs: BUCKET(),
      Logged: { Type: 'AWS::S3::Bucket', Properties: { LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs' } } } },
      Volume: { Type: 'AWS::EC2::Volume', Properties: { AvailabilityZone: 'eu-west-1a', Size: 10 } },
      AllVolumes: selection('Db', { Resources: ['arn:aws:ec2:*:*:volume/*'] }),
      Excluded: TABLE([{ Key: 'dp:data-class', Value: 'database' }]),
      ExcludeSome: selection('Db', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'env', ConditionValue: 'prod' }], NotResources: [{ 'Fn::GetAtt': ['Excluded', 'Arn'] }] }),
      AuroraMember: { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql', DBClusterIdentifier: 'c' } },
      Efs: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } },
      ByJoinedArn: selection('Db', { Resources: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':elasticfilesystem:eu-west-1:111111111111:file-system/', { Ref: 'Efs' }]] }] }),
    }));
    expect(statusesOf(report, 'BackupCoverage')).toEqual({
      Tagged: OK, Referenced: OK, Forgotten: NON, WrongTag: NON, FilesBucket: NON, AccessLogs: NA, Logged: NON, Volume: OK,
      Excluded: OK, AuroraMember: NA, Efs: OK,
    });
  });

  test('a selection that cannot be read makes uncovered resources need review, not pass', () => {
    const report = run({ Forgotten: TABLE(), Odd: selection('Db', { Resources: [{ Ref: 'ResourceArn' }] }), Db: plan([rule('Daily', DAILY, 45)]), Vault: VAULT }, undefined, ['ResourceArn']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Forgotten: UNVERIFIABLE });
  });
});

describe('BackupPlanSchedule (DP.BAK.1)', () => {
  test('a daily and a separate weekly snapshot rule; continuous rules do not count; unreadable schedules are reported', () => {
    const report = run(base({
      OnlyDaily: plan([rule('Daily', DAILY, 45)]),
      OnlyWeekly: plan([rule('Weekly', WEEKLY, 45)]),
      ContinuousAndWeekly: plan([{ ...rule('Pitr', DAILY, 35, []), EnableContinuousBackup: true }, rule('Weekly', WEEKLY, 45)]),
      Monthly: plan([rule('Daily', DAILY, 45), rule('Monthly', 'cron(0 5 1 * ? *)', 45)]),
      Garbled: plan([rule('Daily', DAILY, 45), rule('Weekly', 'cron(every sunday)', 45)]),
      Unused: plan([rule('Weekly', WEEKLY, 45)]),
      S1: selection('OnlyDaily', { Resources: ['*'] }),
      S2: selection('OnlyWeekly', { Resources: ['*'] }),
      S3: selection('ContinuousAndWeekly', { Resources: ['*'] }),
      S4: selection('Monthly', { Resources: ['*'] }),
      S5: selection('Garbled', { Resources: ['*'] }),
    }));
    expect(statusesOf(report, 'BackupPlanSchedule')).toEqual({
      Db: OK, OnlyDaily: 'non-compliant [Weekly]', OnlyWeekly: 'non-compliant [Daily]', ContinuousAndWeekly: 'non-compliant [Daily]',
      Monthly: 'non-compliant [Weekly]', Garbled: 'non-compliant [UnreadableSchedule] [Weekly]', Unused: NA,
    });
  });
});

describe('BackupRetention (DP.BAK.2)', () => {
  test('databases 45 days and files 60 days, copies included; one day short fails', () => {
    const report = run(base({
      Files: plan([rule('Daily', DAILY, 60), rule('Weekly', WEEKLY, 60)]),
      FilesSel: selection('Files', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'dp:data-class', ConditionValue: 'files' }] }),
      Docs: BUCKET([{ Key: 'dp:data-class', Value: 'files' }]),
      Short: plan([rule('Daily', DAILY, 44), rule('Weekly', WEEKLY, 45)]),
      ShortSel: selection('Short', { Resources: [{ 'Fn::GetAtt': ['ShortTable', 'Arn'] }] }),
      ShortTable: TABLE(),
      ShortCopy: plan([rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: OTHER_REGION_VAULT, Lifecycle: { DeleteAfterDays: 30 } }]), rule('Weekly', WEEKLY, 45)]),
      ShortCopySel: selection('ShortCopy', { Resources: [{ 'Fn::GetAtt': ['ShortCopyTable', 'Arn'] }] }),
      ShortCopyTable: TABLE(),
      FilesUnderDbRetention: BUCKET([{ Key: 'dp:data-class', Value: 'database' }]),
      ForeverKept: plan([{ RuleName: 'Daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: DAILY, CopyActions: [{ DestinationBackupVaultArn: OTHER_REGION_VAULT }] }, rule('Weekly', WEEKLY, 45)]),
      ForeverSel: selection('ForeverKept', { Resources: [{ 'Fn::GetAtt': ['ForeverTable', 'Arn'] }] }),
      ForeverTable: TABLE(),
      ParamDays: plan([rule('Daily', DAILY, { Ref: 'Days' }), rule('Weekly', WEEKLY, 45)]),
      ParamSel: selection('ParamDays', { Resources: [{ 'Fn::GetAtt': ['ParamTable', 'Arn'] }] }),
      ParamTable: TABLE(),
      Forgotten: TABLE(),
    }), undefined, ['Days']);
    expect(statusesOf(report, 'BackupRetention')).toEqual({
      Tagged: OK, Referenced: OK, Docs: OK, ShortTable: 'non-compliant [Retention] [CopyRetention]', ShortCopyTable: 'non-compliant [CopyRetention]',
      FilesUnderDbRetention: OK, ForeverTable: OK, ParamTable: UNVERIFIABLE, Forgotten: NA,
    });
  });

  test('the thresholds come from the policy', () => {
    const report = run(base(), new DataProtectionPolicy({ databaseBackupRetentionDays: 46 }));
    expect(statusesOf(report, 'BackupRetention')).toMatchObject({ Tagged: 'non-compliant [Retention] [CopyRetention]' });
  });
});

describe('BackupCrossRegionCopy (DP.BAK.3)', () => {
  test('every snapshot rule copies to a vault in another region', () => {
    const report = run(base({
      NoCopy: plan([rule('Daily', DAILY, 45, []), rule('Weekly', WEEKLY, 45)]),
      SameRegion: plan([rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: SAME_REGION_VAULT }]), rule('Weekly', WEEKLY, 45)]),
      Joined: plan([rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':backup:eu-north-1:', { Ref: 'AWS::AccountId' }, ':backup-vault:x']] } }]), rule('Weekly', WEEKLY, 45)]),
      Param: plan([rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: { Ref: 'CopyVault' } }]), rule('Weekly', WEEKLY, 45)]),
      S1: selection('NoCopy', { Resources: ['*'] }),
      S2: selection('SameRegion', { Resources: ['*'] }),
      S3: selection('Joined', { Resources: ['*'] }),
      S4: selection('Param', { Resources: ['*'] }),
    }), undefined, ['CopyVault']);
    expect(statusesOf(report, 'BackupCrossRegionCopy')).toEqual({
      Db: OK, NoCopy: 'non-compliant [NoCopy]', SameRegion: 'non-compliant [SameRegion]', Joined: OK, Param: UNVERIFIABLE,
    });
    const off = run(base({ NoCopy: plan([rule('Daily', DAILY, 45, [])]), S1: selection('NoCopy', { Resources: ['*'] }) }), new DataProtectionPolicy({ crossRegionBackupCopy: false }));
    expect(new Set(Object.values(statusesOf(off, 'BackupCrossRegionCopy')))).toEqual(new Set([NA]));
  });

  test('a rule without a copy action is [NoCopy] whether or not the stack has a region (issue 16, item 4)', () => {
    const resources = base({ NoCopy: plan([rule('Daily', DAILY, 45, []), rule('Weekly', WEEKLY, 45, [])]), S1: selection('NoCopy', { Resources: ['*'] }) });
    const withRegion = statusesOf(run(resources), 'BackupCrossRegionCopy');
    const agnostic = evaluate(includeTemplate(resources, { region: null }).app);
    expect(statusesOf(agnostic, 'BackupCrossRegionCopy')).toEqual({ ...withRegion, Db: UNVERIFIABLE });
    expect(withRegion.NoCopy).toBe('non-compliant [NoCopy]');
    // Where the copy goes can only be compared with a known region: the detail says so.
    expect(findingsOf(agnostic, 'BackupCrossRegionCopy').find((f) => f.logicalId === 'Db')?.detail).toMatch(/stack has no explicit region/);
  });
});

describe('RestoreTesting (DP.BAK.4)', () => {
  test('each promised frequency needs a testing plan that often, including the vault, with a selection', () => {
    const full = run(base());
    expect(statusesOf(full, 'RestoreTesting')).toEqual({ Db: OK });
    const noQuarterly = run(base({
      TestQuarterly: undefined, TestQuarterlySelection: undefined, TestWeekly: undefined, TestWeeklySelection: undefined,
    }));
    // A daily test is at least as frequent as weekly and quarterly ones.
    expect(statusesOf(noQuarterly, 'RestoreTesting')).toEqual({ Db: OK });
    const weeklyOnly = run(base({
      TestDaily: undefined, TestDailySelection: undefined, TestQuarterly: undefined, TestQuarterlySelection: undefined,
    }));
    expect(statusesOf(weeklyOnly, 'RestoreTesting')).toEqual({ Db: 'non-compliant [Daily]' });
    const noSelections = run(base({ TestDailySelection: undefined, TestWeeklySelection: undefined, TestQuarterlySelection: undefined }));
    expect(statusesOf(noSelections, 'RestoreTesting')).toEqual({ Db: 'non-compliant [Daily] [Weekly] [Quarterly]' });
    const quarterlyPolicy = new DataProtectionPolicy({ restoreTestSchedules: ['quarterly' as any] });
    expect(statusesOf(run(base({ TestDaily: undefined, TestDailySelection: undefined, TestWeekly: undefined, TestWeeklySelection: undefined }), quarterlyPolicy), 'RestoreTesting')).toEqual({ Db: OK });
  });
});

describe('BackupFailureAlerts (DP.BAK.5)', () => {
  test('an EventBridge rule for failed backup, copy and restore jobs to a topic', () => {
    expect(statusesOf(run(base()), 'BackupFailureAlerts')).toEqual({ Db: OK });
    const backupOnly = { ...ALERTS, Properties: { ...ALERTS.Properties, EventPattern: { 'source': ['aws.backup'], 'detail-type': ['Backup Job State Change'] } } };
    expect(statusesOf(run(base({ Alerts: backupOnly })), 'BackupFailureAlerts')).toEqual({ Db: 'non-compliant [CopyJobs] [RestoreJobs]' });
    const successOnly = { ...ALERTS, Properties: { ...ALERTS.Properties, EventPattern: { source: ['aws.backup'], detail: { state: ['COMPLETED'] } } } };
    expect(statusesOf(run(base({ Alerts: successOnly })), 'BackupFailureAlerts')).toEqual({ Db: 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]' });
    const disabled = { ...ALERTS, Properties: { ...ALERTS.Properties, State: 'DISABLED' } };
    expect(statusesOf(run(base({ Alerts: disabled })), 'BackupFailureAlerts')).toEqual({ Db: 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]' });
    const vaultNotification = { ...VAULT, Properties: { ...VAULT.Properties, Notifications: { BackupVaultEvents: ['BACKUP_JOB_FAILED'], SNSTopicArn: { Ref: 'Topic' } } } };
    expect(statusesOf(run(base({ Alerts: undefined, Vault: vaultNotification })), 'BackupFailureAlerts')).toEqual({ Db: 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]' });
  });
});

describe('BackupVaultLock (DP.BAK.7)', () => {
  test('vaults receiving backups are locked at the policy retention and deny deleting recovery points', () => {
    const report = run(base({
      Unlocked: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'unlocked' } },
      ShortLock: { Type: 'AWS::Backup::BackupVault', Properties: { ...VAULT.Properties, BackupVaultName: 'short', LockConfiguration: { MinRetentionDays: 7 } } },
      Continuous: { Type: 'AWS::Backup::BackupVault', Properties: { ...VAULT.Properties, BackupVaultName: 'pitr', LockConfiguration: { MinRetentionDays: 35 } } },
      Idle: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'idle' } },
      Other: plan([rule('Daily', DAILY, 45, [], 'Unlocked'), rule('Weekly', WEEKLY, 45, [], 'ShortLock'),
        { ...rule('Pitr', DAILY, 35, [], 'Continuous'), EnableContinuousBackup: true }]),
    }));
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({
      Vault: OK, Unlocked: 'non-compliant [NoLock] [DeletionNotBlocked]', ShortLock: 'non-compliant [MinRetention]', Continuous: OK, Idle: NA,
    });
  });

  test('a compliance-mode lock already makes recovery points undeletable; a governance-mode lock still needs the deny (issue 16, item 6)', () => {
    const vault = (name: string, lock: object) => ({ Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: name, LockConfiguration: lock } });
    const report = run(base({
      Vault: vault('compliance', { MinRetentionDays: 45, ChangeableForDays: 3 }),
      Governance: vault('governance', { MinRetentionDays: 45 }),
      ShortCompliance: vault('short', { MinRetentionDays: 7, ChangeableForDays: 3 }),
      ParamMode: vault('param', { MinRetentionDays: 45, ChangeableForDays: { Ref: 'Grace' } }),
      Other: plan([rule('Daily', DAILY, 45, [], 'Governance'), rule('Weekly', WEEKLY, 45, [], 'ShortCompliance'), rule('Monthly', 'cron(0 5 1 * ? *)', 45, [], 'ParamMode')]),
    }), undefined, ['Grace']);
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({
      Vault: OK, Governance: 'non-compliant [DeletionNotBlocked]', ShortCompliance: 'non-compliant [MinRetention] [DeletionNotBlocked]', ParamMode: UNVERIFIABLE,
    });
  });
});
