import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { isIntrinsic } from '../private/values';

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
 * listener that serves content. A plaintext HTTP listener that serves content cannot authenticate
 * at all (non-compliant); one that only redirects serves nothing (not applicable). Endpoints that
 * are public by design are acknowledged as such.
 */
export const ELBListenerAuthentication: ResourceRule = {
  name: 'ELBListenerAuthentication',
  controlId: 'DP.IAM.2',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener', 'AWS::ElasticLoadBalancingV2::ListenerRule'],
  covers: 'HTTPS listeners authenticate; plaintext listeners that forward cannot',
  level: Severity.ERROR,
  info: 'An internet-facing HTTPS listener serves requests without authenticating them.',
  explanation: 'DP.IAM.2 promises that every user authenticates. Add an authenticate-oidc or authenticate-cognito '
    + 'action before forwarding (HttpsLoadBalancer: authentication prop). If the application authenticates '
    + 'every request itself, or the endpoint is public by design, acknowledge the finding with that reason.',
  fix: 'Serve users on HTTPS with an authenticate-oidc or authenticate-cognito action before forwarding (HttpsLoadBalancer: authentication).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const isRule = resource.type === 'AWS::ElasticLoadBalancingV2::ListenerRule';
    const listener = isRule ? referencedResource(resource.properties.ListenerArn, resource.stackPath, context.lookup) : resource;
    if (!listener) return unverifiable(`ListenerArn is ${JSON.stringify(resource.properties.ListenerArn)}, a listener outside this app`);
    const protocol = resolveValue(listener.properties.Protocol, listener.stackPath, context.lookup);
    if (!protocol.known || typeof protocol.value !== 'string') return unverifiable(`the listener's Protocol is ${protocol.why ?? 'not set'}`);
    if (protocol.value !== 'HTTPS' && protocol.value !== 'HTTP') return NOT_APPLICABLE;
    const userFacing = internetFacingAlb(listener, context);
    if (userFacing === undefined) return unverifiable('the listener\'s load balancer is not a load balancer of this app, or its Type or Scheme is an expression');
    if (!userFacing) return NOT_APPLICABLE;
    const actions = isRule ? resource.properties.Actions : resource.properties.DefaultActions;
    if (protocol.value === 'HTTP') {
      // A plaintext listener cannot authenticate (ALB authenticates only on HTTPS): one that serves
      // content serves it to anyone; one that only redirects or answers fixed responses serves nothing.
      const servesNothing = Array.isArray(actions) && actions.length > 0 && actions.every((a: any) => NO_DATA.includes(a?.Type));
      if (servesNothing) return NOT_APPLICABLE;
      const readable = Array.isArray(actions) && actions.every((a) => !isIntrinsic(a) && typeof a?.Type === 'string');
      if (!readable) return unverifiable('the actions are an expression the template computes at deployment');
      return nonCompliant('a plaintext HTTP listener forwards requests, and a load balancer can authenticate only on HTTPS');
    }
    const ok = authenticates(actions);
    if (ok === undefined) return unverifiable('the actions are an expression the template computes at deployment');
    return ok ? compliant() : nonCompliant('forwards without an authenticate-oidc or authenticate-cognito action');
  },
};
