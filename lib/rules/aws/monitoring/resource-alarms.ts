import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources, referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';

/**
 * Resources some alarm watches and pages an encrypted topic about, and resources watched by an alarm
 * whose action is known only at deployment (with that alarm); built once per evaluation.
 */
function watched(context: RuleContext): { paged: Set<ResourceView>; unknown: Map<ResourceView, string> } {
  return context.lookup.memo('watched-resources', () => {
    const paged = new Set<ResourceView>();
    const unknown = new Map<ResourceView, string>();
    for (const alarm of context.lookup.resourcesOfType('AWS::CloudWatch::Alarm')) {
      const raw = alarm.properties.AlarmActions;
      const listed = Array.isArray(raw) ? undefined : resolveValue(raw, alarm.stackPath, context.lookup);
      // A list known only at deployment is one unknown action; a default list is the app's own.
      const actions: unknown[] = listed === undefined ? raw : !listed.known ? [raw] : Array.isArray(listed.value) ? listed.value : [];
      const verdicts = actions.map((a: unknown): boolean | undefined => {
        const topic = referencedResource(a, alarm.stackPath, context.lookup);
        if (topic) return topic.type === 'AWS::SNS::Topic' && topic.properties.KmsMasterKeyId !== undefined;
        return resolveValue(a, alarm.stackPath, context.lookup).known ? false : undefined;
      });
      const subjects = mentionedResources([alarm.properties.Dimensions, alarm.properties.Metrics], alarm.stackPath, context.lookup);
      if (verdicts.includes(true)) subjects.forEach((r) => paged.add(r));
      else if (verdicts.includes(undefined)) subjects.forEach((r) => unknown.set(r, alarm.logicalId));
    }
    return { paged, unknown };
  });
}

/**
 * DP.MON.1: every application load balancer, Aurora / RDS cluster, RDS instance (outside Aurora)
 * and ECS service has at least one
 * alarm (anomaly detection or threshold) on its metrics whose action pages an encrypted SNS topic.
 */
export const ResourceAlarms: ResourceRule = {
  name: 'ResourceAlarms',
  controlId: 'DP.MON.1',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::ECS::Service'],
  covers: 'ALBs, DB clusters, DB instances, ECS services: an alarm paging an encrypted topic',
  level: Severity.ERROR,
  info: 'No alarm on this resource\'s KPIs pages the incident topic.',
  explanation: 'DP.MON.1 promises anomaly-detection alarms on KPIs that page an encrypted incident topic. '
    + 'Watch the resource with KpiAlarms (or any CloudWatch alarm on its metrics) whose action is an '
    + 'encrypted SNS topic (IncidentTopic).',
  fix: 'Watch the resource with KpiAlarms (or a CloudWatch alarm on its metrics) whose action is an encrypted SNS topic.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && (resource.properties.Type ?? 'application') !== 'application') {
      return NOT_APPLICABLE;
    }
    // An Aurora member's KPIs are its cluster's.
    if (resource.type === 'AWS::RDS::DBInstance' && resource.properties.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
    const { paged, unknown } = watched(context);
    if (paged.has(resource)) return compliant('an alarm on its metrics pages an encrypted topic');
    const alarm = unknown.get(resource);
    if (alarm) return unverifiable(`alarm ${alarm} watches it, but its action is known only at deployment (a parameter or import)`);
    return nonCompliant('no alarm on its metrics pages an encrypted SNS topic');
  },
};
