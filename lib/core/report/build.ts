import {
  AcknowledgementRecord, ControlEvidence, ControlStatus, EvidenceFinding, EvidenceReport, FindingStatus,
  REPORT_SCHEMA_VERSION, RuleDescription, Topology, UnusedAcknowledgementRecord,
} from './model';
import { Control, CONTROLS } from '../policy/controls';
import { DataProtectionPolicy } from '../policy/policy';

/** Why a cloud cannot judge a control: it has no meaning there, or no rule can see it there. */
export interface ControlNote {
  /** `not-applicable` (no meaning on this cloud) or `not-automated` (needs manual evidence). */
  readonly status: ControlStatus;
  /** The reason, in words an auditor accepts. */
  readonly reason: string;
}

/** Optional inputs of a report. */
export interface EvidenceReportOptions {
  /** The cloud whose rules produced the findings, for the reasons ("no Azure rule checks ..."). */
  readonly cloud?: string;
  /** Controls the cloud cannot judge, with the reason. */
  readonly controlNotes?: { readonly [controlId: string]: ControlNote };
  /** Acknowledgements of this library's rules that covered no finding. */
  readonly unusedAcknowledgements?: readonly UnusedAcknowledgementRecord[];
  /** The shape of the judged workload. */
  readonly topology?: Topology;
}

/**
 * Group findings by control and derive each control's status and the reason for it:
 *
 * - `not-applicable`: the policy does not promise the control; or nothing in the app is subject
 *   to its rules (no finding, or only not-applicable ones); or it has no meaning on this cloud.
 * - `not-automated`: no rule checks it on this cloud; it needs manual evidence. Never `met`.
 * - `violated`: at least one open violation (non-compliant, unverifiable or a rule error).
 * - `acknowledged`: nothing open, at least one finding acknowledged with a reason.
 * - `met`: nothing open or acknowledged and at least one compliant finding: evidence, never the
 *   absence of a violation alone.
 */
export function buildEvidenceReport(
  policy: DataProtectionPolicy,
  rules: readonly RuleDescription[],
  findings: readonly EvidenceFinding[],
  tool: { name: string; version: string },
  acknowledgements: readonly AcknowledgementRecord[] = [],
  options: EvidenceReportOptions = {},
): EvidenceReport {
  const findingsByControl = new Map<string, EvidenceFinding[]>();
  for (const f of findings) {
    const list = findingsByControl.get(f.controlId) ?? [];
    list.push(f);
    findingsByControl.set(f.controlId, list);
  }

  const controls: ControlEvidence[] = CONTROLS.map((control) => {
    const controlRules = rules.filter((r) => r.controlId === control.id).map((r) => r.ruleId);
    const controlFindings = findingsByControl.get(control.id) ?? [];
    const promised = policy.promises(control.id);
    const { status, reason } = controlStatus(control, policy, promised, controlRules.length > 0, controlFindings, options);
    return {
      id: control.id,
      title: control.title,
      commitment: control.commitment,
      sourceDocuments: [...control.sourceDocuments],
      promised,
      rules: controlRules,
      status,
      reason,
      findings: controlFindings,
    };
  });

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    policy: policy.toJson(),
    summary: {
      controls: countBy(controls.map((c) => c.status), Object.values(ControlStatus)),
      findings: countBy(findings.map((f) => f.status), Object.values(FindingStatus)),
      acknowledgementsByPack: countBy(acknowledgements.map((a) => a.pack), []),
    },
    controls,
    rules: [...rules],
    acknowledgements: [...acknowledgements],
    unusedAcknowledgements: [...(options.unusedAcknowledgements ?? [])],
    ...(options.topology ? { topology: options.topology } : {}),
  };
}

function controlStatus(
  control: Control, policy: DataProtectionPolicy, promised: boolean, automated: boolean, findings: readonly EvidenceFinding[],
  options: EvidenceReportOptions,
): { status: ControlStatus; reason: string } {
  if (!promised) return { status: ControlStatus.NOT_APPLICABLE, reason: `not promised by the policy "${policy.name}"` };
  const note = options.controlNotes?.[control.id];
  if (!automated) {
    if (note) return { status: note.status, reason: note.reason };
    return {
      status: ControlStatus.NOT_AUTOMATED,
      reason: `no ${options.cloud ? `${options.cloud} ` : ''}rule checks this control yet: it needs manual evidence`,
    };
  }
  const count = (s: FindingStatus) => findings.filter((f) => f.status === s).length;
  const open = count(FindingStatus.NON_COMPLIANT);
  const acknowledged = count(FindingStatus.ACKNOWLEDGED);
  const compliant = count(FindingStatus.COMPLIANT);
  if (open > 0) return { status: ControlStatus.VIOLATED, reason: `${plural(open, 'open violation')}` };
  if (acknowledged > 0) {
    return { status: ControlStatus.ACKNOWLEDGED, reason: `${plural(acknowledged, 'finding')} acknowledged with a reason, none open` };
  }
  if (compliant > 0) {
    const subjects = new Set(findings.filter((f) => f.status === FindingStatus.COMPLIANT).map((f) => `${f.stack}\u0000${f.logicalId}`)).size;
    return { status: ControlStatus.MET, reason: `${plural(compliant, 'compliant finding')} on ${plural(subjects, 'resource')}, none open` };
  }
  return { status: ControlStatus.NOT_APPLICABLE, reason: `nothing to judge: no ${control.appliesTo} in this app` };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function countBy(values: string[], keys: string[]): { [k: string]: number } {
  const counts: { [k: string]: number } = {};
  for (const k of keys) counts[k] = 0;
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
