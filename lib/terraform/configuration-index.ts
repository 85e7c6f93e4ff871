import { TerraformLookup, TerraformResourceView } from './model';

/** One Terraform configuration in JSON form (a stack's `cdk.tf.json`, a `*.tf.json` file, converted HCL). */
export interface TerraformConfiguration {
  /** Configuration (stack) name: the folder under `cdktf.out/stacks/`, or the file's name. */
  readonly name: string;
  /** The parsed Terraform JSON. */
  readonly config: { [key: string]: any };
  /**
   * Path of the configuration file, relative to where the report is written.
   * @default 'cdk.tf.json'
   */
  readonly templatePath?: string;
}

/** The resources of a configuration, with construct paths from cdktf's metadata. */
export function resourcesOf(configuration: TerraformConfiguration): TerraformResourceView[] {
  const views: TerraformResourceView[] = [];
  const resourceBlock = configuration.config.resource;
  if (typeof resourceBlock !== 'object' || resourceBlock === null) return views;
  for (const [type, byName] of Object.entries(resourceBlock as Record<string, any>)) {
    if (typeof byName !== 'object' || byName === null) continue;
    for (const [name, config] of Object.entries(byName as Record<string, any>)) {
      if (typeof config !== 'object' || config === null) continue;
      const path = config['//']?.metadata?.path;
      views.push({
        stackName: configuration.name,
        address: `${type}.${name}`,
        type,
        name,
        config,
        ...(typeof path === 'string' ? { constructPath: path } : {}),
      });
    }
  }
  return views;
}

const REFERENCE = /\$\{([a-zA-Z0-9_]+)\.([a-zA-Z0-9_-]+)[.}[]/g;

/**
 * Index one configuration once: by address, by type, and who references whom (one pass over every
 * string), so every cross-resource rule stays linear.
 */
export function indexConfiguration(resources: readonly TerraformResourceView[], stacks: TerraformLookup['stacks']): TerraformLookup {
  const byAddress = new Map<string, TerraformResourceView>();
  const byType = new Map<string, TerraformResourceView[]>();
  for (const r of resources) {
    byAddress.set(r.address, r);
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, list = []);
    list.push(r);
  }
  const referrers = new Map<string, Set<TerraformResourceView>>();
  for (const r of resources) {
    visitStrings(r.config, (s) => {
      if (!s.includes('${')) return;
      for (const m of s.matchAll(REFERENCE)) {
        const target = `${m[1]}.${m[2]}`;
        if (target === r.address || !byAddress.has(target)) continue;
        let set = referrers.get(target);
        if (!set) referrers.set(target, set = new Set());
        set.add(r);
      }
    });
  }
  return {
    byAddress: (address) => byAddress.get(address),
    ofType: (type) => byType.get(type) ?? [],
    referrers: (target) => [...(referrers.get(target.address) ?? [])],
    stacks,
  };
}

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => visitStrings(v, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== '//') visitStrings(v, visit);
  }
}
