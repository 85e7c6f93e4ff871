import { PACK_NAME } from './rule';
import { AcknowledgementRecord } from '../report/model';

/** Scopes that cover every subject of an evaluation. */
const GLOBAL_SCOPES = new Set(['', '(all resources)', '*']);
const CONTROL_ID = /^DP\.[A-Z]+\.\d+$/;

/** The pack a rule ID belongs to: `AwsSolutions-IAM4[...]` -> AwsSolutions, `CloudFormation-Validate::W3010` -> CloudFormation-Validate. */
export function packOf(ruleId: string): string {
  // Finding suffixes may contain '::' themselves: AwsSolutions-IAM5[Action::kms:ReEncrypt*].
  const name = ruleId.split('[')[0];
  const qualified = name.indexOf('::');
  if (qualified >= 0) return name.slice(0, qualified);
  if (CONTROL_ID.test(name)) return PACK_NAME;
  const dash = name.indexOf('-');
  return dash >= 0 ? name.slice(0, dash) : name;
}

/** Where a finding is, for matching acknowledgement scopes. */
export interface AcknowledgementSubject {
  /** Construct path of the subject (a resource, or a stack for app-wide findings). */
  readonly constructPath: string;
  /** Logical ID or Terraform address. */
  readonly logicalId: string;
  /**
   * Other scopes that contain the subject, nearest first (for a Terraform instance
   * `module.m.azurerm_x.y[0]`: `module.m.azurerm_x.y`, `module.m`).
   */
  readonly enclosingScopes?: readonly string[];
}

/** How much of the rule vocabulary an acknowledgement names. */
export enum AcknowledgementLevel {
  /** One finding of one rule: `DataProtection-<Rule>[<finding>]`. */
  FINDING = 'finding',
  /** Every finding of one rule: `DataProtection-<Rule>`. */
  RULE = 'rule',
  /** Every finding of every rule of one control: `DP.ENC.2`. */
  CONTROL = 'control',
}

/** An acknowledgement that applies to a finding. */
export interface AcknowledgementMatch {
  /** The record as the user wrote it. */
  readonly record: AcknowledgementRecord;
  /** What it names. */
  readonly level: AcknowledgementLevel;
}

/** An acknowledgement of this library's rules that covered nothing, and why that matters. */
export interface UnusedAcknowledgement {
  /** The record as the user wrote it. */
  readonly record: AcknowledgementRecord;
  /** Why it matched nothing. */
  readonly why: string;
}

interface Entry {
  readonly record: AcknowledgementRecord;
  readonly level: AcknowledgementLevel;
  /** Normalised ID: `DataProtection-<Rule>[...]` or a control ID. */
  readonly id: string;
  readonly scope: string;
}

/**
 * The acknowledgements of an evaluation, indexed once, with one meaning on both clouds:
 *
 * - IDs may be written as `DataProtection-<Rule>[<finding>]`, bare (`<Rule>[<finding>]`), or
 *   qualified as the CDK CLI suggests (`DataProtection::DataProtection-<Rule>`). A finding ID covers
 *   that finding; a rule ID covers every finding of the rule (also `[Unverifiable]` and
 *   `[RuleError]`); a control ID (`DP.ENC.2`) covers every finding of every rule of the control.
 * - A scope (the construct path it was recorded on, or a Terraform address) covers that subject
 *   and everything below it; an empty scope covers the whole evaluation.
 * - When several apply, the nearest scope wins, then the narrowest ID.
 * - An acknowledgement of this library's rules needs a reason; one without is an error. One that
 *   covers nothing is reported (`unused()`), so a stale or mistyped acknowledgement is seen.
 */
export class Acknowledgements {
  private readonly byKey = new Map<string, Entry[]>();
  private readonly entries: Entry[] = [];
  private readonly used = new Set<Entry>();

  /**
   * @param records every acknowledgement recorded (of every pack; other packs' are ignored here)
   * @param ruleNames names of every rule of this library on this cloud, to recognise bare IDs
   */
  constructor(records: readonly AcknowledgementRecord[], private readonly ruleNames: ReadonlySet<string>) {
    for (const record of records) {
      const entry = this.parse(record);
      if (!entry) continue;
      this.entries.push(entry);
      const key = `${entry.id}\u0000${entry.scope}`;
      let list = this.byKey.get(key);
      if (!list) this.byKey.set(key, list = []);
      list.push(entry);
    }
  }

  /** Acknowledgements of this library's rules that give no reason. */
  public reasonless(): AcknowledgementRecord[] {
    return this.entries.filter((e) => typeof e.record.reason !== 'string' || e.record.reason.trim() === '').map((e) => e.record);
  }

  /**
   * The acknowledgement that covers a finding, if any.
   * @param findingId the finding's full ID, e.g. `DataProtection-S3BucketCMK[Unverifiable]`
   * @param controlId the control of the finding's rule
   */
  public find(findingId: string, controlId: string, subject: AcknowledgementSubject): AcknowledgementMatch | undefined {
    const ruleId = findingId.split('[')[0];
    const ids = findingId === ruleId ? [ruleId, controlId] : [findingId, ruleId, controlId];
    // Nearest scope first: the subject itself (construct path, then address), its ancestors, the whole evaluation.
    const scopes: string[] = [];
    for (let p = subject.constructPath; p; p = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '') scopes.push(p);
    if (subject.logicalId) scopes.splice(1, 0, subject.logicalId, ...(subject.enclosingScopes ?? []));
    scopes.push('');
    for (const scope of scopes) {
      for (const id of ids) {
        const same = this.byKey.get(`${id}\u0000${scope}`);
        if (same) {
          // The same acknowledgement recorded twice on one scope is one acknowledgement.
          same.forEach((e) => this.used.add(e));
          return { record: same[0].record, level: same[0].level };
        }
      }
    }
    return undefined;
  }

  /**
   * Acknowledgements of this library's rules that covered no finding.
   * @param active whether the rule (`DataProtection-<Rule>`) or control was evaluated at all:
   *   an acknowledgement of a rule the policy does not promise is moot, not unused
   */
  public unused(active: (id: string) => boolean): UnusedAcknowledgement[] {
    return this.entries.filter((e) => !this.used.has(e)).flatMap((e) => {
      const target = e.level === AcknowledgementLevel.CONTROL ? e.id : e.id.split('[')[0];
      const known = e.level === AcknowledgementLevel.CONTROL || this.ruleNames.has(target.slice(PACK_NAME.length + 1));
      if (!known) return [{ record: e.record, why: `${e.record.ruleId} names no rule or control of this library` }];
      if (!active(target)) return [];
      return [{ record: e.record, why: `no finding of ${e.record.ruleId} at ${e.scope || 'any resource'}` }];
    });
  }

  private parse(record: AcknowledgementRecord): Entry | undefined {
    let id = record.ruleId.trim();
    if (id.startsWith(`${PACK_NAME}::`)) id = id.slice(PACK_NAME.length + 2);
    const scope = GLOBAL_SCOPES.has(record.constructPath) ? '' : record.constructPath;
    if (CONTROL_ID.test(id)) return { record, id, scope, level: AcknowledgementLevel.CONTROL };
    if (!id.startsWith(`${PACK_NAME}-`)) {
      // A bare rule name is ours only when a rule of this library has that name.
      if (!this.ruleNames.has(id.split('[')[0])) return undefined;
      id = `${PACK_NAME}-${id}`;
    }
    return { record, id, scope, level: id.includes('[') ? AcknowledgementLevel.FINDING : AcknowledgementLevel.RULE };
  }
}
