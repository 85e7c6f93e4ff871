import { ApiGatewayAuthorization } from './access/api-gateway-authorization';
import { CognitoPasswordLength } from './access/cognito-password-length';
import { ELBListenerAuthentication } from './access/elb-listener-authentication';
import { IAMPolicyNoAdminWildcard } from './access/iam-policy-wildcard';
import { ServiceRoleNoAdministratorAccess } from './access/service-role-administrator-access';
import { AvailabilityBudget } from './availability/availability-budget';
import { DatabaseReplication } from './availability/database-replication';
import { MultiRegionWorkload } from './availability/multi-region-workload';
import { NoSinglePointOfFailure } from './availability/no-single-point-of-failure';
import { VersionedStorage } from './availability/versioned-storage';
import { VpcAzCount } from './availability/vpc-az-count';
import { ZeroDowntimeDeploys } from './availability/zero-downtime-deploys';
import { BackupCoverage } from './backup/backup-coverage';
import { BackupCrossRegionCopy } from './backup/backup-cross-region-copy';
import { BackupFailureAlerts } from './backup/backup-failure-alerts';
import { BackupPlanSchedule } from './backup/backup-plan-schedule';
import { BackupRetention } from './backup/backup-retention';
import { BackupVaultLock } from './backup/backup-vault-lock';
import { RestoreTesting } from './backup/restore-testing';
import { S3BucketLifecycleExpiry } from './data/s3-bucket-lifecycle-expiry';
import { ApiGatewayTLS } from './encryption/api-gateway-tls';
import { AuroraClusterCMK } from './encryption/aurora-cluster-cmk';
import { BackupVaultCMK } from './encryption/backup-vault-cmk';
import { CloudFrontTLS } from './encryption/cloudfront-tls';
import { DocumentDBClusterCMK } from './encryption/documentdb-cluster-cmk';
import { DynamoDBTableCMK } from './encryption/dynamodb-table-cmk';
import { EBSVolumeCMK } from './encryption/ebs-volume-cmk';
import { ECRRepositoryCMK } from './encryption/ecr-repository-cmk';
import { EFSFileSystemCMK } from './encryption/efs-file-system-cmk';
import { ElastiCacheCMK } from './encryption/elasticache-cmk';
import { ElastiCacheTLS } from './encryption/elasticache-tls';
import { ELBHTTPListenerRuleRedirect } from './encryption/elb-http-listener-rule';
import { ELBListenerTLS } from './encryption/elb-listener-tls';
import { KinesisStreamCMK } from './encryption/kinesis-stream-cmk';
import { KMSKeyRetained } from './encryption/kms-key-retained';
import { KMSKeyRotation } from './encryption/kms-key-rotation';
import { LogGroupCMK } from './encryption/log-group-cmk';
import { MessagingTLSOnly } from './encryption/messaging-tls-only';
import { NeptuneClusterCMK } from './encryption/neptune-cluster-cmk';
import { OpenSearchCMK } from './encryption/opensearch-cmk';
import { OpenSearchTLS } from './encryption/opensearch-tls';
import { RDSForceTLS } from './encryption/rds-force-tls';
import { RDSInstanceCMK } from './encryption/rds-instance-cmk';
import { RedshiftClusterCMK } from './encryption/redshift-cluster-cmk';
import { S3BucketCMK } from './encryption/s3-bucket-cmk';
import { S3BucketTLSOnly } from './encryption/s3-bucket-tls-only';
import { SecretCMK } from './encryption/secret-cmk';
import { SNSTopicCMK } from './encryption/sns-topic-cmk';
import { SQSQueueCMK } from './encryption/sqs-queue-cmk';
import { AuditTrailPresent } from './logging/audit-trail-present';
import { CloudTrailConfiguration } from './logging/cloudtrail-configuration';
import { DataAccessLogging } from './logging/data-access-logging';
import { DatabaseAuditLogs } from './logging/database-audit-logs';
import { LogRetention } from './logging/log-retention';
import { NetworkTrafficLogs } from './logging/network-traffic-logs';
import { ResourceAlarms } from './monitoring/resource-alarms';
import { ThreatDetectionEnabled } from './monitoring/threat-detection';
import { AcceleratorCoverage } from './network/accelerator-coverage';
import { AdminVpnPresent } from './network/admin-vpn-present';
import { AmazonMQBrokerPrivate } from './network/amazon-mq-broker-private';
import { ClientVpnEndpointAuth } from './network/client-vpn-endpoint';
import { DatabasePublicAccess } from './network/database-public-access';
import { InstancePublicIp } from './network/instance-public-ip';
import { PeeringRoutePrivate } from './network/peering-route-private';
import { PeeringTrafficAmqps } from './network/peering-traffic-amqps';
import { S3BucketPublicAccess } from './network/s3-bucket-public-access';
import { SecurityGroupAdminPorts } from './network/security-group-admin-ports';
import { SecurityGroupPlaintextAmqp } from './network/security-group-plaintext-amqp';
import { SecurityGroupPublicIngress } from './network/security-group-public-ingress';
import { ShieldProtection } from './network/shield-protection';
import { AppRule, ResourceRule } from '../../cloudformation/model';

