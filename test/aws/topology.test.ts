import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  DataProtectionPolicy, HttpsLoadBalancer, IncidentTopic, KpiAlarms, PolicyBackupPlan, RegionalNetwork, ReplicatedDatabase, ResilientService,
} from '../../lib';
import { CDK_CONTEXT } from '../helpers';
import { certificate, offlineStack, violationsOf } from './fixtures';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');

function topology() {
  const { app, stack } = offlineStack();
  const net = new RegionalNetwork(stack, 'Net');
  const web = new HttpsLoadBalancer(stack, 'Web', { vpc: net.vpc, certificates: [certificate(stack)] });
  return { app, stack, net, web };
}

describe('RegionalNetwork', () => {
  test('exactly the policy\'s AZs, three subnet tiers, a NAT per AZ, flow logs, gateway endpoints', () => {
    const { stack } = topology();
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::EC2::Subnet', 9);
    t.resourceCountIs('AWS::EC2::NatGateway', 3);
    for (const az of ['eu-west-1a', 'eu-west-1b', 'eu-west-1c']) t.hasResourceProperties('AWS::EC2::Subnet', { AvailabilityZone: az, MapPublicIpOnLaunch: false });
    t.hasResourceProperties('AWS::EC2::FlowLog', { ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs' });
    t.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: Match.anyValue(), RetentionInDays: 365 });
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    t.hasResourceProperties('AWS::EC2::VPCEndpoint', { VpcEndpointType: 'Gateway', ServiceName: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
  });

  test('two AZs for a policy that promises two', () => {
    const { stack } = offlineStack();
    new RegionalNetwork(stack, 'Net', { policy: new DataProtectionPolicy({ availabilityZonesPerRegion: 2 }) });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test.each([
    [{ availabilityZones: ['eu-west-1a', 'eu-west-1b'] }, /RegionalNetwork Stack\/Net: invalid props:\n {2}- availabilityZones: \["eu-west-1a","eu-west-1b"\] \(allowed: at least the policy's availabilityZonesPerRegion \(3\) AZ names/],
    [{ cidr: '10.0.0.0/8' }, /cidr: "10.0.0.0\/8" \(allowed: an IPv4 block from \/16 to \/22\)/],
    [{ availabilityZones: ['eu-west-1a', 'eu-west-1a', 'eu-west-1b'] }, /availabilityZones: .* \(allowed: distinct AZ names\)/],
  ])('rejects %j', (props, message) => {
    const { stack } = offlineStack();
    expect(() => new RegionalNetwork(stack, 'Net', props)).toThrow(message);
  });

  test('an environment-agnostic stack must be given its AZs', () => {
    const stack = new Stack(new App({ context: CDK_CONTEXT }), 'Agnostic');
    expect(() => new RegionalNetwork(stack, 'Net')).toThrow(/availabilityZones: .*known at synth time/);
    new RegionalNetwork(stack, 'Given', { availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'] });
  });
});

describe('ResilientService', () => {
  test('one task per AZ, rolling with circuit-breaker rollback at 100% healthy, CPU autoscaling, behind the load balancer', () => {
    const { app, stack, net, web } = topology();
    const kpis = new KpiAlarms(stack, 'Kpis', { alertTopic: new IncidentTopic(stack, 'Incidents') });
    new ResilientService(stack, 'Api', { vpc: net.vpc, loadBalancer: web, image: IMAGE, containerPort: 8080, kpiAlarms: kpis });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::Service', {
      DesiredCount: 3, LaunchType: 'FARGATE',
      DeploymentConfiguration: { DeploymentCircuitBreaker: { Enable: true, Rollback: true }, MinimumHealthyPercent: 100, MaximumPercent: 200 },
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'DISABLED' }) },
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 3, MaxCapacity: 12 });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', { TargetTrackingScalingPolicyConfiguration: Match.objectLike({ TargetValue: 60 }) });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { DefaultActions: [Match.objectLike({ Type: 'forward' })] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { HealthCheckPath: '/health', TargetType: 'ip' });
    expect(kpis.alarms).toHaveLength(2);
    // The one finding left is the user's call: authenticate at the load balancer or acknowledge.
    expect(violationsOf(app)).toEqual(['DataProtection-ELBListenerAuthentication @ Stack/Web/LoadBalancer/Https/Resource']);
  });

  test.each([
    [{ desiredCount: 2 }, /ResilientService Stack\/Api: invalid props:\n {2}- desiredCount: 2 \(allowed: at least one task per AZ \(3\)\)/],
    [{ maxCount: 2 }, /maxCount: 2 \(allowed: at least desiredCount \(3\)\)/],
    [{ containerPort: 0 }, /containerPort: 0 \(allowed: a port from 1 to 65535\)/],
  ])('rejects %j', (props, message) => {
    const { net, web, stack } = topology();
    expect(() => new ResilientService(stack, 'Api', { vpc: net.vpc, loadBalancer: web, image: IMAGE, containerPort: 8080, ...props })).toThrow(message);
  });
});

describe('ReplicatedDatabase', () => {
  test('a writer and a reader, encrypted, TLS forced, IAM auth, logs, deletion protection, snapshot on removal', () => {
    const { app, stack, net } = topology();
    new ReplicatedDatabase(stack, 'Db', { vpc: net.vpc });
    new PolicyBackupPlan(stack, 'Backup', { copyRegion: 'eu-central-1' });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::RDS::DBCluster', {
      Properties: Match.objectLike({
        Engine: 'aurora-postgresql', StorageEncrypted: true, KmsKeyId: Match.anyValue(), EnableIAMDatabaseAuthentication: true,
        DeletionProtection: true, EnableCloudwatchLogsExports: ['postgresql'], BackupRetentionPeriod: 35,
        Tags: Match.arrayWith([{ Key: 'dp:data-class', Value: 'database' }]),
      }),
      DeletionPolicy: 'Snapshot',
      UpdateReplacePolicy: 'Snapshot',
    });
    t.resourceCountIs('AWS::RDS::DBInstance', 2);
    t.hasResourceProperties('AWS::RDS::DBClusterParameterGroup', { Parameters: { 'rds.force_ssl': '1', 'log_connections': '1' } });
    t.hasResourceProperties('AWS::SecretsManager::Secret', { KmsKeyId: Match.anyValue() });
    const found = violationsOf(app).filter((v) => !v.startsWith('DataProtection-ELBListenerAuthentication'));
    expect(found).toEqual([]);
  });

  test('rejects a cluster without a secondary', () => {
    const { stack, net } = topology();
    expect(() => new ReplicatedDatabase(stack, 'Db', { vpc: net.vpc, readers: 0 })).toThrow(/ReplicatedDatabase Stack\/Db: invalid props:\n {2}- readers: 0 \(allowed: a whole number from 1 to 15/);
  });
});

describe('hardening AWS itself expects (issue 16, item 8)', () => {
  test('ReplicatedDatabase: the master user is not the engine default, and a default name is refused', () => {
    const { stack, net } = topology();
    new ReplicatedDatabase(stack, 'Db', { vpc: net.vpc });
    const secret = Object.values(Template.fromStack(stack).findResources('AWS::SecretsManager::Secret'))[0] as any;
    const username = JSON.parse(secret.Properties.GenerateSecretString.SecretStringTemplate).username;
    expect(['postgres', 'admin', 'root', 'master', 'rdsadmin']).not.toContain(username);
    new ReplicatedDatabase(stack, 'Named', { vpc: net.vpc, adminUsername: 'orders_admin' });
    expect(() => new ReplicatedDatabase(stack, 'Default', { vpc: net.vpc, adminUsername: 'postgres' }))
      .toThrow(/ReplicatedDatabase Stack\/Default: invalid props:\n {2}- adminUsername: "postgres" \(allowed: a name other than the engine defaults/);
  });

  test('ResilientService: the container runs as a non-root user with a memory hard limit', () => {
    const { stack, net, web } = topology();
    new ResilientService(stack, 'Api', { vpc: net.vpc, loadBalancer: web, image: IMAGE, containerPort: 8080, memoryLimitMiB: 2048 });
    const task = Object.values(Template.fromStack(stack).findResources('AWS::ECS::TaskDefinition'))[0] as any;
    const [container] = task.Properties.ContainerDefinitions;
    expect(container.User).toBe('1000:1000');
    expect(container.Memory).toBe(2048);
    expect(() => new ResilientService(stack, 'Root', { vpc: net.vpc, loadBalancer: web, image: IMAGE, containerPort: 8080, user: 'root' }))
      .toThrow(/ResilientService Stack\/Root: invalid props:\n {2}- user: "root" \(allowed: a non-root user/);
  });
});
