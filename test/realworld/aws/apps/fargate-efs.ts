// Shape: Fargate service (2 tasks) behind a public ALB, mounting an encrypted EFS file system
// whose resource policy allows mounts through mount targets; task role gets root access.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'FargateEfsStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2 });
  const fs = new efs.FileSystem(stack, 'Shared', {
    vpc,
    encrypted: true,
    lifecyclePolicy: efs.LifecyclePolicy.AFTER_14_DAYS,
  });
  fs.addToResourcePolicy(new iam.PolicyStatement({
    actions: ['elasticfilesystem:ClientMount'],
    principals: [new iam.AnyPrincipal()],
    conditions: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
  }));
  const task = new ecs.FargateTaskDefinition(stack, 'Task', {
    cpu: 256, memoryLimitMiB: 512,
    volumes: [{ name: 'uploads', efsVolumeConfiguration: { fileSystemId: fs.fileSystemId } }],
  });
  const web = task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest') });
  web.addPortMappings({ containerPort: 8000 });
  web.addMountPoints({ sourceVolume: 'uploads', containerPath: '/uploads', readOnly: false });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const svc = new patterns.ApplicationLoadBalancedFargateService(stack, 'Files', { cluster, taskDefinition: task, desiredCount: 2 });
  fs.grantRootAccess(svc.taskDefinition.taskRole.grantPrincipal);
  fs.connections.allowDefaultPortFrom(svc.service.connections);
}

export const FARGATE_EFS: RealWorldApp = {
  name: 'fargate-efs',
  shape: 'Fargate service (2 tasks) behind a public ALB, mounting an encrypted EFS file system',
  build,
  findings: [
    { rule: 'VersionedStorage', path: 'FargateEfsStack/Shared/Resource', verdict: 'non-compliant', detail: /no versions/, why: 'EFS has no versions and no backup keeps earlier ones (item 2: not met on redundancy alone)' },
    { rule: 'EFSFileSystemCMK', path: 'FargateEfsStack/Shared/Resource', verdict: 'non-compliant', why: 'encrypted with the AWS-managed key' },
    { rule: 'SecurityGroupPublicIngress', path: 'Shared/EfsSecurityGroup/from', verdict: 'compliant', why: 'NFS from the service\'s group' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'violated', 'DP.BAK.7': 'not-applicable',
    'DP.AVL.1': 'violated', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable', 'DP.AVL.4': 'met',
    'DP.AVL.5': 'violated', 'DP.AVL.6': 'violated', 'DP.AVL.7': 'violated', 'DP.NET.1': 'violated',
    'DP.NET.2': 'violated', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'violated',
    'DP.DAT.1': 'not-applicable',
  },
};
