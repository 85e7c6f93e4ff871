import { Acknowledgements, UnusedAcknowledgement } from './acknowledgements';
import { PACK_NAME, RuleMetadata, describeRule, ruleIdOf } from './rule';
import { Outcome, RULE_ERROR_FINDING, RuleResult, Verdict, verdictsOf } from './verdict';
import { findControl } from '../policy/controls';
import { DataProtectionPolicy } from '../policy/policy';
import { ControlNote, buildEvidenceReport } from '../report/build';
import { AcknowledgementRecord, EvidenceFinding, EvidenceReport, FindingStatus, Topology } from '../report/model';

/** What a finding is about: a resource, or a stack/configuration for app-wide verdicts. */
export interface FindingSubject {
  /** Stack construct path, or Terraform configuration name. */
  readonly stack: string;
  /** Logical ID or Terraform address; empty for a verdict about a whole stack. */
  readonly logicalId: string;
  /** Resource type (`AWS::S3::Bucket`, `azurerm_storage_account`). */
  readonly resourceType: string;
  /** Construct path (or `<configuration>/<address>` for Terraform written by hand). */
  readonly constructPath: string;
  /** Template or configuration file, relative to where the report is written. */
  readonly templatePath: string;
  /** Scopes that contain the subject besides its construct path (see `AcknowledgementSubject`). */
  readonly enclosingScopes?: readonly string[];
}

/** A finding that is still open: non-compliant and not acknowledged. */
export interface Violation {
  /** The finding. */
  readonly finding: EvidenceFinding;
  /** The rule that produced it. */
  readonly rule: RuleMetadata;
  /** What the policy promises, with its numbers (the control's commitment). */
  readonly promised: string;
  /** How to fix it: the rule's one-line fix, or its explanation. */
  readonly fix: string;
  /**
   * One line: where, which rule and control, what is wrong, what was found, what the policy
   * promises and how to fix it.
   */
  readonly message: string;
}

/** Everything an evaluation produced. */
export interface PipelineResult {
  /** Every finding, in the order rules produced them. */
  readonly findings: EvidenceFinding[];
  /** Open violations. */
  readonly violations: Violation[];
  /** The evidence report. */
  readonly report: EvidenceReport;
  /** Acknowledgements of this library's rules that covered nothing. */
  readonly unusedAcknowledgements: UnusedAcknowledgement[];
  /** Acknowledgements of this library's rules without a reason (an error for the entry point to raise). */
  readonly reasonless: AcknowledgementRecord[];
}

/** Inputs of one evaluation. */
export interface PipelineOptions {
  /** The policy in force. */
  readonly policy: DataProtectionPolicy;
  /** The rules that are evaluated (those whose control the policy promises). */
  readonly rules: readonly RuleMetadata[];
  /** Every rule of the library on this cloud, promised or not (to recognise acknowledgement IDs). */
  readonly allRules: readonly RuleMetadata[];
  /** Every acknowledgement recorded, of any pack. */
  readonly acknowledgements: readonly AcknowledgementRecord[];
  /** The tool written into the report. */
  readonly tool: { readonly name: string; readonly version: string };
  /** Which cloud's rules these are, for the report's reasons ("no AWS rule checks ..."). */
  readonly cloud: string;
  /** Controls this cloud cannot judge, with the reason (status not-applicable or not-automated). */
  readonly controlNotes?: { readonly [controlId: string]: ControlNote };
  /** Detail of an unverifiable verdict whose rule gave none: where such values come from on this cloud. */
  readonly unverifiableDetail: string;
}

/**
 * The one path from rule results to the evidence report, used by every entry point on every cloud
 * (the cdk-nag pack, the CDK for Terraform checks, `evaluateTerraform`, the testing kit):
 * rule result -> findings -> acknowledgements -> control status -> report.
 *
 * See `Outcome` for what each verdict becomes, `Acknowledgements` for how acknowledgements match,
 * and `buildEvidenceReport` for how a control's status follows from its findings.
 */
export class FindingsPipeline {
  private readonly findings: EvidenceFinding[] = [];
  private readonly violations: Violation[] = [];
  private readonly acknowledgements: Acknowledgements;

  constructor(private readonly options: PipelineOptions) {
    this.acknowledgements = new Acknowledgements(options.acknowledgements, new Set(options.allRules.map((r) => r.name)));
  }

