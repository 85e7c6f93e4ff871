import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { isIntrinsic, UNVERIFIABLE } from '../private/values';

const AUTHENTICATE = ['authenticate-oidc', 'authenticate-cognito'];
const NO_DATA = ['redirect', 'fixed-response'];

/** Whether a list of actions authenticates before serving, or serves nothing. */
function authenticates(actions: unknown): boolean | undefined {
  if (!Array.isArray(actions) || actions.some((a) => isIntrinsic(a) || typeof a?.Type !== 'string')) return undefined;
  return actions.some((a: any) => AUTHENTICATE.includes(a.Type)) || actions.every((a: any) => NO_DATA.includes(a.Type));
}

/** The load balancer an HTTPS listener belongs to, if it is an internet-facing ALB; undefined if unknown. */
function internetFacingAlb(listener: ResourceView, context: RuleContext): boolean | undefined {
  const lb = referencedResource(listener.properties.LoadBalancerArn, listener.stackPath, context.lookup);
  if (!lb) return undefined;
  const type = lb.properties.Type ?? 'application';
  const scheme = lb.properties.Scheme ?? 'internet-facing';
  if (typeof type !== 'string' || typeof scheme !== 'string') return undefined;
  return type === 'application' && scheme === 'internet-facing';
}

/**
 * DP.IAM.2: every request to a user-facing (internet-facing) application load balancer is
 * authenticated (OIDC, e.g. Auth0, or Cognito) on its HTTPS listener and on every rule of that
 * listener that serves content. Endpoints that are public by design are acknowledged as such.
 */
export const ELBListenerAuthentication: ResourceRule = {
  name: 'ELBListenerAuthentication',
  controlId: 'DP.IAM.2',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule'],
  level: Severity.ERROR,
  info: 'An internet-facing HTTPS listener serves requests without authenticating them.',
  explanation: 'DP.IAM.2 promises that every user authenticates. Add an authenticate-oidc or authenticate-cognito '
    + 'action before forwarding (HttpsLoadBalancer: authentication prop). If the application authenticates '
    + 'every request itself, or the endpoint is public by design, acknowledge the finding with that reason.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const isRule = resource.type === 'AWS::ElasticLoadBalancingV2::ListenerRule';
    const listener = isRule ? referencedResource(resource.properties.ListenerArn, resource.stackPath, context.lookup) : resource;
    if (!listener) return [UNVERIFIABLE];
    const protocol = listener.properties.Protocol;
    if (typeof protocol !== 'string') return [UNVERIFIABLE];
    if (protocol !== 'HTTPS') return NOT_APPLICABLE;
    const userFacing = internetFacingAlb(listener, context);
    if (userFacing === undefined) return [UNVERIFIABLE];
    if (!userFacing) return NOT_APPLICABLE;
    const ok = authenticates(isRule ? resource.properties.Actions : resource.properties.DefaultActions);
    if (ok === undefined) return [UNVERIFIABLE];
    return ok ? COMPLIANT : NON_COMPLIANT;
  },
};
