import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { compliant, COMPLIANT, failing, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { isAnywhere } from '../../../facts/cidr';
import { describePermission, ingressRulesOf, portRange } from '../private/ingress';
import { redirectOnlyPorts } from '../private/listeners';
import { findingsResult } from '../private/values';

const LOAD_BALANCER_TYPES = ['AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'];

/**
 * Whether every port of [from, to] is one the policy lets the internet reach: an allowed public
 * port, or a port whose listeners on the group's load balancers only redirect to HTTPS.
 */
function onlyAllowedPorts(range: [number, number], allowed: readonly number[], group: ResourceView | undefined, context: RuleContext): boolean {
  const redirects = group ? redirectOnlyPorts(group, context) : new Set<number>();
  if (range[1] - range[0] + 1 > allowed.length + redirects.size) return false;
  for (let port = range[0]; port <= range[1]; port++) if (!allowed.includes(port) && !redirects.has(port)) return false;
  return true;
}

/**
 * Whether the internet cannot reach a security group at all: its VPC is a VPC of the app with no
 * internet gateway attached (an isolated VPC; 0.0.0.0/0 there admits only networks connected to it).
 */
function unreachableFromInternet(group: ResourceView, context: RuleContext): boolean {
  const vpc = referencedResource(group.properties.VpcId, group.stackPath, context.lookup);
  if (!vpc || vpc.type !== 'AWS::EC2::VPC') return false;
  return !context.lookup.referrers(vpc).some((r) => r.type === 'AWS::EC2::VPCGatewayAttachment' && r.properties.InternetGatewayId !== undefined);
}

/** Whether a security group is used by a load balancer of the app. */
export function isLoadBalancerGroup(group: ResourceView, context: RuleContext): boolean {
  return context.lookup.referrers(group).some((r) => LOAD_BALANCER_TYPES.includes(r.type));
}

/**
 * DP.NET.1: a permission open to the whole internet (0.0.0.0/0 or ::/0) opens only the policy's
 * `allowedPublicPorts` (plus a plaintext port whose listeners only redirect to HTTPS, which DP.ENC.1
 * allows: the standard port-80 redirect), and only on a security group a load balancer uses. A group
 * in a VPC of the app without an internet gateway cannot be reached from the internet. A CIDR the app defines
 * (a VPC's block, a parameter default, another stack's export) is resolved first. Findings:
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
  fix: 'Open 0.0.0.0/0 only on the load balancer\'s security group and only on allowedPublicPorts; admit the rest from that group.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failures: (string | Verdict)[] = [];
    const evidence: string[] = [];
    const allowed = context.policy.allowedPublicPorts;
    for (const rule of ingressRulesOf(resource, context)) {
      if (rule.unreadable) {
        failures.push(unverifiable('an ingress entry is an expression the template computes at deployment'));
        continue;
      }
      if (rule.nonCidrSource) continue;
      if (rule.cidr === undefined) {
        failures.push(unverifiable(rule.cidrUnknown ?? 'the peer of an ingress entry is unknown'));
        continue;
      }
      if (!isAnywhere(rule.cidr)) {
        evidence.push(describePermission(rule));
        continue;
      }
      if (rule.group && unreachableFromInternet(rule.group, context)) {
        evidence.push(`${describePermission(rule)} in a VPC without an internet gateway`);
        continue;
      }
      const range = portRange(rule);
      const before = failures.length;
      if (range === undefined) {
        failures.push(unverifiable(`${rule.portsUnknown}; the peer is ${rule.cidr}`));
      } else if (range === null || !onlyAllowedPorts(range, allowed, rule.group, context)) {
        failures.push(failing('PublicPort', `${describePermission(rule, range)}; the policy allows the internet only on ${allowed.join(', ')}`));
      }
      if (!rule.group) {
        failures.push(unverifiable(`GroupId is ${JSON.stringify(resource.properties.GroupId)}, a security group outside this app`));
      } else if (!isLoadBalancerGroup(rule.group, context)) {
        failures.push(failing('NotLoadBalancer', `${describePermission(rule, range)} on a security group no load balancer uses`));
      }
      if (failures.length === before) evidence.push(`${describePermission(rule, range)} to a load balancer`);
    }
    if (failures.length > 0) return findingsResult(failures);
    return evidence.length > 0 ? compliant(`the internet reaches only load balancers on allowed ports: ${evidence.slice(0, 3).join('; ')}${evidence.length > 3 ? '; ...' : ''}`) : COMPLIANT;
  },
};
