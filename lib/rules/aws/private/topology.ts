import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';

export type Stacks = readonly { readonly path: string; readonly region?: string }[];

export function pct(x: number): string {
  return `${(x * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;
}

/** What Shield Advanced protections and accelerators cover in the app. */
export interface Protection {
  /** Resources a Shield Advanced protection covers. */
  readonly shielded: Set<ResourceView>;
  /** Load balancers an accelerator fronts. */
  readonly fronted: Set<ResourceView>;
  /** Why some protection's resource is known only at deployment, if one is. */
  readonly unknownShield?: string;
  /** Why some endpoint group's endpoint is known only at deployment, if one is. */
  readonly unknownEndpoint?: string;
}

/** Resources a Shield Advanced protection covers, and load balancers an accelerator fronts; built once. */
export function protection(context: RuleContext): Protection {
  return context.lookup.memo('shield-protection', () => {
    const { lookup } = context;
    const unknownOf = (value: unknown, owner: ResourceView, name: string): string | undefined => {
      if (mentionedResources(value, owner.stackPath, lookup).length > 0) return undefined;
      const r = resolveValue(value, owner.stackPath, lookup);
      return r.known ? undefined : `${name} of ${owner.logicalId} is ${r.why}`;
    };
    let unknownShield: string | undefined;
    let unknownEndpoint: string | undefined;
    const shielded = new Set<ResourceView>();
    for (const p of lookup.resourcesOfType('AWS::Shield::Protection')) {
      mentionedResources(p.properties.ResourceArn, p.stackPath, lookup).forEach((r) => shielded.add(r));
      unknownShield = unknownShield ?? unknownOf(p.properties.ResourceArn, p, 'ResourceArn');
    }
    const fronted = new Set<ResourceView>();
    for (const g of lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup')) {
      const given = g.properties.EndpointConfigurations;
      // A list chosen by a condition is read when the app decides it; otherwise any load balancer
      // it names may or may not be fronted (none is for certain).
      const list = Array.isArray(given) ? undefined : resolveValue(given, g.stackPath, lookup);
      if (list && !list.known) unknownEndpoint = unknownEndpoint ?? `EndpointConfigurations of ${g.logicalId} is ${list.why}`;
      const configs = Array.isArray(given) ? given : !list?.known ? [] : Array.isArray(list.value) ? list.value : [list.value];
      for (const c of configs) {
        mentionedResources(c, g.stackPath, lookup).forEach((r) => fronted.add(r));
        const config = c?.EndpointId === undefined ? resolveValue(c, g.stackPath, lookup) : undefined;
        unknownEndpoint = unknownEndpoint ?? (config && !config.known ? unknownOf(c, g, 'an endpoint configuration') : unknownOf(c?.EndpointId, g, 'EndpointId'));
      }
    }
    return { shielded, fronted, ...(unknownShield ? { unknownShield } : {}), ...(unknownEndpoint ? { unknownEndpoint } : {}) };
  });
}
