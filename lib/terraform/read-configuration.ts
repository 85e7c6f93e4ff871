import * as path from 'path';
import { Bindings, EvaluationContext, evaluateValue, NO_BINDINGS } from './evaluate';
import { hasInterpolation, needsParser, prepareExpressionStrings } from './expression-ast';
import { EvaluationError } from './functions';
import { TerraformResourceView } from './model';
import { AzurermVersion, azurermOfConfiguration } from './provider';
import { InstanceRef, isKnown, refsOf, TfValue, toConfigValue, Unknown } from './values';

/** One Terraform configuration in JSON form (a stack's `cdk.tf.json`, `*.tf.json` files, converted HCL, or a plan). */
export interface TerraformConfiguration {
  /** Configuration (stack) name: the folder under `cdktf.out/stacks/`, or the file's name. */
  readonly name: string;
  /**
   * The parsed Terraform JSON; also accepted: `terraform show -json` output of a plan or a state
   * (recognised by its `format_version`).
   */
  readonly config: { [key: string]: any };
  /**
   * Path of the configuration file, relative to where the report is written.
   * @default 'cdk.tf.json'
   */
  readonly templatePath?: string;
  /**
   * Values of input variables (from `terraform.tfvars`, `*.auto.tfvars` or a var file); they win
   * over the variables' defaults.
   * @default - the defaults
   */
  readonly variables?: { readonly [name: string]: unknown };
  /**
   * The exact azurerm version from `.terraform.lock.hcl`, when there is one.
   * @default - the `required_providers` constraint
   */
  readonly lockedAzurerm?: string;
}

/** Something in a configuration the rules cannot see into (a module call, an AzAPI resource). */
export interface UnjudgedItem {
  /** Address (`module.storage`, `azapi_resource.sa`). */
  readonly address: string;
  /** What it is and why its resources were not judged. */
  readonly detail: string;
}

/** A configuration as the rules read it. */
export interface ReadConfiguration {
  readonly name: string;
  readonly templatePath: string;
  /** What the JSON was. */
  readonly origin: 'configuration' | 'plan' | 'state';
  /** Every managed resource instance (count and for_each expanded; count = 0 gives none). */
  readonly resources: TerraformResourceView[];
  /** The azurerm version it runs with. */
  readonly azurerm: AzurermVersion;
  /** Module calls and resources of other Azure providers whose content was not judged. */
  readonly unjudged: UnjudgedItem[];
}

/**
 * Where a resource body was read from (a file of a directory), set by `loadTerraformDirectory` on
 * the body object so findings can point at the file that declares the resource.
 */
export const SOURCE_FILE = Symbol('cdk-data-protection:source-file');

/**
 * The configurations of local modules (`source = "./modules/x"`) a configuration calls, by module
 * name, set by `loadTerraformDirectory` on the configuration object: such modules are expanded.
 */
export const LOCAL_MODULES = Symbol('cdk-data-protection:local-modules');

/** A local module's files, as loaded. */
export interface LocalModule {
  /** The merged Terraform JSON of the module's directory (its own local modules attached the same way). */
  readonly config: { [key: string]: any };
  /** The module's directory, relative to the calling configuration's directory. */
  readonly dir: string;
}

/** Arguments of a module call that are Terraform's, not the module's input variables. */
const MODULE_META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);

/** Keys of a resource body that are Terraform's meta-arguments, not the resource's arguments. */
const META = new Set(['count', 'for_each', 'dynamic', 'depends_on', 'provider', 'lifecycle', 'provisioner', 'connection', '//']);

