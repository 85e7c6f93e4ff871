/**
 * The library's own verdict vocabulary, shared by every rule on every cloud. cdk-nag's types appear
 * only where the AWS pack hands its violations to cdk-nag (lib/checks/data-protection-checks.ts).
 *
 * What each outcome means in the evidence report (one meaning on AWS and Azure):
 * - `COMPLIANT`: a compliant finding, the evidence a control needs to be `met`.
 * - `NON_COMPLIANT`: a violation (`DataProtection-<Rule>`, or `DataProtection-<Rule>[<finding>]`
 *   when the verdict names the failing aspect).
 * - `UNVERIFIABLE`: the rule needs a value only deployment knows (a parameter without a value, an
 *   import from outside the app, a Terraform variable without a default, ...). Never compliant: it
 *   is a violation `DataProtection-<Rule>[Unverifiable]` until a person acknowledges it with a reason.
 * - `NOT_APPLICABLE`: the rule does not judge this subject; recorded, but no evidence for anything.
 * - An empty list of verdicts is no verdict: recorded as not applicable, never as compliant.
 * - A rule that throws produces `DataProtection-<Rule>[RuleError]`, a violation naming the error.
 */
export enum Outcome {
  /** The subject keeps the promise. */
  COMPLIANT = 'compliant',
  /** The subject breaks the promise. */
  NON_COMPLIANT = 'non-compliant',
  /** A value the rule needs is not known before deployment: never compliant. */
  UNVERIFIABLE = 'unverifiable',
  /** The rule does not judge this subject. */
  NOT_APPLICABLE = 'not-applicable',
}

/** One verdict of a rule on one subject. */
export interface Verdict {
  /** What the rule concluded. */
  readonly outcome: Outcome;
  /**
   * Names the failing aspect of a non-compliant verdict; it becomes part of the finding's ID
   * (`DataProtection-<Rule>[<finding>]`) and can be acknowledged on its own.
   */
  readonly finding?: string;
  /**
   * What was found, in words and values a reader can act on ("port 80 open to 0.0.0.0/0"); for an
   * unverifiable verdict, which value is unknown and where it comes from.
   */
  readonly detail?: string;
}

/** What a rule returns: one verdict, or one per failing aspect. */
export type RuleResult = Verdict | readonly Verdict[];

/** The finding name of an unverifiable verdict. */
export const UNVERIFIABLE_FINDING = 'Unverifiable';
/** The finding name of a rule that threw. */
export const RULE_ERROR_FINDING = 'RuleError';

/** The subject keeps the promise. */
export const COMPLIANT: Verdict = Object.freeze({ outcome: Outcome.COMPLIANT });
/** The subject breaks the promise. */
export const NON_COMPLIANT: Verdict = Object.freeze({ outcome: Outcome.NON_COMPLIANT });
/** The rule does not judge this subject. */
export const NOT_APPLICABLE: Verdict = Object.freeze({ outcome: Outcome.NOT_APPLICABLE });
/** A value the rule needs is unknown before deployment. */
export const UNVERIFIABLE: Verdict = Object.freeze({ outcome: Outcome.UNVERIFIABLE, finding: UNVERIFIABLE_FINDING });

/** Compliant, with the evidence in words. */
export function compliant(detail?: string): Verdict {
  return detail ? { outcome: Outcome.COMPLIANT, detail } : COMPLIANT;
}

/** Non-compliant, with what was found. */
export function nonCompliant(detail?: string): Verdict {
  return detail ? { outcome: Outcome.NON_COMPLIANT, detail } : NON_COMPLIANT;
}

/** A named failing aspect (`<Rule>[<name>]`), with what was found. */
export function failing(name: string, detail?: string): Verdict {
  return { outcome: Outcome.NON_COMPLIANT, finding: name, ...(detail ? { detail } : {}) };
}

/** Unverifiable, naming the value and where it comes from. */
export function unverifiable(detail?: string): Verdict {
  return detail ? { outcome: Outcome.UNVERIFIABLE, finding: UNVERIFIABLE_FINDING, detail } : UNVERIFIABLE;
}

/** Not applicable (the reason is for readers of the code; the report records no evidence). */
export function notApplicable(reason?: string): Verdict {
  return reason ? { outcome: Outcome.NOT_APPLICABLE, detail: reason } : NOT_APPLICABLE;
}

/** Whether a result is a list of verdicts rather than one. */
export function isVerdictList(result: RuleResult): result is readonly Verdict[] {
  return Array.isArray(result);
}

/** The verdicts of a result, as a list. */
export function verdictsOf(result: RuleResult): readonly Verdict[] {
  return isVerdictList(result) ? result : [result as Verdict];
}

/**
 * A boolean setting as CloudFormation and Terraform JSON accept it (`true` or `"true"`);
 * `whenAbsent` (the service default) when absent; `undefined` when it is an expression.
 */
export function boolValue(value: unknown, whenAbsent: boolean): boolean | undefined {
  if (value === undefined || value === null) return whenAbsent;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * The verdict on one boolean setting: compliant when it is `compliantWhen`, non-compliant when it
 * is the opposite, unverifiable when it is an expression. `whenAbsent` is the service's default.
 */
export function flagVerdict(value: unknown, whenAbsent: boolean, compliantWhen: boolean): Verdict {
  const flag = boolValue(value, whenAbsent);
  if (flag === undefined) return UNVERIFIABLE;
  return flag === compliantWhen ? COMPLIANT : NON_COMPLIANT;
}

/**
 * Combine verdicts on parts of one subject: any non-compliant part makes the whole non-compliant
 * (its detail kept); otherwise every named finding of the parts (e.g. Unverifiable) once; a
 * compliant part makes the whole compliant; only not-applicable parts (or none at all, for a
 * non-empty input of nothing but not-applicable) leave it not applicable.
 */
export function worstOf(results: readonly RuleResult[]): RuleResult {
  const all = results.flatMap((r) => verdictsOf(r));
  const plain = all.find((v) => v.outcome === Outcome.NON_COMPLIANT && !v.finding);
  if (plain) return plain;
  const named = new Map<string, Verdict>();
  for (const v of all) {
    if ((v.outcome === Outcome.NON_COMPLIANT || v.outcome === Outcome.UNVERIFIABLE) && v.finding && !named.has(v.finding)) named.set(v.finding, v);
  }
  if (named.size > 0) return [...named.values()];
  if (all.length > 0 && all.every((v) => v.outcome === Outcome.NOT_APPLICABLE)) return NOT_APPLICABLE;
  return COMPLIANT;
}

/**
 * A rule that checks several independent aspects of one subject reports each failing aspect as its
 * own finding (`Rule[Aspect]`), acknowledgeable on its own; no failing aspect is compliance.
 * Aspects are given by name, or as verdicts carrying their detail.
 */
export function findingsResult(failures: Iterable<string | Verdict>): RuleResult {
  const byName = new Map<string, Verdict>();
  for (const f of failures) {
    const verdict = typeof f === 'string' ? (f === UNVERIFIABLE_FINDING ? UNVERIFIABLE : failing(f)) : f;
    const name = verdict.finding ?? '';
    if (!byName.has(name)) byName.set(name, verdict);
  }
  return byName.size === 0 ? COMPLIANT : [...byName.values()];
}
