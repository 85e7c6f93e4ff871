import { evaluateCloudFormation } from '../../../lib/checks/cloudformation';
import { DataProtectionPolicy } from '../../../lib/core/policy/policy';
import { evaluate, findingsOf, includeTemplate, statusesOf, templateApp, verdictsOf } from '../../helpers';

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

describe('BackupCoverage (DP.BAK.6): how selections are read', () => {
  const RDS = { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres' } };
  const EFS = { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } };
  const dbPlan = () => ({ Vault: VAULT, Db: plan([rule('Daily', DAILY, 45), rule('Weekly', WEEKLY, 45)]) });

  test('a literal ARN selects nothing of the app; a wildcard ARN selects only resources of its service', () => {
    const report = run({
      ...dbPlan(), Table: TABLE(), Rds: RDS,
      Literal: selection('Db', { Resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/elsewhere', 'arn:aws:rds:*:*:db:*', 'arn:aws:ec2:*:*:volume/*'] }),
    });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: NON, Rds: OK });
  });

  test('a wildcard ARN with any service selects every stateful resource', () => {
    const report = run({ ...dbPlan(), Table: TABLE(), Efs: EFS, AnyService: selection('Db', { Resources: ['arn:aws:*:*:*:*'] }) });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: OK, Efs: OK });
  });

  test('an ARN built around references selects the one stateful resource it names; one naming two cannot be read', () => {
    const arnOf = (...ids: string[]) => ({ 'Fn::Join': ['/', ids.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] }))] });
    const one = run({ ...dbPlan(), Topic: TOPIC, Table: TABLE(), Other: TABLE(), One: selection('Db', { Resources: [{ 'Fn::Join': ['/', [{ Ref: 'Topic' }, { 'Fn::GetAtt': ['Table', 'Arn'] }]] }] }) });
    expect(statusesOf(one, 'BackupCoverage')).toEqual({ Table: OK, Other: NON });
    const two = run({ ...dbPlan(), Table: TABLE(), Other: TABLE(), Ours: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] }), Two: selection('Db', { Resources: [arnOf('Table', 'Other')] }) });
    expect(statusesOf(two, 'BackupCoverage')).toEqual({ Table: OK, Other: UNVERIFIABLE });
  });

  test('tags selected by Conditions.StringEquals on aws:ResourceTag, wherever the resource type keeps its tags', () => {
    const team = [{ Key: 'team', Value: 'billing' }];
    const report = run({
      ...dbPlan(),
      ByCondition: selection('Db', { Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/team', ConditionValue: 'billing' }] } }),
      Tagged: TABLE(team),
      OtherTeam: TABLE([{ Key: 'team', Value: 'payroll' }]),
      FileSystem: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true, FileSystemTags: team } },
      Global: { Type: 'AWS::DynamoDB::GlobalTable', Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST',
        Replicas: [{ Region: 'eu-west-1', Tags: team }],
      } },
      NotLiteral: TABLE([{ Key: 'team', Value: { Ref: 'AWS::StackName' } }]),
    });
    // The stack name is known only at deployment: it may be billing.
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Tagged: OK, OtherTeam: NON, FileSystem: OK, Global: OK, NotLiteral: UNVERIFIABLE });
  });

  test.each([
    ['a tag condition other than STRINGEQUALS', { ListOfTags: [{ ConditionType: 'STRINGLIKE', ConditionKey: 'team', ConditionValue: 'bill*' }] }],
    ['a tag value that is a parameter', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'team', ConditionValue: { Ref: 'Team' } }] }],
    ['a tag key that is a parameter', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: { Ref: 'Team' }, ConditionValue: 'billing' }] }],
    ['a condition value that is a parameter', { Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/team', ConditionValue: { Ref: 'Team' } }] } }],
    ['a condition key that is a parameter', { Conditions: { StringEquals: [{ ConditionKey: { Ref: 'Team' }, ConditionValue: 'billing' }] } }],
    ['a condition on something other than a resource tag', { Conditions: { StringEquals: [{ ConditionKey: 'aws:RequestTag/team', ConditionValue: 'billing' }] } }],
  ])('%s makes resources no selection names need review', (_name, odd) => {
    const report = run({
      ...dbPlan(), Odd: selection('Db', odd), Ours: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Selected', 'Arn'] }] }),
      Selected: TABLE(), Unselected: TABLE([{ Key: 'team', Value: 'billing' }]),
    }, undefined, ['Team']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Selected: OK, Unselected: UNVERIFIABLE });
  });

  test('Conditions narrow Resources: every condition must hold, and a wildcard selects only resources that pass them', () => {
    const cond = (key: string, value: string) => ({ ConditionKey: `aws:ResourceTag/${key}`, ConditionValue: value });
    const report = run({
      ...dbPlan(),
      Sel: selection('Db', { Resources: ['*'], Conditions: { StringEquals: [cond('backup', 'true'), cond('stage', 'prod')] } }),
      Both: TABLE([{ Key: 'backup', Value: 'true' }, { Key: 'stage', Value: 'prod' }]),
      OnlyOne: TABLE([{ Key: 'backup', Value: 'true' }]),
      Untagged: TABLE(),
    });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Both: OK, OnlyOne: NON, Untagged: NON });
    const one = run({ ...dbPlan(), Sel: selection('Db', { Resources: ['*'], Conditions: { StringEquals: [cond('backup', 'true')] } }), Tagged: TABLE([{ Key: 'backup', Value: 'true' }]), Untagged: TABLE() });
    expect(statusesOf(one, 'BackupCoverage')).toEqual({ Tagged: OK, Untagged: NON });
  });

  test('StringNotEquals and StringNotLike conditions exclude the resources whose tags fail them; StringLike matches wildcards', () => {
    const report = run({
      ...dbPlan(),
      Sel: selection('Db', { Resources: ['arn:aws:dynamodb:*:*:table/*'], Conditions: {
        StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'false' }],
        StringNotLike: [{ ConditionKey: 'aws:ResourceTag/stage', ConditionValue: 'test*' }],
        StringLike: [{ ConditionKey: 'aws:ResourceTag/team', ConditionValue: 'bill*' }],
      } }),
      Kept: TABLE([{ Key: 'team', Value: 'billing' }, { Key: 'stage', Value: 'prod' }]),
      OptedOut: TABLE([{ Key: 'team', Value: 'billing' }, { Key: 'backup', Value: 'false' }]),
      TestStage: TABLE([{ Key: 'team', Value: 'billing' }, { Key: 'stage', Value: 'testing' }]),
      OtherTeam: TABLE([{ Key: 'team', Value: 'payroll' }]),
    });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Kept: OK, OptedOut: NON, TestStage: NON, OtherTeam: NON });
  });

  test('a tag value known only at deployment makes a condition, and so the coverage, need review', () => {
    const report = run({
      ...dbPlan(),
      Sel: selection('Db', { Resources: ['*'], Conditions: { StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'false' }] } }),
      Table: TABLE([{ Key: 'backup', Value: { Ref: 'Opt' } }]),
    }, undefined, ['Opt']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(findingsOf(report, 'BackupCoverage').map((f) => f.detail))
      .toEqual(['Db may select it: tag backup of Table is parameter Opt, which has no default']);
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Table: UNVERIFIABLE });
  });

  test('a wildcard in NotResources excludes the resources it matches', () => {
    const report = run({ ...dbPlan(), Sel: selection('Db', { Resources: ['*'], NotResources: ['arn:aws:dynamodb:*:*:table/*'] }), Table: TABLE(), Efs: EFS });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: NON, Efs: OK });
    // Another resource type of the same service is not excluded.
    const clusters = run({ ...dbPlan(), Sel: selection('Db', { Resources: ['*'], NotResources: ['arn:aws:rds:*:*:cluster:*'] }), Rds: RDS });
    expect(statusesOf(clusters, 'BackupCoverage')).toEqual({ Rds: OK });
  });

  test('a wildcard that depends on a name or account the template does not fix needs review, in Resources and in NotResources', () => {
    const named = 'arn:aws:dynamodb:*:*:table/legacy-*';
    const excluded = run({ ...dbPlan(), Sel: selection('Db', { Resources: ['*'], NotResources: [named] }), Table: TABLE() });
    expect(statusesOf(excluded, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(findingsOf(excluded, 'BackupCoverage').map((f) => f.detail))
      .toEqual([`Db may select it: NotResources of Sel may exclude it: whether ${named} matches Table depends on its name, account or region, fixed only at deployment`]);
    const included = run({ ...dbPlan(), Sel: selection('Db', { Resources: [named, 'arn:aws:dynamodb:*:222222222222:table/*'] }), Table: TABLE() });
    expect(statusesOf(included, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });

  test('Conditions after a Resources list known only at deployment do not select on their own', () => {
    const report = run({
      ...dbPlan(),
      Sel: selection('Db', { Resources: { Ref: 'Arns' }, Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'true' }] } }),
      Table: TABLE([{ Key: 'backup', Value: 'true' }]),
    }, undefined, ['Arns']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });

  test('a selection body imported from outside the app cannot be read', () => {
    const imported = { Type: 'AWS::Backup::BackupSelection', Properties: { BackupPlanId: { Ref: 'Db' }, BackupSelection: { 'Fn::ImportValue': 'shared-selection' } } };
    expect(statusesOf(run({ ...dbPlan(), Imported: imported, Table: TABLE() }), 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });

  test('a selection whose plan is a parameter selects a resource without a known plan: it needs review', () => {
    const byParam = { Type: 'AWS::Backup::BackupSelection', Properties: {
      BackupPlanId: { Ref: 'PlanId' }, BackupSelection: { SelectionName: 's', IamRoleArn: ROLE, Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] },
    } };
    const report = run({ ...dbPlan(), ByParam: byParam, Table: TABLE(), Ours: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Mine', 'Arn'] }] }), Mine: TABLE() }, undefined, ['PlanId']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE, Mine: OK });
    // Any plan of the app may be the one it selects for: every plan counts as protecting something.
    expect(statusesOf(run({ ...dbPlan(), Lone: plan([rule('Daily', DAILY, 45)]), ByParam: byParam, Table: TABLE() }, undefined, ['PlanId']), 'BackupPlanSchedule'))
      .toEqual({ Db: OK, Lone: 'non-compliant [Weekly]' });
  });

  test('NotResources removes a resource from its selection; standalone RDS instances and files-tagged tables need backup, logs-tagged ones do not', () => {
    const report = run({
      ...dbPlan(),
      ByTag: selection('Db', { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'team', ConditionValue: 'billing' }], NotResources: [{ 'Fn::GetAtt': ['Excluded', 'Arn'] }] }),
      Kept: TABLE([{ Key: 'team', Value: 'billing' }]),
      Excluded: TABLE([{ Key: 'team', Value: 'billing' }]),
      Rds: RDS,
      Logs: TABLE([{ Key: 'dp:data-class', Value: 'logs' }]),
      Files: TABLE([{ Key: 'dp:data-class', Value: 'files' }]),
    });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Kept: OK, Excluded: NON, Rds: NON, Logs: NA, Files: NON });
  });

  test('a resource selected by two plans names both', () => {
    const report = run({
      ...dbPlan(), Files: plan([rule('Daily', DAILY, 60), rule('Weekly', WEEKLY, 60)]),
      A: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] }), B: selection('Files', { Resources: ['*'] }), Table: TABLE(),
    });
    expect(findingsOf(report, 'BackupCoverage').map((f) => f.detail)).toEqual(['selected by Db, Files']);
  });
});

describe('BackupPlanSchedule (DP.BAK.1): thresholds and unreadable rules', () => {
  test('daily means at most one day, weekly at most seven; rule order does not matter', () => {
    const report = run(base({
      Hourly24: plan([rule('Daily', 'rate(24 hours)', 45), rule('Weekly', 'rate(7 days)', 45)]),
      Hourly25: plan([rule('Daily', 'rate(25 hours)', 45), rule('Weekly', WEEKLY, 45)]),
      EightDays: plan([rule('Daily', DAILY, 45), rule('Weekly', 'rate(8 days)', 45)]),
      Reversed: plan([rule('Weekly', WEEKLY, 45), rule('Daily', DAILY, 45)]),
      TwoDaily: plan([rule('Daily', DAILY, 45), rule('Again', 'rate(12 hours)', 45)]),
      All: selection('Hourly24', { Resources: ['*'] }),
      All2: selection('Hourly25', { Resources: ['*'] }),
      All3: selection('EightDays', { Resources: ['*'] }),
      All4: selection('Reversed', { Resources: ['*'] }),
      All5: selection('TwoDaily', { Resources: ['*'] }),
    }));
    expect(statusesOf(report, 'BackupPlanSchedule')).toEqual({
      Db: OK, Hourly24: OK, Hourly25: 'non-compliant [Daily]', EightDays: 'non-compliant [Weekly]', Reversed: OK, TwoDaily: OK,
    });
  });

  test('every unreadable schedule is named with its expression; a schedule from a parameter default is read', () => {
    const { app } = includeTemplate(base({
      Db: plan([rule('Daily', { Ref: 'DailySchedule' }, 45), rule('Weekly', WEEKLY, 45), rule('Odd', 'at(2026-01-01T00:00:00)', 45), rule('Noon', 'cron(at noon)', 45)]),
    }), { parameterDefaults: { DailySchedule: DAILY } });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupPlanSchedule')).toEqual({ Db: 'non-compliant [UnreadableSchedule]' });
    expect(findingsOf(report, 'BackupPlanSchedule')[0].detail).toBe('the schedule of Odd, Noon ("at(2026-01-01T00:00:00)", "cron(at noon)") cannot be read');
  });

  test('a schedule from a parameter without default may be daily or weekly: unverifiable, never [UnreadableSchedule]', () => {
    const { app } = includeTemplate(base({
      OnlyUnknown: plan([rule('Daily', { Ref: 'Schedule' }, 45)]),
      DailyKnown: plan([rule('Daily', DAILY, 45), rule('Full', { Ref: 'Schedule' }, 45)]),
      WeeklyKnown: plan([rule('Full', WEEKLY, 45), rule('Incremental', { Ref: 'Schedule' }, 45)]),
      BothKnown: plan([rule('Daily', DAILY, 45), rule('Weekly', WEEKLY, 45), rule('Extra', { Ref: 'Schedule' }, 45)]),
      Sel1: selection('OnlyUnknown', { Resources: ['*'] }),
      Sel2: selection('DailyKnown', { Resources: ['*'] }),
      Sel3: selection('WeeklyKnown', { Resources: ['*'] }),
      Sel4: selection('BothKnown', { Resources: ['*'] }),
    }), { parameters: ['Schedule'] });
    expect(verdictsOf(evaluate(app), 'BackupPlanSchedule')).toEqual({
      Db: ['compliant'],
      OnlyUnknown: ['non-compliant[Unverifiable]: no snapshot rule runs daily for certain: the ScheduleExpression of Daily is parameter Schedule, which has no default'],
      DailyKnown: ['non-compliant[Unverifiable]: no second snapshot rule runs weekly for certain: the ScheduleExpression of Full is parameter Schedule, which has no default'],
      WeeklyKnown: ['non-compliant[Unverifiable]: no snapshot rule runs daily for certain: the ScheduleExpression of Incremental is parameter Schedule, which has no default'],
      BothKnown: ['compliant'],
    });
  });

  test('a plan rule the template computes (Fn::If) leaves the plan unverifiable for every rule that reads its rules', () => {
    const conditional = plan([{ 'Fn::If': ['Prod', { RuleName: 'Daily', TargetBackupVault: { Ref: 'Vault' }, ScheduleExpression: DAILY }, { Ref: 'AWS::NoValue' }] }]);
    const { app } = includeTemplate(base({ Db: conditional, ByRef: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Referenced', 'Arn'] }] }) }),
      { parameters: ['Env'], conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } });
    const report = evaluate(app);
    for (const name of ['BackupPlanSchedule', 'BackupCrossRegionCopy', 'RestoreTesting']) expect(statusesOf(report, name)).toEqual({ Db: UNVERIFIABLE });
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Referenced: UNVERIFIABLE, Tagged: UNVERIFIABLE });
    expect(findingsOf(report, 'BackupRetention').find((f) => f.logicalId === 'Referenced')?.detail).toMatch(/^the BackupPlan of Db is .*Fn::If/);
  });
});

describe('BackupRetention (DP.BAK.2): what counts', () => {
  test('continuous rules are exempt; numbers written as text count; a files-tagged table is held to the files retention', () => {
    const { app } = includeTemplate(base({
      WithPitr: plan([{ ...rule('Pitr', DAILY, 35, []), EnableContinuousBackup: true }, rule('Daily', DAILY, '45'), rule('Weekly', WEEKLY, { Ref: 'Days' })]),
      PitrSel: selection('WithPitr', { Resources: [{ 'Fn::GetAtt': ['PitrTable', 'Arn'] }] }),
      PitrTable: TABLE(),
      TextShort: plan([rule('Daily', DAILY, '30', []), rule('Weekly', WEEKLY, 45, [])]),
      TextSel: selection('TextShort', { Resources: [{ 'Fn::GetAtt': ['TextTable', 'Arn'] }] }),
      TextTable: TABLE(),
      FilesTable: TABLE([{ Key: 'dp:data-class', Value: 'files' }]),
      FilesSel: selection('Db', { Resources: [{ 'Fn::GetAtt': ['FilesTable', 'Arn'] }] }),
    }), { parameterDefaults: { Days: '50' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupRetention')).toEqual({
      Tagged: OK, Referenced: OK, PitrTable: OK, TextTable: 'non-compliant [Retention]', FilesTable: 'non-compliant [Retention] [CopyRetention]',
    });
    expect(findingsOf(report, 'BackupRetention').filter((f) => f.logicalId === 'FilesTable').map((f) => f.detail)).toContain('rule Daily of Db keeps backups 45 days; the policy asks for 60');
  });

  test('a copy kept for a parameter\'s number of days, and a plan covering the resource that cannot be read', () => {
    const report = run(base({
      ParamCopy: plan([rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: OTHER_REGION_VAULT, Lifecycle: { DeleteAfterDays: { Ref: 'CopyDays' } } }])]),
      ParamSel: selection('ParamCopy', { Resources: [{ 'Fn::GetAtt': ['ParamTable', 'Arn'] }] }),
      ParamTable: TABLE(),
      Imported: { Type: 'AWS::Backup::BackupPlan', Properties: { BackupPlan: { 'Fn::ImportValue': 'shared-plan' } } },
      ImportedSel: selection('Imported', { Resources: [{ 'Fn::GetAtt': ['ImportedTable', 'Arn'] }] }),
      ImportedTable: TABLE(),
    }), undefined, ['CopyDays']);
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Tagged: OK, Referenced: OK, ParamTable: UNVERIFIABLE, ImportedTable: UNVERIFIABLE });
    const details = findingsOf(report, 'BackupRetention').map((f) => f.detail ?? '');
    expect(details).toContain('DeleteAfterDays of a copy in rule Daily is known only at deployment (a parameter or import)');
    expect(details).toContain('the BackupPlan of Imported is an import of shared-plan, which no stack of this app exports');
  });
});

describe('BackupCrossRegionCopy (DP.BAK.3): where copies go', () => {
  const copyTo = (...destinations: unknown[]) => plan([rule('Daily', DAILY, 45, destinations.map((d) => ({ DestinationBackupVaultArn: d })))]);
  const select = (...plans: string[]) => Object.fromEntries(plans.map((p) => [`${p}Sel`, selection(p, { Resources: ['*'] })]));

  test('one copy to another region is enough; a copy to a vault of the app is in the app\'s region; continuous rules need no copy', () => {
    const report = run(base({
      SameAndOther: copyTo(SAME_REGION_VAULT, OTHER_REGION_VAULT),
      UnknownAndOther: copyTo({ Ref: 'CopyVault' }, OTHER_REGION_VAULT),
      SameAndUnknown: copyTo(SAME_REGION_VAULT, { Ref: 'CopyVault' }),
      ToOwnVault: copyTo({ 'Fn::GetAtt': ['Vault', 'BackupVaultArn'] }),
      JoinedRegionParam: copyTo({ 'Fn::Join': [':', ['arn:aws:backup', { Ref: 'CopyRegion' }, '111111111111:backup-vault:x']] }),
      JoinedList: copyTo({ 'Fn::Join': [':', { Ref: 'CopyRegion' }] }),
      WithPitr: plan([{ ...rule('Pitr', DAILY, 35, []), EnableContinuousBackup: 'true' }, rule('Daily', DAILY, 45)]),
      Unused: copyTo(SAME_REGION_VAULT),
      ...select('SameAndOther', 'UnknownAndOther', 'SameAndUnknown', 'ToOwnVault', 'JoinedRegionParam', 'JoinedList', 'WithPitr'),
    }), undefined, ['CopyVault', 'CopyRegion']);
    expect(statusesOf(report, 'BackupCrossRegionCopy')).toEqual({
      Db: OK, SameAndOther: OK, UnknownAndOther: OK, SameAndUnknown: UNVERIFIABLE, ToOwnVault: 'non-compliant [SameRegion]',
      JoinedRegionParam: UNVERIFIABLE, JoinedList: UNVERIFIABLE, WithPitr: OK, Unused: NA,
    });
    expect(findingsOf(report, 'BackupCrossRegionCopy').find((f) => f.logicalId === 'SameAndUnknown')?.detail)
      .toBe('rule Daily copies to a vault whose region is known only at deployment');
  });

  test('without a stack region, the detail lists the copies\' known regions or says none is known', () => {
    const { app } = includeTemplate(base({ Param: copyTo({ Ref: 'CopyVault' }), ...select('Param') }), { region: null, parameters: ['CopyVault'] });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupCrossRegionCopy')).toEqual({ Db: UNVERIFIABLE, Param: UNVERIFIABLE });
    const detail = (id: string) => findingsOf(report, 'BackupCrossRegionCopy').filter((f) => f.logicalId === id).map((f) => f.detail);
    expect(detail('Param')).toEqual(['rule Daily copies to a vault whose region is unknown, and the plan\'s stack has no explicit region to compare with']);
    expect(detail('Db')[0]).toMatch(/^rule Daily copies to eu-central-1, /);
  });
});

describe('BackupFailureAlerts (DP.BAK.5): which EventBridge rules count', () => {
  const alerts = (pattern: object, targets: unknown = [{ Id: 'topic', Arn: { Ref: 'Topic' } }], extra: object = {}) => (
    { Type: 'AWS::Events::Rule', Properties: { EventPattern: pattern, Targets: targets, ...extra } });
  const FAILED = { source: ['aws.backup'], detail: { state: ['FAILED'] } };

  test.each([
    ['explicitly enabled', alerts(FAILED, undefined, { State: 'ENABLED' }), OK],
    ['source given as a single string', alerts({ source: 'aws.backup', detail: { state: 'FAILED' } }), OK],
    ['any state', alerts({ source: ['aws.backup'] }), OK],
    ['a literal SNS topic ARN', alerts(FAILED, [{ Id: 't', Arn: 'arn:aws:sns:eu-west-1:111111111111:ops' }]), OK],
    ['a topic and a target known only at deployment', alerts(FAILED, [{ Id: 'p', Arn: { Ref: 'Target' } }, { Id: 't', Arn: { Ref: 'Topic' } }]), OK],
    ['no source', alerts({ detail: { state: ['FAILED'] } }), 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]'],
    ['another service', alerts({ source: ['aws.ec2'], detail: { state: ['FAILED'] } }), 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]'],
    ['a literal queue ARN', alerts(FAILED, [{ Id: 'q', Arn: 'arn:aws:sqs:eu-west-1:111111111111:ops' }]), 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]'],
    ['no targets', alerts(FAILED, undefined, { Targets: undefined }), 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]'],
    ['a schedule, not an event pattern', { Type: 'AWS::Events::Rule', Properties: { ScheduleExpression: 'rate(1 day)', Targets: [{ Id: 't', Arn: { Ref: 'Topic' } }] } },
      'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]'],
  ])('%s', (_name, eventRule, verdict) => {
    expect(statusesOf(run(base({ Alerts: eventRule }), undefined, ['Target']), 'BackupFailureAlerts')).toEqual({ Db: verdict });
  });

  test('a target known only at deployment makes the job kinds it listens to unverifiable, the others still fail', () => {
    const unknown = alerts({ 'source': ['aws.backup'], 'detail-type': ['Backup Job State Change'] }, [{ Id: 'p', Arn: { Ref: 'Target' } }, { Id: 'q', Arn: 'arn:aws:sqs:eu-west-1:111111111111:ops' }]);
    const report = run(base({ Alerts: unknown }), undefined, ['Target']);
    expect(statusesOf(report, 'BackupFailureAlerts')).toEqual({ Db: `${UNVERIFIABLE} [CopyJobs] [RestoreJobs]` });
  });

  test('only a plan that protects something needs alerts, and only a rule in the plan\'s region counts', () => {
    const app = templateApp();
    includeTemplate(base({ Alerts: undefined, Unused: plan([rule('Daily', DAILY, 45)]) }), { app });
    includeTemplate({ Topic: TOPIC, Alerts: ALERTS }, { app, stackId: 'Elsewhere', region: 'eu-central-1' });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupFailureAlerts')).toEqual({ Db: 'non-compliant [BackupJobs] [CopyJobs] [RestoreJobs]', Unused: NA });
    expect(findingsOf(report, 'BackupFailureAlerts').find((f) => f.logicalId === 'Db')?.detail).toMatch(/to an SNS topic in eu-west-1$/);
  });

  test('without a stack region an alert rule of the same stack counts, and the detail speaks of the plan\'s region', () => {
    expect(statusesOf(evaluate(includeTemplate(base(), { region: null }).app), 'BackupFailureAlerts')).toEqual({ Db: OK });
    const report = evaluate(includeTemplate(base({ Alerts: undefined }), { region: null }).app);
    expect(findingsOf(report, 'BackupFailureAlerts').map((f) => f.detail)).toContain('no enabled EventBridge rule sends failed Backup Job State Change events to an SNS topic in the plan\'s region');
  });
});

describe('BackupVaultLock (DP.BAK.7): access policies and values the template computes', () => {
  const governance = (accessPolicy?: unknown, lock: unknown = { MinRetentionDays: 45 }) => (
    { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'v', LockConfiguration: lock, ...(accessPolicy === undefined ? {} : { AccessPolicy: accessPolicy }) } });
  const deny = (statement: object) => ({ Version: '2012-10-17', Statement: statement });

  test.each([
    ['one statement denying backup:*', deny({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'backup:*', Resource: '*' }), OK],
    ['a statement denying *', deny([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*' }]), OK],
    ['an allow and a deny among other actions', deny([
      { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'backup:StartRestoreJob', Resource: '*' },
      { Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteBackupVault', 'backup:DeleteRecoveryPoint'], Resource: '*' },
    ]), OK],
    ['an allow', deny([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'backup:DeleteRecoveryPoint', Resource: '*' }]), 'non-compliant [DeletionNotBlocked]'],
    ['a deny of another action', deny([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'backup:DeleteBackupVault', Resource: '*' }]), 'non-compliant [DeletionNotBlocked]'],
    ['an imported policy', { 'Fn::ImportValue': 'vault-policy' }, UNVERIFIABLE],
  ])('a governance-mode vault with %s', (_name, accessPolicy, verdict) => {
    expect(statusesOf(run(base({ Vault: governance(accessPolicy) })), 'BackupVaultLock')).toEqual({ Vault: verdict });
  });

  test('an access policy written as JSON text is read (a raw template may; CfnInclude only takes an object)', () => {
    const text = JSON.stringify(deny([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint'], Resource: '*' }]));
    const allowText = JSON.stringify(deny([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint'], Resource: '*' }]));
    const template = { Resources: base({ Vault: governance(text), Allowed: governance(allowText), Other: plan([rule('Daily', DAILY, 45, [], 'Allowed')]) }) };
    const { report } = evaluateCloudFormation([{ path: 'Included', name: 'Included', region: 'eu-west-1', templatePath: 'Included.json', template }], { policy: new DataProtectionPolicy() });
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({ Vault: OK, Allowed: 'non-compliant [DeletionNotBlocked]' });
  });

  test('a lock the template computes, a minimum retention that is a parameter, one day short of the policy', () => {
    const policy = VAULT.Properties.AccessPolicy;
    const { app } = includeTemplate(base({
      Vault: governance(policy, { 'Fn::If': ['Prod', { MinRetentionDays: 45 }, { Ref: 'AWS::NoValue' }] }),
      ParamMin: governance(policy, { MinRetentionDays: { Ref: 'MinDays' } }),
      DefaultMin: governance(policy, { MinRetentionDays: { Ref: 'DefaultDays' } }),
      OneShort: governance(policy, { MinRetentionDays: 44 }),
      ParamModeDenied: governance(policy, { MinRetentionDays: 45, ChangeableForDays: { Ref: 'Grace' } }),
      Other: plan(['ParamMin', 'DefaultMin', 'OneShort', 'ParamModeDenied'].map((v) => rule(v, DAILY, 45, [], v))),
    }), { parameters: ['Env', 'MinDays', 'Grace'], parameterDefaults: { DefaultDays: '45' }, conditions: { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } } });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({
      Vault: UNVERIFIABLE, ParamMin: UNVERIFIABLE, DefaultMin: OK, OneShort: 'non-compliant [MinRetention]', ParamModeDenied: OK,
    });
    const detail = (id: string) => findingsOf(report, 'BackupVaultLock').find((f) => f.logicalId === id)?.detail;
    expect(detail('Vault')).toBe('LockConfiguration is a Fn::If on condition Prod, which depends on parameter Env, which has no default');
    expect(detail('ParamMin')).toMatch(/^LockConfiguration.MinRetentionDays is parameter MinDays/);
    expect(detail('OneShort')).toBe('MinRetentionDays 44 is shorter than the policy\'s 45 days');
  });

  test('a lock chosen by a condition: read when the app decides it; otherwise unverifiable, and no [DeletionNotBlocked] for a mode it may set', () => {
    const compliance = { 'Fn::If': ['Cond', { MinRetentionDays: 45, ChangeableForDays: 3 }, { Ref: 'AWS::NoValue' }] };
    const judge = (conditions: Record<string, unknown>) => {
      const { app } = includeTemplate(base({ Vault: governance(undefined, compliance) }), { parameters: ['Env'], parameterDefaults: { Mode: 'prod' }, conditions });
      return verdictsOf(evaluate(app), 'BackupVaultLock').Vault;
    };
    expect(judge({ Cond: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } })).toEqual([
      'non-compliant[Unverifiable]: LockConfiguration is a Fn::If on condition Cond, which depends on parameter Env, which has no default',
    ]);
    expect(judge({ Cond: { 'Fn::Equals': [{ Ref: 'Mode' }, 'prod'] } })).toEqual(['compliant']);
    expect(judge({ Cond: { 'Fn::Equals': [{ Ref: 'Mode' }, 'dev'] } })).toEqual([
      'non-compliant[NoLock]: the vault has no LockConfiguration',
      'non-compliant[DeletionNotBlocked]: no lock and no access policy denying backup:DeleteRecoveryPoint: recovery points can be deleted',
    ]);
  });

  test('a vault receiving copies needs the lock; a continuous rule\'s copies are snapshots; a compliance lock on continuous backups needs no deny', () => {
    const bare = (name: string, lock?: object) => ({ Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: name, ...(lock ? { LockConfiguration: lock } : {}) } });
    const report = run(base({
      CopyVault: bare('copies'),
      PitrCopyVault: bare('pitr-copies', { MinRetentionDays: 7, ChangeableForDays: 3 }),
      PitrVault: bare('pitr', { MinRetentionDays: 7, ChangeableForDays: 3 }),
      Other: plan([
        rule('Daily', DAILY, 45, [{ DestinationBackupVaultArn: { 'Fn::GetAtt': ['CopyVault', 'BackupVaultArn'] } }]),
        { ...rule('Pitr', DAILY, 35, [{ DestinationBackupVaultArn: { 'Fn::GetAtt': ['PitrCopyVault', 'BackupVaultArn'] } }], 'PitrVault'), EnableContinuousBackup: true },
      ]),
    }));
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({
      Vault: OK, CopyVault: 'non-compliant [NoLock] [DeletionNotBlocked]', PitrCopyVault: 'non-compliant [MinRetention] [DeletionNotBlocked]', PitrVault: OK,
    });
  });
});

describe('RestoreTesting (DP.BAK.4): which testing plans count', () => {
  const testing = (schedule: unknown, vaults?: unknown[], planName: unknown = 't_custom') => ({
    TestCustom: { Type: 'AWS::Backup::RestoreTestingPlan', Properties: {
      RestoreTestingPlanName: 't_custom', ScheduleExpression: schedule,
      RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', RecoveryPointTypes: ['SNAPSHOT'], ...(vaults ? { IncludeVaults: vaults } : {}) },
    } },
    TestCustomSelection: { Type: 'AWS::Backup::RestoreTestingSelection', Properties: {
      RestoreTestingPlanName: planName, RestoreTestingSelectionName: 'all', ProtectedResourceType: 'DynamoDB', IamRoleArn: ROLE, ProtectedResourceArns: ['*'],
    } },
  });
  const only = (custom: object, extra: object = {}) => base({
    TestDaily: undefined, TestDailySelection: undefined, TestWeekly: undefined, TestWeeklySelection: undefined,
    TestQuarterly: undefined, TestQuarterlySelection: undefined, ...custom, ...extra,
  });
  const ALL = 'non-compliant [Daily] [Weekly] [Quarterly]';

  test.each([
    ['every vault, daily', testing('rate(1 day)', ['*']), OK],
    ['the vault by its ARN, daily', testing(DAILY, ['arn:aws:backup:eu-west-1:111111111111:backup-vault:data-protection']), OK],
    ['another vault by its ARN', testing(DAILY, ['arn:aws:backup:eu-west-1:111111111111:backup-vault:elsewhere']), ALL],
    ['another vault of the app', testing(DAILY, [{ 'Fn::GetAtt': ['Spare', 'BackupVaultArn'] }]), ALL],
    ['every two days', testing('rate(2 days)', ['*']), 'non-compliant [Daily]'],
    ['every eight days', testing('rate(8 days)', ['*']), 'non-compliant [Daily] [Weekly]'],
    ['every four months', testing('cron(0 6 1 1,5,9 ? *)', ['*']), ALL],
    ['a selection naming its plan by reference', testing(DAILY, ['*'], { Ref: 'TestCustom' }), OK],
    ['a vault known only at deployment', testing(DAILY, [{ Ref: 'TestedVault' }]), UNVERIFIABLE],
  ])('a testing plan of %s', (_name, custom, verdict) => {
    const spare = { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'spare' } };
    expect(statusesOf(run(only(custom, { Spare: spare }), undefined, ['TestedVault']), 'RestoreTesting')).toEqual({ Db: verdict });
  });

  test('a vault holding only continuous backups needs no restore test; an unselected plan is not judged', () => {
    const report = run(base({
      WithPitr: plan([{ ...rule('Pitr', DAILY, 35, [], 'PitrVault'), EnableContinuousBackup: true }, rule('Daily', DAILY, 45)]),
      PitrVault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'pitr' } },
      PitrSel: selection('WithPitr', { Resources: ['*'] }),
      Unused: plan([rule('Daily', DAILY, 45, [], 'PitrVault')]),
    }));
    expect(statusesOf(report, 'RestoreTesting')).toEqual({ Db: OK, WithPitr: OK, Unused: NA });
  });

  test('schedules and vault lists from parameters are read from their defaults, unverifiable without; vault ARNs may use wildcards', () => {
    const judge = (custom: object) => {
      const { app } = includeTemplate(only(custom), {
        parameters: ['Schedule', 'Vaults'],
        parameterDefaults: { DailySchedule: DAILY, AllVaults: { Type: 'CommaDelimitedList', Default: '*' } },
      });
      return verdictsOf(evaluate(app), 'RestoreTesting').Db;
    };
    const listVaults = (vaults: unknown) => {
      const withVaults = testing(DAILY);
      (withVaults.TestCustom.Properties.RecoveryPointSelection as any).IncludeVaults = vaults;
      return withVaults;
    };
    expect(judge(testing({ Ref: 'DailySchedule' }, ['*']))).toEqual(['compliant']);
    expect(judge(testing({ Ref: 'Schedule' }, ['*']))).toEqual([
      'non-compliant[Unverifiable]: the ScheduleExpression of restore testing plan TestCustom is parameter Schedule, which has no default; it may or may not test Vault daily',
    ]);
    // An unknown schedule on a plan that surely omits the vault changes nothing.
    expect(judge(testing({ Ref: 'Schedule' }, ['arn:aws:backup:*:*:backup-vault:elsewhere']))).toEqual(['non-compliant[Daily]', 'non-compliant[Weekly]', 'non-compliant[Quarterly]']);
    expect(judge(listVaults({ Ref: 'AllVaults' }))).toEqual(['compliant']);
    expect(judge(listVaults({ Ref: 'Vaults' }))).toEqual([
      'non-compliant[Unverifiable]: the IncludeVaults of restore testing plan TestCustom is parameter Vaults, which has no default; it may or may not test Vault daily',
    ]);
    expect(judge(testing(DAILY, ['arn:aws:backup:*:*:backup-vault:data-*']))).toEqual(['compliant']);
    expect(judge(testing(DAILY, ['arn:aws:backup:*:*:backup-vault:other-*']))).toEqual(['non-compliant[Daily]', 'non-compliant[Weekly]', 'non-compliant[Quarterly]']);
  });

  test('the unverifiable detail names the vault and the frequency', () => {
    const report = run(only(testing(DAILY, [{ Ref: 'TestedVault' }])), new DataProtectionPolicy({ restoreTestSchedules: ['weekly' as any] }), ['TestedVault']);
    expect(findingsOf(report, 'RestoreTesting').map((f) => f.detail)).toEqual(['a vault of restore testing plan TestCustom is parameter TestedVault, which has no default; it may or may not test Vault weekly']);
  });
});

describe('Backup schedules: monthly forms and day names containing L or W', () => {
  test('a rule on the n-th or last weekday of the month is monthly, not the weekly full backup; a Wednesday rule is weekly', () => {
    const report = run(base({
      FirstSunday: plan([rule('Daily', DAILY, 45), rule('Monthly', 'cron(0 4 ? * SUN#1 *)', 45)]),
      ThirdFriday: plan([rule('Daily', DAILY, 45), rule('Monthly', 'cron(0 4 ? * 6#3 *)', 45)]),
      LastFriday: plan([rule('Daily', DAILY, 45), rule('Monthly', 'cron(0 4 ? * 6L *)', 45)]),
      Wednesday: plan([rule('Daily', DAILY, 45), rule('Weekly', 'cron(0 4 ? * WED *)', 45)]),
      S1: selection('FirstSunday', { Resources: ['*'] }),
      S2: selection('ThirdFriday', { Resources: ['*'] }),
      S3: selection('LastFriday', { Resources: ['*'] }),
      S4: selection('Wednesday', { Resources: ['*'] }),
    }));
    expect(statusesOf(report, 'BackupPlanSchedule')).toEqual({
      Db: OK, FirstSunday: 'non-compliant [Weekly]', ThirdFriday: 'non-compliant [Weekly]', LastFriday: 'non-compliant [Weekly]', Wednesday: OK,
    });
  });

  test('a restore test on the first Monday of the month is not weekly; one every Wednesday is', () => {
    // Without the daily test, which would also count as weekly.
    const withWeekly = (expression: string) => base({ ...restoreTests({ Weekly: expression }), TestDaily: undefined, TestDailySelection: undefined });
    expect(statusesOf(run(withWeekly('cron(0 6 ? * MON#1 *)')), 'RestoreTesting')).toEqual({ Db: 'non-compliant [Daily] [Weekly]' });
    expect(statusesOf(run(withWeekly('cron(0 6 ? * WED *)')), 'RestoreTesting')).toEqual({ Db: 'non-compliant [Daily]' });
  });
});

describe('Backup selections: exclusions and lists known only at deployment', () => {
  const dbPlan = () => ({ Vault: VAULT, Db: plan([rule('Daily', DAILY, 45), rule('Weekly', WEEKLY, 45)]) });
  const BY_TAG = { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'team', ConditionValue: 'billing' }] };
  const TAGGED = TABLE([{ Key: 'team', Value: 'billing' }]);

  test('NotResources from a parameter without default may exclude any resource the selection picks: coverage and retention need review', () => {
    const report = run({ ...dbPlan(), Sel: selection('Db', { ...BY_TAG, NotResources: [{ Ref: 'Ex' }] }), Table: TAGGED }, undefined, ['Ex']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Table: UNVERIFIABLE });
    const detail = 'Db selects it unless excluded: NotResources of Sel is parameter Ex, which has no default';
    expect(findingsOf(report, 'BackupCoverage').map((f) => f.detail)).toEqual([detail]);
    expect(findingsOf(report, 'BackupRetention').map((f) => f.detail)).toEqual([detail]);
  });

  test('a whole NotResources list from a parameter, or an exclusion built from one, also needs review', () => {
    const whole = run({ ...dbPlan(), Sel: selection('Db', { ...BY_TAG, NotResources: { Ref: 'Ex' } }), Table: TAGGED }, undefined, ['Ex']);
    expect(statusesOf(whole, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    const joined = { 'Fn::Join': ['', ['arn:aws:dynamodb:eu-west-1:111111111111:table/', { Ref: 'Ex' }]] };
    const built = run({ ...dbPlan(), Sel: selection('Db', { ...BY_TAG, NotResources: [joined] }), Table: TAGGED }, undefined, ['Ex']);
    expect(statusesOf(built, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });

  test('exclusions the app defines keep working: literal ARNs, a parameter default, resources of the app; another plan that surely selects it suffices', () => {
    const { app } = includeTemplate({
      ...dbPlan(),
      Sel: selection('Db', { ...BY_TAG, NotResources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/other', { Ref: 'Ex' }, { 'Fn::GetAtt': ['Excluded', 'Arn'] }] }),
      Table: TAGGED,
      Excluded: TAGGED,
    }, { parameterDefaults: { Ex: 'arn:aws:dynamodb:eu-west-1:111111111111:table/legacy' } });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: OK, Excluded: NON });
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Table: OK, Excluded: NA });

    const both = run({
      ...dbPlan(), Files: plan([rule('Daily', DAILY, 60), rule('Weekly', WEEKLY, 60)]),
      Maybe: selection('Files', { ...BY_TAG, NotResources: [{ Ref: 'Ex' }] }), Sure: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] }), Table: TAGGED,
    }, undefined, ['Ex']);
    expect(findingsOf(both, 'BackupCoverage').map((f) => f.detail)).toEqual(['selected by Db']);
    // Files keeps backups long enough whether or not it selects the table.
    expect(statusesOf(both, 'BackupRetention')).toEqual({ Table: OK });
  });

  test('a plan that may exclude the resource and keeps backups too briefly needs review, not a failure', () => {
    const report = run({
      ...dbPlan(), Short: plan([rule('Daily', DAILY, 7), rule('Weekly', WEEKLY, 7)]),
      Maybe: selection('Short', { ...BY_TAG, NotResources: [{ Ref: 'Ex' }] }), Sure: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }] }), Table: TAGGED,
    }, undefined, ['Ex']);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: OK });
    expect(statusesOf(report, 'BackupRetention')).toEqual({ Table: UNVERIFIABLE });
    expect(findingsOf(report, 'BackupRetention').map((f) => f.detail)).toEqual(['Short selects it unless excluded: NotResources of Maybe is parameter Ex, which has no default']);
  });

  test('Resources or ListOfTags from a list parameter without default may select an uncovered resource: it needs review', () => {
    const list = { Type: 'CommaDelimitedList' };
    const byArns = evaluate(includeTemplate({ ...dbPlan(), Sel: selection('Db', { Resources: { Ref: 'Arns' } }), Table: TABLE() }, { parameterDefaults: { Arns: list } }).app);
    expect(statusesOf(byArns, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    const byTags = evaluate(includeTemplate({ ...dbPlan(), Sel: selection('Db', { ListOfTags: { Ref: 'Tags' } }), Table: TABLE() }, { parameterDefaults: { Tags: list } }).app);
    expect(statusesOf(byTags, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });

  test('a Resources list from a parameter default is read like the literal list', () => {
    const { app } = includeTemplate({ ...dbPlan(), Sel: selection('Db', { Resources: { Ref: 'Arns' } }), Table: TABLE(), Bucket: BUCKET() },
      { parameterDefaults: { Arns: { Type: 'CommaDelimitedList', Default: 'arn:aws:dynamodb:*:*:table/*,arn:aws:s3:::legacy' } } });
    expect(statusesOf(evaluate(app), 'BackupCoverage')).toEqual({ Table: OK, Bucket: NON });
  });
});

describe('Backup selections: regions in wildcard ARNs, computed tags and Conditions', () => {
  const dbPlan = () => ({ Vault: VAULT, Db: plan([rule('Daily', DAILY, 45), rule('Weekly', WEEKLY, 45)]) });
  const BY_TAG = { ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'team', ConditionValue: 'billing' }] };
  const detailOf = (report: ReturnType<typeof evaluate>, id: string) => findingsOf(report, 'BackupCoverage').find((f) => f.logicalId === id)?.detail;

  test('a wildcard ARN naming the stack\'s region selects its resources, another region does not, an S3 ARN has no region or account', () => {
    const report = run({
      ...dbPlan(), Table: TABLE(), Bucket: BUCKET(),
      Here: selection('Db', { Resources: ['arn:aws:dynamodb:eu-west-1:*:table/*', 'arn:aws:s3:::*'] }),
    });
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: OK, Bucket: OK });
    const elsewhere = run({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: ['arn:aws:dynamodb:us-east-1:*:table/*', 'arn:aws:dynamodb:*'] }) });
    expect(statusesOf(elsewhere, 'BackupCoverage')).toEqual({ Table: NON });
    // A region wildcard pattern (eu-*) is matched like the rest of the ARN.
    const like = run({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: ['arn:aws:dynamodb:eu-*:*:table/*'] }) });
    expect(statusesOf(like, 'BackupCoverage')).toEqual({ Table: OK });
  });

  test('a wildcard ARN naming a region, on a stack without a region, may or may not match: it needs review', () => {
    const pattern = 'arn:aws:dynamodb:eu-west-1:*:table/*';
    const report = evaluate(includeTemplate({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: [pattern] }) }, { region: null }).app);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(detailOf(report, 'Table')).toBe(`Db may select it: whether ${pattern} matches Table depends on its name, account or region, fixed only at deployment`);
    // Without a region restriction the same stack is selected for sure.
    const any = evaluate(includeTemplate({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: ['arn:aws:dynamodb:*:*:table/*'] }) }, { region: null }).app);
    expect(statusesOf(any, 'BackupCoverage')).toEqual({ Table: OK });
  });

  test('a wildcard naming part of a resource name, or an empty type prefix, depends on the name; another type of the service never matches', () => {
    const rds = { Type: 'AWS::RDS::DBInstance', Properties: { DBInstanceClass: 'db.t4g.micro', Engine: 'postgres' } };
    const named = run({ ...dbPlan(), Rds: rds, Sel: selection('Db', { Resources: ['arn:aws:rds:*:*:db:prod-*'] }) });
    expect(statusesOf(named, 'BackupCoverage')).toEqual({ Rds: UNVERIFIABLE });
    const short = run({ ...dbPlan(), Rds: rds, Sel: selection('Db', { Resources: ['arn:aws:rds:*:*:?b:main'] }) });
    expect(statusesOf(short, 'BackupCoverage')).toEqual({ Rds: UNVERIFIABLE });
    const cluster = run({ ...dbPlan(), Rds: rds, Sel: selection('Db', { Resources: ['arn:aws:rds:*:*:cluster:main'] }) });
    expect(statusesOf(cluster, 'BackupCoverage')).toEqual({ Rds: NON });
  });

  test('a Resources entry from a parameter default is read as the literal it stands for', () => {
    const { app } = includeTemplate({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: [{ Ref: 'Arn' }] }) },
      { parameterDefaults: { Arn: 'arn:aws:dynamodb:*:*:table/*' } });
    expect(statusesOf(evaluate(app), 'BackupCoverage')).toEqual({ Table: OK });
  });

  test('tags a resource computes (a whole list or a key from a parameter) may match a selection: it needs review, naming the value', () => {
    const listParam = run({ ...dbPlan(), Sel: selection('Db', BY_TAG), Table: { ...TABLE(), Properties: { ...TABLE().Properties, Tags: { Ref: 'TagList' } } } }, undefined, ['TagList']);
    expect(statusesOf(listParam, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(detailOf(listParam, 'Table')).toBe('Db may select it: the tags of Table is parameter TagList, which has no default');
    const keyParam = run({ ...dbPlan(), Sel: selection('Db', BY_TAG), Table: TABLE([{ Key: { Ref: 'TagKey' }, Value: 'billing' }]) }, undefined, ['TagKey']);
    expect(statusesOf(keyParam, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(detailOf(keyParam, 'Table')).toBe('Db may select it: a tag key of Table is parameter TagKey, which has no default');
    // A known tag that fails the selection is not overridden by an unknown key elsewhere in the list.
    const known = run({ ...dbPlan(), Sel: selection('Db', BY_TAG), Table: TABLE([{ Key: { Ref: 'TagKey' }, Value: 'x' }, { Key: 'team', Value: 'payroll' }]) }, undefined, ['TagKey']);
    expect(statusesOf(known, 'BackupCoverage')).toEqual({ Table: NON });
  });

  test('Conditions the template computes, or a condition list from a parameter, make what they filter need review', () => {
    const conditions = { Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } };
    const computed = { 'Fn::If': ['Prod', { StringEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'true' }] }, { Ref: 'AWS::NoValue' }] };
    const { app } = includeTemplate({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Resources: ['*'], Conditions: computed }) }, { parameters: ['Env'], conditions });
    const report = evaluate(app);
    expect(statusesOf(report, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
    expect(detailOf(report, 'Table')).toBe('Db may select it: Conditions of Sel is a Fn::If on condition Prod, which depends on parameter Env, which has no default');
    const list = run({
      ...dbPlan(), Table: TABLE(), Other: TABLE(),
      Sel: selection('Db', { Resources: [{ 'Fn::GetAtt': ['Table', 'Arn'] }], Conditions: { StringEquals: { Ref: 'Conds' } } }),
    }, undefined, ['Conds']);
    expect(statusesOf(list, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE, Other: NON });
    expect(detailOf(list, 'Table')).toBe('Db may select it: Conditions.StringEquals of Sel is parameter Conds, which has no default');
    // Given alone, Conditions that cannot be read may select every resource.
    const alone = run({ ...dbPlan(), Table: TABLE(), Sel: selection('Db', { Conditions: { StringLike: { Ref: 'Conds' } } }) }, undefined, ['Conds']);
    expect(statusesOf(alone, 'BackupCoverage')).toEqual({ Table: UNVERIFIABLE });
  });
});

describe('Backup plans: values the rules cannot read', () => {
  test('a rule whose vault is known only at deployment leaves the restore tests of the plan unverifiable, naming the rule', () => {
    const report = run(base({ Db: plan([rule('Daily', DAILY, 45, undefined, 'Target'), rule('Weekly', WEEKLY, 45)]) }), undefined, ['Target']);
    expect(statusesOf(report, 'RestoreTesting')).toEqual({ Db: UNVERIFIABLE });
    expect(findingsOf(report, 'RestoreTesting').map((f) => f.detail)).toEqual(['TargetBackupVault of rule Daily is parameter Target, which has no default']);
  });

  test('a restore testing plan that includes no vault tests none (a raw template: CfnInclude requires IncludeVaults)', () => {
    const template = { Resources: base({
      TestDaily: { Type: 'AWS::Backup::RestoreTestingPlan', Properties: {
        RestoreTestingPlanName: 't_Daily', ScheduleExpression: 'cron(0 6 * * ? *)', RecoveryPointSelection: { Algorithm: 'LATEST_WITHIN_WINDOW', RecoveryPointTypes: ['SNAPSHOT'] },
      } },
    }) };
    const { report } = evaluateCloudFormation([{ path: 'Included', name: 'Included', region: 'eu-west-1', templatePath: 'Included.json', template }], { policy: new DataProtectionPolicy() });
    expect(statusesOf(report, 'RestoreTesting')).toEqual({ Db: 'non-compliant [Daily]' });
  });
});

describe('BackupVaultLock (DP.BAK.7): a minimum retention that is no number', () => {
  test('a minimum retention that is not a number is unverifiable', () => {
    const vault = { ...VAULT, Properties: { ...VAULT.Properties, LockConfiguration: { MinRetentionDays: 'many' } } };
    const template = { Resources: base({ Vault: vault }) };
    const { report } = evaluateCloudFormation([{ path: 'Included', name: 'Included', region: 'eu-west-1', templatePath: 'Included.json', template }], { policy: new DataProtectionPolicy() });
    expect(statusesOf(report, 'BackupVaultLock')).toEqual({ Vault: UNVERIFIABLE });
    expect(findingsOf(report, 'BackupVaultLock').map((f) => f.detail)).toEqual(['LockConfiguration.MinRetentionDays is not a number']);
  });
});
