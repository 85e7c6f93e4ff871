import { Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { CONTINUOUS_BACKUP_MAX_DAYS, DAILY_BACKUP, RESTORE_TEST_SCHEDULES, WEEKLY_BACKUP } from './schedules';
import { DATA_CLASS_TAG, DataClass } from '../../core/policy/data-class';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { DataKey } from '../encryption/data-key';
import { acknowledgeRules, inCompliancePacks, REASONS } from '../private/third-party';

/**
 * How a backup vault lock can be changed.
 */
export enum VaultLockMode {
  /** Users with the right IAM permissions can still remove the lock. */
  GOVERNANCE = 'governance',
  /** After a grace period nobody, not even the root user or AWS, can remove the lock or shorten retention. */
  COMPLIANCE = 'compliance',
}

/** Resource types restore tests can cover (AWS Backup's `ProtectedResourceType`). */
export const RESTORE_TESTABLE_TYPES = ['Aurora', 'RDS', 'DynamoDB', 'EFS', 'S3', 'EBS', 'DocumentDB', 'Neptune', 'EC2', 'FSx'];
const DEFAULT_RESTORE_TEST_TYPES = ['Aurora', 'RDS', 'DynamoDB', 'EFS', 'S3', 'EBS'];
const FAILED_STATES = ['FAILED', 'ABORTED', 'EXPIRED'];
const JOB_EVENTS = ['Backup Job State Change', 'Copy Job State Change', 'Restore Job State Change'];
const MIN_COMPLIANCE_GRACE_DAYS = 3;

/**
 * Props for PolicyBackupPlan.
 */
export interface PolicyBackupPlanProps {
  /**
   * The policy whose retention, copy and restore-test promises the plan keeps.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * Name of the backup vault. Use the same name in every region so each region's plan copies into
   * the other's vault.
   *
   * @default 'data-protection'
   */
  readonly vaultName?: string;

  /**
   * The region every backup is copied to (DP.BAK.3). Required while the policy asks for
   * cross-region copies, unless `copyVaultArn` is given; must differ from this stack's region.
   *
   * @default - none
   */
  readonly copyRegion?: string;

  /**
   * The vault copies go to.
   *
   * @default - the vault named `vaultName` in `copyRegion`, in this account
   */
  readonly copyVaultArn?: string;

  /**
   * Key that encrypts the vault (DP.ENC.4: a key used for backups only).
   *
   * @default - a new DataKey dedicated to this vault
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * How the vault lock (DP.BAK.7) can be changed.
   *
   * @default VaultLockMode.GOVERNANCE
   */
  readonly vaultLockMode?: VaultLockMode;

  /**
   * With a COMPLIANCE lock: the grace period during which the lock can still be removed, at least 3 days.
   *
   * @default Duration.days(3)
   */
  readonly complianceLockGracePeriod?: Duration;

  /**
   * Keep databases' backups longer than the policy says (shorter is an error).
   *
   * @default - the policy's databaseBackupRetentionDays
   */
  readonly databaseRetention?: Duration;

  /**
   * Keep files' backups longer than the policy says (shorter is an error).
   *
   * @default - the policy's fileBackupRetentionDays
   */
  readonly fileRetention?: Duration;

  /**
   * Add continuous backups (point-in-time recovery) for resources that support them, kept up to the
   * 35 days AWS allows, in a vault of their own (a lock's minimum retention would reject them).
   *
   * @default true
   */
  readonly continuousBackup?: boolean;

  /**
   * Topic alerted when a backup, copy or restore job fails, is aborted or expires (DP.BAK.5).
   *
   * @default - a new topic encrypted with a DataKey
   */
  readonly alertTopic?: sns.ITopic;

  /**
   * Resource types the restore tests cover (AWS Backup protected resource types).
   *
   * @default ['Aurora', 'RDS', 'DynamoDB', 'EFS', 'S3', 'EBS']
   */
  readonly restoreTestResourceTypes?: string[];

  /**
   * Also back up every resource tagged `dp:data-class` = `database` or `files`.
   *
   * @default true
   */
  readonly selectByTag?: boolean;
}

/**
 * Backups that keep the policy's promises (DP.BAK.1-7): a vault encrypted with a dedicated
 * customer-managed key, locked with the policy's minimum retention and with recovery-point deletion
 * blocked; per data class a plan with a daily (incremental) and a weekly (full) rule kept
 * `databaseBackupRetentionDays` / `fileBackupRetentionDays`, copied to a second region with the same
 * retention, plus continuous backups where supported; restore tests on every schedule of the
 * policy; and an alert on every failed backup, copy or restore job.
 *
 * AWS Backup snapshots are incremental in storage and complete for restore: the daily rule is the
 * policy's incremental backup, the weekly rule its full one (a separate recovery point every week).
 */
export class PolicyBackupPlan extends Construct {
  /** The locked vault snapshot backups go to. */
  public readonly vault: backup.BackupVault;
  /** The vault continuous backups go to, when enabled. */
  public readonly continuousVault?: backup.BackupVault;
  /** The plan for databases. */
  public readonly databasePlan: backup.BackupPlan;
  /** The plan for files and objects. */
  public readonly filesPlan: backup.BackupPlan;
  /** The topic alerted on failures. */
  public readonly alertTopic: sns.ITopic;
  /** The key that encrypts the vaults. */
  public readonly encryptionKey: kms.IKey;

  private readonly databaseRole: iam.Role;
  private readonly filesRole: iam.Role;
  private selections = 0;

  constructor(scope: Construct, id: string, props: PolicyBackupPlanProps = {}) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const stack = Stack.of(this);
    const vaultName = props.vaultName ?? 'data-protection';
    const dbDays = props.databaseRetention?.toDays() ?? policy.databaseBackupRetentionDays;
    const fileDays = props.fileRetention?.toDays() ?? policy.fileBackupRetentionDays;
    const lockMode = props.vaultLockMode ?? VaultLockMode.GOVERNANCE;
    const grace = props.complianceLockGracePeriod?.toDays() ?? MIN_COMPLIANCE_GRACE_DAYS;
    const restoreTypes = props.restoreTestResourceTypes ?? DEFAULT_RESTORE_TEST_TYPES;
    const copyRegion = props.copyRegion ?? (props.copyVaultArn ? regionOfArn(props.copyVaultArn) : undefined);

    const errors = PropErrors.of('PolicyBackupPlan', this);
    errors.check(/^[a-zA-Z0-9_-]{2,50}$/.test(vaultName), 'vaultName', vaultName, '2 to 50 letters, digits, - and _');
    errors.check(dbDays >= policy.databaseBackupRetentionDays, 'databaseRetention', `${dbDays} days`,
      `at least the policy's databaseBackupRetentionDays (${policy.databaseBackupRetentionDays})`);
    errors.check(fileDays >= policy.fileBackupRetentionDays, 'fileRetention', `${fileDays} days`,
      `at least the policy's fileBackupRetentionDays (${policy.fileBackupRetentionDays})`);
    errors.check(!policy.crossRegionBackupCopy || copyRegion !== undefined || props.copyVaultArn !== undefined, 'copyRegion', props.copyRegion,
      'a second region for backup copies: the policy promises cross-region copies (crossRegionBackupCopy)');
    errors.check(copyRegion === undefined || Token.isUnresolved(stack.region) || copyRegion !== stack.region, 'copyRegion', copyRegion,
      `a region other than this stack's (${stack.region})`);
    errors.check(copyRegion === undefined || !policy.allowedRegions || policy.allowedRegions.includes(copyRegion), 'copyRegion', copyRegion,
      `one of the policy's allowedRegions (${policy.allowedRegions?.join(', ')})`);
    errors.check(lockMode !== VaultLockMode.COMPLIANCE || grace >= MIN_COMPLIANCE_GRACE_DAYS, 'complianceLockGracePeriod', `${grace} days`,
      `at least ${MIN_COMPLIANCE_GRACE_DAYS} days`);
    for (const t of restoreTypes) {
      errors.check(RESTORE_TESTABLE_TYPES.includes(t), 'restoreTestResourceTypes', t, RESTORE_TESTABLE_TYPES.join(', '));
    }
    errors.check(restoreTypes.length > 0, 'restoreTestResourceTypes', restoreTypes, 'at least one resource type');
    errors.throwIfAny();

    this.encryptionKey = props.encryptionKey ?? new DataKey(this, 'VaultKey', { description: `Backup vault key of ${this.node.path}` });
    const lockFor = (days: number): backup.LockConfiguration => ({
      minRetention: Duration.days(days),
      changeableFor: lockMode === VaultLockMode.COMPLIANCE ? Duration.days(grace) : undefined,
    });
    this.vault = new backup.BackupVault(this, 'Vault', {
      backupVaultName: vaultName,
      encryptionKey: this.encryptionKey,
      lockConfiguration: lockFor(Math.min(dbDays, fileDays)),
      blockRecoveryPointDeletion: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const continuous = props.continuousBackup ?? true;
    const continuousDays = Math.min(CONTINUOUS_BACKUP_MAX_DAYS, dbDays, fileDays);
    if (continuous) {
      this.continuousVault = new backup.BackupVault(this, 'ContinuousVault', {
        backupVaultName: `${vaultName}-continuous`,
        encryptionKey: this.encryptionKey,
        lockConfiguration: lockFor(continuousDays),
        blockRecoveryPointDeletion: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    }

    const copyVault = copyRegion === undefined && props.copyVaultArn === undefined
      ? undefined
      : backup.BackupVault.fromBackupVaultArn(this, 'CopyVault', props.copyVaultArn
        ?? `arn:${stack.partition}:backup:${copyRegion}:${stack.account}:backup-vault:${vaultName}`);
    const rules = (days: number): backup.BackupPlanRule[] => {
      const copyActions = copyVault ? [{ destinationBackupVault: copyVault, deleteAfter: Duration.days(days) }] : undefined;
      const list = [
        new backup.BackupPlanRule({ ruleName: 'DailyIncremental', scheduleExpression: DAILY_BACKUP, deleteAfter: Duration.days(days), copyActions }),
        new backup.BackupPlanRule({ ruleName: 'WeeklyFull', scheduleExpression: WEEKLY_BACKUP, deleteAfter: Duration.days(days), copyActions }),
      ];
      if (this.continuousVault) {
        list.push(new backup.BackupPlanRule({
          ruleName: 'Continuous', enableContinuousBackup: true, scheduleExpression: DAILY_BACKUP,
          deleteAfter: Duration.days(continuousDays), backupVault: this.continuousVault,
        }));
      }
      return list;
    };
    this.databasePlan = new backup.BackupPlan(this, 'DatabasePlan', { backupVault: this.vault, backupPlanRules: rules(dbDays) });
    this.filesPlan = new backup.BackupPlan(this, 'FilesPlan', { backupVault: this.vault, backupPlanRules: rules(fileDays) });

    // One role per plan, shared by its selections; S3 needs its own managed policies.
    this.databaseRole = this.backupRole('DatabaseBackupRole', false);
    this.filesRole = this.backupRole('FilesBackupRole', true);
    if (props.selectByTag ?? true) {
      this.addResource(backup.BackupResource.fromTag(DATA_CLASS_TAG, DataClass.DATABASE), DataClass.DATABASE);
      this.addResource(backup.BackupResource.fromTag(DATA_CLASS_TAG, DataClass.FILES), DataClass.FILES);
    }

    this.createRestoreTests(policy, restoreTypes);
    this.alertTopic = props.alertTopic ?? this.createAlertTopic();
    new events.Rule(this, 'JobFailures', {
      description: 'AWS Backup backup, copy and restore jobs that failed, were aborted or expired',
      eventPattern: { source: ['aws.backup'], detailType: JOB_EVENTS, detail: { state: FAILED_STATES } },
      targets: [new targets.SnsTopic(this.alertTopic)],
    });
  }

  /** Back up a database (kept `databaseBackupRetentionDays`). */
  public addDatabase(resource: backup.BackupResource): void {
    this.addResource(resource, DataClass.DATABASE);
  }

  /** Back up files or objects (kept `fileBackupRetentionDays`). */
  public addFiles(resource: backup.BackupResource): void {
    this.addResource(resource, DataClass.FILES);
  }

  /** Back up a resource under the retention of its data class. */
  public addResource(resource: backup.BackupResource, dataClass: DataClass): void {
    if (dataClass !== DataClass.DATABASE && dataClass !== DataClass.FILES) {
      throw new Error(`PolicyBackupPlan ${this.node.path}: invalid props:\n  - dataClass: ${JSON.stringify(dataClass)} `
        + '(allowed: database, files; logs are kept by their own retention)');
    }
    const isDatabase = dataClass === DataClass.DATABASE;
    const plan = isDatabase ? this.databasePlan : this.filesPlan;
    plan.addSelection(`Selection${this.selections++}`, {
      resources: [resource],
      role: isDatabase ? this.databaseRole : this.filesRole,
      allowRestores: true,
    });
  }

  private backupRole(id: string, s3: boolean): iam.Role {
    const names = ['service-role/AWSBackupServiceRolePolicyForBackup', 'service-role/AWSBackupServiceRolePolicyForRestores',
      ...(s3 ? ['AWSBackupServiceRolePolicyForS3Backup', 'AWSBackupServiceRolePolicyForS3Restore'] : [])];
    const role = new iam.Role(this, id, {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: names.map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
    });
    this.encryptionKey.grantEncryptDecrypt(role);
    acknowledgeBackupRole(role, names);
    return role;
  }

  private createRestoreTests(policy: DataProtectionPolicy, types: string[]): void {
    const role = new iam.Role(this, 'RestoreTestRole', {
      assumedBy: new iam.ServicePrincipal('backup.amazonaws.com'),
      managedPolicies: ['service-role/AWSBackupServiceRolePolicyForRestores', 'AWSBackupServiceRolePolicyForS3Restore']
        .map((n) => iam.ManagedPolicy.fromAwsManagedPolicyName(n)),
    });
    this.encryptionKey.grantEncryptDecrypt(role);
    acknowledgeBackupRole(role, ['service-role/AWSBackupServiceRolePolicyForRestores', 'AWSBackupServiceRolePolicyForS3Restore']);
    const prefix = this.vault.node.path.replace(/[^a-zA-Z0-9]/g, '_').slice(-30);
    for (const frequency of policy.restoreTestSchedules) {
      const schedule = RESTORE_TEST_SCHEDULES[frequency];
      const name = `${prefix}_${frequency}`.replace(/^_+/, '');
      const plan = new backup.CfnRestoreTestingPlan(this, `RestoreTest${capitalize(frequency)}`, {
        restoreTestingPlanName: name,
        scheduleExpression: schedule.expression,
        startWindowHours: 8,
        recoveryPointSelection: {
          algorithm: 'LATEST_WITHIN_WINDOW',
          includeVaults: [this.vault.backupVaultArn],
          recoveryPointTypes: ['SNAPSHOT'],
          selectionWindowDays: schedule.windowDays,
        },
      });
      for (const type of types) {
        const selection = new backup.CfnRestoreTestingSelection(this, `RestoreTest${capitalize(frequency)}${type}`, {
          restoreTestingPlanName: plan.restoreTestingPlanName,
          restoreTestingSelectionName: `${type}_${frequency}`,
          protectedResourceType: type,
          protectedResourceArns: ['*'],
          iamRoleArn: role.roleArn,
          validationWindowHours: 1,
        });
        selection.node.addDependency(plan);
      }
    }
  }

  private createAlertTopic(): sns.ITopic {
    const key = new DataKey(this, 'AlertKey', { services: ['events'], description: `Backup alerts of ${this.node.path}` });
    return new sns.Topic(this, 'Alerts', { masterKey: key, enforceSSL: true, displayName: 'Backup, copy and restore job failures' });
  }
}

function regionOfArn(arn: string): string | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  return arn.split(':')[3] || undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * AWS Backup's service-role policies are maintained by AWS for the backup and restore calls of every
 * supported service; a hand-written copy would drift as services are added. The role's own policy is
 * the CDK grant on the vault key.
 */
function acknowledgeBackupRole(role: iam.Role, managedPolicies: string[]): void {
  acknowledgeRules(role, managedPolicies.map((n) => `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${n}]`),
    'AWS Backup service-role policies are maintained by AWS for the backup and restore calls of each supported service; '
    + 'a hand-written copy would drift. Only backup.amazonaws.com can assume the role.');
  acknowledgeRules(role, ['AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]'], REASONS.grantWildcards);
  acknowledgeRules(role, inCompliancePacks('IAMNoInlinePolicy'), REASONS.inlinePolicy);
}
