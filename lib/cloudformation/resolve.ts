import { ResourceLookup, ResourceView } from './model';
import { CROSS_REGION_READER, SSM_PARAMETER_TYPE, ssmReferenceName } from './references';

/**
 * What a template value is, as far as the app tells: `known` with its value (and, when it is not a
 * literal, where the value came from), or not known with the reason, naming the value and where it
 * comes from ("parameter OpsCidr, which has no default").
 */
export interface Resolution {
  /** Whether the value is known at synth time. */
  readonly known: boolean;
  /** The value, when known (`undefined` for `AWS::NoValue`). */
  readonly value?: unknown;
  /** Where a known value came from when it was not written as a literal ("the default of parameter OpsCidr"). */
  readonly via?: string;
  /** Why the value is not known: what it is and where it comes from. */
  readonly why?: string;
}

const MAX_HOPS = 12;

/** The port a database listens on when the template sets none (the engine's documented default). */
const DEFAULT_PORTS: readonly [RegExp, number][] = [
  [/^(aurora-postgresql|postgres)/, 5432],
  [/^(aurora-mysql|aurora$|mysql|mariadb)/, 3306],
  [/^sqlserver/, 1433],
  [/^oracle/, 1521],
  [/^db2/, 50000],
];

/** Resource types whose `Endpoint.Port` / `Port` attribute is the `Port` property or an engine default. */
const PORT_ATTRIBUTES: { readonly [type: string]: { readonly attributes: readonly string[]; readonly fallback?: number } } = {
  'AWS::RDS::DBInstance': { attributes: ['Endpoint.Port'] },
  'AWS::RDS::DBCluster': { attributes: ['Endpoint.Port', 'ReadEndpoint.Port'] },
  'AWS::Neptune::DBCluster': { attributes: ['Port'], fallback: 8182 },
  'AWS::DocDB::DBCluster': { attributes: ['Port'], fallback: 27017 },
  'AWS::Redshift::Cluster': { attributes: ['Endpoint.Port'], fallback: 5439 },
  'AWS::ElastiCache::ReplicationGroup': { attributes: ['PrimaryEndPoint.Port', 'ReaderEndPoint.Port', 'ConfigurationEndPoint.Port'] },
  'AWS::ElastiCache::CacheCluster': { attributes: ['RedisEndpoint.Port', 'ConfigurationEndpoint.Port'] },
};

/** The port a database engine listens on by default, if the engine is one AWS documents a default for. */
export function defaultPortOf(resource: ResourceView): number | undefined {
  const spec = PORT_ATTRIBUTES[resource.type];
  if (!spec) return undefined;
  if (spec.fallback !== undefined) return spec.fallback;
  const engine = resource.properties.Engine;
  if (resource.type.startsWith('AWS::ElastiCache::')) return engine === 'memcached' ? 11211 : 6379;
  if (typeof engine !== 'string') return undefined;
  return DEFAULT_PORTS.find(([pattern]) => pattern.test(engine.toLowerCase()))?.[1];
}

function known(value: unknown, via?: string): Resolution {
  return via ? { known: true, value, via } : { known: true, value };
}

function unknown(why: string): Resolution {
  return { known: false, why };
}

function chain(inner: Resolution, via: string): Resolution {
  if (!inner.known) return inner;
  return known(inner.value, inner.via ? `${via}, ${inner.via}` : via);
}

/**
 * Resolve a template value to what it will be at deployment, using only what the app itself
 * defines: literals; parameter defaults; attributes a template writes down (a VPC's `CidrBlock`, a
 * database's `Endpoint.Port`, which is its `Port` or the engine's default); references to other
 * stacks of the app (`Fn::ImportValue`, `Fn::GetStackOutput`, the CDK's cross-region reader and
 * SSM parameters the app writes); `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::FindInMap` and `Fn::If`
 * over such values. Anything else is not known, with the reason.
 */
