import { RuleDescription } from '../report/model';

/** Prefix of every rule ID, AWS and Azure alike, so one acknowledgement vocabulary serves both clouds. */
export const PACK_NAME = 'DataProtection';

/** How serious a violation of a rule is. */
export enum Severity {
  /** Fails `cdk synth`, `terraform` checks and the CLI. */
  ERROR = 'error',
  /** Reported, never fails. */
  WARNING = 'warning',
}

/**
 * What every rule (AWS or Azure, per resource or app-wide) tells the reader of a finding.
 */
export interface RuleMetadata {
  /** Rule name; the rule ID is `DataProtection-<name>`. */
  readonly name: string;
  /** The control this rule provides evidence for. */
  readonly controlId: string;
  /** Why the rule was triggered (one sentence). */
  readonly info: string;
  /** Why the rule exists and how to fix a violation. */
  readonly explanation: string;
  /**
   * What the rule looks at, when its name does not say ("daily and weekly rules; cron()/rate()
   * parsed"): shown next to its name in the README's generated rule tables.
   */
  readonly covers?: string;
  /**
   * How to fix a violation, in one line a developer can act on ("Pass encryptionKey: a customer-managed
   * kms.Key"); shown on the console and in the report next to what was found.
   */
  readonly fix?: string;
  /** Severity of a violation. */
  readonly level: Severity;
}

/** The full ID of a rule: `DataProtection-<name>`. */
export function ruleIdOf(rule: Pick<RuleMetadata, 'name'>): string {
  return `${PACK_NAME}-${rule.name}`;
}

/** What the report and SARIF say about a rule. */
export function describeRule(rule: RuleMetadata): RuleDescription {
  return {
    ruleId: ruleIdOf(rule),
    controlId: rule.controlId,
    info: rule.info,
    explanation: rule.explanation,
    ...(rule.fix ? { fix: rule.fix } : {}),
    level: rule.level,
  };
}
