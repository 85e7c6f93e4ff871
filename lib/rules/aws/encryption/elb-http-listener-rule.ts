import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { onlyRedirectsToHttps } from '../private/listeners';
import { unknownValue } from '../private/values';

/**
 * DP.ENC.1: a listener rule on a plaintext HTTP listener only redirects to HTTPS. A rule that
 * forwards would serve data in plaintext past the listener's own redirect.
 */
export const ELBHTTPListenerRuleRedirect: ResourceRule = {
  name: 'ELBHTTPListenerRuleRedirect',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::ListenerRule'],
  level: Severity.ERROR,
  fix: 'Move the rule to the HTTPS listener, or make its action a redirect to HTTPS.',
  info: 'A rule on a plaintext HTTP listener serves requests instead of redirecting them to HTTPS.',
  explanation: 'DP.ENC.1 allows plaintext listeners only to redirect to HTTPS. Move the rule to the HTTPS '
    + 'listener, or make its action a redirect with Protocol HTTPS.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const listener = referencedResource(resource.properties.ListenerArn, resource.stackPath, context.lookup);
    if (!listener) return unknownValue('ListenerArn', resource.properties.ListenerArn, resource, context);
    if (listener.properties.Protocol !== 'HTTP') return NOT_APPLICABLE;
    const redirects = onlyRedirectsToHttps(resource.properties.Actions);
    if (redirects === undefined) return unknownValue('Actions', resource.properties.Actions, resource, context);
    return redirects ? compliant('only redirects to HTTPS') : nonCompliant(`a rule on plaintext listener ${listener.logicalId} serves requests`);
  },
};
