import { isIntrinsic } from './values';
import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';

/**
 * Whether a listener or rule's actions only redirect to HTTPS (the one thing a plaintext listener
 * may do). Undefined when the actions cannot be read.
 */
export function onlyRedirectsToHttps(actions: unknown): boolean | undefined {
  if (!Array.isArray(actions) || actions.length === 0) return undefined;
  for (const action of actions) {
    if (isIntrinsic(action) || typeof action?.Type !== 'string') return undefined;
    if (action.Type !== 'redirect') return false;
    const protocol = action.RedirectConfig?.Protocol;
    if (typeof protocol !== 'string') return undefined;
    if (protocol !== 'HTTPS') return false;
  }
  return true;
}

/** The listeners of the app on a load balancer, and the rules of each; built once per evaluation. */
function listenersByLoadBalancer(context: RuleContext): Map<ResourceView, { listener: ResourceView; rules: ResourceView[] }[]> {
  return context.lookup.memo('listeners-by-load-balancer', () => {
    const out = new Map<ResourceView, { listener: ResourceView; rules: ResourceView[] }[]>();
    const byListener = new Map<ResourceView, ResourceView[]>();
    for (const rule of context.lookup.resourcesOfType('AWS::ElasticLoadBalancingV2::ListenerRule')) {
      const listener = referencedResource(rule.properties.ListenerArn, rule.stackPath, context.lookup);
      if (listener) byListener.set(listener, [...(byListener.get(listener) ?? []), rule]);
    }
    for (const listener of context.lookup.resourcesOfType('AWS::ElasticLoadBalancingV2::Listener')) {
      const lb = referencedResource(listener.properties.LoadBalancerArn, listener.stackPath, context.lookup);
      if (lb) out.set(lb, [...(out.get(lb) ?? []), { listener, rules: byListener.get(listener) ?? [] }]);
    }
    return out;
  });
}

/**
 * The ports on which the internet reaching `group` can only be redirected to HTTPS: every load
 * balancer that uses the group has at least one listener on that port, and every one of them (and
 * every rule on it) is a plaintext HTTP listener that only redirects to HTTPS, which DP.ENC.1 allows.
 */
export function redirectOnlyPorts(group: ResourceView, context: RuleContext): Set<number> {
  const lbs = context.lookup.referrers(group).filter((r) => r.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer');
  const byLb = listenersByLoadBalancer(context);
  const portsOf = (lb: ResourceView) => {
    const byPort = new Map<number, boolean>();
    for (const { listener, rules } of byLb.get(lb) ?? []) {
      const p = resolveValue(listener.properties.Port, listener.stackPath, context.lookup);
      if (!p.known || !Number.isInteger(Number(p.value))) continue;
      const redirects = listener.properties.Protocol === 'HTTP' && onlyRedirectsToHttps(listener.properties.DefaultActions) === true
        && rules.every((r) => onlyRedirectsToHttps(r.properties.Actions) === true);
      const port = Number(p.value);
      byPort.set(port, (byPort.get(port) ?? true) && redirects);
    }
    return new Set([...byPort].filter(([, redirects]) => redirects).map(([port]) => port));
  };
  if (lbs.length === 0) return new Set();
  const [first, ...rest] = lbs.map(portsOf);
  return new Set([...first].filter((port) => rest.every((ports) => ports.has(port))));
}
