// Shape: an isolated VPC (no internet) with interface endpoints for Secrets Manager, SSM and ECR,
// an S3 gateway endpoint, a flow log, and a Lambda function in the isolated subnets.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'EndpointsStack');
  const vpc = new ec2.Vpc(stack, 'Net', {
    maxAzs: 3,
    natGateways: 0,
    subnetConfiguration: [{ name: 'iso', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 22 }],
    gatewayEndpoints: { S3: { service: ec2.GatewayVpcEndpointAwsService.S3 } },
    flowLogs: { all: { destination: ec2.FlowLogDestination.toCloudWatchLogs() } },
  });
  vpc.addInterfaceEndpoint('Secrets', { service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER });
  vpc.addInterfaceEndpoint('Ssm', { service: ec2.InterfaceVpcEndpointAwsService.SSM });
  const ecr = vpc.addInterfaceEndpoint('EcrApi', { service: ec2.InterfaceVpcEndpointAwsService.ECR, open: false });
  // the older samples open the endpoint to any IPv4 address
  ecr.connections.allowDefaultPortFromAnyIpv4('clients');
  new lambda.Function(stack, 'Worker', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => 1;'),
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
  });
}

export const VPC_ENDPOINTS: RealWorldApp = {
  name: 'vpc-endpoints',
  shape: 'an isolated VPC (no internet) with interface endpoints for Secrets Manager, SSM and ECR,',
  build,
  findings: [
    { rule: 'SecurityGroupPublicIngress', path: 'Net/Secrets/SecurityGroup/Resource', verdict: 'compliant', why: 'the endpoint\'s default group admits 443 from Fn::GetAtt Net.CidrBlock (item 1)' },
    { rule: 'SecurityGroupPublicIngress', path: 'Net/EcrApi/SecurityGroup/Resource', verdict: 'compliant', why: '0.0.0.0/0 in a VPC without an internet gateway admits no one from the internet' },
    { rule: 'LogRetention', path: 'Net/all/LogGroup/Resource', verdict: 'non-compliant [Encryption]', why: 'the flow log group has no key' },
    { rule: 'LogGroupCMK', path: 'Net/all/LogGroup/Resource', verdict: 'not-applicable', why: 'one defect, one finding (item 4)' },
  ],
  controls: {
    'DP.ENC.1': 'not-applicable', 'DP.ENC.2': 'not-applicable', 'DP.ENC.3': 'not-applicable',
    'DP.ENC.4': 'not-automated', 'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable',
    'DP.BAK.3': 'not-applicable', 'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable',
    'DP.BAK.6': 'not-applicable', 'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'met', 'DP.AVL.2': 'violated',
    'DP.AVL.3': 'not-applicable', 'DP.AVL.4': 'not-applicable', 'DP.AVL.5': 'not-applicable',
    'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met', 'DP.NET.1': 'met', 'DP.NET.2': 'not-applicable',
    'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated',
    'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'met', 'DP.LOG.4': 'violated', 'DP.MON.1': 'not-applicable',
    'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
