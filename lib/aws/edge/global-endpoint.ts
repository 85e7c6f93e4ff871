import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as ga from 'aws-cdk-lib/aws-globalaccelerator';
import * as gaEndpoints from 'aws-cdk-lib/aws-globalaccelerator-endpoints';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as shield from 'aws-cdk-lib/aws-shield';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { encryptedLogGroup } from '../defaults/log-group';
import { acknowledgeRules, inCompliancePacks } from '../private/third-party';

/** Global Accelerator's control plane, where its stack must deploy. */
export const GLOBAL_ACCELERATOR_REGION = 'us-west-2';

/**
 * Props for GlobalEndpoint.
 */
export interface GlobalEndpointProps {
  /** Where accelerator flow logs go (e.g. a CentralLogArchive's bucket). */
  readonly flowLogsBucket: s3.IBucket;
  /**
   * The policy whose public ports the listener opens.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /**
   * Protect the accelerator with AWS Shield Advanced (DP.NET.2). Needs an active Shield Advanced
   * subscription on the account; turning it off is reported by `DataProtection-ShieldProtection`.
   *
   * @default true
   */
  readonly shieldAdvanced?: boolean;
  /** The path the accelerator checks on each load balancer. @default '/health' */
  readonly healthCheckPath?: string;
  /** Prefix of the flow log objects. @default 'global-accelerator/' */
  readonly flowLogsPrefix?: string;
  /**
   * Also check the accelerator's public DNS name from Route 53's checkers (HTTPS on
   * `healthCheckPath`), for alarms and DNS failover outside AWS's network path.
   *
   * @default false
   */
  readonly route53HealthCheck?: boolean;
}

/**
 * One global entry point for a multi-region workload (DP.NET.2, DP.NET.3, DP.LOG.3): a Global
 * Accelerator whose TCP listener opens only the policy's public ports, client affinity by source IP,
 * an endpoint group per region with client IP preservation and HTTPS health checks, flow logs
 * (switched on by a custom resource, since CloudFormation cannot), and AWS Shield Advanced on the
 * accelerator. Deploy it in a stack in us-west-2, where Global Accelerator's API lives.
 */
export class GlobalEndpoint extends Construct {
  /** The accelerator. */
  public readonly accelerator: ga.Accelerator;
  /** Its listener. */
  public readonly listener: ga.Listener;
  /** The Route 53 health check, when requested. */
  public readonly healthCheck?: route53.CfnHealthCheck;
  private readonly healthCheckPath: string;

