import { Duration, RemovalPolicy, Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DATA_CLASS_TAG, DataClass, DataProtectionPolicy, PolicyBackupPlan } from '../../lib';

/**
 * Props for QuickStartStack.
 */
export interface QuickStartStackProps extends StackProps {
  /**
   * The policy whose data end of life and log retention the stack keeps.
   *
   * @default new DataProtectionPolicy()
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * Where backups are copied (the policy's DP.BAK.3).
   *
   * @default 'eu-west-1'
   */
  readonly backupCopyRegion?: string;
}


/**
 * A small data tier that keeps DP.ENC.2 and DP.ENC.3 with plain aws-cdk-lib constructs: one
 * customer-managed key, rotated and retained, encrypting a bucket, a table, a queue, a topic and
 * a log group. It is the smallest app that exercises the whole path from policy to report.
 */
export class QuickStartStack extends Stack {
  /** The customer-managed key every store uses. */
  public readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: QuickStartStackProps = {}) {
    super(scope, id, props);
    const policy = props.policy ?? new DataProtectionPolicy();
    const endOfLife = policy.dataEndOfLifeDays;

    this.key = new kms.Key(this, 'DataKey', {
      description: 'Customer-managed key for the quick-start data tier',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudWatch Logs encrypts with the key only if the key policy lets the service use it.
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      principals: [new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
      resources: ['*'],
      conditions: {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:*` },
      },
    }));

    // DP.LOG.2: server access logs, under the same key (S3 log delivery may use it), kept as the policy says.
    this.key.addToResourcePolicy(new iam.PolicyStatement({
      actions: ['kms:GenerateDataKey*', 'kms:Encrypt', 'kms:Decrypt'],
      principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
      resources: ['*'],
    }));
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      lifecycleRules: [{ expiration: Duration.days(policy.logRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Tags.of(accessLogs).add(DATA_CLASS_TAG, DataClass.LOGS);

    const documents = new s3.Bucket(this, 'Documents', {
      serverAccessLogsBucket: accessLogs,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      versioned: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
      // DP.DAT.1: customer documents expire at the policy's end of life, old versions soon after.
      lifecycleRules: endOfLife === undefined ? [] : [{
        expiration: Duration.days(endOfLife),
        noncurrentVersionExpiration: Duration.days(Math.min(endOfLife, 30)),
      }],
    });

    const tenants = new dynamodb.TableV2(this, 'Tenants', {
      partitionKey: { name: 'tenantId', type: dynamodb.AttributeType.STRING },
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(this.key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // DP.BAK: the plan selects everything tagged with a data class.
    Tags.of(documents).add(DATA_CLASS_TAG, DataClass.FILES);
    Tags.of(tenants).add(DATA_CLASS_TAG, DataClass.DATABASE);
    new PolicyBackupPlan(this, 'Backup', { policy, copyRegion: props.backupCopyRegion ?? 'eu-west-1' });

    new sqs.Queue(this, 'Jobs', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(4),
    });

    new sns.Topic(this, 'Events', { masterKey: this.key, enforceSSL: true });

    new logs.LogGroup(this, 'AppLogs', {
      encryptionKey: this.key,
      retention: logs.RetentionDays.ONE_YEAR, // policy.logRetentionDays (365) is a CloudWatch value
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
