import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
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
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const { shielded, fronted } = protection(context);
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      if ((resource.properties.Scheme ?? 'internet-facing') !== 'internet-facing') return NOT_APPLICABLE;
      if (fronted.has(resource)) return NOT_APPLICABLE;
    }
    return shielded.has(resource) ? COMPLIANT : NON_COMPLIANT;
  },
};
