import { Construct } from 'constructs';
import {
  AuditTrail, CentralLogArchive, DataProtectionPolicy, IncidentTopic, RegionalStack, RegionalStackProps, ThreatDetection,
} from '../../lib';

/**
 * Props for ObservabilityStack.
 */
export interface ObservabilityStackProps extends RegionalStackProps {
  /** The policy whose log retention applies. */
  readonly policy: DataProtectionPolicy;
  /** Who is paged. */
  readonly onCallEmails: string[];
  /**
   * Create the app's multi-region audit trail here (one per app is enough).
   *
   * @default true
   */
  readonly auditTrail?: boolean;
}

/**
 * What every region of an app shares (DP.LOG.1-2, DP.MON.2): the locked log archive, GuardDuty, the
 * incident topic, and (in one region) the multi-region audit trail recording every data event. Workload stacks use
 * its topic and archive; it references none of them, so there is no cross-stack cycle.
 */
export class ObservabilityStack extends RegionalStack {
  /** Where audit and traffic logs go. */
  public readonly archive: CentralLogArchive;
  /** Who gets paged. */
  public readonly incidents: IncidentTopic;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    this.archive = new CentralLogArchive(this, 'LogArchive', { policy: props.policy });
    this.incidents = new IncidentTopic(this, 'Incidents', { emails: props.onCallEmails });
    if (props.auditTrail ?? true) new AuditTrail(this, 'Audit', { archive: this.archive, policy: props.policy, allDataEvents: true });
    new ThreatDetection(this, 'Threats', { alertTopic: this.incidents });
  }
}
