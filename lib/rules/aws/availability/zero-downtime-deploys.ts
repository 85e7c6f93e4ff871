import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { boolValue, findingsResult, UNVERIFIABLE } from '../private/values';

/** Resources some scaling target or scaling policy of the app scales; built once per evaluation. */
function scaled(context: RuleContext): Set<ResourceView> {
  return context.lookup.memo('scaled-resources', () => {
    const out = new Set<ResourceView>();
    for (const target of context.lookup.resourcesOfType('AWS::ApplicationAutoScaling::ScalableTarget')) {
      const hasPolicy = context.lookup.referrers(target).some((r) => r.type === 'AWS::ApplicationAutoScaling::ScalingPolicy');
      if (hasPolicy) mentionedResources(target.properties.ResourceId, target.stackPath, context.lookup).forEach((r) => out.add(r));
    }
    for (const policy of context.lookup.resourcesOfType('AWS::AutoScaling::ScalingPolicy')) {
      mentionedResources(policy.properties.AutoScalingGroupName, policy.stackPath, context.lookup).forEach((r) => out.add(r));
    }
    return out;
  });
}

/**
 * DP.AVL.5: services autoscale and deploy with zero downtime. An ECS service rolls out with the
 * deployment circuit breaker and automatic rollback, keeping 100% of tasks healthy; ECS services and
 * auto scaling groups have a scaling policy. Findings: `[CircuitBreaker]`, `[MinimumHealthy]`, `[Scaling]`.
 */
export const ZeroDowntimeDeploys: ResourceRule = {
  name: 'ZeroDowntimeDeploys',
  controlId: 'DP.AVL.5',
  resourceTypes: ['AWS::ECS::Service', 'AWS::AutoScaling::AutoScalingGroup'],
  covers: 'circuit breaker with rollback, 100% minimum healthy, a scaling policy',
  level: Severity.ERROR,
  info: 'The service does not scale automatically or can lose capacity while deploying.',
  explanation: 'DP.AVL.5 promises autoscaling and zero-downtime rolling deployments with automatic rollback. '
    + 'Enable the deployment circuit breaker with rollback, MinimumHealthyPercent 100, and a scaling policy '
    + '(ResilientService does all three).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failing: (string | Verdict)[] = [];
    if (resource.type === 'AWS::ECS::Service') {
      const config = resource.properties.DeploymentConfiguration;
      const breaker = config?.DeploymentCircuitBreaker;
      const enabled = boolValue(breaker?.Enable, false);
      const rollback = boolValue(breaker?.Rollback, false);
      if (enabled === undefined || rollback === undefined) failing.push(UNVERIFIABLE);
      else if (!enabled || !rollback) failing.push('CircuitBreaker');
      const minHealthy = config?.MinimumHealthyPercent ?? 100;
      if (typeof minHealthy !== 'number') failing.push(UNVERIFIABLE);
      else if (minHealthy < 100) failing.push('MinimumHealthy');
    }
    if (!scaled(context).has(resource)) failing.push('Scaling');
    return findingsResult(failing);
  },
};
