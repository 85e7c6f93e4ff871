// Shape: (1) a public single-instance RabbitMQ broker consumed by Lambda (the quick-start shape);
// (2) a private ActiveMQ active/standby broker in a VPC, reachable on OpenWire+SSL and the console
// port from the VPC CIDR, and on every TCP port from its own group.
import { App } from 'aws-cdk-lib';
import * as mq from 'aws-cdk-lib/aws-amazonmq';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'BrokerStack');
  const admin = new secretsmanager.Secret(stack, 'Admin', {
    generateSecretString: { secretStringTemplate: '{"username":"admin"}', generateStringKey: 'password', excludePunctuation: true },
  });
  new mq.CfnBroker(stack, 'Rabbit', {
    brokerName: 'rabbit', engineType: 'RABBITMQ', engineVersion: '3.13', hostInstanceType: 'mq.t3.micro',
    deploymentMode: 'SINGLE_INSTANCE', publiclyAccessible: true, autoMinorVersionUpgrade: true,
    users: [{ username: 'admin', password: admin.secretValueFromJson('password').unsafeUnwrap() }],
  });

  const vpcCidr = '10.0.0.0/16';
  const vpc = new ec2.Vpc(stack, 'Net', { ipAddresses: ec2.IpAddresses.cidr(vpcCidr), maxAzs: 2, natGateways: 1 });
  const sg = new ec2.SecurityGroup(stack, 'BrokerSg', { vpc });
  sg.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(61617), 'OpenWire+SSL from the VPC');
  sg.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(8162), 'console from the VPC');
  sg.addIngressRule(sg, ec2.Port.allTcp(), 'broker peers');
  new mq.CfnBroker(stack, 'Active', {
    brokerName: 'active', engineType: 'ACTIVEMQ', engineVersion: '5.18', hostInstanceType: 'mq.m5.large',
    deploymentMode: 'ACTIVE_STANDBY_MULTI_AZ', publiclyAccessible: false, autoMinorVersionUpgrade: true,
    subnetIds: vpc.privateSubnets.slice(0, 2).map((s) => s.subnetId),
    securityGroups: [sg.securityGroupId],
    users: [{ username: 'admin', password: admin.secretValueFromJson('password').unsafeUnwrap(), consoleAccess: true }],
  });
}

export const AMAZON_MQ: RealWorldApp = {
  name: 'amazon-mq',
  shape: '(1) a public single-instance RabbitMQ broker consumed by Lambda (the quick-start shape);',
  build,
  findings: [
    { rule: 'AmazonMQBrokerPrivate', path: 'BrokerStack/Rabbit', verdict: 'non-compliant [Public]', why: 'publiclyAccessible: true' },
    { rule: 'DatabasePublicAccess', path: 'BrokerStack/Rabbit', verdict: 'not-applicable', why: 'one defect, one finding: DP.NET.4 owns the public broker (item 4)' },
    { rule: 'NoSinglePointOfFailure', path: 'BrokerStack/Rabbit', verdict: 'non-compliant [SingleInstance]', why: 'a single-instance broker is an availability defect, not a privacy one (item 2)' },
    { rule: 'AmazonMQBrokerPrivate', path: 'BrokerStack/Active', verdict: 'compliant', why: 'private active/standby broker' },
    { rule: 'SecurityGroupAdminPorts', path: 'BrokerSg/from BrokerStackBrokerSg', verdict: 'not-applicable', why: 'all TCP from its own group is broker-to-broker traffic' },
  ],
  controls: {
    'DP.ENC.1': 'not-applicable', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'violated', 'DP.AVL.2': 'not-applicable', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'violated', 'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'not-applicable',
    'DP.NET.1': 'met', 'DP.NET.2': 'not-applicable', 'DP.NET.3': 'not-applicable', 'DP.NET.4': 'violated',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'not-applicable',
    'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
