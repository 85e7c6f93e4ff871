// Shape: public HTTP ALB in front of an EC2 Auto Scaling group (launch template, 50 GiB data
// volume), request-count scaling, SSH allowed from inside the VPC for operators.
import { App, CfnParameter } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'AlbAsgStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 3, natGateways: 3 });
  const asg = new autoscaling.AutoScalingGroup(stack, 'Web', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
    minCapacity: 1,
    maxCapacity: 1,
    blockDevices: [{ deviceName: '/dev/xvdb', volume: autoscaling.BlockDeviceVolume.ebs(50) }],
  });
  asg.connections.allowFrom(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(22), 'ssh from inside the VPC');
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  const listener = lb.addListener('Http', { port: 80, open: true });
  listener.addTargets('Fleet', { port: 80, targets: [asg] });
  asg.scaleOnRequestCount('Requests', { targetRequestsPerMinute: 600 });
  // operators' range as a template parameter with a default, a common sample idiom
  const opsCidr = new CfnParameter(stack, 'OpsCidr', { type: 'String', default: '10.0.0.0/16' });
  const opsSg = new ec2.SecurityGroup(stack, 'OpsSg', { vpc });
  opsSg.addIngressRule(ec2.Peer.ipv4(opsCidr.valueAsString), ec2.Port.tcp(22), 'ssh from the ops range');
  asg.addSecurityGroup(opsSg);

  // A batch worker launched from a hand-written launch template, and a bastion instance: both map
  // EBS volumes without encryption (the template's data volume, the bastion's root volume).
  new ec2.LaunchTemplate(stack, 'WorkerTemplate', {
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
    blockDevices: [{ deviceName: '/dev/xvdf', volume: ec2.BlockDeviceVolume.ebs(100) }],
  });
  new ec2.Instance(stack, 'Bastion', {
    vpc,
    instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.NANO),
    machineImage: ec2.MachineImage.genericLinux({ 'eu-west-1': 'ami-0123456789abcdef0' }),
    blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(8, { encrypted: false }) }],
    securityGroup: opsSg,
  });
}

export const ALB_ASG: RealWorldApp = {
  name: 'alb-asg',
  shape: 'public HTTP ALB in front of an EC2 Auto Scaling group (launch template, 50 GiB data',
  build,
  findings: [
    { rule: 'EBSVolumeCMK', path: 'AlbAsgStack/WorkerTemplate/Resource', verdict: 'non-compliant', detail: /\/dev\/xvdf is not encrypted/, why: 'the launch template maps a data volume without encryption (item 5)' },
    { rule: 'EBSVolumeCMK', path: 'AlbAsgStack/Bastion/Resource', verdict: 'non-compliant', detail: /\/dev\/xvda is not encrypted/, why: 'the instance maps its root volume with encrypted: false (item 5)' },
    { rule: 'EBSVolumeCMK', path: 'AlbAsgStack/Web/LaunchConfig', verdict: 'non-compliant', detail: /\/dev\/xvdb is not encrypted/, why: 'the 50 GiB data volume in the launch configuration has no Encrypted (item 5)' },
    { rule: 'NoSinglePointOfFailure', path: 'AlbAsgStack/Web/ASG', verdict: 'non-compliant [Instances]', detail: /MinSize/, why: 'MinSize = MaxSize = 1: one instance (item 5)' },
    { rule: 'ZeroDowntimeDeploys', path: 'AlbAsgStack/Web/ASG', verdict: 'non-compliant [Scaling] [RollingUpdate]', why: 'a scaling policy that cannot add instances, and no rolling update policy (item 5)' },
    { rule: 'SecurityGroupAdminPorts', path: 'Web/InstanceSecurityGroup/Resource', verdict: 'compliant', detail: /CidrBlock of AWS::EC2::VPC/, why: 'SSH from vpc.vpcCidrBlock, inside the VPC (item 1)' },
    { rule: 'SecurityGroupAdminPorts', path: 'AlbAsgStack/OpsSg/Resource', verdict: 'compliant', detail: /the default of parameter OpsCidr/, why: 'SSH from a CfnParameter whose default is inside the VPC (item 1)' },
    { rule: 'AdminVpnPresent', path: 'AlbAsgStack', verdict: 'non-compliant', detail: /no Client VPN endpoint/, why: 'SSH is admitted, but no VPN exists: DP.NET.5 is not met on its negative half (item 3)' },
    { rule: 'SecurityGroupPublicIngress', path: 'Lb/SecurityGroup/Resource', verdict: 'non-compliant [PublicPort]', detail: /tcp 80/, why: 'port 80 forwards to the instances: not only a redirect' },
    { rule: 'ELBListenerAuthentication', path: 'AlbAsgStack/Lb/Http/Resource', verdict: 'non-compliant', detail: /plaintext HTTP listener forwards/, why: 'a public plaintext listener serves users without authentication' },
    { rule: 'AvailabilityBudget', path: 'AlbAsgStack', verdict: 'non-compliant', detail: /Amazon EC2 \(one instance\) 99\.5%/, why: 'one instance is not a multi-AZ fleet' },
    { rule: 'InstancePublicIp', path: 'AlbAsgStack/Web/ASG', verdict: 'compliant', detail: /PrivateSubnet/, why: 'the launch configuration leaves the address to the subnet, and the group runs in the private subnets' },
    { rule: 'InstancePublicIp', path: 'AlbAsgStack/Web/LaunchConfig', verdict: 'not-applicable', why: 'no AssociatePublicIpAddress: judged on the group that launches it' },
    { rule: 'InstancePublicIp', path: 'AlbAsgStack/WorkerTemplate/Resource', verdict: 'non-compliant [Unverifiable]', detail: /no instance, Auto Scaling group or EKS node group of this app launches from it/, why: 'nothing in the app launches the worker template, so the subnet that decides is unknown' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'met', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'violated', 'DP.AVL.5': 'violated', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated',
    'DP.NET.1': 'violated', 'DP.NET.2': 'violated', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'violated', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met',
    'DP.IAM.2': 'violated', 'DP.DAT.1': 'not-applicable',
  },
};
