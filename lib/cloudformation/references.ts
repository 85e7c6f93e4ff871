import { ResourceLookup, ResourceView } from './model';

/** `${Name}` or `${Name.Attr}` inside a Fn::Sub template, skipping `${!Literal}` escapes. */
const SUB_VARIABLE = /\$\{([^}!][^}]*)\}/g;

/**
 * The logical IDs a Fn::Sub template refers to (`${Key.Arn}` -> `Key`), minus its own variables
 * and pseudo parameters.
 */
function subTargets(arg: unknown): string[] {
  const template = Array.isArray(arg) ? arg[0] : arg;
  const variables = Array.isArray(arg) && arg[1] && typeof arg[1] === 'object' ? arg[1] as Record<string, unknown> : {};
  if (typeof template !== 'string') return [];
  return [...template.matchAll(SUB_VARIABLE)]
    .map((m) => m[1].split('.')[0])
    .filter((name) => !(name in variables) && !name.startsWith('AWS::'));
}

/** `{{resolve:ssm:<name>}}` (optionally `:<version>`), a dynamic reference to an SSM parameter. */
const SSM_DYNAMIC_REFERENCE = /^\{\{resolve:ssm:([^:}]+)(?::\d+)?\}\}$/;

/** The type of a template parameter whose value CloudFormation reads from SSM (`Default` is the parameter name). */
export const SSM_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value</;

/** The CDK's reader of strong cross-region references: `Fn::GetAtt [Reader, '<ssm name>']`. */
export const CROSS_REGION_READER = 'Custom::CrossRegionExportReader';

/** The name of the SSM parameter a value reads, when it is a dynamic reference `{{resolve:ssm:...}}`. */
export function ssmReferenceName(value: unknown): string | undefined {
  return typeof value === 'string' ? SSM_DYNAMIC_REFERENCE.exec(value)?.[1] : undefined;
}

/**
 * The resource a single reference points at: `Ref`, `Fn::GetAtt`, a one-variable `Fn::Sub`, a
 * `Fn::ImportValue` of an export of another stack of the app, a `Fn::GetStackOutput` of one of
 * its outputs (the CDK's cross-stack and cross-region reference), or an SSM parameter the app writes
 * (the CDK's strong cross-region reference `Fn::GetAtt [ExportsReader, '/cdk/exports/...']`, a
 * parameter of type `AWS::SSM::Parameter::Value<...>`, a `{{resolve:ssm:...}}` dynamic reference).
 * Undefined for literals, parameters, pseudo parameters and anything the app cannot tell.
 */
export function referencedResource(value: unknown, stackPath: string, lookup: ResourceLookup, hops = 0): ResourceView | undefined {
  if (hops > 8) return undefined;
  const ssmName = ssmReferenceName(value);
  if (ssmName !== undefined) return viaSsm(ssmName, lookup, hops);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [fn, arg] = entries[0];
  switch (fn) {
    case 'Ref': {
      if (typeof arg !== 'string') return undefined;
      const param = lookup.parameter(stackPath, arg);
      if (param && typeof param.Type === 'string' && SSM_PARAMETER_TYPE.test(param.Type) && typeof param.Default === 'string') {
        return viaSsm(param.Default, lookup, hops);
      }
      return lookup.resource(stackPath, arg);
    }
    case 'Fn::GetAtt': {
      const [id, attribute] = Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg.split('.')[0], arg.split('.').slice(1).join('.')] : [];
      const target = typeof id === 'string' ? lookup.resource(stackPath, id) : undefined;
      if (target?.type === CROSS_REGION_READER && typeof attribute === 'string') return viaSsm(attribute, lookup, hops);
      return target;
    }
    case 'Fn::Sub': {
      const template = Array.isArray(arg) ? arg[0] : arg;
      if (typeof template !== 'string' || !/^\$\{[^}]+\}$/.test(template)) return undefined;
      const [id] = subTargets(arg);
      return id ? lookup.resource(stackPath, id) : undefined;
    }
    case 'Fn::ImportValue': {
      if (typeof arg !== 'string') return undefined;
      const exported = lookup.exportedValue(arg);
      return exported ? referencedResource(exported.value, exported.stackPath, lookup, hops + 1) : undefined;
    }
    case 'Fn::GetStackOutput': {
      const a = arg as { StackName?: unknown; OutputName?: unknown } | undefined;
      if (typeof a?.StackName !== 'string' || typeof a?.OutputName !== 'string') return undefined;
      const output = lookup.stackOutput(a.StackName, a.OutputName);
      return output ? referencedResource(output.value, output.stackPath, lookup, hops + 1) : undefined;
    }
    default:
      return undefined;
  }
}

function viaSsm(name: string, lookup: ResourceLookup, hops: number): ResourceView | undefined {
  const written = lookup.ssmParameter(name);
  return written ? referencedResource(written.value, written.stackPath, lookup, hops + 1) : undefined;
}

/**
 * Every resource a JSON value mentions anywhere inside it (Ref, GetAtt, Sub variables, imports of
 * the app's own exports, SSM parameters the app writes), deduplicated.
 */
export function mentionedResources(json: unknown, stackPath: string, lookup: ResourceLookup): ResourceView[] {
  const found = new Set<ResourceView>();
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      const target = referencedResource(v, stackPath, lookup);
      if (target) found.add(target);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach(visit);
      return;
    }
    if (typeof v !== 'object' || v === null) return;
    const entries = Object.entries(v);
    if (entries.length === 1) {
      const [fn, arg] = entries[0];
      if (fn === 'Fn::Sub') {
        for (const id of subTargets(arg)) {
          const target = lookup.resource(stackPath, id);
          if (target) found.add(target);
        }
      } else if (fn === 'Ref' || fn === 'Fn::GetAtt' || fn === 'Fn::ImportValue' || fn === 'Fn::GetStackOutput') {
        const target = referencedResource(v, stackPath, lookup);
        if (target) found.add(target);
        // A reference through the cross-region reader also names the reader: keep both.
        if (fn === 'Fn::GetAtt') {
          const direct = lookup.resource(stackPath, Array.isArray(arg) ? arg[0] : String(arg).split('.')[0]);
          if (direct) found.add(direct);
        }
        return;
      }
    }
    for (const [, child] of entries) visit(child);
  };
  visit(json);
  return [...found];
}
