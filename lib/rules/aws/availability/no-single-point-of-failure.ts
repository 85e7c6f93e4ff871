import { subnetAz } from './vpc-az-count';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, failing, NOT_APPLICABLE, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { findingsResult } from '../private/values';

const MIN_AZS = 2;

/** For a VPC: the AZs of subnets routing to a NAT gateway, and the AZs that hold a NAT gateway. */
function natCoverage(vpc: ResourceView, context: RuleContext): { needing: Set<string>; having: Set<string> } | undefined {
  const subnets = context.lookup.referrers(vpc).filter((r) => r.type === 'AWS::EC2::Subnet');
  const needing = new Set<string>();
  const having = new Set<string>();
  for (const subnet of subnets) {
    const az = subnetAz(subnet, context);
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

/** A count the template gives as a number, a numeric string or a value the app defines; or why it is unknown. */
function count(value: unknown, name: string, whenAbsent: number, resource: ResourceView, context: RuleContext): { n?: number; why?: string } {
  if (value === undefined) return { n: whenAbsent };
  const r = resolveValue(value, resource.stackPath, context.lookup);
  if (!r.known) return { why: `${name} is ${r.why}` };
  const n = Number(r.value);
  return Number.isFinite(n) ? { n } : { why: `${name} is ${JSON.stringify(r.value)}, not a number` };
}

/** The length of a list the template gives, or why it is unknown. */
function length(value: unknown, name: string, resource: ResourceView, context: RuleContext): { n?: number; why?: string } {
  if (value === undefined) return { why: `${name} is not in the template` };
  const r = resolveValue(value, resource.stackPath, context.lookup);
  if (r.known && Array.isArray(r.value)) return { n: r.value.length };
  if (Array.isArray(value)) return { n: value.length };
  return { why: `${name} is ${r.why ?? 'not a list'}` };
}

/**
 * DP.AVL.4: no single point of failure. A VPC has a NAT gateway in every AZ whose subnets route to
 * one (a VPC that routes to no NAT gateway has none to fail: not applicable); load balancers span at
 * least two subnets; ECS services run at least two tasks over at least two subnets; auto scaling
 * groups span at least two subnets and never shrink below two instances; message brokers run as a
 * cluster or an active/standby pair. Findings: `[NatPerAz]`, `[Subnets]`, `[Tasks]`, `[Instances]`,
 * `[SingleInstance]`.
 */
export const NoSinglePointOfFailure: ResourceRule = {
  name: 'NoSinglePointOfFailure',
  controlId: 'DP.AVL.4',
  resourceTypes: ['AWS::EC2::VPC', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ECS::Service', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::AmazonMQ::Broker'],
  covers: 'NAT per AZ that routes to one, LBs / services / groups over two subnets, two tasks or instances, clustered brokers',
  level: Severity.ERROR,
  info: 'A single availability zone failure would take this down.',
  explanation: 'DP.AVL.4 promises no single point of failure. One NAT gateway per AZ (RegionalNetwork), load '
    + 'balancers and compute over at least two AZs, at least two tasks per service (ResilientService), at least '
    + 'two instances per auto scaling group, clustered or active/standby brokers.',
  fix: 'Spread over at least two AZs with at least two tasks or instances (MinSize / DesiredCount >= 2), one NAT gateway per AZ, and clustered brokers.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failures: (string | Verdict)[] = [];
    const atLeastTwo = (c: { n?: number; why?: string }, finding: string, what: string) => {
      if (c.why) failures.push(unverifiable(c.why));
      else if (c.n! < MIN_AZS) failures.push(failing(finding, `${c.n} ${what}; at least ${MIN_AZS} are needed`));
    };
    switch (resource.type) {
      case 'AWS::EC2::VPC': {
        const nat = natCoverage(resource, context);
        if (!nat) return unverifiable('the AZ of a subnet of the VPC is known only at deployment');
        if (nat.needing.size === 0) return NOT_APPLICABLE;
        const missing = [...nat.needing].filter((az) => !nat.having.has(az));
        if (missing.length > 0) failures.push(failing('NatPerAz', `subnets in ${nat.needing.size} AZs route to NAT gateways in ${nat.having.size}`));
        else return compliant(`a NAT gateway in each of the ${nat.needing.size} AZs that route to one`);
        break;
      }
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        atLeastTwo(length(p.Subnets ?? p.SubnetMappings, p.Subnets !== undefined ? 'Subnets' : 'SubnetMappings', resource, context), 'Subnets', 'subnet(s)');
        break;
      case 'AWS::ECS::Service':
        atLeastTwo(length(p.NetworkConfiguration?.AwsvpcConfiguration?.Subnets, 'Subnets', resource, context), 'Subnets', 'subnet(s)');
        atLeastTwo(count(p.DesiredCount, 'DesiredCount', 1, resource, context), 'Tasks', 'task(s)');
        break;
      case 'AWS::AmazonMQ::Broker': {
        const mode = resolveValue(p.DeploymentMode, resource.stackPath, context.lookup);
        if (!mode.known) return unverifiable(`DeploymentMode is ${mode.why}`);
        const value = mode.value ?? 'SINGLE_INSTANCE';
        return ['CLUSTER_MULTI_AZ', 'ACTIVE_STANDBY_MULTI_AZ'].includes(String(value))
          ? compliant(`DeploymentMode ${String(value)}`)
          : failing('SingleInstance', `DeploymentMode ${String(value)}: one broker instance in one AZ`);
      }
      default:
        atLeastTwo(p.VPCZoneIdentifier !== undefined ? length(p.VPCZoneIdentifier, 'VPCZoneIdentifier', resource, context)
          : length(p.AvailabilityZones, 'AvailabilityZones', resource, context), 'Subnets', 'subnet(s) or AZ(s)');
        atLeastTwo(count(p.MinSize, 'MinSize', 0, resource, context), 'Instances', 'instance(s) at minimum (MinSize)');
    }
    return findingsResult(failures);
  },
};
