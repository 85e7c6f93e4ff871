import { TerraformLookup, TerraformResourceView } from './model';
import { ReadConfiguration, readConfigurationJson, TerraformConfiguration } from './read-configuration';
import { isPlanOrState, readPlanJson } from './read-plan';

export { TerraformConfiguration } from './read-configuration';

/**
 * Read one configuration, whatever its JSON form: Terraform JSON (cdktf, hand-written, converted
 * HCL) or `terraform show -json` output of a plan or a state.
 *
 * @throws TerraformInputError for plan JSON of an unknown format version
 */
export function readTerraform(configuration: TerraformConfiguration): ReadConfiguration {
  // The same JSON object is read once: cdktf checks judge each stack with every other stack read
  // for app-wide rules.
  const cached = readCache.get(configuration.config);
  if (cached && sameSource(cached.source, configuration)) return cached.read;
  const read = isPlanOrState(configuration.config)
    ? readPlanJson(configuration.config, configuration.name, configuration.templatePath ?? 'plan.json')
    : readConfigurationJson(configuration);
  readCache.set(configuration.config, { source: configuration, read });
  return read;
}

const readCache = new WeakMap<object, { source: TerraformConfiguration; read: ReadConfiguration }>();

function sameSource(a: TerraformConfiguration, b: TerraformConfiguration): boolean {
  return a.name === b.name && a.templatePath === b.templatePath && a.variables === b.variables && a.lockedAzurerm === b.lockedAzurerm;
}

/** The resource instances of a configuration (see `readTerraform`). */
export function resourcesOf(configuration: TerraformConfiguration): TerraformResourceView[] {
  return readTerraform(configuration).resources;
}

/**
 * Index one configuration once: by address, by type, and who references whom (from each view's
 * references, and in plans from literal IDs of existing resources), so every cross-resource rule
 * stays linear.
 */
export function indexConfiguration(resources: readonly TerraformResourceView[], stacks: TerraformLookup['stacks']): TerraformLookup {
  const byAddress = new Map<string, TerraformResourceView>();
  const byBase = new Map<string, TerraformResourceView[]>();
  const byType = new Map<string, TerraformResourceView[]>();
  const byId = new Map<string, TerraformResourceView>();
  for (const r of resources) {
    byAddress.set(r.address, r);
    const base = r.address.replace(/\[[^\]]*\]$/, '');
    let same = byBase.get(base);
    if (!same) byBase.set(base, same = []);
    same.push(r);
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, list = []);
    list.push(r);
    const id = r.config.id;
    if (typeof id === 'string' && id.startsWith('/') && !id.includes('${')) byId.set(id.toLowerCase(), r);
  }
  const lookupAddress = (address: string): TerraformResourceView | undefined => {
    const exact = byAddress.get(address);
    if (exact) return exact;
    const same = byBase.get(address);
    return same?.length === 1 ? same[0] : undefined;
  };

  const referrers = new Map<TerraformResourceView, Set<TerraformResourceView>>();
  const link = (from: TerraformResourceView, to: TerraformResourceView | undefined) => {
    if (!to || to === from) return;
    let set = referrers.get(to);
    if (!set) referrers.set(to, set = new Set());
    set.add(from);
  };
  for (const r of resources) {
    if (r.references) {
      for (const address of r.references) {
        const target = byAddress.get(address);
        if (target) link(r, target);
        else byBase.get(address)?.forEach((t) => link(r, t));
      }
    } else {
      visitStrings(r.config, (s) => {
        if (!s.includes('${')) return;
        for (const m of s.matchAll(REFERENCE)) link(r, lookupAddress(`${m[1]}.${m[2]}`));
      });
    }
    if (byId.size > 0) {
      visitStrings(r.config, (s) => {
        if (!s.startsWith('/')) return;
        const lower = s.toLowerCase();
        for (let end = lower.length; end > 0; end = lower.lastIndexOf('/', end - 1)) {
          const target = byId.get(lower.slice(0, end));
          if (target) {
            link(r, target);
            break;
          }
        }
      });
    }
  }
  return {
    byAddress: lookupAddress,
    ofType: (type) => byType.get(type) ?? [],
    referrers: (target) => [...(referrers.get(target) ?? [])],
    stacks,
  };
}

const REFERENCE = /\$\{([a-zA-Z0-9_]+)\.([a-zA-Z0-9_-]+)[.}[]/g;

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') {
    visit(value);
  } else if (Array.isArray(value)) {
    value.forEach((v) => visitStrings(v, visit));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== '//') visitStrings(v, visit);
  }
}
