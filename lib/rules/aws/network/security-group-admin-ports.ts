import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { ipv4Within, isAnywhere } from '../../../facts/cidr';
import { ingressRulesOf, portRange } from '../private/ingress';
import { referencedResource } from '../../../cloudformation/references';
import { findingsResult, UNVERIFIABLE } from '../private/values';

const ADMIN_PORTS = [22, 3389];

/** The IPv4 CIDR blocks of a VPC of the app (primary and secondary), if all are literal. */
function vpcCidrs(vpc: ResourceView, context: RuleContext): string[] | undefined {
  const blocks = [vpc.properties.CidrBlock,
    ...context.lookup.referrers(vpc).filter((r) => r.type === 'AWS::EC2::VPCCidrBlock').map((r) => r.properties.CidrBlock)]
    .filter((b) => b !== undefined);
  return blocks.length > 0 && blocks.every((b) => typeof b === 'string') ? blocks : undefined;
}

/**
 * DP.NET.5: SSH (22) and RDP (3389) are never open to sources outside the VPC: administrators come
 * in through the VPN, whose clients reach instances from inside the VPC. A CIDR source is allowed
 * only when it lies inside the group's VPC; security-group and prefix-list sources are internal.
 */
export const SecurityGroupAdminPorts: ResourceRule = {
  name: 'SecurityGroupAdminPorts',
  controlId: 'DP.NET.5',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  level: Severity.ERROR,
  info: 'SSH or RDP is open to a source outside the VPC.',
  explanation: 'DP.NET.5 promises administrative access only through a VPN with MFA. Remove SSH/RDP ingress '
    + 'from outside the VPC; allow it only from the VPN endpoint security group or the VPC CIDR, or use '
    + 'SSM Session Manager.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failing: (string | Verdict)[] = [];
    for (const rule of ingressRulesOf(resource, context)) {
      if (rule.unreadable) {
        failing.push(UNVERIFIABLE);
        continue;
      }
      const range = portRange(rule);
      if (range === null || rule.nonCidrSource) continue;
      if (range === undefined) {
        failing.push(UNVERIFIABLE);
        continue;
      }
      if (!ADMIN_PORTS.some((port) => port >= range[0] && port <= range[1])) continue;
      if (typeof rule.cidr !== 'string') {
        failing.push(UNVERIFIABLE);
        continue;
      }
      if (isAnywhere(rule.cidr)) {
        failing.push('OutsideVpc');
        continue;
      }
      const vpc = rule.group ? referencedResource(rule.group.properties.VpcId, rule.group.stackPath, context.lookup) : undefined;
      const cidrs = vpc ? vpcCidrs(vpc, context) : undefined;
      const inside = cidrs ? ipv4Within(rule.cidr, cidrs) : undefined;
      if (inside === undefined) failing.push(UNVERIFIABLE);
      else if (!inside) failing.push('OutsideVpc');
    }
    return findingsResult(failing);
  },
};