export function resolveValue(value: unknown, stackPath: string, lookup: ResourceLookup, hops = 0): Resolution {
  if (hops > MAX_HOPS) return unknown('a chain of references too long to follow');
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return known(value);
  if (typeof value === 'string') {
    const ssm = ssmReferenceName(value);
    if (ssm !== undefined) return chain(ssmValue(ssm, lookup, hops), `SSM parameter ${ssm}`);
    if (value.startsWith('{{resolve:')) return unknown(`the dynamic reference ${value}, resolved at deployment`);
    return known(value);
  }
  if (Array.isArray(value)) {
    const items = value.map((v) => resolveValue(v, stackPath, lookup, hops + 1));
    const missing = items.find((r) => !r.known);
    if (missing) return missing;
    return known(items.map((r) => r.value), items.map((r) => r.via).find((v) => v));
  }
  if (typeof value !== 'object') return unknown('a value of an unexpected kind');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length !== 1 || !(entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::') || entries[0][0] === 'Condition')) {
    return known(value);
  }
  const [fn, arg] = entries[0];
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? resolveRef(arg, stackPath, lookup, hops) : unknown('a Ref to an expression');
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg.split('.')[0], arg.split('.').slice(1).join('.')] : [];
      if (typeof id !== 'string' || typeof attribute !== 'string') return unknown('an attribute of an expression');
      return resolveAttribute(id, attribute, stackPath, lookup, hops);
    }
    case 'Fn::ImportValue': {
      const name = resolveValue(arg, stackPath, lookup, hops + 1);
      if (!name.known || typeof name.value !== 'string') return unknown(`an import whose name is ${name.why ?? 'not a string'}`);
      const exported = lookup.exportedValue(name.value);
      if (!exported) return unknown(`an import of ${name.value}, which no stack of this app exports`);
      return chain(resolveValue(exported.value, exported.stackPath, lookup, hops + 1), `export ${name.value} of ${exported.stackPath}`);
    }
    case 'Fn::GetStackOutput': {
      const a = arg as { StackName?: unknown; OutputName?: unknown } | undefined;
      if (typeof a?.StackName !== 'string' || typeof a?.OutputName !== 'string') return unknown('an output of a stack named by an expression');
      const output = lookup.stackOutput(a.StackName, a.OutputName);
      if (!output) return unknown(`output ${a.OutputName} of stack ${a.StackName}, which is not a stack of this app`);
      return chain(resolveValue(output.value, output.stackPath, lookup, hops + 1), `output ${a.OutputName} of ${output.stackPath}`);
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2) return unknown('a malformed Fn::Join');
      const parts = resolveValue(arg[1], stackPath, lookup, hops + 1);
      if (!parts.known) return parts;
      if (!Array.isArray(parts.value) || typeof arg[0] !== 'string') return unknown('a Fn::Join of a list the template computes');
      if (parts.value.some((p) => typeof p !== 'string' && typeof p !== 'number')) return unknown('a Fn::Join of values that are not text');
      return known(parts.value.join(arg[0]), parts.via);
    }
    case 'Fn::Sub':
      return resolveSub(arg, stackPath, lookup, hops);
    case 'Fn::Select': {
      if (!Array.isArray(arg) || arg.length !== 2) return unknown('a malformed Fn::Select');
      const index = resolveValue(arg[0], stackPath, lookup, hops + 1);
      const list = resolveValue(arg[1], stackPath, lookup, hops + 1);
      if (!index.known) return index;
      if (!list.known) return list;
      const i = Number(index.value);
      if (!Array.isArray(list.value) || !Number.isInteger(i) || i < 0 || i >= list.value.length) return unknown('a Fn::Select outside its list');
      return known(list.value[i], list.via ?? index.via);
    }
    case 'Fn::FindInMap': {
      if (!Array.isArray(arg) || arg.length < 3) return unknown('a malformed Fn::FindInMap');
      const keys = arg.slice(0, 3).map((k) => resolveValue(k, stackPath, lookup, hops + 1));
      const missing = keys.find((k) => !k.known);
      if (missing) return missing;
      const [mapName, top, second] = keys.map((k) => String(k.value));
      const found = lookup.mapping(stackPath, mapName)?.[top]?.[second];
      return found === undefined ? unknown(`mapping ${mapName}.${top}.${second}, which the template does not define`) : known(found, `mapping ${mapName}`);
    }
    case 'Fn::If': {
      if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') return unknown('a malformed Fn::If');
      const holds = evaluateCondition(arg[0], stackPath, lookup, hops + 1);
      if (holds.known) return chain(resolveValue(holds.value ? arg[1] : arg[2], stackPath, lookup, hops + 1), `condition ${arg[0]}`);
      // Both branches the same: the condition does not matter.
      const [a, b] = [resolveValue(arg[1], stackPath, lookup, hops + 1), resolveValue(arg[2], stackPath, lookup, hops + 1)];
      if (a.known && b.known && JSON.stringify(a.value) === JSON.stringify(b.value)) return a;
      return unknown(`a Fn::If on condition ${arg[0]}, which depends on ${holds.why}`);
    }
    default:
      return unknown(`the result of ${fn}, computed at deployment`);
  }
}

