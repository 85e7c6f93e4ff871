import { TerraformLookup, TerraformResourceView } from '../../../terraform/model';

const cache = new WeakMap<object, Map<string, TerraformResourceView[]>>();

/**
 * Every resource of a type across all configurations checked together (subscription-wide
 * settings such as Defender plans, and admin paths that may live in another configuration),
 * indexed once per evaluation so per-resource rules stay linear.
 */
export function everywhere(lookup: TerraformLookup, type: string): TerraformResourceView[] {
  let byType = cache.get(lookup.stacks);
  if (!byType) {
    byType = new Map();
    for (const r of lookup.stacks.flatMap((s) => s.resources)) {
      let list = byType.get(r.type);
      if (!list) byType.set(r.type, list = []);
      list.push(r);
    }
    cache.set(lookup.stacks, byType);
  }
  return byType.get(type) ?? [];
}
