import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DataProtectionPolicy } from '../../core/policy/policy';

/**
 * What every bucket the library creates has: TLS only at the policy's minimum (DP.ENC.1), no public
 * access, retained on deletion, and SSE-KMS with S3 Bucket Keys under `key` (DP.ENC.2), or SSE-S3
 * where the writing service accepts nothing else (load balancer access logs).
 */
export function secureBucketDefaults(policy: DataProtectionPolicy, key: kms.IKey | undefined): s3.BucketProps {
  return {
    ...(key
      ? { encryption: s3.BucketEncryption.KMS, encryptionKey: key, bucketKeyEnabled: true }
      : { encryption: s3.BucketEncryption.S3_MANAGED }),
    enforceSSL: true,
    minimumTLSVersion: Number(policy.minTlsVersion),
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}

/** Logs kept exactly as long as the policy promises (DP.LOG.4), then expired; overwritten versions go after a day. */
export function logRetentionRule(policy: DataProtectionPolicy): s3.LifecycleRule {
  return { id: 'LogRetention', expiration: Duration.days(policy.logRetentionDays), noncurrentVersionExpiration: Duration.days(1) };
}

/**
 * A log bucket: the secure defaults, versioned (a log object cannot be silently overwritten) and
 * expired after the policy's log retention.
 */
export function logBucketProps(policy: DataProtectionPolicy, key: kms.IKey | undefined): s3.BucketProps {
  return { ...secureBucketDefaults(policy, key), versioned: true, lifecycleRules: [logRetentionRule(policy)] };
}