function resolveRef(name: string, stackPath: string, lookup: ResourceLookup, hops: number): Resolution {
  switch (name) {
    case 'AWS::NoValue':
      return known(undefined);
    case 'AWS::Region': {
      const region = lookup.stackRegion(stackPath);
      return region ? known(region) : unknown('AWS::Region, and the stack has no explicit region');
    }
    case 'AWS::StackName':
    case 'AWS::StackId':
    case 'AWS::AccountId':
    case 'AWS::Partition':
    case 'AWS::URLSuffix':
    case 'AWS::NotificationARNs':
      return unknown(`the pseudo parameter ${name}, known at deployment`);
    default:
      break;
  }
  const param = lookup.parameter(stackPath, name);
  if (param) {
    const type = typeof param.Type === 'string' ? param.Type : 'String';
    if (param.Default === undefined) return unknown(`parameter ${name}, which has no default`);
    if (SSM_PARAMETER_TYPE.test(type)) {
      const ssm = resolveValue(param.Default, stackPath, lookup, hops + 1);
      if (!ssm.known || typeof ssm.value !== 'string') return unknown(`parameter ${name}, read from SSM`);
      const written = ssmValue(ssm.value, lookup, hops);
      return written.known ? chain(written, `parameter ${name} (SSM ${ssm.value})`)
        : unknown(`parameter ${name}, read from SSM parameter ${ssm.value}, which this app does not write`);
    }
    const via = `the default of parameter ${name}`;
    const toNumber = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
    if (type.startsWith('List<') || type === 'CommaDelimitedList') {
      const items = typeof param.Default === 'string' ? param.Default.split(',').map((v: string) => v.trim()) : param.Default;
      return known(type === 'List<Number>' && Array.isArray(items) ? items.map(toNumber) : items, via);
    }
    const value = type === 'Number' ? toNumber(param.Default) : param.Default;
    return known(value, via);
  }
  const target = lookup.resource(stackPath, name);
  if (target) return unknown(`the ID of ${target.type} ${target.logicalId}, known after deployment`);
  return unknown(`${name}, which is neither a parameter nor a resource of the stack`);
}

function resolveAttribute(id: string, attribute: string, stackPath: string, lookup: ResourceLookup, hops: number): Resolution {
  const target = lookup.resource(stackPath, id);
  if (!target) return unknown(`attribute ${attribute} of ${id}, which is not a resource of this app`);
  const label = `${attribute} of ${target.type} ${target.logicalId}`;
  if (target.type === CROSS_REGION_READER) {
    return chain(ssmValue(attribute, lookup, hops), `cross-region reference ${attribute}`);
  }
  if (target.type === 'AWS::EC2::VPC' && attribute === 'CidrBlock') {
    if (target.properties.CidrBlock === undefined) return unknown(`${label}, allocated at deployment (no CidrBlock in the template)`);
    return chain(resolveValue(target.properties.CidrBlock, target.stackPath, lookup, hops + 1), label);
  }
  if (target.type === 'AWS::SSM::Parameter' && attribute === 'Value') {
    return chain(resolveValue(target.properties.Value, target.stackPath, lookup, hops + 1), label);
  }
  if (PORT_ATTRIBUTES[target.type]?.attributes.includes(attribute)) {
    const port = target.properties.Port;
    if (port !== undefined) return chain(resolveValue(port, target.stackPath, lookup, hops + 1), label);
    const fallback = defaultPortOf(target);
    if (fallback !== undefined) return known(fallback, `${label}: the engine's default port`);
    return unknown(`${label}, whose engine has no default port this library knows`);
  }
  return unknown(`${label}, known after deployment`);
}

