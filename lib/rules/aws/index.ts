import { ResourceRule } from '../rule';
import { AuroraClusterCMK } from './encryption/aurora-cluster-cmk';
import { DynamoDBTableCMK } from './encryption/dynamodb-table-cmk';
import { EBSVolumeCMK } from './encryption/ebs-volume-cmk';
import { EFSFileSystemCMK } from './encryption/efs-file-system-cmk';
import { KMSKeyRetained } from './encryption/kms-key-retained';
import { KMSKeyRotation } from './encryption/kms-key-rotation';
import { LogGroupCMK } from './encryption/log-group-cmk';
import { RDSInstanceCMK } from './encryption/rds-instance-cmk';
import { S3BucketCMK } from './encryption/s3-bucket-cmk';
import { SNSTopicCMK } from './encryption/sns-topic-cmk';
import { SQSQueueCMK } from './encryption/sqs-queue-cmk';

/**
 * Every AWS rule DataProtectionChecks evaluates. Add a rule here and to the pinned list in
 * test/checks/rule-ids.test.ts.
 */
export const AWS_RULES: readonly ResourceRule[] = [
  // DP.ENC.2: data stores encrypted under customer-managed keys
  S3BucketCMK,
  EBSVolumeCMK,
  RDSInstanceCMK,
  AuroraClusterCMK,
  DynamoDBTableCMK,
  EFSFileSystemCMK,
  SQSQueueCMK,
  SNSTopicCMK,
  LogGroupCMK,
  // DP.ENC.3: keys rotate and are retained
  KMSKeyRotation,
  KMSKeyRetained,
];
