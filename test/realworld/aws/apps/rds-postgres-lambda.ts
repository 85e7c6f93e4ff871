// Shape: RDS for PostgreSQL instance (Multi-AZ) used by a VPC Lambda function through an RDS Proxy.
import { App, Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as rds from 'aws-cdk-lib/aws-rds';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'PgLambdaStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2, natGateways: 1 });
  const db = new rds.DatabaseInstance(stack, 'Pg', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16_4 }),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.SMALL),
    multiAz: true,
    databaseName: 'demodb',
    credentials: rds.Credentials.fromGeneratedSecret('postgres'),
  });
  const fn = new lambda.Function(stack, 'Query', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ ok: true });'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    timeout: Duration.seconds(30),
    environment: { SECRET_ARN: db.secret!.secretArn },
  });
  const proxy = db.addProxy('Proxy', { vpc, secrets: [db.secret!] });
  proxy.grantConnect(fn, 'postgres');
  db.connections.allowDefaultPortFrom(fn, 'lambda to postgres');
  db.secret!.grantRead(fn);
  // A reporting replica of the same shape created without an engine version: RDS picks its current
  // default major version (15 or later), which forces TLS by default.
  new rds.DatabaseInstance(stack, 'Reports', {
    engine: rds.DatabaseInstanceEngine.POSTGRES,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.SMALL),
    credentials: rds.Credentials.fromGeneratedSecret('reporter'),
  });
}

export const RDS_POSTGRES_LAMBDA: RealWorldApp = {
  name: 'rds-postgres-lambda',
  shape: 'RDS for PostgreSQL instance (Multi-AZ) used by a VPC Lambda function through an RDS Proxy.',
  build,
  findings: [
    { rule: 'RDSForceTLS', path: 'PgLambdaStack/Pg/Resource', verdict: 'compliant', detail: /postgres 16 forces TLS/, why: 'RDS for PostgreSQL 16 forces TLS by default' },
    { rule: 'RDSForceTLS', path: 'PgLambdaStack/Reports/Resource', verdict: 'compliant', detail: /forces TLS by default/, why: 'no EngineVersion: RDS creates its default major version, 15 or later (item 1)' },
    { rule: 'RDSForceTLS', path: 'Pg/Proxy/Resource', verdict: 'compliant', detail: /RequireTLS true/, why: 'the CDK\'s proxy sets RequireTLS' },
    { rule: 'RDSInstanceCMK', path: 'PgLambdaStack/Pg/Resource', verdict: 'non-compliant', detail: /StorageEncrypted/, why: 'no storageEncrypted: unencrypted' },
    { rule: 'SecurityGroupPlaintextAmqp', path: 'Pg/SecurityGroup/from PgLambdaStackQuerySecurityGroup', verdict: 'not-applicable', why: 'Endpoint.Port of postgres is 5432 (items 1, 2)' },
    { rule: 'DatabaseReplication', path: 'PgLambdaStack/Reports/Resource', verdict: 'non-compliant', why: 'not Multi-AZ' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'violated', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'violated', 'DP.AVL.4': 'violated',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated', 'DP.NET.1': 'met',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'not-applicable',
    'DP.DAT.1': 'not-applicable',
  },
};
