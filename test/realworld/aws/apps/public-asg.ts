// Shape: a cost-conscious web tier: a VPC with public subnets only (no NAT gateway), an Auto
// Scaling group of web servers from a launch template placed in those public subnets, behind an
// internet-facing ALB listening on HTTP. The launch template says nothing about public IPs: the
// public subnets (MapPublicIpOnLaunch) give every instance one.
import { App } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'PublicAsgStack');
  const vpc = new ec2.Vpc(stack, 'Net', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'web', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 }],
  });
  const userData = ec2.UserData.forLinux();
  userData.addCommands('dnf install -y nginx', 'systemctl enable --now nginx');
  const template = new ec2.LaunchTemplate(stack, 'WebTemplate', {
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.SMALL),
    userData,
    securityGroup: new ec2.SecurityGroup(stack, 'WebSg', { vpc }),
  });
  const web = new autoscaling.AutoScalingGroup(stack, 'Web', {
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    launchTemplate: template,
    minCapacity: 2,
    maxCapacity: 4,
  });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  lb.addListener('Http', { port: 80, open: true }).addTargets('Web', { port: 80, targets: [web] });
}

export const PUBLIC_ASG: RealWorldApp = {
  name: 'public-asg',
  shape: 'a cost-conscious web tier: a VPC with public subnets only (no NAT gateway), an Auto',
  build,
  findings: [
    { rule: 'InstancePublicIp', path: 'PublicAsgStack/Web/ASG', verdict: 'non-compliant', detail: /MapPublicIpOnLaunch of subnet NetwebSubnet\d\w* true/, why: 'the template leaves the address to the subnet, and CDK public subnets hand one out: every web server is reachable by its own address' },
    { rule: 'InstancePublicIp', path: 'PublicAsgStack/WebTemplate/Resource', verdict: 'not-applicable', why: 'the template does not decide; the group that launches it is judged' },
    { rule: 'SecurityGroupPublicIngress', path: 'PublicAsgStack/WebSg/Resource', verdict: 'compliant', why: 'the servers admit only the load balancer\'s group' },
    { rule: 'SecurityGroupPublicIngress', path: 'PublicAsgStack/Lb/SecurityGroup/Resource', verdict: 'non-compliant [PublicPort]', detail: /tcp 80 from 0\.0\.0\.0\/0/, why: 'plain HTTP open to the internet' },
    { rule: 'NoSinglePointOfFailure', path: 'PublicAsgStack/Web/ASG', verdict: 'compliant', why: 'at least two instances over two subnets; no NAT gateway to fail' },
    { rule: 'ZeroDowntimeDeploys', path: 'PublicAsgStack/Web/ASG', verdict: 'non-compliant [Scaling] [RollingUpdate]', why: 'no scaling policy and no rolling update policy' },
    { rule: 'AvailabilityBudget', path: 'PublicAsgStack', verdict: 'compliant', detail: /Amazon EC2 \(multi-AZ\) 99\.99%/, why: 'a load balancer in front of a multi-AZ fleet meets 99.95%' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'violated', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'met', 'DP.AVL.5': 'violated', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met',
    'DP.NET.1': 'violated', 'DP.NET.2': 'violated', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'not-applicable',
    'DP.IAM.2': 'violated', 'DP.DAT.1': 'not-applicable',
  },
};
