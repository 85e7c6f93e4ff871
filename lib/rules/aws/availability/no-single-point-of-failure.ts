import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { findingsResult, UNVERIFIABLE } from '../private/values';
import { subnetAz } from './vpc-az-count';

const MIN_AZS = 2;

function listLength(v: unknown): number | undefined {
  return Array.isArray(v) ? v.length : undefined;
}

/** For a VPC: the AZs of subnets routing to a NAT gateway, and the AZs that hold a NAT gateway. */
function natCoverage(vpc: ResourceView, context: RuleContext): { needing: Set<string>; having: Set<string> } | undefined {
  const subnets = context.lookup.referrers(vpc).filter((r) => r.type === 'AWS::EC2::Subnet');
  const needing = new Set<string>();
  const having = new Set<string>();
  for (const subnet of subnets) {
    const az = subnetAz(subnet);
    if (az === undefined) return undefined;
    for (const ref of context.lookup.referrers(subnet)) {
      if (ref.type === 'AWS::EC2::NatGateway') having.add(az);
      if (ref.type !== 'AWS::EC2::SubnetRouteTableAssociation') continue;
      const table = referencedResource(ref.properties.RouteTableId, ref.stackPath, context.lookup);
      if (!table) continue;
      const routesToNat = context.lookup.referrers(table).some((route) => route.type === 'AWS::EC2::Route'
        && route.properties.DestinationCidrBlock === '0.0.0.0/0' && route.properties.NatGatewayId !== undefined);
      if (routesToNat) needing.add(az);
    }
  }
  return { needing, having };
}

/**
 * DP.AVL.4: no single point of failure. A VPC has a NAT gateway in every AZ whose subnets route to
 * one; load balancers span at least two subnets; ECS services run at least two tasks over at least
 * two subnets; auto scaling groups span at least two subnets. Findings: `[NatPerAz]`, `[Subnets]`,
 * `[Tasks]`.
 */
export const NoSinglePointOfFailure: ResourceRule = {
  name: 'NoSinglePointOfFailure',
  controlId: 'DP.AVL.4',
  resourceTypes: ['AWS::EC2::VPC', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ECS::Service', 'AWS::AutoScaling::AutoScalingGroup'],
  covers: 'NAT per AZ that routes to one, LBs / services / groups over two subnets, two tasks',
  level: Severity.ERROR,
  info: 'A single availability zone failure would take this down.',
  explanation: 'DP.AVL.4 promises no single point of failure. One NAT gateway per AZ (RegionalNetwork), load '
    + 'balancers and compute over at least two AZs, at least two tasks per service (ResilientService).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    switch (resource.type) {
      case 'AWS::EC2::VPC': {
        const nat = natCoverage(resource, context);
        if (!nat) return [UNVERIFIABLE];
        if ([...nat.needing].some((az) => !nat.having.has(az))) failing.push('NatPerAz');
        break;
      }
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer': {
        const n = listLength(p.Subnets) ?? listLength(p.SubnetMappings);
        if (n === undefined) failing.push(UNVERIFIABLE);
        else if (n < MIN_AZS) failing.push('Subnets');
        break;
      }
      case 'AWS::ECS::Service': {
        const n = listLength(p.NetworkConfiguration?.AwsvpcConfiguration?.Subnets);
        if (n === undefined) failing.push(UNVERIFIABLE);
        else if (n < MIN_AZS) failing.push('Subnets');
        const desired = p.DesiredCount ?? 1;
        if (typeof desired !== 'number') failing.push(UNVERIFIABLE);
        else if (desired < MIN_AZS) failing.push('Tasks');
        break;
      }
      default: {
        const n = listLength(p.VPCZoneIdentifier) ?? listLength(p.AvailabilityZones);
        if (n === undefined) failing.push(UNVERIFIABLE);
        else if (n < MIN_AZS) failing.push('Subnets');
      }
    }
    return findingsResult(failing);
  },
};
