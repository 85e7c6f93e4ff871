import * as fs from 'fs';
import * as path from 'path';

/**
 * Where rule tests record the outcomes they observed (one JSON line per observation, one file per
 * jest worker). `npm test` clears it before jest and checks it after (test/meta/rule-cases.ts):
 * every rule of the registries must have been seen compliant, non-compliant and unverifiable.
 */
export const OUTCOMES_DIR = path.join(__dirname, '..', '..', '.rule-outcomes');

/** The kinds of case every rule needs. */
export enum CaseKind {
  COMPLIANT = 'compliant',
  NON_COMPLIANT = 'non-compliant',
  UNVERIFIABLE = 'unverifiable',
}

/** The kind of case a finding status string shows: 'compliant', 'non-compliant [PublicPort]', 'acknowledged[Unverifiable]', ... */
export function caseKindOf(status: string): CaseKind | undefined {
  if (status.includes('[Unverifiable]')) return CaseKind.UNVERIFIABLE;
  if (status.includes('[RuleError]')) return undefined;
  if (status.startsWith('non-compliant') || status.startsWith('acknowledged')) return CaseKind.NON_COMPLIANT;
  if (status.startsWith('compliant')) return CaseKind.COMPLIANT;
  return undefined;
}

/** Record what a test observed a rule say (the statuses it then asserts on). */
export function recordOutcomes(rule: string, statuses: Iterable<string>): void {
  const kinds = new Set<CaseKind>();
  for (const s of statuses) {
    const kind = caseKindOf(s);
    if (kind) kinds.add(kind);
  }
  if (kinds.size === 0) return;
  try {
    fs.mkdirSync(OUTCOMES_DIR, { recursive: true });
    fs.appendFileSync(path.join(OUTCOMES_DIR, `${process.pid}.jsonl`), `${JSON.stringify({ rule, kinds: [...kinds] })}\n`);
  } catch {
    // Recording is for the meta-check only; a read-only checkout must not fail the rule tests.
  }
}
