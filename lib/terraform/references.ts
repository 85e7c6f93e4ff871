import { TerraformResourceView } from './model';

const ROOTS_THAT_ARE_NOT_RESOURCES = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'terraform', 'self']);
const ADDRESS = /((?:module\.[A-Za-z0-9_-]+(?:\[(?:\d+|"[^"]*")\])?\.)*)([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)((?:\[(?:\d+|"[^"]*")\])?)/g;

/**
 * The resource instance addresses a string's interpolations name, as written
 * (`azurerm_x.y`, `azurerm_x.y[0]`, `module.m.azurerm_x.y["k"]`). Variables, locals and data
 * sources are not resources.
 */
export function referencedAddresses(text: string): string[] {
  if (!text.includes('${')) return [];
  const out: string[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) break;
    let depth = 1;
    let i = start + 2;
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}') depth--;
    }
    const inner = text.slice(start + 2, i - 1);
    for (const m of inner.matchAll(ADDRESS)) {
      // Only the start of a traversal: not `.x.y` inside `a.x.y`.
      const before = m.index! > 0 ? inner[m.index! - 1] : '';
      if (before === '.' || /[A-Za-z0-9_\]"-]/.test(before)) continue;
      const root = m[1] ? 'module' : m[2];
      if (!m[1] && (ROOTS_THAT_ARE_NOT_RESOURCES.has(root) || !m[2].includes('_'))) continue;
      out.push(`${m[1]}${m[2]}.${m[3]}${m[4]}`);
    }
    from = i;
  }
  return out;
}

/**
 * Does `value` refer to `target`: an interpolation naming its address (with its index, if it has
 * one), or, in a plan, the literal ID of a resource that already exists (or a sub-resource ID
 * under it, such as `<account id>/blobServices/default`)?
 */
export function mentions(value: unknown, target: TerraformResourceView): boolean {
  if (typeof value !== 'string') return false;
  if (value.includes('${')) {
    const address = target.address;
    const uncertain = target.uncertainExistence !== undefined;
    return referencedAddresses(value).some((a) => a === address || (uncertain && a.startsWith(`${address}[`)));
  }
  const id = target.config.id;
  return typeof id === 'string' && id.length > 0 && !id.includes('${')
    && (value === id || value.toLowerCase() === id.toLowerCase() || value.toLowerCase().startsWith(`${id.toLowerCase()}/`));
}
