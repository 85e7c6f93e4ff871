import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
import { protection } from '../private/topology';

/**
 * DP.NET.2: every public entry point is protected against DDoS: an accelerator, and every
 * internet-facing load balancer that no accelerator fronts, has an AWS Shield Advanced protection.
 */
export const ShieldProtection: ResourceRule = {
  name: 'ShieldProtection',
  controlId: 'DP.NET.2',
  resourceTypes: ['AWS::GlobalAccelerator::Accelerator', 'AWS::ElasticLoadBalancingV2::LoadBalancer'],
  level: NagMessageLevel.ERROR,
  info: 'The public entry point has no AWS Shield Advanced protection.',
  explanation: 'DP.NET.2 promises DDoS protection of public entry points. Add an AWS::Shield::Protection for the '
    + 'accelerator (GlobalEndpoint does; it needs a Shield Advanced subscription), or put the load balancer '
    + 'behind one.',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const { shielded, fronted } = protection(context);
    if (resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer') {
      if ((resource.properties.Scheme ?? 'internet-facing') !== 'internet-facing') return NagRuleCompliance.NOT_APPLICABLE;
      if (fronted.has(resource)) return NagRuleCompliance.NOT_APPLICABLE;
    }
    return shielded.has(resource) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
