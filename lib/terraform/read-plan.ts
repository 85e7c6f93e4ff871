import { AZURERM_SETTINGS, SettingSpec } from './azurerm-schema';
import { TerraformResourceView } from './model';
import { AzurermVersion, azurermFrom, UNKNOWN_AZURERM } from './provider';
import { ReadConfiguration, UnjudgedItem } from './read-configuration';

/** `<type>.<argument>` of every scalar argument with a documented default (see AZURERM_SETTINGS). */
/**
 * Top-level arguments the provider computes when the configuration leaves them out, so a plan
 * shows them unknown. Blocks are listed only where every rule reads an absent block as the less
 * favourable case (a dynamic block with an unknown for_each also shows as unknown and is then
 * judged as absent: never compliant because of it).
 */
const COMPUTED_SCALARS = new Set([
  'azurerm_postgresql_flexible_server.zone',
  'azurerm_log_analytics_workspace.retention_in_days',
  'azurerm_storage_account.blob_properties',
  'azurerm_storage_account.customer_managed_key',
  'azurerm_key_vault.network_acls',
  'azurerm_postgresql_flexible_server.customer_managed_key',
]);

const DEFAULTED_ARGUMENTS = new Set(Object.values(AZURERM_SETTINGS as { [key: string]: SettingSpec })
  .flatMap((s) => Object.values(s.majors).flatMap((m) => (m.default !== undefined ? m.names.map((n) => `${s.resourceType}.${n}`) : []))));

/** A Terraform input that cannot be read: what is wrong, and what was expected. */
export class TerraformInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TerraformInputError';
  }
}

/** `format_version` majors of `terraform show -json` this reader understands (minor bumps only add keys). */
export const SUPPORTED_PLAN_FORMAT_MAJORS = ['0', '1'];

/** Whether a JSON document is `terraform show -json` output (a plan or a state) rather than a configuration. */
export function isPlanOrState(doc: unknown): boolean {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return false;
  const d = doc as { [key: string]: any };
  // A plan with its format_version cut off (as some tools store them) is still unmistakable.
  if (d.format_version === undefined) return isObject(d.planned_values?.root_module) || Array.isArray(d.resource_changes);
  return typeof d.format_version === 'string'
    && ('planned_values' in d || 'resource_changes' in d || 'terraform_version' in d || 'values' in d || 'prior_state' in d || 'configuration' in d);
}

const isObject = (v: unknown): v is { [key: string]: any } => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ConfigResource {
  readonly expressions: { [key: string]: any };
}

interface Module {
  readonly resources: Map<string, ConfigResource>;
}

/**
 * Read `terraform show -json` output. A plan is judged on `planned_values` (count, for_each,
 * modules and dynamic blocks expanded, provider defaults filled in); values known only after apply
 * (`resource_changes[].change.after_unknown`) become `${...}` texts (unverifiable), joined to the
 * resources they refer to through `configuration` (a new resource's ID is unknown in the plan).
 * A state (`values.root_module`) is read the same way, without unknowns.
 *
 * @throws TerraformInputError for a `format_version` whose major this reader does not know
 */
