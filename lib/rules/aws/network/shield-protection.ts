import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { protection } from '../private/topology';

/**
 * DP.NET.2: every public entry point is protected against DDoS: an accelerator, and every
 * internet-facing load balancer that no accelerator fronts, has an AWS Shield Advanced protection.
 */
export const ShieldProtection: ResourceRule = {
  name: 'ShieldProtection',
  controlId: 'DP.NET.2',
  resourceTypes: ['AWS::GlobalAccelerator::Accelerator', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  covers: 'accelerators, and internet-facing load balancers no accelerator fronts',
  level: Severity.ERROR,
  info: 'The public entry point has no AWS Shield Advanced protection.',
  explanation: 'DP.NET.2 promises DDoS protection of public entry points. Add an AWS::Shield::Protection for the '
    + 'accelerator (GlobalEndpoint does; it needs a Shield Advanced subscription), or put the load balancer '
    + 'behind one.',
  fix: 'Front the load balancer with a GlobalEndpoint (Shield Advanced on the accelerator), or add an AWS::Shield::Protection for it.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const { shielded, fronted, unknownShield, unknownEndpoint } = protection(context);
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      const scheme = resolveValue(resource.properties.Scheme ?? 'internet-facing', resource.stackPath, context.lookup);
      if (!scheme.known) return unverifiable(`Scheme is ${scheme.why}`);
      if (scheme.value !== 'internet-facing') return NOT_APPLICABLE;
      if (fronted.has(resource)) return NOT_APPLICABLE;
    }
    if (shielded.has(resource)) return compliant('an AWS Shield Advanced protection covers it');
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && unknownEndpoint) return unverifiable(`${unknownEndpoint}: it may be this load balancer`);
    if (unknownShield) return unverifiable(`${unknownShield}: it may protect this resource`);
    return nonCompliant(resource.type === 'AWS::GlobalAccelerator::Accelerator' ? 'no Shield Advanced protection covers the accelerator'
      : 'an internet-facing load balancer that no accelerator fronts and no Shield Advanced protection covers');
  },
};
