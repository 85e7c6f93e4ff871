/**
 * Terraform expressions as syntax trees. Trees come from HashiCorp's own HCL parser, run as
 * WebAssembly by `@cdktf/hcl2json` (`getExpressionAst`); this module only caches them. The one
 * shape recognised here without the parser is a plain traversal (`${azurerm_x.y.id}`,
 * `${var.name}`, `${azurerm_x.y[0].id}`), which is nearly every expression cdktf writes and which
 * must not cost a WebAssembly round trip per string.
 *
 * The parser is asynchronous, rule evaluation is not: `prepareExpressions()` parses every
 * expression of a configuration once, ahead of evaluation. An expression that was never prepared
 * is not evaluated (it stays as written and rules report it `[Unverifiable]`).
 */

/** A position in the parsed text. */
export interface AstMarker {
  readonly byte: number;
}

/** A node of an expression tree, as `getExpressionAst` returns it. */
export interface ExpressionNode {
  /** `templateWrap`, `template`, `literalValue`, `scopeTraversal`, `relativeTraversal`, `function`, ... ('' for object keys). */
  readonly type: string;
  readonly children: ExpressionNode[];
  readonly meta?: { readonly [key: string]: any };
  readonly range?: { readonly start: AstMarker; readonly end: AstMarker };
}

/** A parsed expression: the text given to the parser (quoted) and its tree. */
export interface ParsedExpression {
  /** The text the tree's byte ranges point into. */
  readonly source: string;
  readonly root: ExpressionNode;
}

/** One step of a plain traversal. */
export interface TraversalStep {
  /** `name` for `.attr`, `index` for `[0]` / `["key"]`. */
  readonly kind: 'name' | 'index';
  readonly key: string | number;
}

