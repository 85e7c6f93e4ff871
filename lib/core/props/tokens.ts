/**
 * Unresolved values of both CDKs, recognised without loading either: aws-cdk-lib (`${Token[...]}`,
 * `#{Token[...]}`) and CDK for Terraform (`${TfToken[...]}`, `#{TfToken[...]}`, `&{TfToken[...]}`)
 * encode tokens in strings, in one-element lists and in the bits of numbers, and both hand out
 * objects with a `resolve` method. A construct cannot judge such a value at construction time: it
 * skips its own checks and leaves the value to the synth-time rules, which report it as
 * `[Unverifiable]` when it stays unknown.
 */

const STRING_TOKEN = /\$\{(?:Tf)?Token\[[a-zA-Z0-9:._-]+\]\}/;
const LIST_TOKEN = /#\{(?:Tf)?Token\[[a-zA-Z0-9:._-]+\]\}/;
const MAP_TOKEN = /&\{TfToken\[[a-zA-Z0-9:._-]+\]\}/;
/** aws-cdk-lib writes a number token into a string as a number in this range. */
const STRINGIFIED_NUMBER_TOKEN = /-1\.\d{10,16}e\+289/;
/** The top 16 bits of a number token's IEEE 754 representation: aws-cdk-lib numbers and cdktf lists (0xFBFF), cdktf numbers (0xFDFF). */
const NUMBER_TOKEN_MARKERS = new Set([0xfbff, 0xfdff]);

function isNumberToken(n: number): boolean {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n, true);
  return NUMBER_TOKEN_MARKERS.has(view.getUint16(6, true));
}

/** Whether a value is (or, for strings and lists, contains) an unresolved token of either CDK. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string') {
    return STRING_TOKEN.test(value) || LIST_TOKEN.test(value) || MAP_TOKEN.test(value) || STRINGIFIED_NUMBER_TOKEN.test(value);
  }
  if (typeof value === 'number') return isNumberToken(value);
  if (Array.isArray(value)) return value.some(isUnresolved);
  if (typeof value === 'object' && value !== null) {
    if (typeof (value as { resolve?: unknown }).resolve === 'function') return true;
    return Object.keys(value).some((k) => MAP_TOKEN.test(k));
  }
  return false;
}

/**
 * A value as an error message shows it: JSON for literals, the token itself (marked as such) for
 * unresolved values, the path for constructs.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && isNumberToken(value)) return '<unresolved number token>';
  if (typeof value === 'string' && isUnresolved(value)) return `<unresolved token ${value}>`;
  if (typeof value === 'object' && value !== null) {
    const node = (value as { node?: { path?: unknown } }).node;
    if (node && typeof node.path === 'string') return `<construct ${node.path}>`;
    if (typeof (value as { resolve?: unknown }).resolve === 'function') return '<unresolved token>';
  }
  try {
    return JSON.stringify(value, (_k, v) => (typeof v === 'number' && isNumberToken(v) ? '<unresolved number token>' : v));
  } catch {
    return String(value);
  }
}
