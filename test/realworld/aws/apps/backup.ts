// Shape: AWS Backup of an S3 bucket (selected by tag) and a DynamoDB table (selected by reference)
// with the built-in "daily, 35 days" plan into a default vault.
import { App, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'BackupStack');
  const bucket = new s3.Bucket(stack, 'Data', {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Tags.of(bucket).add('daily-backup', 'true');
  const table = new dynamodb.Table(stack, 'Orders', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  });
  // A vault locked in compliance mode at the retention the policy asks for, without a deny policy:
  // the lock alone makes recovery points undeletable.
  const vault = new backup.BackupVault(stack, 'Vault', {
    lockConfiguration: { minRetention: Duration.days(60), changeableFor: Duration.days(3) },
  });
  const plan = backup.BackupPlan.daily35DayRetention(stack, 'Daily', vault);
  plan.addSelection('Tagged', { resources: [backup.BackupResource.fromTag('daily-backup', 'true')] });
  plan.addSelection('Tables', { resources: [backup.BackupResource.fromDynamoDbTable(table)] });

  // The same plan in an environment-agnostic stack (no env): whether it copies to another region
  // does not depend on knowing its region when it has no copy action at all.
  const agnostic = new Stack(app, 'AgnosticBackupStack');
  const files = new s3.Bucket(agnostic, 'Files', { enforceSSL: true, versioned: true });
  const agnosticPlan = backup.BackupPlan.daily35DayRetention(agnostic, 'Daily', new backup.BackupVault(agnostic, 'Vault'));
  agnosticPlan.addSelection('Files', { resources: [backup.BackupResource.fromArn(files.bucketArn)] });
}

export const BACKUP: RealWorldApp = {
  name: 'backup',
  shape: 'AWS Backup of an S3 bucket (selected by tag) and a DynamoDB table (selected by reference)',
  build,
  findings: [
    { rule: 'BackupVaultLock', path: 'BackupStack/Vault/Resource', verdict: 'compliant', why: 'a compliance-mode lock at 60 days already makes recovery points undeletable; no deny policy needed (item 6)' },
    { rule: 'BackupVaultLock', path: 'AgnosticBackupStack/Vault/Resource', verdict: 'non-compliant [NoLock] [DeletionNotBlocked]', why: 'no lock, no deny' },
    { rule: 'BackupCrossRegionCopy', path: 'BackupStack/Daily/Resource', verdict: 'non-compliant [NoCopy]', why: 'no copy action' },
    { rule: 'BackupCrossRegionCopy', path: 'AgnosticBackupStack/Daily/Resource', verdict: 'non-compliant [NoCopy]', why: 'the same verdict and ID without a region (item 4)' },
    { rule: 'BackupCoverage', path: 'BackupStack/Data/Resource', verdict: 'compliant', why: 'selected by tag' },
    { rule: 'MultiRegionWorkload', path: 'BackupStack', verdict: 'non-compliant [Unverifiable]', detail: /without an explicit region \(AgnosticBackupStack\)/, why: 'the agnostic stack may or may not be a second region' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'violated', 'DP.BAK.2': 'violated', 'DP.BAK.3': 'violated', 'DP.BAK.4': 'violated',
    'DP.BAK.5': 'violated', 'DP.BAK.6': 'met', 'DP.BAK.7': 'violated', 'DP.AVL.1': 'not-applicable',
    'DP.AVL.2': 'violated', 'DP.AVL.3': 'met', 'DP.AVL.4': 'not-applicable', 'DP.AVL.5': 'not-applicable',
    'DP.AVL.6': 'met', 'DP.AVL.7': 'violated', 'DP.NET.1': 'met', 'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated',
    'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated',
    'DP.LOG.3': 'not-applicable', 'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated',
    'DP.IAM.1': 'met', 'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