function resolveSub(arg: unknown, stackPath: string, lookup: ResourceLookup, hops: number): Resolution {
  const template = Array.isArray(arg) ? arg[0] : arg;
  const variables = Array.isArray(arg) && arg[1] && typeof arg[1] === 'object' ? arg[1] as Record<string, unknown> : {};
  if (typeof template !== 'string') return unknown('a Fn::Sub of an expression');
  let via: string | undefined;
  let missing: Resolution | undefined;
  const text = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (missing) return whole;
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const r = name in variables
      ? resolveValue(variables[name], stackPath, lookup, hops + 1)
      : name.includes('.') && !name.startsWith('AWS::')
        ? resolveAttribute(name.split('.')[0], name.split('.').slice(1).join('.'), stackPath, lookup, hops + 1)
        : resolveRef(name, stackPath, lookup, hops + 1);
    if (!r.known || (typeof r.value !== 'string' && typeof r.value !== 'number')) {
      missing = r.known ? unknown(`a Fn::Sub of \${${name}}, which is not text`) : r;
      return whole;
    }
    via = via ?? r.via;
    return String(r.value);
  });
  return missing ?? known(text, via);
}

function ssmValue(name: string, lookup: ResourceLookup, hops: number): Resolution {
  const written = lookup.ssmParameter(name);
  if (!written) return unknown(`SSM parameter ${name}, which this app does not write`);
  return resolveValue(written.value, written.stackPath, lookup, hops + 1);
}

/** Whether a template condition holds, as far as the app tells (parameter defaults included). */
export function evaluateCondition(name: string, stackPath: string, lookup: ResourceLookup, hops = 0): Resolution {
  const body = lookup.condition(stackPath, name);
  if (body === undefined) return unknown(`condition ${name}, which the template does not define`);
  return evaluateExpression(body, stackPath, lookup, hops + 1);
}

function evaluateExpression(body: unknown, stackPath: string, lookup: ResourceLookup, hops: number): Resolution {
  if (hops > MAX_HOPS) return unknown('a chain of conditions too long to follow');
  if (typeof body === 'boolean') return known(body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return unknown('a malformed condition');
  const [fn, arg] = Object.entries(body as Record<string, unknown>)[0] ?? [];
  const list = Array.isArray(arg) ? arg : [];
  switch (fn) {
    case 'Condition':
      return typeof arg === 'string' ? evaluateCondition(arg, stackPath, lookup, hops) : unknown('a malformed condition');
    case 'Fn::Equals': {
      const [a, b] = list.map((v) => resolveValue(v, stackPath, lookup, hops + 1));
      if (!a?.known) return a ?? unknown('a malformed Fn::Equals');
      if (!b?.known) return b ?? unknown('a malformed Fn::Equals');
      return known(String(a.value) === String(b.value), a.via ?? b.via);
    }
    case 'Fn::Not': {
      const inner = evaluateExpression(list[0], stackPath, lookup, hops + 1);
      return inner.known ? known(!inner.value, inner.via) : inner;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const parts = list.map((v) => evaluateExpression(v, stackPath, lookup, hops + 1));
      const decisive = parts.find((p) => p.known && p.value === (fn === 'Fn::Or'));
      if (decisive) return decisive;
      const missing = parts.find((p) => !p.known);
      return missing ?? known(fn === 'Fn::And', parts.map((p) => p.via).find((v) => v));
    }
    default:
      return unknown(`a condition using ${fn}`);
  }
}

/** A known value's source in words for a detail: "" for a literal, " (the default of parameter X)" otherwise. */
export function sourceNote(resolution: Resolution): string {
  return resolution.known && resolution.via ? ` (${resolution.via})` : '';
}
