import { AppFinding, AppRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { findingsResult, Severity, unverifiable, Verdict } from '../../../core/engine';
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
  fix: 'Add a ThreatDetection (GuardDuty detector and a findings rule to the incident topic) in every region.',
  evaluate(context: RuleContext, stacks): AppFinding[] {
    const regions = new Map<string, string>();
    for (const s of stacks) if (!regions.has(s.region ?? '')) regions.set(s.region ?? '', s.path);
    const detectorStates = context.lookup.resourcesOfType('AWS::GuardDuty::Detector').map((d) => ({ d, on: resolveValue(d.properties.Enable, d.stackPath, context.lookup) }));
    const detectors = detectorStates.filter(({ on }) => on.known && boolValue(on.value, false) === true).map(({ d }) => d);
    const unknownDetectors = detectorStates.filter(({ on }) => !on.known);
    const targetsTopic = (r: ResourceView, t: any): boolean | undefined => {
      // A resource of the app is a topic or not; an ARN is read when the app defines it.
      const target = referencedResource(t?.Arn, r.stackPath, context.lookup);
      if (target) return target.type === 'AWS::SNS::Topic';
      const arn = resolveValue(t?.Arn, r.stackPath, context.lookup);
      if (!arn.known) return undefined;
      return typeof arn.value === 'string' && arn.value.includes(':sns:');
    };
    const guardDutyRules = context.lookup.resourcesOfType('AWS::Events::Rule').filter((r) => {
      const source = r.properties.EventPattern?.source;
      const sources = Array.isArray(source) ? source : [source];
      return sources.includes('aws.guardduty');
    });
    // Each findings rule read once: its State (from a parameter, its default; without one it may be
    // disabled) and whether each target is a topic.
    const read = guardDutyRules.map((r) => {
      const state = resolveValue(r.properties.State, r.stackPath, context.lookup);
      const targets = (Array.isArray(r.properties.Targets) ? r.properties.Targets : []).map((t: any) => targetsTopic(r, t));
      return { r, state, enabled: state.known ? (state.value ?? 'ENABLED') === 'ENABLED' : undefined, targets };
    });
    const forwarders = read.filter((x) => x.enabled === true && x.targets.includes(true)).map((x) => x.r);
    const unknownForwarders = read.filter((x) => x.enabled !== false && !forwarders.includes(x.r)
      && (x.targets.includes(true) || x.targets.includes(undefined)));
    const whyUnknown = (x: (typeof read)[number]) => (x.enabled === undefined
      ? `the State of ${x.r.logicalId} is ${x.state.why}`
      : `the target of ${x.r.logicalId} is known only at deployment (a parameter or import)`);
    const findings: AppFinding[] = [];
    for (const [region, stackPath] of regions) {
      const failing: (string | Verdict)[] = [];
      const inRegion = (v: ResourceView) => (v.region ?? '') === region;
      if (!detectors.some(inRegion)) {
        const unknown = unknownDetectors.find(({ d }) => inRegion(d));
        failing.push(unknown ? unverifiable(`Enable of detector ${unknown.d.logicalId} is ${unknown.on.why}`) : 'Detector');
      }
      if (!forwarders.some(inRegion)) {
        const unknown = unknownForwarders.find((x) => inRegion(x.r));
        failing.push(unknown ? unverifiable(whyUnknown(unknown)) : 'FindingsAlert');
      }
      findings.push({
        stackPath,
        result: findingsResult(failing),
        detail: `region ${region || '(unknown)'}`,
      });
    }
    return findings;
  },
};
