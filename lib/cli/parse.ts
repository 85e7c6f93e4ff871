import * as YAML from 'yaml';
import { CheckInputError } from './errors';
import { jsonErrorMessage } from '../terraform/load';

/** CloudFormation's short-form intrinsic functions: `!Ref X` is `{ Ref: X }`, `!Sub ...` is `{ 'Fn::Sub': ... }`. */
const INTRINSICS = [
  'Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'FindInMap',
  'GetAZs', 'ImportValue', 'Base64', 'Cidr', 'Transform', 'Length', 'ToJsonString', 'ForEach',
];

function keyOf(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

const plain = (value: unknown): unknown => (value && typeof (value as any).toJSON === 'function' ? (value as any).toJSON() : value);

/** One custom tag per intrinsic and node kind, as the `yaml` package takes them. */
const CLOUDFORMATION_TAGS: YAML.Tags = INTRINSICS.flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (value: string) => ({ [keyOf(name)]: name === 'GetAtt' ? splitGetAtt(value) : value }),
  } as YAML.ScalarTag,
  { tag: `!${name}`, collection: 'seq', resolve: (value: unknown) => ({ [keyOf(name)]: plain(value) }) } as YAML.CollectionTag,
  { tag: `!${name}`, collection: 'map', resolve: (value: unknown) => ({ [keyOf(name)]: plain(value) }) } as YAML.CollectionTag,
]);

/** `!GetAtt Resource.Attribute` is `{ 'Fn::GetAtt': ['Resource', 'Attribute'] }` (the attribute may contain dots). */
function splitGetAtt(value: string): string[] | string {
  const dot = value.indexOf('.');
  return dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : value;
}

/**
 * Parse YAML (CloudFormation and SAM templates, acknowledgement and policy files), with
 * CloudFormation's short-form tags. A syntax error or an unknown tag is an error naming the file,
 * the line and column, and what the parser expected.
 */
export function parseYaml(file: string, text: string): unknown {
  let doc: YAML.Document.Parsed;
  try {
    doc = YAML.parseDocument(text, { customTags: CLOUDFORMATION_TAGS, prettyErrors: true, uniqueKeys: false });
  } catch (e) {
    throw new CheckInputError(`${file}: not valid YAML: ${(e as Error).message}`);
  }
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const at = /at line (\d+), column (\d+)/.exec(problem.message);
    const where = problem.linePos?.[0] ? ` line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : at ? ` line ${at[1]}, column ${at[2]}` : '';
    const what = problem.code === 'TAG_RESOLVE_FAILED'
      ? `${problem.message.split(' at line')[0]}; expected a CloudFormation intrinsic function tag (${INTRINSICS.slice(0, 6).map((n) => `!${n}`).join(', ')}, ...)`
      : problem.message.split(' at line')[0];
    throw new CheckInputError(`${file}${where}: not valid YAML: ${what}`);
  }
  return doc.toJS({ maxAliasCount: 1000 });
}

/** Parse JSON; an error names the file, the line and column, and what was expected. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CheckInputError(jsonErrorMessage(file, text, (e as Error).message));
  }
}

/** Parse a file whose content may be JSON or YAML (JSON when it starts like JSON). */
export function parseJsonOrYaml(file: string, text: string): unknown {
  const start = text.replace(/^\uFEFF/, '').trimStart()[0];
  return start === '{' || start === '[' ? parseJson(file, text) : parseYaml(file, text);
}