export function readPlanJson(doc: { [key: string]: any }, name: string, templatePath: string): ReadConfiguration {
  const format = String(doc.format_version ?? '');
  const major = format.split('.')[0];
  if (doc.format_version !== undefined && !SUPPORTED_PLAN_FORMAT_MAJORS.includes(major)) {
    throw new TerraformInputError(`format_version "${format}" is not supported: expected the format of "terraform show -json" `
      + `with a major version of ${SUPPORTED_PLAN_FORMAT_MAJORS.join(' or ')} (Terraform 0.12 to 1.x)`);
  }
  const origin: 'plan' | 'state' = doc.planned_values || doc.resource_changes ? 'plan' : 'state';
  const root = doc.planned_values?.root_module ?? doc.values?.root_module;
  const changes = new Map<string, any>();
  for (const c of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
    if (isObject(c) && typeof c.address === 'string') changes.set(c.address, c);
  }
  const modules = new Map<string, Module>();
  indexConfigurationModule(doc.configuration?.root_module, '', modules);
  const azurerm = planAzurerm(doc);

  const planned: { module: string; resource: any }[] = [];
  const walk = (mod: any, moduleAddress: string) => {
    if (!isObject(mod)) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) planned.push({ module: moduleAddress, resource: r });
    for (const child of Array.isArray(mod.child_modules) ? mod.child_modules : []) walk(child, typeof child?.address === 'string' ? child.address : moduleAddress);
  };
  walk(root, '');
  if (planned.length === 0 && changes.size > 0) {
    // A plan without planned_values: the resource changes that leave something behind.
    for (const c of changes.values()) {
      if (c.change?.after === null || c.change?.after === undefined) continue;
      planned.push({ module: c.module_address ?? '', resource: { ...c, values: c.change.after } });
    }
  }

  const byBase = new Map<string, string[]>();
  for (const { resource } of planned) {
    if (!isObject(resource) || resource.mode === 'data' || typeof resource.address !== 'string') continue;
    const base = resource.address.replace(/\[[^\]]*\]$/, '');
    byBase.set(base, [...(byBase.get(base) ?? []), resource.address]);
  }

  const unknownReasons = new Map<string, string>();
  const resources: TerraformResourceView[] = [];
  const unjudged: UnjudgedItem[] = [];
  for (const { module, resource } of planned) {
    if (!isObject(resource) || resource.mode === 'data' || typeof resource.type !== 'string' || typeof resource.address !== 'string') continue;
    const address: string = resource.address;
    const change = changes.get(address)?.change;
    const values = clean(isObject(resource.values) ? resource.values : {}, true) as { [key: string]: any };
    const config = modules.get(module)?.resources.get(`${resource.type}.${resource.name}`);
    const references = new Set<string>();
    const resolveRef = (ref: string) => resolveReference(ref, module, resource.index, byBase);
    for (const [attr, expr] of Object.entries(config?.expressions ?? {})) {
      for (const ref of referencesOf(expr)) {
        const target = resolveRef(ref);
        if (target && target !== address) references.add(target);
      }
      void attr;
    }
    const unknown = isObject(change?.after_unknown) ? change.after_unknown : {};
    const computedHere = (key: string, nested: boolean) => nested || DEFAULTED_ARGUMENTS.has(`${resource.type}.${key}`) || COMPUTED_SCALARS.has(`${resource.type}.${key}`);
    fillUnknowns(values, unknown, `${address}`, config?.expressions, computedHere, false, resolveRef, unknownReasons);
    resources.push({
      stackName: name,
      address,
      type: resource.type,
      name: String(resource.name ?? ''),
      config: values,
      ...(resource.index !== undefined ? { index: resource.index } : {}),
      ...(module ? { moduleAddress: module } : {}),
      azurerm,
      unknownReasons,
      references,
      origin,
    });
    if (resource.type.startsWith('azapi_')) unjudged.push({ address, detail: `${resource.type} (AzAPI) is not judged: the rules read azurerm resources` });
  }
  return { name, templatePath, origin, resources, azurerm: azurerm, unjudged };
}

/** Drop nulls (unset arguments) and, inside blocks, empty strings (how plans show unset nested strings). */
function clean(value: unknown, top: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => clean(v, false));
  if (isObject(value)) {
    const out: { [key: string]: any } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || (!top && v === '')) continue;
      out[k] = clean(v, false);
    }
    return out;
  }
  return value;
}

/**
 * Put a `${...}` text wherever the plan says a value is known only after apply. An argument the
 * configuration does not set (its block is configured, so a dynamic block cannot have set it) is
 * unknown only because the provider or Azure computes it: it stays absent, and the documented
 * default applies (3.114+ plans show both names of the HTTPS switch as unknown when neither is
 * configured; a zone-redundant server's zones are Azure's choice, always two different zones).
 *
 * @param expressions the configuration of this block, or undefined when the plan has none for it
 */
function fillUnknowns(
  target: { [key: string]: any }, unknown: { [key: string]: any }, path: string, expressions: { [key: string]: any } | undefined,
  computed: (key: string, nested: boolean) => boolean, nested: boolean,
  resolveRef: (ref: string) => string | undefined, reasons: Map<string, string>,
): void {
  for (const [key, u] of Object.entries(unknown)) {
    if (u === true && expressions && expressions[key] === undefined && computed(key, nested)) {
      delete target[key];
      continue;
    }
    if (u === true) {
      const firstRef = referencesOf(expressions?.[key]).find((r) => resolveRef(r));
      const text = firstRef ? `\${${resolveRef(firstRef)}${afterAddress(firstRef)}}` : `\${${path}.${key}}`;
      target[key] = text;
      if (!reasons.has(text)) reasons.set(text, `${path}.${key} is known only after apply`);
    } else if (Array.isArray(u) && Array.isArray(target[key])) {
      u.forEach((item, i) => {
        if (item === true) {
          const text = `\${${path}.${key}[${i}]}`;
          target[key][i] = text;
          reasons.set(text, `${path}.${key}[${i}] is known only after apply`);
        } else if (isObject(item) && isObject(target[key][i])) {
          const block = Array.isArray(expressions?.[key]) && isObject(expressions[key][i]) ? expressions[key][i] : undefined;
          fillUnknowns(target[key][i], item, `${path}.${key}[${i}]`, block, computed, true, resolveRef, reasons);
        }
      });
    } else if (Array.isArray(u) && target[key] === undefined && u.length > 0) {
      const text = `\${${path}.${key}}`;
      target[key] = text;
      reasons.set(text, `${path}.${key} is known only after apply`);
    } else if (isObject(u) && isObject(target[key])) {
      fillUnknowns(target[key], u, `${path}.${key}`, isObject(expressions?.[key]) ? expressions[key] : undefined, computed, true, resolveRef, reasons);
    }
  }
}

