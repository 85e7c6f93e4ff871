// Shape: Aurora PostgreSQL (writer + reader, CMK, TLS forced) and Aurora MySQL (writer only, defaults)
// in a 3-AZ VPC, with app security groups that reach the clusters on their default port.
import { App, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'AuroraStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 3, natGateways: 1 });
  const appSg = new ec2.SecurityGroup(stack, 'AppSg', { vpc });
  const key = new kms.Key(stack, 'DbKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });

  const pgEngine = rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 });
  const pg = new rds.DatabaseCluster(stack, 'Pg', {
    engine: pgEngine,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    writer: rds.ClusterInstance.provisioned('writer', { instanceType: new ec2.InstanceType('r6g.large') }),
    readers: [rds.ClusterInstance.provisioned('reader', { instanceType: new ec2.InstanceType('r6g.large') })],
    storageEncryptionKey: key,
    parameterGroup: new rds.ParameterGroup(stack, 'PgParams', { engine: pgEngine, parameters: { 'rds.force_ssl': '1' } }),
    cloudwatchLogsExports: ['postgresql'],
    backup: { retention: Duration.days(14) },
  });
  pg.connections.allowDefaultPortFrom(appSg, 'app to postgres');

  const my = new rds.DatabaseCluster(stack, 'My', {
    engine: rds.DatabaseClusterEngine.auroraMysql({ version: rds.AuroraMysqlEngineVersion.VER_3_08_0 }),
    vpc,
    writer: rds.ClusterInstance.serverlessV2('writer'),
    cloudwatchLogsExports: ['slowquery'],
  });
  // A self-referencing "all from self" rule, as many samples write it
  my.connections.allowInternally(ec2.Port.allTraffic(), 'all from self');
  my.connections.allowDefaultPortFrom(appSg, 'app to mysql');
}

export const AURORA: RealWorldApp = {
  name: 'aurora',
  shape: 'Aurora PostgreSQL (writer + reader, CMK, TLS forced) and Aurora MySQL (writer only, defaults)',
  build,
  findings: [
    { rule: 'RDSForceTLS', path: 'AuroraStack/Pg/Resource', verdict: 'compliant', why: 'its own cluster parameter group sets rds.force_ssl = 1' },
    { rule: 'RDSForceTLS', path: 'AuroraStack/My/Resource', verdict: 'non-compliant', detail: /default\.aurora-mysql8\.0/, why: 'the CDK names the literal default group default.aurora-mysql8.0, whose require_secure_transport is OFF (item 1: a literal default group is not unverifiable)' },
    { rule: 'AuroraClusterCMK', path: 'AuroraStack/My/Resource', verdict: 'non-compliant', detail: /StorageEncrypted/, why: 'StorageEncrypted is absent: the cluster is not encrypted' },
    { rule: 'DatabaseReplication', path: 'AuroraStack/My/Resource', verdict: 'non-compliant', detail: /1 instance/, why: 'one serverless writer, no reader' },
    { rule: 'DatabaseReplication', path: 'AuroraStack/Pg/Resource', verdict: 'compliant', why: 'a writer and a reader' },
    { rule: 'SecurityGroupPlaintextAmqp', path: 'Pg/SecurityGroup/from AuroraStackAppSg', verdict: 'not-applicable', why: 'allowDefaultPortFrom writes Fn::GetAtt Pg.Endpoint.Port, which is 5432: nothing to do with AMQP (item 2)' },
    { rule: 'SecurityGroupPlaintextAmqp', path: 'My/SecurityGroup/from AuroraStackAppSg', verdict: 'not-applicable', why: 'Endpoint.Port of an aurora-mysql cluster without Port is 3306 (item 1)' },
    { rule: 'SecurityGroupAdminPorts', path: 'My/SecurityGroup/from AuroraStackMySecurityGroup', verdict: 'not-applicable', why: 'all traffic from its own group is the cluster talking to itself, not administrative access' },
    { rule: 'AvailabilityBudget', path: 'AuroraStack', verdict: 'non-compliant', detail: /Amazon Aurora \(Single-AZ\) 99\.9%/, why: 'My has one instance: Aurora\'s single-AZ figure, not 99.99% (no unearned DP.AVL.7)' },
    { rule: 'NoSinglePointOfFailure', path: 'AuroraStack/Net/Resource', verdict: 'non-compliant [NatPerAz]', why: 'natGateways: 1 for three AZs' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'met', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'met', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'violated', 'DP.AVL.4': 'violated',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated', 'DP.NET.1': 'met',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'not-applicable', 'DP.IAM.2': 'not-applicable',
    'DP.DAT.1': 'not-applicable',
  },
};
