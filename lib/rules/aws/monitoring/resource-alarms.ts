import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources, referencedResource } from '../../../cloudformation/references';

/** Resources some alarm watches and pages an encrypted topic about; built once per evaluation. */
function watched(context: RuleContext): Set<ResourceView> {
  return context.lookup.memo('watched-resources', () => {
    const out = new Set<ResourceView>();
    for (const alarm of context.lookup.resourcesOfType('AWS::CloudWatch::Alarm')) {
      const actions = Array.isArray(alarm.properties.AlarmActions) ? alarm.properties.AlarmActions : [];
      const pagesEncryptedTopic = actions.some((a: unknown) => {
        const topic = referencedResource(a, alarm.stackPath, context.lookup);
        return topic?.type === 'AWS::SNS::Topic' && topic.properties.KmsMasterKeyId !== undefined;
      });
      if (!pagesEncryptedTopic) continue;
      const metrics = [alarm.properties.Dimensions, alarm.properties.Metrics];
      mentionedResources(metrics, alarm.stackPath, context.lookup).forEach((r) => out.add(r));
    }
    return out;
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
    return watched(context).has(resource) ? compliant('an alarm on its metrics pages an encrypted topic')
      : nonCompliant('no alarm on its metrics pages an encrypted SNS topic');
  },
};
