import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { PropErrors } from '../../core/props/prop-errors';

/** GuardDuty severities are 1.0 to 8.9 (low 1-3.9, medium 4-6.9, high 7-8.9). */
const SEVERITY = { min: 1, max: 8.9 };

/**
 * Props for ThreatDetection.
 */
export interface ThreatDetectionProps {
  /** The topic findings go to (e.g. an IncidentTopic). */
  readonly alertTopic: sns.ITopic;
  /**
   * Forward findings of at least this severity (GuardDuty: 1 to 8.9; 4 = medium, 7 = high).
   *
   * @default 4
   */
  readonly minSeverity?: number;
  /**
   * Also monitor ECS/EKS/EC2 runtime behaviour (GuardDuty Runtime Monitoring, with the Fargate agent
   * managed by GuardDuty).
   *
   * @default true
   */
  readonly runtimeMonitoring?: boolean;
}

/**
 * Automatic detection of security events (DP.MON.2): a GuardDuty detector with S3 data-event, RDS
 * login, EBS malware and runtime protection, publishing every 15 minutes, and an EventBridge rule
 * sending findings at or above a severity to the incident topic.
 */
export class ThreatDetection extends Construct {
  /** The detector. */
  public readonly detector: guardduty.CfnDetector;

  constructor(scope: Construct, id: string, props: ThreatDetectionProps) {
    super(scope, id);
    const minSeverity = props.minSeverity ?? 4;
    const errors = PropErrors.of('ThreatDetection', this);
    errors.check(typeof minSeverity === 'number' && minSeverity >= SEVERITY.min && minSeverity <= SEVERITY.max, 'minSeverity', minSeverity,
      `a number from ${SEVERITY.min} to ${SEVERITY.max}`);
    errors.throwIfAny();

    const runtime = props.runtimeMonitoring ?? true;
    this.detector = new guardduty.CfnDetector(this, 'Detector', {
      enable: true,
      findingPublishingFrequency: 'FIFTEEN_MINUTES',
      features: [
        { name: 'S3_DATA_EVENTS', status: 'ENABLED' },
        { name: 'RDS_LOGIN_EVENTS', status: 'ENABLED' },
        { name: 'EBS_MALWARE_PROTECTION', status: 'ENABLED' },
        ...(runtime ? [{
          name: 'RUNTIME_MONITORING', status: 'ENABLED',
          additionalConfiguration: [{ name: 'ECS_FARGATE_AGENT_MANAGEMENT', status: 'ENABLED' }],
        }] : []),
      ],
    });
    new events.Rule(this, 'Findings', {
      description: `GuardDuty findings of severity ${minSeverity} and above`,
      eventPattern: { source: ['aws.guardduty'], detailType: ['GuardDuty Finding'], detail: { severity: [{ numeric: ['>=', minSeverity] }] } },
      targets: [new targets.SnsTopic(props.alertTopic)],
    });
  }
}