const asList = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const isObject = (v: unknown): v is { [key: string]: any } => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A labelled block as Terraform JSON allows it: `{ label: body }`, `[{ label: body }, ...]`
 * (HCL's JSON syntax), with each body an object or a list of objects (what HCL converters write).
 */
function labelled(value: unknown): [string, any[]][] {
  const out = new Map<string, any[]>();
  for (const part of asList(value)) {
    if (!isObject(part)) continue;
    for (const [label, body] of Object.entries(part)) {
      const list = out.get(label) ?? [];
      list.push(...asList(body));
      out.set(label, list);
    }
  }
  return [...out.entries()];
}

interface Declared {
  readonly type: string;
  readonly name: string;
  readonly body: { [key: string]: any };
  /** The body's dynamic blocks by block name. */
  readonly dynamic: { [name: string]: any[] };
  /** Instance keys; undefined when the count or for_each is not known. */
  keys?: (number | string)[];
  kind: 'single' | 'count' | 'for_each';
  uncertain?: string;
  forEachValues?: Map<string, TfValue>;
}

interface Instance {
  readonly decl: Declared;
  readonly address: string;
  readonly index?: number | string;
  readonly bindings: Bindings;
  readonly values: Map<string, TfValue>;
  readonly refs: Map<string, Set<string>>;
  readonly inputs: Map<string, Set<string>>;
  readonly resolving: Set<string>;
}

/**
 * Reads one Terraform JSON configuration: declared variables, locals and resources, and evaluates
 * each resource instance's arguments on demand (so `azurerm_resource_group.rg.location` gives the
 * resource group's literal location).
 */
class ConfigurationReader implements EvaluationContext {
  private readonly variableDefaults = new Map<string, { hasDefault: boolean; value: unknown }>();
  private readonly localRaw = new Map<string, unknown>();
  private readonly localValues = new Map<string, TfValue>();
  private readonly localsResolving = new Set<string>();
  private readonly declared = new Map<string, Declared>();
  private readonly instances = new Map<string, Instance>();
  private readonly collectors: Set<string>[] = [];
  private readonly inputCollectors: Set<string>[] = [];
  public readonly unknownReasons = new Map<string, string>();
  public readonly unjudged: UnjudgedItem[] = [];
  /** The directory of this module relative to the root configuration's ('' for the root). */
  public moduleDir = '';
  private outputValues?: { [name: string]: TfValue };
  /** Expanded local module calls: `module.<name>` -> its instances (one reader each). */
  private readonly modules = new Map<string, { kind: 'single' | 'count' | 'for_each'; instances: { key?: number | string; reader: ConfigurationReader }[] }>();

  /**
   * @param prefix the module address of this configuration (`module.a.`), empty for the root
   * @param given input values from the calling module (win over `source.variables` and defaults)
   */
  constructor(
    private readonly source: TerraformConfiguration,
    private readonly prefix = '',
    private readonly given?: ReadonlyMap<string, TfValue>,
    private readonly depth = 0,
  ) {
    const config = source.config;
    for (const [name, bodies] of labelled(config.variable)) {
      const body = bodies.find(isObject) ?? {};
      this.variableDefaults.set(name, { hasDefault: Object.prototype.hasOwnProperty.call(body, 'default'), value: body.default });
    }
    for (const block of asList(config.locals)) {
      if (isObject(block)) for (const [k, v] of Object.entries(block)) this.localRaw.set(k, v);
    }
    for (const [type, byName] of labelled(config.resource)) {
      for (const entry of byName) {
        if (!isObject(entry)) continue;
        for (const [name, bodies] of Object.entries(entry)) {
          const body = asList(bodies).find(isObject);
          if (!body) continue;
          this.declared.set(`${type}.${name}`, { type, name, body, dynamic: body.dynamic === undefined ? {} : dynamicBlocks(body), kind: 'single' });
        }
      }
    }
    for (const decl of this.declared.values()) this.expand(decl);
    const local = (config as any)[LOCAL_MODULES] as { [name: string]: LocalModule } | undefined;
    for (const [name, bodies] of labelled(config.module)) {
      const body = asList(bodies).find(isObject) ?? {};
      const from = typeof body.source === 'string' ? body.source : '(unknown source)';
      const version = typeof body.version === 'string' ? ` ${body.version}` : '';
      const why = local?.[name] && this.depth < 16 ? this.expandModule(name, body, local[name]) : 'it is not a local directory (registry and git modules are not downloaded)';
      if (why) {
        this.unjudged.push({
          address: `${this.prefix}module.${name}`,
          detail: `module "${name}" (${from}${version}) is not expanded: ${why}; its resources are not judged. `
            + 'Check the plan instead (terraform show -json), where modules are expanded.',
        });
      }
    }
  }

  /** Expand a local module call into child readers; returns why it could not be, if it could not. */
  private expandModule(name: string, call: { [key: string]: any }, module: LocalModule): string | undefined {
    let keys: (number | string)[] = [];
    let kind: 'single' | 'count' | 'for_each' = 'single';
    let values: Map<string, TfValue> | undefined;
    if (call.count !== undefined) {
      kind = 'count';
      const count = evaluateValue(call.count, this);
      const n = typeof count === 'number' ? count : typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : undefined;
      if (n === undefined || !Number.isInteger(n) || n < 0) return `count = ${describeRaw(call.count)} cannot be evaluated (${whyOf(count)})`;
      keys = Array.from({ length: n }, (_, i) => i);
    } else if (call.for_each !== undefined) {
      kind = 'for_each';
      const each = evaluateValue(call.for_each, this);
      if (Array.isArray(each) && each.every((v) => typeof v === 'string')) {
        keys = [...new Set(each as string[])];
        values = new Map(keys.map((k) => [String(k), k]));
      } else if (isObject(each) && !(each instanceof Unknown) && !(each instanceof InstanceRef)) {
        keys = Object.keys(each);
        values = new Map(Object.entries(each));
      } else {
        return `for_each = ${describeRaw(call.for_each)} cannot be evaluated (${whyOf(each)})`;
      }
    }
    const instances = (kind === 'single' ? [undefined] : keys).map((key) => {
      const bindings = new Map<string, TfValue>(kind === 'count' ? [['count', { index: key as number }]]
        : kind === 'for_each' ? [['each', { key: key!, value: values!.get(String(key)) ?? null }]] : []);
      const given = new Map<string, TfValue>();
      for (const [arg, raw] of Object.entries(call)) if (!MODULE_META.has(arg)) given.set(arg, evaluateValue(raw, this, bindings));
      const address = `${this.prefix}module.${name}${key === undefined ? '' : `[${JSON.stringify(key)}]`}.`;
      const reader = new ConfigurationReader({ name: this.source.name, config: module.config }, address, given, this.depth + 1);
      reader.moduleDir = path.posix.join(this.moduleDir, module.dir);
      return { key, reader };
    });
    this.modules.set(name, { kind, instances });
    return undefined;
  }

  /** `module.<name>`: the outputs of an expanded local module (a list or map of them with count or for_each). */
  public module(name: string): TfValue | undefined {
    const m = this.modules.get(name);
    if (!m) return undefined;
    if (m.kind === 'single') return m.instances[0].reader.outputs();
    if (m.kind === 'count') return m.instances.map((i) => i.reader.outputs());
    return Object.fromEntries(m.instances.map((i) => [String(i.key), i.reader.outputs()]));
  }

  /** This module's outputs, evaluated once. */
  public outputs(): { [name: string]: TfValue } {
    if (this.outputValues) return this.outputValues;
    this.outputValues = {};
    for (const [name, bodies] of labelled(this.source.config.output)) {
      const body = bodies.find(isObject);
      if (body && body.value !== undefined) this.outputValues[name] = evaluateValue(body.value, this);
    }
    return this.outputValues;
  }

  /** Decide how many instances a resource has. */
  private expand(decl: Declared): void {
    const { body } = decl;
    if (body.count !== undefined) {
      decl.kind = 'count';
      const count = evaluateValue(body.count, this);
      const n = typeof count === 'number' ? count : typeof count === 'string' && /^\d+$/.test(count) ? Number(count) : undefined;
      if (n === undefined || !Number.isInteger(n) || n < 0) {
        decl.uncertain = `count = ${describeRaw(body.count)} cannot be evaluated (${whyOf(count)})`;
      } else {
        decl.keys = Array.from({ length: n }, (_, i) => i);
      }
    } else if (body.for_each !== undefined) {
      decl.kind = 'for_each';
      const each = evaluateValue(body.for_each, this);
      if (Array.isArray(each) && each.every((v) => typeof v === 'string')) {
        decl.keys = [...new Set(each as string[])];
        decl.forEachValues = new Map(decl.keys.map((k) => [String(k), k]));
      } else if (isObject(each) && !(each instanceof Unknown) && !(each instanceof InstanceRef)) {
        decl.keys = Object.keys(each);
        decl.forEachValues = new Map(Object.entries(each));
      } else {
        decl.uncertain = `for_each = ${describeRaw(body.for_each)} cannot be evaluated (${whyOf(each)})`;
      }
    } else {
      decl.keys = [];
    }
    const base = `${this.prefix}${decl.type}.${decl.name}`;
    if (decl.kind === 'single') {
      this.addInstance(decl, base, undefined, NO_BINDINGS);
    } else if (decl.uncertain) {
      const bindings = new Map<string, TfValue>(decl.kind === 'count'
        ? [['count', { index: new Unknown('${count.index}', decl.uncertain) }]]
        : [['each', new Unknown('${each}', decl.uncertain)]]);
      this.addInstance(decl, base, undefined, bindings);
    } else {
      for (const key of decl.keys ?? []) {
        const bindings = new Map<string, TfValue>(decl.kind === 'count'
          ? [['count', { index: key as number }]]
          : [['each', { key, value: decl.forEachValues!.get(String(key)) ?? null }]]);
        this.addInstance(decl, `${base}[${JSON.stringify(key)}]`, key, bindings);
      }
    }
  }

  private addInstance(decl: Declared, address: string, index: number | string | undefined, bindings: Bindings): void {
    this.instances.set(address, { decl, address, index, bindings, values: new Map(), refs: new Map(), inputs: new Map(), resolving: new Set() });
  }

  public variable(name: string): TfValue {
    const note = this.inputCollectors[this.inputCollectors.length - 1];
    if (this.given?.has(name)) {
      note?.add(`module input ${this.prefix}${name}`);
      return this.given.get(name)!;
    }
    if (this.source.variables && Object.prototype.hasOwnProperty.call(this.source.variables, name)) {
      note?.add(`var.${name} as given`);
      return this.source.variables[name] as TfValue;
    }
    const v = this.variableDefaults.get(name);
    if (!v) return new EvaluationError(`\${var.${name}}`, `variable "${name}" is not declared`);
    if (!v.hasDefault) return new Unknown(`\${var.${name}}`, `variable "${name}" has no default and no value was given`);
    note?.add(`the default of var.${name}`);
    return (v.value ?? null) as TfValue;
  }

  public local(name: string): TfValue {
    const memo = this.localValues.get(name);
    if (memo !== undefined) return memo;
    if (!this.localRaw.has(name)) return new EvaluationError(`\${local.${name}}`, `local "${name}" is not declared`);
    if (this.localsResolving.has(name)) return new Unknown(`\${local.${name}}`, `local "${name}" refers to itself`);
    this.localsResolving.add(name);
    const value = evaluateValue(this.localRaw.get(name), this);
    this.localsResolving.delete(name);
    this.localValues.set(name, value);
    return value;
  }

  public resource(type: string, name: string): TfValue | undefined {
    const decl = this.declared.get(`${type}.${name}`);
    if (!decl) return undefined;
    const base = `${this.prefix}${type}.${name}`;
    if (decl.uncertain) return new Unknown(`\${${base}}`, decl.uncertain, [base]);
    if (decl.kind === 'single') return new InstanceRef(base);
    if (decl.kind === 'count') return (decl.keys ?? []).map((k) => new InstanceRef(`${base}[${k}]`));
    const map: { [key: string]: TfValue } = {};
    for (const k of decl.keys ?? []) map[String(k)] = new InstanceRef(`${base}[${JSON.stringify(k)}]`);
    return map;
  }

  public attribute(address: string, name: string): TfValue | undefined {
    const instance = this.instances.get(address);
    if (!instance) return undefined;
    this.collectors[this.collectors.length - 1]?.add(address);
    return this.argument(instance, name);
  }

  /** One argument of an instance, evaluated once. */
  private argument(instance: Instance, name: string): TfValue | undefined {
    if (instance.values.has(name)) {
      instance.inputs.get(name)?.forEach((i) => this.inputCollectors[this.inputCollectors.length - 1]?.add(i));
      return instance.values.get(name);
    }
    const { body } = instance.decl;
    const dynamic = instance.decl.dynamic[name];
    if (!Object.prototype.hasOwnProperty.call(body, name) && !dynamic) return undefined;
    if (META.has(name)) return undefined;
    // Most arguments are literals: no evaluation, no bookkeeping.
    if (!dynamic && !hasExpression(body[name])) {
      instance.values.set(name, body[name] as TfValue);
      return body[name] as TfValue;
    }
    if (instance.resolving.has(name)) {
      return new Unknown(`\${${instance.address}.${name}}`, `${instance.address}.${name} depends on itself`, [instance.address]);
    }
    instance.resolving.add(name);
    const refs = new Set<string>();
    const inputs = new Set<string>();
    this.collectors.push(refs);
    this.inputCollectors.push(inputs);
    let value: TfValue;
    try {
      const statics = body[name] === undefined ? [] : [evaluateValue(body[name], this, instance.bindings)];
      if (dynamic) {
        const expanded = this.expandDynamic(dynamic, instance.bindings, instance.address, name);
        const blocks = statics.flatMap((s) => (Array.isArray(s) ? s : [s]));
        value = expanded instanceof Unknown ? (blocks.length > 0 ? expanded : expanded) : [...blocks, ...expanded];
      } else {
        value = statics[0];
      }
    } finally {
      this.collectors.pop();
      this.inputCollectors.pop();
      instance.resolving.delete(name);
    }
    refsOf(value, refs);
    refs.delete(instance.address);
    instance.values.set(name, value);
    instance.refs.set(name, refs);
    instance.inputs.set(name, inputs);
    // What this argument read reaches the argument that read it (a location through a resource group).
    inputs.forEach((i) => this.inputCollectors[this.inputCollectors.length - 1]?.add(i));
    return value;
  }

  /** The blocks a `dynamic "<name>"` produces: one content per for_each element. */
  private expandDynamic(specs: any[], bindings: Bindings, address: string, blockName: string): TfValue[] | Unknown {
    const out: TfValue[] = [];
    for (const spec of specs) {
      if (!isObject(spec)) continue;
      const iterator = typeof spec.iterator === 'string' ? spec.iterator : blockName;
      const each = evaluateValue(spec.for_each, this, bindings);
      let entries: [TfValue, TfValue][];
      if (Array.isArray(each)) {
        entries = each.map((v, i) => [i, v]);
      } else if (isObject(each) && !(each instanceof Unknown) && !(each instanceof InstanceRef)) {
        entries = Object.keys(each).sort().map((k) => [k, each[k]]);
      } else {
        const why = `dynamic "${blockName}" for_each = ${describeRaw(spec.for_each)} cannot be evaluated (${whyOf(each)})`;
        return new Unknown(`\${${address}.${blockName}}`, why, [...refsOf(each)]);
      }
      const content = asList(spec.content).find(isObject) ?? {};
      for (const [key, value] of entries) {
        const inner = new Map(bindings);
        inner.set(iterator, { key, value });
        out.push(this.blockBody(content, inner, address));
      }
    }
    return out;
  }

  /** A block body, with its own nested dynamic blocks expanded. */
  private blockBody(content: { [key: string]: any }, bindings: Bindings, address: string): TfValue {
    const body: { [key: string]: TfValue } = {};
    for (const [k, v] of Object.entries(content)) {
      if (k === 'dynamic') continue;
      body[k] = evaluateValue(v, this, bindings);
    }
    for (const [name, specs] of Object.entries(dynamicBlocks(content))) {
      const expanded = this.expandDynamic(specs, bindings, address, name);
      const statics = body[name] === undefined ? [] : asList(body[name]);
      body[name] = expanded instanceof Unknown ? expanded : [...statics, ...expanded];
    }
    return body;
  }

  /** The views of every instance. */
  public views(stackName: string, azurerm: AzurermVersion): TerraformResourceView[] {
    const views: TerraformResourceView[] = [];
    for (const instance of this.instances.values()) {
      const { decl } = instance;
      const config: { [key: string]: any } = {};
      const references = new Set<string>();
      let valueSources: Map<string, string[]> | undefined;
      const names = Object.keys(decl.body);
      for (const name of Object.keys(decl.dynamic)) if (!(name in decl.body)) names.push(name);
      for (const name of names) {
        if (META.has(name)) continue;
        const value = this.argument(instance, name);
        if (value === undefined) continue;
        const refs = instance.refs.get(name);
        if (!refs) {
          config[name] = value;
          continue;
        }
        this.noteUnknowns(value);
        config[name] = toConfigValue(value);
        refs.forEach((r) => references.add(r));
        const inputs = instance.inputs.get(name);
        if (inputs && inputs.size > 0) (valueSources ??= new Map()).set(name, [...inputs]);
      }
      if (decl.body.lifecycle !== undefined) config.lifecycle = decl.body.lifecycle;
      const view: { -readonly [K in keyof TerraformResourceView]: TerraformResourceView[K] } = {
        stackName, address: instance.address, type: decl.type, name: decl.name, config, azurerm,
        unknownReasons: this.unknownReasons, references, origin: 'configuration',
      };
      const meta = decl.body['//'];
      const metadataPath = meta === undefined ? undefined : asList(meta).find(isObject)?.metadata?.path;
      if (typeof metadataPath === 'string') view.constructPath = metadataPath;
      const source = (decl.body as any)[SOURCE_FILE];
      if (typeof source === 'string') view.sourceFile = this.moduleDir ? path.posix.join(this.moduleDir, source) : source;
      if (this.prefix) view.moduleAddress = this.prefix.slice(0, -1);
      if (instance.index !== undefined) view.index = instance.index;
      if (decl.uncertain) view.uncertainExistence = decl.uncertain;
      if (valueSources) view.valueSources = valueSources;
      views.push(view);
      if (decl.type.startsWith('azapi_')) {
        this.unjudged.push({ address: instance.address, detail: `${decl.type} (AzAPI) is not judged: the rules read azurerm resources` });
      }
    }
    for (const m of this.modules.values()) {
      for (const { reader } of m.instances) {
        views.push(...reader.views(stackName, azurerm));
        this.unjudged.push(...reader.unjudged);
      }
    }
    return views;
  }

  private noteUnknowns(value: TfValue): void {
    if (isKnown(value)) return;
    if (value instanceof Unknown) {
      if (!this.unknownReasons.has(value.text)) this.unknownReasons.set(value.text, value.why);
    } else if (Array.isArray(value)) {
      value.forEach((v) => this.noteUnknowns(v));
    } else if (isObject(value)) {
      Object.values(value).forEach((v) => this.noteUnknowns(v as TfValue));
    }
  }
}

/** Whether a JSON value holds a Terraform expression anywhere (a string with `${` or `%{`). */
function hasExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('${') || value.includes('%{');
  if (Array.isArray(value)) return value.some(hasExpression);
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) if (hasExpression(v)) return true;
  }
  return false;
}

