import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { encryptedLogGroup } from '../defaults/log-group';
import { KpiAlarms } from '../logging/kpi-alarms';
import { HttpsLoadBalancer } from '../network/https-load-balancer';
import { acknowledgeRules, inCompliancePacks, REASONS } from '../private/third-party';

/**
 * Props for ResilientService.
 */
export interface ResilientServiceProps {
  /** The VPC (its AZ count sets the minimum task count). */
  readonly vpc: ec2.IVpc;
  /** The load balancer in front of the service. */
  readonly loadBalancer: HttpsLoadBalancer;
  /** The container image. */
  readonly image: ecs.ContainerImage;
  /** The port the container listens on. */
  readonly containerPort: number;
  /** The policy whose log retention applies. @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()` */
  readonly policy?: DataProtectionPolicy;
  /** Tasks to run; at least one per AZ. @default - the VPC's number of AZs */
  readonly desiredCount?: number;
  /** Most tasks autoscaling may run. @default - 4 x desiredCount */
  readonly maxCount?: number;
  /** CPU units per task. @default 512 */
  readonly cpu?: number;
  /** Memory per task, MiB; also the container's hard limit. @default 1024 */
  readonly memoryLimitMiB?: number;
  /**
   * The user the container runs as (`uid`, `uid:gid`, or a name the image defines), never root: a
   * process that escapes as root owns the task.
   *
   * @default '1000:1000'
   */
  readonly user?: string;
  /** The path the load balancer checks. @default '/health' */
  readonly healthCheckPath?: string;
  /** Alarms to watch the service with (DP.MON.1). @default - none */
  readonly kpiAlarms?: KpiAlarms;
  /** An existing cluster. @default - a new cluster with Container Insights */
  readonly cluster?: ecs.ICluster;
}

/**
 * An ECS Fargate service that keeps the availability promises (DP.AVL.4, DP.AVL.5): at least one
 * task per AZ in private subnets without public IPs, behind an HttpsLoadBalancer, rolling
 * deployments that keep 100% healthy with the circuit breaker rolling back failures, CPU target
 * tracking autoscaling, a container running as a non-root user with a memory hard limit, and logs
 * in an encrypted log group.
 */
export class ResilientService extends Construct {
  /** The service. */
  public readonly service: ecs.FargateService;
  /** The target group the load balancer forwards to. */
  public readonly targetGroup: elbv2.ApplicationTargetGroup;

  constructor(scope: Construct, id: string, props: ResilientServiceProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const azCount = props.vpc.availabilityZones.length;
    const desired = props.desiredCount ?? azCount;
    const max = props.maxCount ?? desired * 4;
    const errors = PropErrors.of('ResilientService', this);
    errors.check(Number.isInteger(desired) && desired >= azCount, 'desiredCount', desired, `at least one task per AZ (${azCount})`);
    errors.check(Number.isInteger(max) && max >= desired, 'maxCount', max, `at least desiredCount (${desired})`);
    errors.check(Number.isInteger(props.containerPort) && props.containerPort >= 1 && props.containerPort <= 65535, 'containerPort', props.containerPort, 'a port from 1 to 65535');
    const user = props.user ?? '1000:1000';
    errors.check(typeof user === 'string' && user.trim() !== '' && !/^(root|0)(:.*)?$/.test(user.trim()), 'user', user,
      "a non-root user: a uid other than 0 ('1000', '1000:1000') or a user name the image defines");
    errors.throwIfAny();

    const cluster = props.cluster ?? new ecs.Cluster(this, 'Cluster', { vpc: props.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const logGroup = encryptedLogGroup(this, 'Logs', 'LogKey', policy, 'Logs');
    const memory = props.memoryLimitMiB ?? 1024;
    const task = new ecs.FargateTaskDefinition(this, 'Task', { cpu: props.cpu ?? 512, memoryLimitMiB: memory });
    task.addContainer('App', {
      image: props.image,
      user,
      // A hard limit: the container is stopped rather than starving the task's other processes.
      memoryLimitMiB: memory,
      portMappings: [{ containerPort: props.containerPort }],
      logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'app' }),
      readonlyRootFilesystem: true,
    });
    // The execution role's one policy (pull the image, write the log group) is CDK's grant.
    acknowledgeRules(task, inCompliancePacks('IAMNoInlinePolicy'), REASONS.inlinePolicy);
    this.service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: task,
      desiredCount: desired,
      minHealthyPercent: 100,
      maxHealthyPercent: 200,
      circuitBreaker: { enable: true, rollback: true },
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      assignPublicIp: false,
    });
    this.service.autoScaleTaskCount({ minCapacity: desired, maxCapacity: max })
      .scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60, scaleInCooldown: Duration.minutes(5), scaleOutCooldown: Duration.minutes(1) });

    this.targetGroup = new elbv2.ApplicationTargetGroup(this, 'Targets', {
      vpc: props.vpc,
      port: props.containerPort,
      protocol: elbv2.ApplicationProtocol.HTTP,
      targetType: elbv2.TargetType.IP,
      targets: [this.service],
      healthCheck: { path: props.healthCheckPath ?? '/health', healthyThresholdCount: 2, interval: Duration.seconds(15) },
      deregistrationDelay: Duration.seconds(30),
    });
    props.loadBalancer.forward([this.targetGroup]);
    props.kpiAlarms?.watchService(id, this.service);
  }
}
