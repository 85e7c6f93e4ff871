import { Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../core/policy/data-class';
import { PropErrors } from '../../core/props/prop-errors';
import { DataKey } from '../encryption/data-key';
import { acknowledgeRules, inCompliancePacks } from '../private/third-party';

/** RDS keeps automated backups (and point-in-time restore) at most this long. */
const MAX_AUTOMATED_BACKUP_DAYS = 35;

/**
 * Props for ReplicatedDatabase.
 */
export interface ReplicatedDatabaseProps {
  /** The VPC to run in. */
  readonly vpc: ec2.IVpc;
  /**
   * Where the instances run.
   *
   * @default - the VPC's isolated subnets
   */
  readonly vpcSubnets?: ec2.SubnetSelection;
  /** Aurora PostgreSQL version. @default rds.AuroraPostgresEngineVersion.VER_16_6 */
  readonly engineVersion?: rds.AuroraPostgresEngineVersion;
  /** Instance class of the writer and readers. @default r6g.large */
  readonly instanceType?: ec2.InstanceType;
  /** Number of readers (secondaries), at least 1. @default 1 */
  readonly readers?: number;
  /** Storage key. @default - a new DataKey */
  readonly encryptionKey?: kms.IKey;
  /** Name of the database to create. @default - none */
  readonly defaultDatabaseName?: string;
  /**
   * The master user's name: not an engine's well-known default (`postgres`, `admin`, ...), which
   * password-guessing tries first (AWS Security Hub RDS.24 / RDS.25).
   *
   * @default 'dp_admin'
   */
  readonly adminUsername?: string;
}

/** Master user names every engine or guesser knows: AWS recommends against them. */
const DEFAULT_ADMIN_NAMES = ['postgres', 'admin', 'root', 'master', 'rdsadmin', 'sa', 'administrator', 'superuser', 'user'];

/**
 * An Aurora PostgreSQL cluster with one primary and at least one secondary that Aurora spreads over
 * other AZs (DP.AVL.3): storage under a DataKey (DP.ENC.2), TLS forced (DP.ENC.1), IAM
 * authentication, credentials for a master user with a non-default name generated into Secrets
 * Manager under the same key, PostgreSQL logs
 * exported (DP.LOG.2), deletion protection and a final snapshot on removal, tagged as a database for
 * backup plans.
 */
export class ReplicatedDatabase extends Construct {
  /** The cluster. */
  public readonly cluster: rds.DatabaseCluster;

  constructor(scope: Construct, id: string, props: ReplicatedDatabaseProps) {
    super(scope, id);
    const readers = props.readers ?? 1;
    const errors = PropErrors.of('ReplicatedDatabase', this);
    errors.check(Number.isInteger(readers) && readers >= 1 && readers <= 15, 'readers', readers, 'a whole number from 1 to 15 (one primary needs a secondary)');
    const adminUsername = props.adminUsername ?? 'dp_admin';
    errors.check(/^[A-Za-z][A-Za-z0-9_]{0,62}$/.test(adminUsername) && !DEFAULT_ADMIN_NAMES.includes(adminUsername.toLowerCase()), 'adminUsername', adminUsername,
      `a name other than the engine defaults (${DEFAULT_ADMIN_NAMES.join(', ')}): a letter, then up to 62 letters, digits or _`);
    errors.throwIfAny();

    const key = props.encryptionKey ?? new DataKey(this, 'Key', { description: `Storage key of ${this.node.path}` });
    const engine = rds.DatabaseClusterEngine.auroraPostgres({ version: props.engineVersion ?? rds.AuroraPostgresEngineVersion.VER_16_6 });
    const instanceType = props.instanceType ?? ec2.InstanceType.of(ec2.InstanceClass.R6G, ec2.InstanceSize.LARGE);
    this.cluster = new rds.DatabaseCluster(this, 'Cluster', {
      engine,
      vpc: props.vpc,
      vpcSubnets: props.vpcSubnets ?? { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      writer: rds.ClusterInstance.provisioned('Writer', { instanceType, publiclyAccessible: false }),
      readers: Array.from({ length: readers }, (_, i) => rds.ClusterInstance.provisioned(`Reader${i + 1}`, { instanceType, publiclyAccessible: false })),
      credentials: rds.Credentials.fromGeneratedSecret(adminUsername, { encryptionKey: key }),
      storageEncrypted: true,
      storageEncryptionKey: key,
      parameterGroup: new rds.ParameterGroup(this, 'Parameters', { engine, parameters: { 'rds.force_ssl': '1', 'log_connections': '1' } }),
      iamAuthentication: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      cloudwatchLogsExports: ['postgresql'],
      backup: { retention: Duration.days(MAX_AUTOMATED_BACKUP_DAYS) },
      copyTagsToSnapshot: true,
      // Enhanced monitoring: OS metrics of every instance each minute.
      monitoringInterval: Duration.minutes(1),
      defaultDatabaseName: props.defaultDatabaseName,
    });
    Tags.of(this.cluster).add(DATA_CLASS_TAG, DataClass.DATABASE);
    // The break-glass credentials outlive a deleted or replaced stack, like the cluster's final snapshot.
    // (cluster.secret is the attachment; the secret itself is the cluster's child 'Secret'.)
    const secret = this.cluster.node.tryFindChild('Secret');
    if (secret instanceof secretsmanager.Secret) secret.applyRemovalPolicy(RemovalPolicy.RETAIN);
    acknowledgeRules(this.cluster, inCompliancePacks('RDSInBackupPlan', ['NIST.800.53.R5', 'HIPAA.Security']),
      'Aurora instances hold no data of their own: AWS Backup protects the cluster, which PolicyBackupPlan selects by its '
      + 'dp:data-class tag (DP.BAK.6), plus continuous point-in-time backups of the cluster.');
    acknowledgeRules(this.cluster, ['AwsSolutions-SMG4', ...inCompliancePacks('SecretsManagerRotationEnabled', ['NIST.800.53.R5', 'HIPAA.Security'])],
      'The generated master secret is for break-glass administration only; applications authenticate with IAM database '
      + 'authentication (enabled). Rotating it needs a rotation function inside the VPC, which the operator adds '
      + '(cluster.addRotationSingleUser) where the account allows Lambda in the data subnets.');
    acknowledgeRules(this.cluster, ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole]'],
      'The enhanced-monitoring role uses the AWS-managed policy RDS requires for it; only monitoring.rds.amazonaws.com can assume it.');
  }
}