function dynamicBlocks(body: { [key: string]: any }): { [name: string]: any[] } {
  const out: { [name: string]: any[] } = {};
  for (const [name, specs] of labelled(body.dynamic)) out[name] = specs;
  return out;
}

function describeRaw(raw: unknown): string {
  return typeof raw === 'string' ? raw : JSON.stringify(raw);
}

function whyOf(value: TfValue): string {
  if (value instanceof Unknown) return value.why;
  return `it is ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`;
}

/** Read a Terraform JSON configuration (not a plan) into resource instance views. */
export function readConfigurationJson(source: TerraformConfiguration): ReadConfiguration {
  const reader = new ConfigurationReader(source);
  const azurerm = azurermOfConfiguration(source.config, source.lockedAzurerm);
  const resources = reader.views(source.name, azurerm);
  return {
    name: source.name,
    templatePath: source.templatePath ?? 'cdk.tf.json',
    origin: 'configuration',
    resources,
    azurerm,
    unjudged: reader.unjudged,
  };
}

/** Every string of a configuration that the expression parser must see before evaluation. */
export function expressionStrings(config: { [key: string]: any }): string[] {
  const out: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (hasInterpolation(v) && needsParser(v)) out.push(v);
    } else if (Array.isArray(v)) {
      v.forEach(visit);
    } else if (isObject(v)) {
      for (const [k, x] of Object.entries(v)) if (k !== '//') visit(x);
    }
  };
  visit(config.resource);
  visit(config.locals);
  visit(config.module);
  visit(config.output);
  for (const m of Object.values(((config as any)[LOCAL_MODULES] ?? {}) as { [name: string]: LocalModule })) out.push(...expressionStrings(m.config));
  return out;
}

/** Parse every expression of the configurations (once per process): needed before evaluating HCL-style expressions. */
export async function prepareConfigurations(configurations: readonly TerraformConfiguration[]): Promise<void> {
  await prepareExpressionStrings(configurations.flatMap((c) => expressionStrings(c.config)));
}
