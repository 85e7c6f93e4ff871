import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../core/policy/data-class';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { VaultLockMode } from '../backup/policy-backup-plan';
import { secureBucketDefaults } from '../defaults/bucket';
import { DataKey } from '../encryption/data-key';
import { acknowledgeRules, inCompliancePacks, REASONS } from '../private/third-party';

/** Log objects move to colder storage after this many days (when the retention is longer). */
const COLD_AFTER_DAYS = 90;

/**
 * Props for CentralLogArchive.
 */
export interface CentralLogArchiveProps {
  /**
   * The policy whose log retention and TLS minimum apply.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * Object Lock mode. COMPLIANCE makes retention impossible to shorten, even for the root user.
   *
   * @default VaultLockMode.GOVERNANCE
   */
  readonly lockMode?: VaultLockMode;

  /**
   * Key for the archive.
   *
   * @default - a new DataKey that CloudTrail, VPC flow logs and Global Accelerator flow logs may use
   */
  readonly encryptionKey?: kms.IKey;

  /**
   * Keep logs longer than the policy's `logRetentionDays` (shorter is an error).
   *
   * @default - the policy's logRetentionDays
   */
  readonly retention?: Duration;

  /**
   * The bucket's physical name.
   *
   * @default - generated
   */
  readonly bucketName?: string;
}

/**
 * The central, encrypted, locked archive for audit and traffic logs (DP.LOG.1, DP.LOG.3, DP.LOG.4):
 * an S3 bucket with Object Lock (governance by default) whose default retention is the policy's
 * `logRetentionDays`, SSE-KMS with a DataKey, versioning, TLS-only access, a move to colder
 * storage, expiry exactly at the retention, retained on deletion; its policy lets CloudTrail and
 * log delivery (VPC flow logs, Global Accelerator flow logs) write to it for this account.
 *
 * Elastic Load Balancing cannot write to SSE-KMS buckets, so load balancer access logs keep their
 * own SSE-S3 bucket (HttpsLoadBalancer).
 */
export class CentralLogArchive extends Construct {
  /** The archive bucket. */
  public readonly bucket: s3.Bucket;
  /** Its key. */
  public readonly encryptionKey: kms.IKey;

  constructor(scope: Construct, id: string, props: CentralLogArchiveProps = {}) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const days = props.retention?.toDays() ?? policy.logRetentionDays;
    const mode = props.lockMode ?? VaultLockMode.GOVERNANCE;
    const errors = PropErrors.of('CentralLogArchive', this);
    errors.check(Object.values(VaultLockMode).includes(mode), 'lockMode', mode, Object.values(VaultLockMode).join(', '));
    errors.check(days >= policy.logRetentionDays, 'retention', `${days} days`, `at least the policy's logRetentionDays (${policy.logRetentionDays})`);
    errors.throwIfAny();

    const stack = Stack.of(this);
    this.encryptionKey = props.encryptionKey ?? new DataKey(this, 'Key', {
      description: `Log archive key of ${this.node.path}`,
      services: ['cloudtrail', 'delivery.logs.amazonaws.com'],
    });
    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...secureBucketDefaults(policy, this.encryptionKey),
      bucketName: props.bucketName,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      objectLockEnabled: true,
      objectLockDefaultRetention: mode === VaultLockMode.COMPLIANCE
        ? s3.ObjectLockRetention.compliance(Duration.days(days))
        : s3.ObjectLockRetention.governance(Duration.days(days)),
      lifecycleRules: [{
        id: 'Retention',
        expiration: Duration.days(days),
        noncurrentVersionExpiration: Duration.days(1),
        transitions: days > COLD_AFTER_DAYS
          ? [{ storageClass: s3.StorageClass.GLACIER_INSTANT_RETRIEVAL, transitionAfter: Duration.days(COLD_AFTER_DAYS) }] : [],
      }],
    });
    Tags.of(this.bucket).add(DATA_CLASS_TAG, DataClass.LOGS);
    acknowledgeRules(this.bucket, ['AwsSolutions-S1', ...inCompliancePacks('S3BucketLoggingEnabled')], REASONS.logDestinationLogging);
    acknowledgeRules(this.bucket, inCompliancePacks('S3BucketReplicationEnabled'), 'The archive keeps each region\'s logs under S3 Object Lock '
      + 'for the policy\'s retention (DP.LOG.1, DP.LOG.4); a replica in another region is not promised and would need its own lock.');

    const thisAccount = { StringEquals: { 'aws:SourceAccount': stack.account } };
    for (const service of ['cloudtrail.amazonaws.com', 'delivery.logs.amazonaws.com']) {
      const sid = service.split('.')[0].replace(/[^a-zA-Z]/g, '');
      this.bucket.addToResourcePolicy(new iam.PolicyStatement({
        sid: `${sid}AclCheck`, principals: [new iam.ServicePrincipal(service)],
        actions: ['s3:GetBucketAcl', 's3:ListBucket'], resources: [this.bucket.bucketArn], conditions: thisAccount,
      }));
      this.bucket.addToResourcePolicy(new iam.PolicyStatement({
        sid: `${sid}Write`, principals: [new iam.ServicePrincipal(service)],
        actions: ['s3:PutObject'], resources: [this.bucket.arnForObjects(`AWSLogs/${stack.account}/*`)],
        conditions: { ...thisAccount, StringEquals: { ...thisAccount.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' } },
      }));
    }
  }
}
