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

/**
 * The resource a single reference points at: `Ref`, `Fn::GetAtt`, a one-variable `Fn::Sub`, a
 * `Fn::ImportValue` of an export of another stack of the app, or a `Fn::GetStackOutput` of one of
 * its outputs (the CDK's cross-stack and cross-region reference). Undefined for literals, parameters,
 * pseudo parameters and anything the app cannot tell.
 */
export function referencedResource(value: unknown, stackPath: string, lookup: ResourceLookup, hops = 0): ResourceView | undefined {
  if (hops > 8 || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length !== 1) return undefined;
  const [fn, arg] = entries[0];
  switch (fn) {
    case 'Ref':
      return typeof arg === 'string' ? lookup.resource(stackPath, arg) : undefined;
    case 'Fn::GetAtt': {
      const id = Array.isArray(arg) ? arg[0] : typeof arg === 'string' ? arg.split('.')[0] : undefined;
      return typeof id === 'string' ? lookup.resource(stackPath, id) : undefined;
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

/**
 * Every resource a JSON value mentions anywhere inside it (Ref, GetAtt, Sub variables, imports of
 * the app's own exports), deduplicated.
 */
export function mentionedResources(json: unknown, stackPath: string, lookup: ResourceLookup): ResourceView[] {
  const found = new Set<ResourceView>();
  const visit = (v: unknown): void => {
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
        return;
      }
    }
    for (const [, child] of entries) visit(child);
  };
  visit(json);
  return [...found];
}
