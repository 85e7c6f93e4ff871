// Shape: the same regional stack (VPC, internet-facing ALB with an HTTPS listener, Fargate service)
// in two regions, and a Global Accelerator (TCP 80 and 443) with one endpoint group per region.
import { App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as ga from 'aws-cdk-lib/aws-globalaccelerator';
import * as endpoints from 'aws-cdk-lib/aws-globalaccelerator-endpoints';
import { EnvStack, RealWorldApp } from './common';

function regional(app: App, region: string): elbv2.ApplicationLoadBalancer {
  const stack = new EnvStack(app, `Web-${region}`, { region, crossRegionReferences: true });
  const vpc = new ec2.Vpc(stack, 'Net', { maxAzs: 3, natGateways: 3 });
  const lb = new elbv2.ApplicationLoadBalancer(stack, 'Lb', { vpc, internetFacing: true });
  lb.addRedirect();
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const task = new ecs.FargateTaskDefinition(stack, 'Task');
  task.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), portMappings: [{ containerPort: 80 }] });
  const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, desiredCount: 3 });
  lb.addListener('Https', {
    port: 443,
    certificates: [elbv2.ListenerCertificate.fromArn(`arn:aws:acm:${region}:111111111111:certificate/22222222-2222-2222-2222-222222222222`)],
    sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
  }).addTargets('Web', { port: 80, targets: [service] });
  return lb;
}

function build(app: App): void {
  const primary = regional(app, 'eu-west-1');
  const secondary = regional(app, 'eu-central-1');
  const edge = new EnvStack(app, 'EdgeStack', { region: 'eu-west-1', crossRegionReferences: true });
  const accelerator = new ga.Accelerator(edge, 'Accelerator');
  const listener = accelerator.addListener('Web', { portRanges: [{ fromPort: 80 }, { fromPort: 443 }] });
  listener.addEndpointGroup('Primary', { endpoints: [new endpoints.ApplicationLoadBalancerEndpoint(primary, { preserveClientIp: true })] });
  listener.addEndpointGroup('Secondary', { endpoints: [new endpoints.ApplicationLoadBalancerEndpoint(secondary, { preserveClientIp: true })] });
}

export const GLOBAL_ACCELERATOR: RealWorldApp = {
  name: 'global-accelerator',
  shape: 'the same regional stack (VPC, internet-facing ALB with an HTTPS listener, Fargate service)',
  build,
  findings: [
    { rule: 'ShieldProtection', path: 'Web-eu-central-1/Lb/Resource', verdict: 'not-applicable', why: 'fronted by the accelerator through a strong cross-region reference (ExportsReader, new App() without flags) (item 6)' },
    { rule: 'ShieldProtection', path: 'Web-eu-west-1/Lb/Resource', verdict: 'not-applicable', why: 'fronted through Fn::ImportValue' },
    { rule: 'ShieldProtection', path: 'EdgeStack/Accelerator/Resource', verdict: 'non-compliant', why: 'no Shield Advanced protection on the accelerator' },
    { rule: 'SecurityGroupPublicIngress', path: 'Web-eu-west-1/Lb/SecurityGroup/Resource', verdict: 'compliant', why: 'port 80 only redirects to HTTPS, which DP.ENC.1 allows (item 6)' },
    { rule: 'ELBListenerTLS', path: 'Web-eu-west-1/Lb/Redirect80To443/Resource', verdict: 'compliant', why: 'the redirect listener' },
    { rule: 'AcceleratorCoverage', path: 'EdgeStack/Accelerator/Resource', verdict: 'compliant', why: 'endpoint groups in both regions' },
  ],
  controls: {
    'DP.ENC.1': 'met', 'DP.ENC.2': 'not-applicable', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'met', 'DP.AVL.2': 'met', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'met', 'DP.AVL.5': 'violated', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met', 'DP.NET.1': 'met',
    'DP.NET.2': 'violated', 'DP.NET.3': 'met', 'DP.NET.4': 'not-applicable', 'DP.NET.5': 'not-applicable',
    'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'violated', 'DP.LOG.4': 'not-applicable',
    'DP.MON.1': 'violated', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met', 'DP.IAM.2': 'violated',
    'DP.DAT.1': 'not-applicable',
  },
};
