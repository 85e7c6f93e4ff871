import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';

export type Stacks = readonly { readonly path: string; readonly region?: string }[];

export function pct(x: number): string {
  return `${(x * 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}%`;
}

/** Resources a Shield Advanced protection covers, and load balancers an accelerator fronts; built once. */
export function protection(context: RuleContext): { shielded: Set<ResourceView>; fronted: Set<ResourceView> } {
  return context.lookup.memo('shield-protection', () => ({
    shielded: new Set(context.lookup.resourcesOfType('AWS::Shield::Protection')
      .flatMap((p) => mentionedResources(p.properties.ResourceArn, p.stackPath, context.lookup))),
    fronted: new Set(context.lookup.resourcesOfType('AWS::GlobalAccelerator::EndpointGroup')
      .flatMap((g) => mentionedResources(g.properties.EndpointConfigurations, g.stackPath, context.lookup))),
  }));
}
