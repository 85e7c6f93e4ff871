import { Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { GLOBAL_ACCELERATOR_REGION, GlobalEndpoint } from './global-endpoint';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';
import { CentralLogArchive } from '../logging/central-log-archive';
import { IncidentTopic } from '../logging/incident-topic';
import { ThreatDetection } from '../logging/threat-detection';

/**
 * Props for RegionalStack.
 */
export interface RegionalStackProps extends StackProps {
  /** The region's AZs as the account sees them: given, never looked up. */
  readonly availabilityZones: string[];
}

/**
 * A stack whose availability zones are given, so synth needs no credentials or network. It
 * acknowledges the CloudFormation validator's W3010 (hard-coded AZ names), which it causes on purpose.
 */
export class RegionalStack extends Stack {
  private readonly azs: string[];

  constructor(scope: Construct, id: string, props: RegionalStackProps) {
    super(scope, id, props);
    this.azs = [...props.availabilityZones];
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'The availability zones are given explicitly so that synth needs no credentials; they are the region\'s AZ names for this account.',
    });
  }

  public get availabilityZones(): string[] {
    return this.azs;
  }
}

/**
 * Builds one region's workload and returns its public load balancer (jsii-friendly callback).
 */
export interface IRegionalWorkload {
  /** Build the workload in `stack` and return the load balancer the accelerator sends traffic to. */
  buildRegion(stack: RegionalStack): elbv2.IApplicationLoadBalancer;
}

/**
 * Props for MultiRegionDeployment.
 */
export interface MultiRegionDeploymentProps {
  /** The AWS account. */
  readonly account: string;
  /** The workload regions: at least the policy's regionCount, distinct, allowed by the policy. */
  readonly regions: string[];
  /**
   * Each region's AZs.
   *
   * @default - `<region>a`, `<region>b`, ... as many as the policy's availabilityZonesPerRegion
   */
  readonly availabilityZones?: { [region: string]: string[] };
  /** The policy. @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()` */
  readonly policy?: DataProtectionPolicy;
  /**
   * Where accelerator flow logs go.
   *
   * @default - a CentralLogArchive in the global stack
   */
  readonly flowLogsBucket?: s3.IBucket;
  /** Turn off Shield Advanced on the accelerator (needs a subscription). @default true */
  readonly shieldAdvanced?: boolean;
  /**
   * Where security findings of the global stack's region page people (DP.MON.2): GuardDuty findings
   * there are routed to this topic.
   *
   * @default - an encrypted IncidentTopic in the global stack, subscribed to by `incidentEmails`
   */
  readonly incidentTopic?: sns.ITopic;
  /**
   * E-mail addresses the default incident topic notifies.
   *
   * @default - none: subscribe to `incidentTopic` yourself
   */
  readonly incidentEmails?: string[];
  /**
   * Enable GuardDuty in the global stack's region (us-west-2) and route its findings to the
   * incident topic (DP.MON.2). Set false when the account already has a detector there (GuardDuty
   * allows one per account and region) and its findings are routed elsewhere.
   *
   * @default true
   */
  readonly threatDetection?: boolean;
}

/**
 * The two-or-more-region topology (DP.AVL.2, DP.NET.2, DP.NET.3) in one call: a RegionalStack per
 * region (AZs given, not looked up) and a global stack in us-west-2 holding a GlobalEndpoint.
 * `addWorkload()` builds the workload in every region and puts each region's load balancer behind
 * the accelerator; the CDK wires the cross-region references.
 */
export class MultiRegionDeployment extends Construct {
  /** The regional stacks, in the order of `regions`. */
  public readonly regionalStacks: RegionalStack[];
  /** The us-west-2 stack holding the accelerator. */
  public readonly globalStack: RegionalStack;
  /** The accelerator. */
  public readonly endpoint: GlobalEndpoint;
  /** The topic the global stack's security findings page. */
  public readonly incidentTopic: sns.ITopic;

  constructor(scope: Construct, id: string, props: MultiRegionDeploymentProps) {
    super(scope, id);
    const policy = props.policy ?? DataProtectionPolicy.of(this);
    const azsOf = (region: string) => props.availabilityZones?.[region]
      ?? 'abcdef'.slice(0, policy.availabilityZonesPerRegion).split('').map((z) => `${region}${z}`);
    const errors = PropErrors.of('MultiRegionDeployment', this);
    errors.check(/^\d{12}$/.test(props.account), 'account', props.account, 'a 12-digit AWS account ID');
    errors.check(props.regions.length >= policy.regionCount, 'regions', props.regions, `at least the policy's regionCount (${policy.regionCount}) regions`);
    errors.check(new Set(props.regions).size === props.regions.length, 'regions', props.regions, 'distinct regions');
    for (const region of props.regions) {
      errors.check(/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region), 'regions', region, 'AWS region names such as eu-central-1');
      errors.check(!policy.allowedRegions || policy.allowedRegions.includes(region), 'regions', region,
        `one of the policy's allowedRegions (${policy.allowedRegions?.join(', ')})`);
      errors.check(azsOf(region).length >= policy.availabilityZonesPerRegion, `availabilityZones.${region}`, azsOf(region),
        `at least the policy's availabilityZonesPerRegion (${policy.availabilityZonesPerRegion})`);
    }
    errors.throwIfAny();

    this.regionalStacks = props.regions.map((region) => new RegionalStack(this, region, {
      env: { account: props.account, region }, availabilityZones: azsOf(region),
    }));
    this.globalStack = new RegionalStack(this, 'Global', {
      env: { account: props.account, region: GLOBAL_ACCELERATOR_REGION }, availabilityZones: azsOf(GLOBAL_ACCELERATOR_REGION),
    });
    const flowLogsBucket = props.flowLogsBucket ?? new CentralLogArchive(this.globalStack, 'FlowLogArchive', { policy }).bucket;
    this.endpoint = new GlobalEndpoint(this.globalStack, 'Endpoint', { policy, flowLogsBucket, shieldAdvanced: props.shieldAdvanced });
    // The accelerator's stack is a region of the app too: its security events are detected and
    // page someone (DP.MON.2), so the deployment passes its own checks with zero extra props.
    this.incidentTopic = props.incidentTopic ?? new IncidentTopic(this.globalStack, 'Incidents', { emails: props.incidentEmails });
    if (props.threatDetection ?? true) new ThreatDetection(this.globalStack, 'Threats', { alertTopic: this.incidentTopic });
  }

  /** Build the workload in every region and put each region's load balancer behind the accelerator. */
  public addWorkload(workload: IRegionalWorkload): void {
    for (const stack of this.regionalStacks) {
      this.endpoint.addRegion(stack.region, workload.buildRegion(stack));
    }
  }
}
