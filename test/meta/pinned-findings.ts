import * as fs from 'fs';
import * as path from 'path';

/**
 * Pinned findings: every rule test also pins the exact findings of the rule it asserts on (the
 * resource, status, finding name, control and the detail an auditor reads), in
 * `test/rules/<cloud>/__findings__/<test file>.json`. The tests themselves assert the verdicts that
 * were judged by hand; the pins make any other change to what a rule says visible as a failing test
 * and a reviewable diff. They exist because asserting statuses alone let a rule's detail, or a
 * branch that reaches the same status for another reason, change unseen (docs/testing.md,
 * "Mutation testing").
 *
 * `npm run pin-findings` rewrites the pins from the current rules: run it after changing a rule or
 * a rule test, and read the diff before committing it. A test with no pin fails and says so.
 */
export const PIN_ENV = 'DP_PIN_FINDINGS';
const RULES_DIR = path.join(__dirname, '..', 'rules');
const MUTATION_ENTRY = 'all-rules.mutation.ts';

/** One finding as a pinned line: `Stack/Logical status[Suffix] (DP.X.n): detail`. */
export interface PinnableFinding {
  readonly ruleId: string;
  readonly controlId: string;
  readonly stack: string;
  readonly logicalId: string;
  readonly status: string;
  readonly detail?: string;
}

const loaded = new Map<string, Record<string, Record<string, string[]>>>();
const rewritten = new Set<string>();
const calls = new Map<string, number>();

/**
 * The pin file and test name of the running rule test, or undefined outside `test/rules` (other
 * tests use the same helpers and are not pinned). Under the mutation entry every test name starts
 * with the file it came from (`aws/access ...`), which is cut off so both runs use the same pins.
 */
function currentTest(): { file: string; name: string } | undefined {
  const { testPath, currentTestName } = expect.getState();
  if (!testPath || !currentTestName) return undefined;
  const rel = path.relative(RULES_DIR, testPath).split(path.sep).join('/');
  let source: string | undefined;
  let name = currentTestName;
  if (rel === MUTATION_ENTRY) {
    const m = /^(aws|azure)\/([\w-]+) ([\s\S]*)$/.exec(currentTestName);
    if (m) [source, name] = [`${m[1]}/${m[2]}`, m[3]];
  } else {
    const m = /^(aws|azure)\/([\w-]+)\.test\.ts$/.exec(rel);
    if (m) source = `${m[1]}/${m[2]}`;
  }
  if (!source) return undefined;
  const [cloud, file] = source.split('/');
  return { file: path.join(RULES_DIR, cloud, '__findings__', `${file}.json`), name };
}

function pinsOf(file: string): Record<string, Record<string, string[]>> {
  let pins = loaded.get(file);
  if (!pins) {
    pins = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
    loaded.set(file, pins!);
  }
  return pins!;
}

/** The findings as sorted lines, the form they are pinned in. */
export function pinnedLines(rule: string, findings: readonly PinnableFinding[]): string[] {
  const prefix = `DataProtection-${rule}`;
  return findings
    .map((f) => `${f.stack}/${f.logicalId} ${f.status}${f.ruleId.slice(prefix.length)} (${f.controlId})${f.detail ? `: ${f.detail}` : ''}`)
    .sort();
}

/**
 * Compare one rule's findings with their pin (or, with DP_PIN_FINDINGS=update, write the pin). The
 * n-th call for a rule within a test is pin `Rule #n` of that test.
 */
export function pinFindings(rule: string, findings: readonly PinnableFinding[]): void {
  const test = currentTest();
  if (!test) return;
  const counter = `${test.file}\u0000${test.name}\u0000${rule}`;
  const n = (calls.get(counter) ?? 0) + 1;
  calls.set(counter, n);
  const key = `${rule} #${n}`;
  const lines = pinnedLines(rule, findings);

  if (process.env[PIN_ENV] === 'update') {
    if (!rewritten.has(test.file)) {
      rewritten.add(test.file);
      loaded.set(test.file, {});
    }
    const pins = pinsOf(test.file);
    pins[test.name] = { ...pins[test.name], [key]: lines };
    fs.mkdirSync(path.dirname(test.file), { recursive: true });
    fs.writeFileSync(test.file, `${JSON.stringify(pins, null, 2)}\n`);
    return;
  }

  const pinned = pinsOf(test.file)[test.name]?.[key];
  if (!pinned) {
    const where = `${key} in "${test.name}" (${path.relative(process.cwd(), test.file)})`;
    throw new Error(`No pinned findings for ${where}: run \`npm run pin-findings\` and review the diff`);
  }
  expect({ [key]: lines }).toEqual({ [key]: pinned });
}
