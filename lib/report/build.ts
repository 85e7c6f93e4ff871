import { DataProtectionPolicy } from '../policy/policy';
import { CONTROLS } from '../policy/controls';
import {
  AcknowledgementRecord, ControlEvidence, ControlStatus, EvidenceFinding, EvidenceReport, FindingStatus,
  REPORT_SCHEMA_VERSION, RuleDescription,
} from './model';

/**
 * Group findings by control and derive each control's status.
 *
 * A control is `met` only when a rule checked at least one resource and found it compliant;
 * a control without rules is `not-automated`, never silently `met`.
 */
export function buildEvidenceReport(
  policy: DataProtectionPolicy,
  rules: readonly RuleDescription[],
  findings: readonly EvidenceFinding[],
  tool: { name: string; version: string },
  acknowledgements: readonly AcknowledgementRecord[] = [],
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
    return {
      id: control.id,
      title: control.title,
      commitment: control.commitment,
      sourceDocuments: [...control.sourceDocuments],
      promised,
      rules: controlRules,
      status: controlStatus(promised, controlRules.length > 0, controlFindings),
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
  };
}

function controlStatus(promised: boolean, automated: boolean, findings: readonly EvidenceFinding[]): ControlStatus {
  if (!promised) return ControlStatus.NOT_APPLICABLE;
  if (!automated) return ControlStatus.NOT_AUTOMATED;
  const has = (s: FindingStatus) => findings.some((f) => f.status === s);
  if (has(FindingStatus.NON_COMPLIANT)) return ControlStatus.VIOLATED;
  if (has(FindingStatus.ACKNOWLEDGED)) return ControlStatus.ACKNOWLEDGED;
  if (has(FindingStatus.COMPLIANT)) return ControlStatus.MET;
  return ControlStatus.NOT_APPLICABLE;
}

function countBy(values: string[], keys: string[]): { [k: string]: number } {
  const counts: { [k: string]: number } = {};
  for (const k of keys) counts[k] = 0;
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
