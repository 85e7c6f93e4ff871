// Shape: the plain "ApplicationLoadBalancedFargateService" pattern: public HTTP ALB in front of
// one Fargate task from a public registry image, in a 2-AZ VPC.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'FargateAlbStack');
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 2 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const svc = new patterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
    cluster,
    taskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), containerPort: 80 },
    publicLoadBalancer: true,
  });
  const scaling = svc.service.autoScaleTaskCount({ minCapacity: 1, maxCapacity: 4 });
  scaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
}

export const ECS_FARGATE_ALB: RealWorldApp = {
  name: 'ecs-fargate-alb',
  shape: 'the plain "ApplicationLoadBalancedFargateService" pattern: public HTTP ALB in front of',
  build,
  findings: [
    { rule: 'ELBListenerAuthentication', path: 'Web/LB/PublicListener/Resource', verdict: 'non-compliant', why: 'the pattern\'s HTTP listener forwards to users without authentication (survey shape 7)' },
    { rule: 'NoSinglePointOfFailure', path: 'Web/Service/Service', verdict: 'non-compliant [Tasks]', detail: /1 task/, why: 'one task' },
    { rule: 'LogRetention', path: 'Web/TaskDef/web/LogGroup/Resource', verdict: 'non-compliant [Encryption] [Retention]', why: 'the awsLogs driver\'s log group has no key and no retention' },
    { rule: 'LogGroupCMK', path: 'Web/TaskDef/web/LogGroup/Resource', verdict: 'not-applicable', why: 'one defect, one finding: LogRetention owns the key when DP.LOG.4 is promised (item 4)' },
    { rule: 'AvailabilityBudget', path: 'FargateAlbStack', verdict: 'non-compliant', detail: /one task\) 99\.5%/, why: 'one task' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'not-applicable', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'violated', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'violated', 'DP.AVL.5': 'violated', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'violated',
    'DP.NET.1': 'violated', 'DP.NET.2': 'violated', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated',
    'DP.LOG.4': 'violated', 'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'violated',
    'DP.DAT.1': 'not-applicable',
  },
};
