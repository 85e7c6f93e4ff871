// Shape: a shared stack (VPC, public ALB, KMS key) and a service stack that adds the HTTPS listener
// and a Fargate service to the shared ALB, stores files in a bucket encrypted with the shared key,
// and lets operators in the shared VPC reach the tasks on SSH.
import { App, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const shared = new EnvStack(app, 'SharedStack');
  const vpc = new ec2.Vpc(shared, 'Net', { maxAzs: 3, natGateways: 3, flowLogs: { all: {} } });
  const lb = new elbv2.ApplicationLoadBalancer(shared, 'Lb', { vpc, internetFacing: true });
  const key = new kms.Key(shared, 'DataKey', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });

  const svcStack = new EnvStack(app, 'ServiceStack');
  const cluster = new ecs.Cluster(svcStack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(svcStack, 'Task');
  task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), portMappings: [{ containerPort: 80 }] });
  const service = new ecs.FargateService(svcStack, 'Service', { cluster, taskDefinition: task, desiredCount: 2 });
  service.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(22), 'ops from the shared VPC');
  const listener = new elbv2.ApplicationListener(svcStack, 'Https', {
    loadBalancer: lb,
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromArn('arn:aws:acm:eu-west-1:111111111111:certificate/11111111-1111-1111-1111-111111111111')],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
  });
  listener.addTargets('Web', { port: 80, targets: [service] });
  new s3.Bucket(svcStack, 'Files', {
    encryptionKey: key,
    encryption: s3.BucketEncryption.KMS,
    enforceSSL: true,
    versioned: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  });
}

export const CROSS_STACK: RealWorldApp = {
  name: 'cross-stack',
  shape: 'a shared stack (VPC, public ALB, KMS key) and a service stack that adds the HTTPS listener',
  build,
  findings: [
    { rule: 'SecurityGroupAdminPorts', path: 'ServiceStack/Service/SecurityGroup/Resource', verdict: 'compliant', detail: /export SharedStack:.*CidrBlock/, why: 'SSH from the shared VPC\'s block through Fn::ImportValue (item 1)' },
    { rule: 'S3BucketCMK', path: 'ServiceStack/Files/Resource', verdict: 'compliant', why: 'the shared key through Fn::ImportValue' },
    { rule: 'ELBListenerAuthentication', path: 'ServiceStack/Https/Resource', verdict: 'non-compliant', why: 'the listener on the imported ALB forwards without authentication' },
    { rule: 'AdminVpnPresent', path: 'SharedStack', verdict: 'non-compliant', why: 'SSH admitted, no VPN' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'met', 'DP.ENC.3': 'met', 'DP.ENC.4': 'not-automated', 'DP.BAK.1': 'not-applicable',
    'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable', 'DP.BAK.4': 'not-applicable',
    'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'met',
    'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable', 'DP.AVL.4': 'met', 'DP.AVL.5': 'violated', 'DP.AVL.6': 'met',
    'DP.AVL.7': 'violated', 'DP.NET.1': 'met', 'DP.NET.2': 'violated', 'DP.NET.3': 'violated',
    'DP.NET.4': 'not-applicable', 'DP.NET.5': 'violated', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'violated',
    'DP.LOG.3': 'violated', 'DP.LOG.4': 'violated', 'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met',
    'DP.IAM.2': 'violated', 'DP.DAT.1': 'not-applicable',
  },
};
