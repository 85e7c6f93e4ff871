import { findingsResult, Severity, Verdict } from '../../../core/engine';
import { AppFinding, AppRule, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { boolValue } from '../private/values';

/**
 * DP.MON.2: in every region the app deploys to, a GuardDuty detector is enabled and an EventBridge
 * rule forwards its findings to an SNS topic. Reported per region on the region's first stack.
 * Findings: `[Detector]`, `[FindingsAlert]`.
 */
export const ThreatDetectionEnabled: AppRule = {
  name: 'ThreatDetectionEnabled',
  controlId: 'DP.MON.2',
  covers: 'per region: GuardDuty detector and a findings rule to a topic',
  level: Severity.ERROR,
  info: 'Security events are not detected and alerted in this region.',
  explanation: 'DP.MON.2 promises automatic detection of security events that alerts the incident topic. '
    + 'Enable a GuardDuty detector in each region and send its findings (source aws.guardduty) to an SNS '
    + 'topic with EventBridge (ThreatDetection does both). If GuardDuty is managed by a delegated '
    + 'administrator account, acknowledge with that account.',
  evaluate(context: RuleContext, stacks): AppFinding[] {
    const regions = new Map<string, string>();
    for (const s of stacks) if (!regions.has(s.region ?? '')) regions.set(s.region ?? '', s.path);
    const detectors = context.lookup.resourcesOfType('AWS::GuardDuty::Detector').filter((d) => boolValue(d.properties.Enable, false) === true);
    const forwarders = context.lookup.resourcesOfType('AWS::Events::Rule').filter((r) => {
      const source = r.properties.EventPattern?.source;
      const sources = Array.isArray(source) ? source : [source];
      return sources.includes('aws.guardduty') && (r.properties.State ?? 'ENABLED') === 'ENABLED'
        && (Array.isArray(r.properties.Targets) ? r.properties.Targets : []).some((t: any) =>
          referencedResource(t?.Arn, r.stackPath, context.lookup)?.type === 'AWS::SNS::Topic' || (typeof t?.Arn === 'string' && t.Arn.includes(':sns:')));
    });
    const findings: AppFinding[] = [];
    for (const [region, stackPath] of regions) {
      const failing: (string | Verdict)[] = [];
      if (!detectors.some((d) => (d.region ?? '') === region)) failing.push('Detector');
      if (!forwarders.some((r) => (r.region ?? '') === region)) failing.push('FindingsAlert');
      findings.push({
        stackPath,
        result: findingsResult(failing),
        detail: `region ${region || '(unknown)'}`,
      });
    }
    return findings;
  },
};