  constructor(scope: Construct, id: string, props: GlobalEndpointProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const region = Stack.of(this).region;
    const errors = PropErrors.of('GlobalEndpoint', this);
    errors.check(Token.isUnresolved(region) || region === GLOBAL_ACCELERATOR_REGION, 'stack region', region,
      `${GLOBAL_ACCELERATOR_REGION} (Global Accelerator's API lives there)`);
    errors.throwIfAny();
    this.healthCheckPath = props.healthCheckPath ?? '/health';

    this.accelerator = new ga.Accelerator(this, 'Accelerator', { ipAddressType: ga.IpAddressType.DUAL_STACK });
    this.listener = this.accelerator.addListener('Listener', {
      protocol: ga.ConnectionProtocol.TCP,
      portRanges: policy.allowedPublicPorts.map((port) => ({ fromPort: port })),
      clientAffinity: ga.ClientAffinity.SOURCE_IP,
    });

    if (props.route53HealthCheck) {
      this.healthCheck = new route53.CfnHealthCheck(this, 'HealthCheck', {
        healthCheckConfig: {
          type: 'HTTPS', fullyQualifiedDomainName: this.accelerator.dnsName, port: 443,
          resourcePath: this.healthCheckPath, requestInterval: 30, failureThreshold: 3,
        },
      });
    }

    if (props.shieldAdvanced ?? true) {
      new shield.CfnProtection(this, 'ShieldAdvanced', { name: `${this.node.path}`.slice(0, 128), resourceArn: this.accelerator.acceleratorArn });
    }

    const prefix = props.flowLogsPrefix ?? 'global-accelerator/';
    const call: cr.AwsSdkCall = {
      service: 'GlobalAccelerator',
      action: 'updateAcceleratorAttributes',
      parameters: {
        AcceleratorArn: this.accelerator.acceleratorArn,
        FlowLogsEnabled: true,
        FlowLogsS3Bucket: props.flowLogsBucket.bucketName,
        FlowLogsS3Prefix: prefix,
      },
      physicalResourceId: cr.PhysicalResourceId.of('accelerator-flow-logs'),
    };
    const flowLogs = new cr.AwsCustomResource(this, 'FlowLogs', {
      onCreate: call,
      onUpdate: call,
      installLatestAwsSdk: false,
      // The handler's own logs are logs too (DP.ENC.2, DP.LOG.4).
      logGroup: encryptedLogGroup(this, 'FlowLogsHandlerLogs', 'FlowLogsHandlerKey', policy, 'Flow-log switch logs'),
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['globalaccelerator:UpdateAcceleratorAttributes'], resources: [this.accelerator.acceleratorArn] }),
        new iam.PolicyStatement({ actions: ['s3:GetBucketPolicy', 's3:PutBucketPolicy', 's3:GetBucketAcl'], resources: [props.flowLogsBucket.bucketArn] }),
        new iam.PolicyStatement({ actions: ['logs:CreateLogDelivery', 'logs:DeleteLogDelivery'], resources: ['*'] }),
      ]),
    });
    acknowledgeFlowLogSwitch(flowLogs);
  }

  /** Send a region's traffic to its load balancer, with the client's IP preserved. */
  public addRegion(region: string, loadBalancer: elbv2.IApplicationLoadBalancer): ga.EndpointGroup {
    return this.listener.addEndpointGroup(`Group-${region}`, {
      region,
      endpoints: [new gaEndpoints.ApplicationLoadBalancerEndpoint(loadBalancer, { preserveClientIp: true })],
      healthCheckProtocol: ga.HealthCheckProtocol.HTTPS,
      healthCheckPort: 443,
      healthCheckPath: this.healthCheckPath,
      healthCheckInterval: Duration.seconds(10),
    });
  }
}

/**
 * The flow-log switch is a CloudFormation custom resource: one Lambda function CloudFormation invokes
 * synchronously on create and update, which calls the Global Accelerator API.
 */
function acknowledgeFlowLogSwitch(flowLogs: cr.AwsCustomResource): void {
  acknowledgeRules(flowLogs, ['AwsSolutions-IAM5[Resource::*]'], 'logs:CreateLogDelivery and logs:DeleteLogDelivery support no '
    + 'resource-level permissions (the service authorizes the delivery); every other statement names the accelerator or the bucket.');
  acknowledgeRules(flowLogs, inCompliancePacks('IAMNoInlinePolicy'), 'The custom resource\'s one policy lists exactly the calls it makes.');
  // The provider function is a singleton at the stack's root, shared by every AwsCustomResource in the stack.
  const provider = Stack.of(flowLogs).node.tryFindChild(AWS_CUSTOM_RESOURCE_PROVIDER_ID);
  if (!provider) return;
  acknowledgeRules(provider, ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]'],
    'The CDK custom-resource provider writes its own logs with the AWS-managed basic execution policy; it holds no data.');
  acknowledgeRules(provider, [...inCompliancePacks('LambdaInsideVPC'), ...inCompliancePacks('LambdaConcurrency', ['NIST.800.53.R5', 'HIPAA.Security']),
    ...inCompliancePacks('LambdaDLQ', ['NIST.800.53.R5', 'HIPAA.Security'])],
  'CloudFormation invokes this provider synchronously during deployments only (no event source to retry into a DLQ, no load '
    + 'to cap) and it calls only public AWS APIs, so a VPC would add NAT dependencies without isolating any data.');
}

/** Construct ID of the CDK's AwsCustomResource provider function (fixed by aws-cdk-lib). */
const AWS_CUSTOM_RESOURCE_PROVIDER_ID = 'AWS679f53fac002430cb0da5b7982bd2287';