/** What follows `type.name[index]` in a reference: `.id`, `.identity[0].principal_id`, or nothing. */
function afterAddress(ref: string): string {
  const m = /^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_-]*(?:\[(?:\d+|"[^"]*")\])?(.*)$/.exec(ref);
  return m ? m[1] : '';
}

/** The references of a configuration expression (`{ references: [...] }`, possibly nested in blocks). */
function referencesOf(expr: unknown): string[] {
  if (isObject(expr) && Array.isArray(expr.references)) return expr.references.filter((r: unknown): r is string => typeof r === 'string');
  if (Array.isArray(expr)) return expr.flatMap((e) => (isObject(e) ? Object.values(e).flatMap(referencesOf) : []));
  return [];
}

/**
 * The address of the instance a configuration reference (`azurerm_x.y.id`, `azurerm_x.y[0]`,
 * module-local) points at: the indexed instance, the only instance, or the instance with the
 * referrer's own index (the `[count.index]` / `[each.key]` idiom).
 */
function resolveReference(ref: string, module: string, selfIndex: unknown, byBase: Map<string, string[]>): string | undefined {
  const m = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:\d+|"[^"]*")\])?/.exec(ref);
  if (!m || ['var', 'local', 'data', 'module', 'each', 'count', 'path', 'self', 'terraform'].includes(m[1])) return undefined;
  const base = `${module ? `${module}.` : ''}${m[1]}.${m[2]}`;
  const instances = byBase.get(base);
  if (!instances) return undefined;
  if (m[3]) return instances.includes(`${base}${m[3]}`) ? `${base}${m[3]}` : undefined;
  if (instances.length === 1) return instances[0];
  if (selfIndex !== undefined) {
    const same = `${base}[${JSON.stringify(selfIndex)}]`;
    if (instances.includes(same)) return same;
  }
  return undefined;
}

function indexConfigurationModule(mod: any, address: string, into: Map<string, Module>): void {
  if (!isObject(mod)) return;
  const resources = new Map<string, ConfigResource>();
  for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
    if (isObject(r) && typeof r.type === 'string' && typeof r.name === 'string' && r.mode !== 'data') {
      resources.set(`${r.type}.${r.name}`, { expressions: isObject(r.expressions) ? r.expressions : {} });
    }
  }
  into.set(address, { resources });
  for (const [name, call] of Object.entries(isObject(mod.module_calls) ? mod.module_calls : {})) {
    indexConfigurationModule((call as any)?.module, `${address ? `${address}.` : ''}module.${name}`, into);
  }
}

/** The azurerm version of a plan: the configuration's constraint, else what the attribute names reveal. */
function planAzurerm(doc: { [key: string]: any }): AzurermVersion {
  const providers = doc.configuration?.provider_config;
  const constraints: string[] = [];
  if (isObject(providers)) {
    for (const [key, p] of Object.entries(providers)) {
      const isAzurerm = key === 'azurerm' || key.endsWith(':azurerm') || (isObject(p) && (p.name === 'azurerm' || String(p.full_name ?? '').endsWith('/azurerm')));
      if (isAzurerm && isObject(p) && typeof p.version_constraint === 'string') constraints.push(p.version_constraint);
    }
  }
  if (constraints.length > 0) {
    const fromConstraint = azurermFrom([...new Set(constraints)].join(', '), 'plan constraint');
    const revealed = majorsRevealed(doc);
    if (revealed && fromConstraint.majors.some((m) => revealed.includes(m))) {
      return { ...fromConstraint, majors: fromConstraint.majors.filter((m) => revealed.includes(m)) };
    }
    return fromConstraint;
  }
  const revealed = majorsRevealed(doc);
  return revealed ? { majors: revealed, source: 'plan attributes' } : UNKNOWN_AZURERM;
}

/**
 * The majors a plan's storage account attribute names allow: `allow_blob_public_access` exists only
 * in 2.x, `enable_https_traffic_only` up to 3.x, `https_traffic_only_enabled` from 3.114.
 */
function majorsRevealed(doc: { [key: string]: any }): number[] | undefined {
  const keys = new Set<string>();
  const visit = (mod: any) => {
    if (!isObject(mod)) return;
    for (const r of Array.isArray(mod.resources) ? mod.resources : []) {
      if (r?.type === 'azurerm_storage_account' && isObject(r.values)) Object.keys(r.values).forEach((k) => keys.add(k));
    }
    for (const c of Array.isArray(mod.child_modules) ? mod.child_modules : []) visit(c);
  };
  visit(doc.planned_values?.root_module ?? doc.values?.root_module);
  for (const c of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
    if (c?.type !== 'azurerm_storage_account') continue;
    for (const part of [c.change?.after, c.change?.after_unknown]) if (isObject(part)) Object.keys(part).forEach((k) => keys.add(k));
  }
  if (keys.size === 0) return undefined;
  if (keys.has('allow_blob_public_access')) return [2];
  if (keys.has('enable_https_traffic_only')) return [3];
  if (keys.has('https_traffic_only_enabled')) return [4, 5];
  return undefined;
}
