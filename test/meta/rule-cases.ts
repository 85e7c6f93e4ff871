// The meta-check of the rules' own tests, run by `npm test` after jest: every rule of both
// registries must have been seen by a test (through the helpers statusesOf, findingsOf or
// verdicts) compliant, non-compliant and unverifiable. A rule that no input can make
// unverifiable is listed below with the reason, so the exception is reviewed, not silent.
import * as fs from 'fs';
import * as path from 'path';
import { CaseKind, OUTCOMES_DIR } from './rule-outcomes';
import { AWS_APP_RULES, AWS_RULES } from '../../lib/rules/aws';
import { AZURE_RULES } from '../../lib/rules/azure';

/** Rules that cannot be unverifiable, and why. */
export const NO_UNVERIFIABLE_CASE: { readonly [rule: string]: string } = {};

/** The kinds of case each rule lacks, given what the tests recorded. */
export function missingCases(recorded: ReadonlyMap<string, ReadonlySet<string>>): Map<string, CaseKind[]> {
  const missing = new Map<string, CaseKind[]>();
  for (const rule of [...AWS_RULES, ...AWS_APP_RULES, ...AZURE_RULES]) {
    const seen = recorded.get(rule.name) ?? new Set<string>();
    const wanted = [CaseKind.COMPLIANT, CaseKind.NON_COMPLIANT, ...(rule.name in NO_UNVERIFIABLE_CASE ? [] : [CaseKind.UNVERIFIABLE])];
    const lacking = wanted.filter((k) => !seen.has(k));
    if (lacking.length > 0) missing.set(rule.name, lacking);
  }
  return missing;
}

/** What the jest run recorded. */
export function readRecorded(dir = OUTCOMES_DIR): Map<string, Set<string>> {
  const recorded = new Map<string, Set<string>>();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
  for (const file of files) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { rule, kinds } = JSON.parse(line) as { rule: string; kinds: string[] };
      let set = recorded.get(rule);
      if (!set) recorded.set(rule, set = new Set());
      kinds.forEach((k) => set!.add(k));
    }
  }
  return recorded;
}

/** Whether the last jest run (its JSON results) ran every test file, so that every rule had its chance to be seen. */
function wholeSuiteRan(): boolean {
  const results = path.join(__dirname, '..', '..', '.jest-results.json');
  if (!fs.existsSync(results)) return true;
  const ran = (JSON.parse(fs.readFileSync(results, 'utf8')).testResults as { name: string }[]).length;
  const all = (function count(dir: string): number {
    return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? 1 : 0), 0);
  })(path.join(__dirname, '..'));
  return ran >= all;
}

if (require.main === module) {
  if (!wholeSuiteRan()) {
    console.log('rule cases: not checked (only part of the test suite ran).');
    process.exit(0);
  }
  const recorded = readRecorded();
  if (recorded.size === 0) {
    console.error(`rule cases: nothing recorded in ${OUTCOMES_DIR}; run the whole test suite (npm test) first.`);
    process.exit(1);
  }
  const missing = missingCases(recorded);
  if (missing.size > 0) {
    console.error(`rule cases: ${missing.size} rule(s) lack a test case of some kind (every rule needs a compliant, a non-compliant and an unverifiable case):`);
    for (const [rule, kinds] of missing) console.error(`  - ${rule}: no ${kinds.join(', no ')} case`);
    process.exit(1);
  }
  console.log(`rule cases: every one of ${[...AWS_RULES, ...AWS_APP_RULES, ...AZURE_RULES].length} rules has compliant, non-compliant and unverifiable cases.`);
}
