// Shape: single RDS for MySQL instance in isolated subnets, encrypted with the AWS-managed key,
// own parameter group (TLS not required), rotation of its generated secret, access from the VPC CIDR.
import { App, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'MysqlStack');
  const vpc = new ec2.Vpc(stack, 'Net', {
    maxAzs: 3,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      { name: 'edge', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
    ],
  });
  const engine = rds.DatabaseInstanceEngine.mysql({ version: rds.MysqlEngineVersion.VER_8_0_40 });
  const db = new rds.DatabaseInstance(stack, 'Mysql', {
    engine,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MEDIUM),
    allocatedStorage: 20,
    storageEncrypted: true,
    multiAz: false,
    publiclyAccessible: false,
    backupRetention: Duration.days(7),
    parameterGroup: new rds.ParameterGroup(stack, 'Params', { engine, parameters: { max_connections: '200' } }),
    monitoringInterval: Duration.seconds(60),
    removalPolicy: RemovalPolicy.DESTROY,
  });
  db.addRotationSingleUser();
  // clients anywhere in the VPC may connect
  db.connections.allowDefaultPortFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), 'from the VPC');
}

export const RDS_MYSQL: RealWorldApp = {
  name: 'rds-mysql',
  shape: 'single RDS for MySQL instance in isolated subnets, encrypted with the AWS-managed key,',
  build,
  findings: [
    { rule: 'SecurityGroupPublicIngress', path: 'Mysql/SecurityGroup/from {IndirectPeer}', verdict: 'compliant', detail: /CidrBlock of AWS::EC2::VPC/, why: 'Peer.ipv4(vpc.vpcCidrBlock) is the VPC\'s 10.0.0.0/16, not the internet (item 1)' },
    { rule: 'SecurityGroupAdminPorts', path: 'Mysql/SecurityGroup/from {IndirectPeer}', verdict: 'not-applicable', why: 'the port is Endpoint.Port = 3306 (mysql default): not SSH or RDP' },
    { rule: 'SecurityGroupPlaintextAmqp', path: 'Mysql/SecurityGroup/from {IndirectPeer}', verdict: 'not-applicable', why: '3306, and no broker in the app (item 2)' },
    { rule: 'RDSForceTLS', path: 'MysqlStack/Mysql/Resource', verdict: 'non-compliant', detail: /require_secure_transport/, why: 'its own group does not set require_secure_transport (mysql default OFF)' },
    { rule: 'ResourceAlarms', path: 'MysqlStack/Mysql/Resource', verdict: 'non-compliant', why: 'no alarm on the DB instance (item 5: DBInstance is judged)' },
    { rule: 'DatabaseReplication', path: 'MysqlStack/Mysql/Resource', verdict: 'non-compliant', detail: /MultiAZ false/, why: 'multiAz: false' },
    { rule: 'AvailabilityBudget', path: 'MysqlStack', verdict: 'non-compliant', detail: /Amazon RDS \(Single-AZ\) 99\.5%/, why: 'a Single-AZ instance is priced at 99.5%, not 99.95%' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'met', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'violated', 'DP.AVL.4': 'not-applicable',
    'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated', 'DP.NET.1': 'met',
    'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'not-applicable',
    'DP.DAT.1': 'not-applicable',
  },
};
