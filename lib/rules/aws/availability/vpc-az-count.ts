import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { unknownValue } from '../private/values';

/**
 * A subnet's AZ as something comparable: the name (literal or a value the app defines), or the
 * index of `Fn::Select [i, Fn::GetAZs]`.
 */
export function subnetAz(subnet: ResourceView, context?: RuleContext): string | undefined {
  const az = subnet.properties.AvailabilityZone;
  if (typeof az === 'string') return az;
  const select = (az as any)?.['Fn::Select'];
  if (Array.isArray(select) && (typeof select[0] === 'number' || typeof select[0] === 'string') && select[1]?.['Fn::GetAZs'] !== undefined) {
    return `#${select[0]}`;
  }
  if (typeof subnet.properties.AvailabilityZoneId === 'string') return subnet.properties.AvailabilityZoneId;
  if (!context) return undefined;
  const resolved = resolveValue(az ?? subnet.properties.AvailabilityZoneId, subnet.stackPath, context.lookup);
  return resolved.known && typeof resolved.value === 'string' ? resolved.value : undefined;
}

/** How an AZ is written: `#n` (a GetAZs index), an AZ ID (`euw1-az1`), or a name (`eu-west-1a`). */
function azKind(az: string): string {
  if (az.startsWith('#')) return 'GetAZs indexes';
  return /^[a-z]{2,}[0-9]+-az[0-9]+$/.test(az) ? 'AZ IDs' : 'names';
}

/**
 * DP.AVL.1: every VPC's subnets span at least `availabilityZonesPerRegion` distinct AZs.
 */
export const VpcAzCount: ResourceRule = {
  name: 'VpcAzCount',
  controlId: 'DP.AVL.1',
  resourceTypes: ['AWS::EC2::VPC'],
  covers: 'distinct AZs of a VPC\'s subnets, by name or `Fn::GetAZs` index',
  level: Severity.ERROR,
  fix: 'Create the VPC\'s subnets in availabilityZonesPerRegion AZs (ec2.Vpc maxAzs, or RegionalNetwork).',
  info: 'The VPC spans fewer availability zones than the policy promises.',
  explanation: 'DP.AVL.1 promises regional networks over at least availabilityZonesPerRegion AZs. Create subnets '
    + 'in that many AZs (ec2.Vpc: maxAzs, with AZs known to the stack).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const subnets = context.lookup.referrers(resource).filter((r) => r.type === 'AWS::EC2::Subnet');
    const azs = subnets.map((s) => subnetAz(s, context));
    const unknown = subnets.find((_, i) => azs[i] === undefined);
    if (unknown) return unknownValue(`the AvailabilityZone of subnet ${unknown.logicalId}`, unknown.properties.AvailabilityZone, unknown, context);
    // AZs written three ways (a name, a GetAZs index, an AZ ID) are distinct within each way, but
    // one AZ may be written two ways (`eu-west-1a` and the first of GetAZs, or its ID).
    const distinct = new Set(azs as string[]);
    const byKind = new Map<string, Set<string>>();
    for (const az of distinct) {
      const kind = azKind(az);
      byKind.set(kind, new Set([...(byKind.get(kind) ?? []), az]));
    }
    const atLeast = Math.max(0, ...[...byKind.values()].map((set) => set.size));
    const wanted = context.policy.availabilityZonesPerRegion;
    const shown = `subnets in ${distinct.size} AZ(s); the policy asks for ${wanted}`;
    if (atLeast >= wanted) return compliant(shown);
    if (distinct.size < wanted) return nonCompliant(shown);
    return unverifiable(`subnets in ${atLeast} to ${distinct.size} AZ(s), written as ${[...byKind.keys()].join(' and ')} `
      + `(${[...distinct].join(', ')}), which may name the same AZ; the policy asks for ${wanted}`);
  },
};