/**
 * Every AWS rule DataProtectionChecks evaluates, grouped by control. Add a rule here and to the
 * pinned list in test/checks/data-protection-checks.test.ts.
 */
export const AWS_RULES: readonly ResourceRule[] = [
  // DP.ENC.1: TLS at the policy minimum on every endpoint
  ELBListenerTLS,
  ELBHTTPListenerRuleRedirect,
  CloudFrontTLS,
  ApiGatewayTLS,
  S3BucketTLSOnly,
  MessagingTLSOnly,
  RDSForceTLS,
  OpenSearchTLS,
  ElastiCacheTLS,
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
  ElastiCacheCMK,
  OpenSearchCMK,
  KinesisStreamCMK,
  SecretCMK,
  BackupVaultCMK,
  RedshiftClusterCMK,
  DocumentDBClusterCMK,
  NeptuneClusterCMK,
  ECRRepositoryCMK,
  // DP.ENC.3: keys rotate and are retained
  KMSKeyRotation,
  KMSKeyRetained,
  // DP.BAK.1-7: backups daily and weekly, kept, copied, tested, alerted, complete and immutable
  BackupPlanSchedule,
  BackupRetention,
  BackupCrossRegionCopy,
  RestoreTesting,
  BackupFailureAlerts,
  BackupCoverage,
  BackupVaultLock,
  // DP.AVL.1, 3-6: multi-AZ networks, replicated databases, no single point of failure,
  // zero-downtime deploys with autoscaling, versioned storage
  VpcAzCount,
  DatabaseReplication,
  NoSinglePointOfFailure,
  ZeroDowntimeDeploys,
  VersionedStorage,
  // DP.NET.1: the internet reaches only load balancers on allowed ports
  SecurityGroupPublicIngress,
  InstancePublicIp,
  DatabasePublicAccess,
  S3BucketPublicAccess,
  // DP.NET.2: DDoS protection of public entry points
  ShieldProtection,
  // DP.NET.4: private message brokers, AMQPS only
  AmazonMQBrokerPrivate,
  SecurityGroupPlaintextAmqp,
  PeeringTrafficAmqps,
  PeeringRoutePrivate,
  // DP.NET.5: administrative access only through the VPN
  SecurityGroupAdminPorts,
  ClientVpnEndpointAuth,
  // DP.LOG.1-4: audit trail, data access logs, traffic logs, log encryption and retention
  CloudTrailConfiguration,
  DataAccessLogging,
  DatabaseAuditLogs,
  NetworkTrafficLogs,
  LogRetention,
  // DP.MON.1: alarms on every KPI-bearing resource
  ResourceAlarms,
  // DP.IAM.1: least privilege
  IAMPolicyNoAdminWildcard,
  ServiceRoleNoAdministratorAccess,
  // DP.IAM.2: authentication everywhere
  CognitoPasswordLength,
  ELBListenerAuthentication,
  ApiGatewayAuthorization,
  // DP.DAT.1: data end of life
  S3BucketLifecycleExpiry,
];

/**
 * Every app-wide AWS rule: each runs once per evaluation, after the resource rules.
 */
export const AWS_APP_RULES: readonly AppRule[] = [
  AuditTrailPresent,
  AdminVpnPresent,
  ThreatDetectionEnabled,
  MultiRegionWorkload,
  AcceleratorCoverage,
  AvailabilityBudget,
];