const NAME = '[A-Za-z_][A-Za-z0-9_-]*';
const STEP = `(?:\\.${NAME}|\\[(?:\\d+|"[^"\\\\$%]*")\\])`;
const TRAVERSAL = `${NAME}${STEP}*`;
const WHOLE_TRAVERSAL = new RegExp(`^\\$\\{\\s*(${TRAVERSAL})\\s*\\}$`);
const STEP_GLOBAL = new RegExp(`\\.(${NAME})|\\[(\\d+|"[^"\\\\$%]*")\\]`, 'g');
const INTERPOLATION = /\$\{/;

/** Whether a string holds a Terraform expression (`${...}`), rather than being a literal. */
export function hasInterpolation(value: string): boolean {
  return INTERPOLATION.test(value);
}

/**
 * The steps of a plain traversal written as a whole string (`${azurerm_x.y[0].id}`), or
 * `undefined` for anything else.
 */
export function plainTraversal(text: string): TraversalStep[] | undefined {
  // The same reference text recurs across a configuration: split it once.
  const cached = traversalCache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const m = WHOLE_TRAVERSAL.exec(text);
  const steps = m ? traversalSteps(m[1]) : null;
  if (traversalCache.size > 100_000) traversalCache.clear();
  traversalCache.set(text, steps);
  return steps ?? undefined;
}

const traversalCache = new Map<string, TraversalStep[] | null>();

/** Split the text of a plain traversal (`azurerm_x.y[0].id`) into steps. */
export function traversalSteps(traversal: string): TraversalStep[] {
  const first = new RegExp(`^${NAME}`).exec(traversal)![0];
  const steps: TraversalStep[] = [{ kind: 'name', key: first }];
  for (const m of traversal.slice(first.length).matchAll(STEP_GLOBAL)) {
    if (m[1] !== undefined) steps.push({ kind: 'name', key: m[1] });
    else steps.push({ kind: 'index', key: m[2].startsWith('"') ? JSON.parse(m[2]) : Number(m[2]) });
  }
  return steps;
}

/** Render traversal steps as Terraform writes them. */
export function renderTraversal(steps: readonly TraversalStep[]): string {
  return steps.map((s, i) => (s.kind === 'name' ? `${i === 0 ? '' : '.'}${s.key}` : `[${JSON.stringify(s.key)}]`)).join('');
}

const cache = new Map<string, ParsedExpression | Error>();

/** The tree of an expression string, if `prepareExpressions` parsed it; an Error when the parser rejected it. */
export function preparedExpression(text: string): ParsedExpression | Error | undefined {
  return cache.get(text);
}

/** Whether an expression string needs the parser (it is not a literal and not a plain traversal). */
export function needsParser(text: string): boolean {
  if (!hasInterpolation(text) && !text.includes('%{')) return false;
  if (plainTraversal(text)) return false;
  // A template whose every interpolation is a plain traversal (`${azurerm_x.y.id}/blobServices/default`).
  return !templateOfTraversals(text);
}

/**
 * A template made only of literal text and plain traversals, as parts; `undefined` when any part
 * is something else.
 */
export function templateOfTraversals(text: string): (string | TraversalStep[])[] | undefined {
  const cached = templateCache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const parts = splitTemplate(text);
  if (templateCache.size > 100_000) templateCache.clear();
  templateCache.set(text, parts ?? null);
  return parts;
}

const templateCache = new Map<string, (string | TraversalStep[])[] | null>();

function splitTemplate(text: string): (string | TraversalStep[])[] | undefined {
  if (text.includes('%{') || text.includes('$${')) return undefined;
  const parts: (string | TraversalStep[])[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf('${');
    if (start < 0) {
      parts.push(rest);
      break;
    }
    if (start > 0) parts.push(rest.slice(0, start));
    const end = rest.indexOf('}', start);
    if (end < 0) return undefined;
    const steps = plainTraversal(rest.slice(start, end + 1));
    if (!steps) return undefined;
    parts.push(steps);
    rest = rest.slice(end + 1);
  }
  return parts;
}

interface Hcl2Json {
  getExpressionAst(filename: string, expression: string): Promise<ExpressionNode | null>;
}

let parserModule: Hcl2Json | undefined;

/** `@cdktf/hcl2json`, loaded on first use (it starts a WebAssembly runtime). */
export function hclParser(): Hcl2Json {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  parserModule ??= require('@cdktf/hcl2json') as Hcl2Json;
  return parserModule;
}

/**
 * Parse every expression string that needs the parser, once per process (results are cached by
 * text). Strings that fail to parse are cached as errors and evaluate to unknown.
 */
export async function prepareExpressionStrings(texts: Iterable<string>): Promise<void> {
  const todo = [...new Set([...texts].filter((t) => !cache.has(t) && needsParser(t)))];
  if (todo.length === 0) return;
  const parser = hclParser();
  await Promise.all(todo.map(async (text) => {
    const source = `"${quoteTemplate(text)}"`;
    try {
      const root = await parser.getExpressionAst('expression.tf', source);
      cache.set(text, root ? { source, root } : new Error('the parser returned no tree'));
    } catch (e) {
      cache.set(text, e instanceof Error ? e : new Error(String(e)));
    }
  }));
}

/**
 * A Terraform JSON string as an HCL quoted template: quotes, backslashes and line breaks outside
 * `${...}` escaped, interpolations kept as written.
 */
export function quoteTemplate(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (depth === 0) {
      if ((c === '$' || c === '%') && text[i + 1] === '{') {
        depth = 1;
        out += c + '{';
        i++;
      } else if (c === '"' || c === '\\') {
        out += `\\${c}`;
      } else if (c === '\n') {
        out += '\\n';
      } else if (c === '\r') {
        out += '\\r';
      } else {
        out += c;
      }
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    out += c === '\n' ? ' ' : c;
  }
  return out;
}

/** The source text of a node (ranges are byte offsets into the parsed text). */
export function nodeText(parsed: ParsedExpression, node: ExpressionNode): string | undefined {
  if (!node.range) return undefined;
  return Buffer.from(parsed.source, 'utf8').subarray(node.range.start.byte, node.range.end.byte).toString('utf8');
}
