import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { boolValue, findingsResult } from '../private/values';

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

/** DP.AVL.5 on an auto scaling group: room to scale, and instances replaced by a rolling or replacing update. */
function groupFailures(resource: ResourceView, context: RuleContext, failures: (string | Verdict)[], isScaled: boolean): void {
  const size = (name: string) => {
    const r = resolveValue(resource.properties[name], resource.stackPath, context.lookup);
    return r.known ? { n: Number(r.value) } : { why: `${name} is ${r.why}` };
  };
  const [min, max] = [size('MinSize'), size('MaxSize')];
  if (!isScaled) failures.push(failing('Scaling', 'no scaling policy scales the group'));
  else if (min.why || max.why) failures.push(unverifiable((min.why ?? max.why)!));
  else if (!(max.n! > min.n!)) failures.push(failing('Scaling', `MinSize ${min.n} = MaxSize ${max.n}: the scaling policy cannot add instances`));
  const update = resource.updatePolicy ?? {};
  const replacing = resolveValue(update.AutoScalingReplacingUpdate?.WillReplace, resource.stackPath, context.lookup);
  const rolling = update.AutoScalingRollingUpdate !== undefined;
  if (!rolling && !replacing.known) {
    failures.push(unverifiable(`UpdatePolicy.AutoScalingReplacingUpdate.WillReplace is ${replacing.why}`));
  } else if (!rolling && boolValue(replacing.value, false) !== true) {
    failures.push(failing('RollingUpdate', 'no UpdatePolicy AutoScalingRollingUpdate or AutoScalingReplacingUpdate: a new launch template or '
      + 'configuration reaches running instances only by replacing them outside any rollout'));
  }
}

/**
 * DP.AVL.5: services autoscale and deploy with zero downtime. An ECS service rolls out with the
 * deployment circuit breaker and automatic rollback, keeping 100% of tasks healthy; an auto scaling
 * group rolls out through an UpdatePolicy (rolling or replacing update); both have a scaling policy,
 * and a group has room to scale (MaxSize above MinSize). Findings: `[CircuitBreaker]`,
 * `[MinimumHealthy]`, `[Scaling]`, `[RollingUpdate]`.
 */
export const ZeroDowntimeDeploys: ResourceRule = {
  name: 'ZeroDowntimeDeploys',
  controlId: 'DP.AVL.5',
  resourceTypes: ['AWS::ECS::Service', 'AWS::AutoScaling::AutoScalingGroup'],
  covers: 'circuit breaker with rollback, 100% minimum healthy, a scaling policy with room to scale; auto scaling groups roll out through an UpdatePolicy',
  level: Severity.ERROR,
  info: 'The service does not scale automatically or can lose capacity while deploying.',
  explanation: 'DP.AVL.5 promises autoscaling and zero-downtime rolling deployments with automatic rollback. '
    + 'Enable the deployment circuit breaker with rollback, MinimumHealthyPercent 100, and a scaling policy '
    + '(ResilientService does all three); give auto scaling groups a rolling update policy and room to scale.',
  fix: 'ECS: circuitBreaker { rollback: true }, minHealthyPercent 100 and autoScaleTaskCount; ASG: updatePolicy UpdatePolicy.rollingUpdate(), maxCapacity > minCapacity and a scaling policy.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failures: (string | Verdict)[] = [];
    const isScaled = scaled(context).has(resource);
    if (resource.type === 'AWS::AutoScaling::AutoScalingGroup') {
      groupFailures(resource, context, failures, isScaled);
      return findingsResult(failures);
    }
    const config = resource.properties.DeploymentConfiguration;
    const breaker = config?.DeploymentCircuitBreaker;
    const enabled = boolValue(breaker?.Enable, false);
    const rollback = boolValue(breaker?.Rollback, false);
    if (enabled === undefined || rollback === undefined) failures.push(unverifiable('DeploymentCircuitBreaker is an expression the template computes at deployment'));
    else if (!enabled || !rollback) failures.push(failing('CircuitBreaker', `circuit breaker ${enabled ? 'without rollback' : 'off'}`));
    const minHealthy = resolveValue(config?.MinimumHealthyPercent ?? 100, resource.stackPath, context.lookup);
    if (!minHealthy.known || typeof minHealthy.value !== 'number') failures.push(unverifiable(`MinimumHealthyPercent is ${minHealthy.why ?? 'not a number'}`));
    else if (minHealthy.value < 100) failures.push(failing('MinimumHealthy', `MinimumHealthyPercent ${minHealthy.value}: a deployment may stop ${100 - minHealthy.value}% of the tasks`));
    if (!isScaled) failures.push(failing('Scaling', 'no scaling policy scales the service'));
    return findingsResult(failures);
  },
};
