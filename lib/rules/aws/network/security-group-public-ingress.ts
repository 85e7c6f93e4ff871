import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { isAnywhere } from '../../../facts/cidr';
import { ingressRulesOf, portRange } from '../private/ingress';
import { findingsResult, UNVERIFIABLE } from '../private/values';

const LOAD_BALANCER_TYPES = ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'];

/** Whether every port of [from, to] is one the policy lets the internet reach. */
function onlyAllowedPorts(range: [number, number], allowed: readonly number[]): boolean {
  if (range[1] - range[0] + 1 > allowed.length) return false;
  for (let port = range[0]; port <= range[1]; port++) if (!allowed.includes(port)) return false;
  return true;
}

/** Whether a security group is used by a load balancer of the app. */
export function isLoadBalancerGroup(group: ResourceView, context: RuleContext): boolean {
  return context.lookup.referrers(group).some((r) => LOAD_BALANCER_TYPES.includes(r.type));
}

/**
 * DP.NET.1: a permission open to the whole internet (0.0.0.0/0 or ::/0) opens only the policy's
 * `allowedPublicPorts`, and only on a security group a load balancer uses. Findings:
 * `[PublicPort]` (a port or protocol the policy does not allow), `[NotLoadBalancer]`.
 */
export const SecurityGroupPublicIngress: ResourceRule = {
  name: 'SecurityGroupPublicIngress',
  controlId: 'DP.NET.1',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  level: Severity.ERROR,
  info: 'The security group lets the internet reach something other than a load balancer on an allowed port.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators, and only on '
    + 'allowedPublicPorts. Open 0.0.0.0/0 and ::/0 only on the load balancer security group and only on those '
    + 'ports; everything behind it takes traffic from the load balancer security group.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failing: (string | Verdict)[] = [];
    for (const rule of ingressRulesOf(resource, context)) {
      if (rule.unreadable) {
        failing.push(UNVERIFIABLE);
        continue;
      }
      if (rule.nonCidrSource) continue;
      if (typeof rule.cidr !== 'string') {
        failing.push(UNVERIFIABLE);
        continue;
      }
      if (!isAnywhere(rule.cidr)) continue;
      const range = portRange(rule);
      if (range === undefined) failing.push(UNVERIFIABLE);
      else if (range === null || !onlyAllowedPorts(range, context.policy.allowedPublicPorts)) failing.push('PublicPort');
      if (!rule.group) failing.push(UNVERIFIABLE);
      else if (!isLoadBalancerGroup(rule.group, context)) failing.push('NotLoadBalancer');
    }
    return findingsResult(failing);
  },
};
