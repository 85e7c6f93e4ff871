import { ResourceView, RuleContext, ResourceRule } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, NOT_APPLICABLE, RuleResult, Severity, Verdict, failing, unverifiable } from '../../../core/engine';
import { ipv4Within, isAnywhere } from '../../../facts/cidr';
import { describePermission, ingressRulesOf, portRange } from '../private/ingress';
import { findingsResult } from '../private/values';

const ADMIN_PORTS = [22, 3389];

/** The IPv4 CIDR blocks of a VPC of the app (primary and secondary), resolved; or why they are unknown. */
function vpcCidrs(vpc: ResourceView, context: RuleContext): { cidrs?: string[]; why?: string } {
  const values = [vpc.properties.CidrBlock, ...context.lookup.referrers(vpc).filter((r) => r.type === 'AWS::EC2::VPCCidrBlock')
    .map((r) => r.properties.CidrBlock)].filter((b) => b !== undefined);
  const cidrs: string[] = [];
  for (const v of values) {
    const r = resolveValue(v, vpc.stackPath, context.lookup);
    if (!r.known || typeof r.value !== 'string') return { why: `the CIDR block of VPC ${vpc.logicalId} is ${r.why ?? 'not text'}` };
    cidrs.push(r.value);
  }
  return cidrs.length > 0 ? { cidrs } : { why: `VPC ${vpc.logicalId} has no CIDR block in the template (allocated at deployment)` };
}

/**
 * DP.NET.5: SSH (22) and RDP (3389) are never open to sources outside the VPC: administrators come
 * in through the VPN, whose clients reach instances from inside the VPC. A CIDR source is allowed
 * only when it lies inside the group's VPC; security-group and prefix-list sources are internal.
 * Only permissions that admit SSH or RDP are judged: a group that admits neither says nothing
 * about administrative access (not applicable). Finding: `[OutsideVpc]`.
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
  fix: 'Admit ports 22/3389 only from the VPN endpoint\'s security group or the VPC CIDR (or drop them and use SSM Session Manager).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const failures: Verdict[] = [];
    const evidence: string[] = [];
    for (const rule of ingressRulesOf(resource, context)) {
      if (rule.unreadable) {
        failures.push(unverifiable('an ingress entry is an expression the template computes at deployment'));
        continue;
      }
      const range = portRange(rule);
      if (range === null) continue;
      const admits = range !== undefined && ADMIN_PORTS.some((port) => port >= range[0] && port <= range[1]);
      // A permission for every port is about something else (a cluster talking to itself, a peer
      // network): it is judged here only when it lets the outside in.
      const everyPort = range !== undefined && range[1] - range[0] >= 65535;
      if (rule.nonCidrSource) {
        if (admits && !everyPort) evidence.push(describePermission(rule, range));
        continue;
      }
      if (rule.cidr === undefined) {
        if (range === undefined || admits) failures.push(unverifiable(rule.cidrUnknown ?? 'the peer of an ingress entry is unknown'));
        continue;
      }
      if (range !== undefined && !admits) continue;
      if (isAnywhere(rule.cidr)) {
        if (range === undefined) failures.push(unverifiable(`${rule.portsUnknown}; the peer is ${rule.cidr}`));
        else failures.push(failing('OutsideVpc', `${describePermission(rule, range)}: SSH/RDP from the internet`));
        continue;
      }
      const vpc = rule.group ? referencedResource(rule.group.properties.VpcId, rule.group.stackPath, context.lookup) : undefined;
      const blocks = vpc ? vpcCidrs(vpc, context) : { why: rule.group ? 'the group\'s VpcId is not a VPC of this app' : 'the group is not a security group of this app' };
      const inside = blocks.cidrs ? ipv4Within(rule.cidr, blocks.cidrs) : undefined;
      if (inside === true) {
        if (admits && !everyPort) evidence.push(`${describePermission(rule, range)}, inside the VPC (${blocks.cidrs!.join(', ')})`);
      } else if (inside === false) {
        failures.push(range === undefined
          ? unverifiable(`${rule.portsUnknown}; the peer ${rule.cidr} is outside the VPC (${blocks.cidrs!.join(', ')})`)
          : failing('OutsideVpc', `${describePermission(rule, range)}, outside the VPC (${blocks.cidrs!.join(', ')})`));
      } else {
        failures.push(unverifiable(blocks.why ? `${blocks.why}, so ${rule.cidr} cannot be placed` : `${rule.cidr} is not an IPv4 CIDR this rule can place`));
      }
    }
    if (failures.length > 0) return findingsResult(failures);
    return evidence.length > 0 ? compliant(`SSH/RDP admitted only from inside: ${evidence.join('; ')}`) : NOT_APPLICABLE;
  },
};
