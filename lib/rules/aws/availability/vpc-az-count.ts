import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { UNVERIFIABLE } from '../private/values';

/** A subnet's AZ as something comparable: the literal name, or the index of `Fn::Select [i, Fn::GetAZs]`. */
export function subnetAz(subnet: ResourceView): string | undefined {
  const az = subnet.properties.AvailabilityZone;
  if (typeof az === 'string') return az;
  const select = (az as any)?.['Fn::Select'];
  if (Array.isArray(select) && (typeof select[0] === 'number' || typeof select[0] === 'string') && select[1]?.['Fn::GetAZs'] !== undefined) {
    return `#${select[0]}`;
  }
  if (typeof subnet.properties.AvailabilityZoneId === 'string') return subnet.properties.AvailabilityZoneId;
  return undefined;
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
  info: 'The VPC spans fewer availability zones than the policy promises.',
  explanation: 'DP.AVL.1 promises regional networks over at least availabilityZonesPerRegion AZs. Create subnets '
    + 'in that many AZs (ec2.Vpc: maxAzs, with AZs known to the stack).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const subnets = context.lookup.referrers(resource).filter((r) => r.type === 'AWS::EC2::Subnet');
    const azs = subnets.map(subnetAz);
    if (azs.some((az) => az === undefined)) return [UNVERIFIABLE];
    return new Set(azs).size >= context.policy.availabilityZonesPerRegion ? COMPLIANT : NON_COMPLIANT;
  },
};
