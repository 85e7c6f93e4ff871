import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView, RuleContext } from '../../rule';
import { referencedResource } from '../private/refs';
import { UNVERIFIABLE } from '../private/values';
import { onlyRedirectsToHttps } from './elb-listener-tls';

/**
 * DP.ENC.1: a listener rule on a plaintext HTTP listener only redirects to HTTPS. A rule that
 * forwards would serve data in plaintext past the listener's own redirect.
 */
export const ELBHTTPListenerRuleRedirect: ResourceRule = {
  name: 'ELBHTTPListenerRuleRedirect',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  level: NagMessageLevel.ERROR,
  info: 'A rule on a plaintext HTTP listener serves requests instead of redirecting them to HTTPS.',
  explanation: 'DP.ENC.1 allows plaintext listeners only to redirect to HTTPS. Move the rule to the HTTPS '
    + 'listener, or make its action a redirect with Protocol HTTPS.',
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult {
    const listener = referencedResource(resource.properties.ListenerArn, resource.stackPath, context.lookup);
    if (!listener) return [UNVERIFIABLE];
    if (listener.properties.Protocol !== 'HTTP') return NagRuleCompliance.NOT_APPLICABLE;
    const redirects = onlyRedirectsToHttps(resource.properties.Actions);
    if (redirects === undefined) return [UNVERIFIABLE];
    return redirects ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  },
};