  /**
   * Record what a rule said about a subject (or the error it threw).
   * @returns the findings added
   */
  public record(rule: RuleMetadata, subject: FindingSubject, result: RuleResult | Error): readonly EvidenceFinding[] {
    const before = this.findings.length;
    const ruleId = ruleIdOf(rule);
    if (result instanceof Error) {
      this.add(rule, subject, `${ruleId}[${RULE_ERROR_FINDING}]`, FindingStatus.NON_COMPLIANT, `the rule failed: ${result.message}`);
      return this.findings.slice(before);
    }
    const verdicts = verdictsOf(result);
    const failures = verdicts.filter((v) => v.outcome === Outcome.NON_COMPLIANT || v.outcome === Outcome.UNVERIFIABLE);
    if (failures.length > 0) {
      const seen = new Set<string>();
      for (const v of failures) {
        const id = v.outcome === Outcome.UNVERIFIABLE || v.finding ? `${ruleId}[${findingName(v)}]` : ruleId;
        if (seen.has(id)) continue;
        seen.add(id);
        const detail = v.detail ?? (v.outcome === Outcome.UNVERIFIABLE ? this.options.unverifiableDetail : undefined);
        this.add(rule, subject, id, FindingStatus.NON_COMPLIANT, detail);
      }
    } else {
      const compliant = verdicts.filter((v) => v.outcome === Outcome.COMPLIANT);
      const detail = compliant.map((v) => v.detail).filter((d) => d).join('; ');
      // No verdict at all (an empty list) is not applicable: compliance is always said explicitly.
      this.add(rule, subject, ruleId, compliant.length > 0 ? FindingStatus.COMPLIANT : FindingStatus.NOT_APPLICABLE, detail || undefined);
    }
    return this.findings.slice(before);
  }

  /**
   * Finish: control statuses, the report, unused and reasonless acknowledgements.
   * @param topology the shape of the judged workload, for the report's picture
   */
  public finish(topology?: Topology): PipelineResult {
    const { policy, rules, tool, cloud, controlNotes } = this.options;
    const active = new Set<string>([...rules.map(ruleIdOf), ...rules.map((r) => r.controlId)]);
    const unused = this.acknowledgements.unused((id) => active.has(id));
    const report = buildEvidenceReport(policy, rules.map(describeRule), this.findings, tool, [...this.options.acknowledgements], {
      cloud, controlNotes, unusedAcknowledgements: unused.map((u) => ({ ...u.record, why: u.why })), topology,
    });
    return {
      findings: this.findings,
      violations: this.violations,
      report,
      unusedAcknowledgements: unused,
      reasonless: this.acknowledgements.reasonless(),
    };
  }

  private add(rule: RuleMetadata, subject: FindingSubject, ruleId: string, status: FindingStatus, detail?: string): void {
    const base = {
      ruleId,
      controlId: rule.controlId,
      stack: subject.stack,
      logicalId: subject.logicalId,
      resourceType: subject.resourceType,
      constructPath: subject.constructPath,
      templatePath: subject.templatePath,
    };
    if (status !== FindingStatus.NON_COMPLIANT) {
      this.findings.push({ ...base, status, ...(detail ? { detail } : {}) });
      return;
    }
    const ack = this.acknowledgements.find(ruleId, rule.controlId, subject);
    if (ack) {
      this.findings.push({
        ...base,
        status: FindingStatus.ACKNOWLEDGED,
        reason: ack.record.reason,
        acknowledgedId: ack.record.ruleId,
        acknowledgedAt: ack.record.constructPath || '(all resources)',
        ...(detail ? { detail } : {}),
      });
      return;
    }
    const finding: EvidenceFinding = { ...base, status, ...(detail ? { detail } : {}) };
    this.findings.push(finding);
    const promised = this.options.policy.commitmentOf(rule.controlId);
    const fix = rule.fix ?? rule.explanation;
    this.violations.push({ finding, rule, promised, fix, message: violationMessage(finding, rule, promised, fix) });
  }
}

function findingName(v: Verdict): string {
  return v.finding ?? v.outcome;
}

/** What a violation says after its location: control, what is wrong and found, the promise, the fix. */
export function violationText(finding: EvidenceFinding, rule: RuleMetadata, promised: string, fix: string): string {
  const title = findControl(finding.controlId)?.title ?? '';
  return `(${finding.controlId} ${title}): ${rule.info}${finding.detail ? ` Found: ${sentence(finding.detail)}` : ''}`
    + `${promised ? ` Promised: ${sentence(promised)}` : ''} Fix: ${sentence(fix)}`;
}

/** The one-line message of a violation, the same on both clouds. */
export function violationMessage(finding: EvidenceFinding, rule: RuleMetadata, promised: string, fix: string): string {
  return `[${finding.constructPath}] ${finding.ruleId} ${violationText(finding, rule, promised, fix)}`;
}

/** One line per evaluated architecture, for the end of a synth or a CLI run. */
export function summaryLine(name: string, report: EvidenceReport, reportPath?: string): string {
  const c = report.summary.controls;
  return `DataProtection ${name}: ${c.met} met, ${c.violated} violated, ${c.acknowledged} acknowledged, `
    + `${c['not-applicable']} not applicable, ${c['not-automated']} not automated${reportPath ? ` · report: ${reportPath}` : ''}`;
}

/** The console warning for an acknowledgement that covers nothing. */
export function unusedAcknowledgementWarning(u: UnusedAcknowledgement): string {
  return `DataProtection warning: the acknowledgement ${u.record.ruleId} on ${u.record.constructPath || 'the whole app'} covers nothing (${u.why}); `
    + 'remove it, or correct its ID or the construct it is recorded on.';
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** `DataProtection` rule IDs: the pack prefix, for entry points that need it. */
export { PACK_NAME };
