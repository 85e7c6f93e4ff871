import * as path from 'path';
import { templateAcknowledgements } from './cloud-assembly';
import { CheckInputError, ExitCode } from './errors';
import { CheckInputs, readInputs } from './inputs';
import { NOT_JUDGED_ID, readAcknowledgements, readPolicy } from './options';
import { evaluateCloudFormation } from '../checks/cloudformation';
import { runTerraform } from '../checks/terraform';
import { CloudFormationStack } from '../cloudformation/template-index';
import { packOf } from '../core/engine/acknowledgements';
import { PipelineResult, Violation } from '../core/engine/pipeline';
import { PACK_NAME } from '../core/engine/rule';
import { DataProtectionPolicy } from '../core/policy/policy';
import { buildEvidenceReport } from '../core/report/build';
import {
  AcknowledgementRecord, EvidenceFinding, EvidenceReport, FindingStatus, NotJudgedRecord, RuleDescription, UnusedAcknowledgementRecord,
} from '../core/report/model';
import { REPORT_FILES, writeEvidenceReport } from '../core/report/write';
import { AWS_APP_RULES, AWS_RULES } from '../rules/aws';
import { AZURE_RULES } from '../rules/azure';
import { TerraformInputError } from '../terraform/read-plan';

/** What `check` is asked to do. */
export interface CheckOptions {
  /** Inputs: cloud assemblies, templates, Terraform files, directories, plans. */
  readonly paths: readonly string[];
  /** A preset name or a policy file; the strictest common policy when absent. */
  readonly policy?: string;
  /** Where the three report files go. */
  readonly out: string;
  /** A file of acknowledgements. */
  readonly acknowledgements?: string;
  /** Variable files for Terraform configurations (`-var-file`). */
  readonly varFiles?: string[];
}

/** What `check` found. */
export interface CheckResult {
  /** The exit code: 0 nothing open, 1 open violations or unjudged content. */
  readonly exitCode: ExitCode;
  /** The evidence report written. */
  readonly report: EvidenceReport;
  /** Open violations, one line each. */
  readonly violations: string[];
  /** Every input and what it was read as. */
  readonly read: { readonly path: string; readonly as: string }[];
  /** The report files written. */
  readonly files: string[];
  /** Content no rule could judge, acknowledged or not. */
  readonly notJudged: NotJudgedRecord[];
}

interface Unit {
  readonly cloud: 'AWS' | 'Azure';
  readonly result: PipelineResult;
  /** The file acknowledgements given to this unit (to merge "unused" across units). */
  readonly fileAcks: readonly AcknowledgementRecord[];
}

/**
 * `cdk-data-protection check`: read every input (all of them, before anything is written), judge
 * each with the same engine as the synth-time checks (a cloud assembly Stage by Stage, as
 * `DataProtectionChecks` judges it; plain templates together; Terraform configurations and plans
 * together), and write one evidence report.
 *
 * @throws CheckInputError for bad input (exit code 2); nothing has been written then
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const policy = readPolicy(options.policy);
  const acknowledgements = readAcknowledgements(options.acknowledgements);
  const outDir = path.resolve(options.out);
  let inputs: CheckInputs;
  try {
    inputs = await readInputs(options.paths, outDir, { varFiles: options.varFiles });
  } catch (e) {
    if (e instanceof TerraformInputError) throw new CheckInputError(e.message);
    throw e;
  }

  const units: Unit[] = [];
  const notJudged: NotJudgedRecord[] = [];
  const awsNames = new Set([...AWS_RULES, ...AWS_APP_RULES].map((r) => r.name));
  const azureNames = new Set(AZURE_RULES.map((r) => r.name));
  const fileAcksFor = (names: ReadonlySet<string>): AcknowledgementRecord[] => acknowledgements
    .filter((a) => a.id !== NOT_JUDGED_ID && appliesTo(a.id, names))
    .map((a) => ({ pack: packOf(a.id), ruleId: a.id, reason: a.reason, constructPath: a.scope ?? '' }));

  for (const { assembly } of inputs.assemblies) {
    const recorded = dedupe(assembly.acknowledgements, assembly.stacks.flatMap(templateAcknowledgements));
    for (const stage of assembly.stages) {
      const inScope = (p: string) => stage.judge.some((s) => s === p || s.startsWith(`${p}/`) || p.startsWith(`${s}/`) || p === '');
      const fileAcks = fileAcksFor(awsNames);
      const result = evaluateCloudFormation(assembly.stacks, {
        policy,
        acknowledgements: [...recorded.filter((a) => inScope(a.constructPath)), ...fileAcks],
        judge: stage.judge,
      });
      units.push({ cloud: 'AWS', result, fileAcks });
    }
  }
  if (inputs.templates.length > 0) {
    const fileAcks = fileAcksFor(awsNames);
    const result = evaluateCloudFormation(inputs.templates, {
      policy,
      acknowledgements: [...inputs.templates.flatMap(templateAcknowledgements), ...fileAcks],
    });
    units.push({ cloud: 'AWS', result, fileAcks });
    notJudged.push(...samResources(inputs.templates));
  }
  if (inputs.terraform.length > 0) {
    const fileAcks = fileAcksFor(azureNames);
    const result = evaluating(() => runTerraform(inputs.terraform, {
      policy,
      acknowledgements: fileAcks.map((a) => ({ id: a.ruleId, reason: a.reason, ...(a.constructPath ? { scope: a.constructPath } : {}) })),
    }, AZURE_RULES));
    units.push({ cloud: 'Azure', result, fileAcks: fileAcks.map((a) => ({ ...a, constructPath: a.constructPath || '(all resources)' })) });
    for (const c of result.configurations) {
      for (const u of c.unjudged) notJudged.push({ source: c.name, address: u.address, detail: u.detail });
    }
  }

  const judgedNotJudged = notJudged.map((n) => {
    const ack = acknowledgements.find((a) => a.id === NOT_JUDGED_ID && (!a.scope || a.scope === n.address || n.address.startsWith(`${a.scope}.`)));
    return ack ? { ...n, acknowledgedReason: ack.reason } : n;
  });
  const report = mergeReports(policy, units, judgedNotJudged);
  const violations = units.flatMap((u) => u.result.violations.map(shortMessage));
  const open = judgedNotJudged.filter((n) => !n.acknowledgedReason);
  const files = writeEvidenceReport(outDir, report, process.cwd());
  return {
    exitCode: violations.length > 0 || open.length > 0 ? ExitCode.VIOLATIONS : ExitCode.OK,
    report,
    violations: [...violations, ...open.map((n) => `[${n.source}] ${n.address} was not judged: ${n.detail}`)],
    read: inputs.read,
    files,
    notJudged: judgedNotJudged,
  };
}

/** Input errors found while judging (a plan read through the library API) are input errors of the CLI. */
function evaluating<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof TerraformInputError) throw new CheckInputError(e.message);
    throw e;
  }
}

/** One line per violation: where, which rule and control, what was found, how to fix it. */
function shortMessage(v: Violation): string {
  const f = v.finding;
  return `[${f.constructPath}] ${f.ruleId} (${f.controlId}): ${v.rule.info}${f.detail ? ` Found: ${f.detail}.` : ''}${v.rule.fix ? ` Fix: ${v.rule.fix}` : ''}`;
}

/** Does an acknowledgement ID name a control, or a rule of this cloud (`X`, `DataProtection-X`, `DataProtection::DataProtection-X`, with a finding)? */
function appliesTo(id: string, names: ReadonlySet<string>): boolean {
  if (/^DP\.[A-Z]+\.\d+$/.test(id)) return true;
  const bare = id.replace(`${PACK_NAME}::`, '').replace(`${PACK_NAME}-`, '').split('[')[0];
  return names.has(bare);
}

/**
 * Acknowledgements from the manifest and from templates: cdk-nag copies the same acknowledgement
 * into the template of each resource below the construct it was recorded on; one record is enough.
 */
function dedupe(manifest: AcknowledgementRecord[], templates: AcknowledgementRecord[]): AcknowledgementRecord[] {
  const extra = templates.filter((t) => !manifest.some((m) => m.ruleId === t.ruleId && m.reason === t.reason
    && (m.constructPath === t.constructPath || t.constructPath.startsWith(`${m.constructPath}/`))));
  return [...manifest, ...extra];
}

/** SAM resources are expanded by CloudFormation's transform: the rules judge what they become, not them. */
function samResources(stacks: readonly CloudFormationStack[]): NotJudgedRecord[] {
  const out: NotJudgedRecord[] = [];
  for (const s of stacks) {
    for (const [logicalId, r] of Object.entries((s.template.Resources ?? {}) as { [id: string]: any })) {
      if (typeof r?.Type === 'string' && r.Type.startsWith('AWS::Serverless::')) {
        out.push({
          source: s.templatePath,
          address: logicalId,
          detail: `${r.Type} is expanded by the SAM transform when CloudFormation deploys it; the rules judge plain CloudFormation resources. `
            + 'Review it, or check the processed template (aws cloudformation get-template --template-stage Processed).',
        });
      }
    }
  }
  return out;
}

/** One report over every unit: the findings of each, acknowledgements once, rules of both clouds. */
function mergeReports(policy: DataProtectionPolicy, units: readonly Unit[], notJudged: NotJudgedRecord[]): EvidenceReport {
  const reports = units.map((u) => u.result.report);
  const rules = new Map<string, RuleDescription>();
  for (const r of reports) for (const rule of r.rules) if (!rules.has(rule.ruleId)) rules.set(rule.ruleId, rule);
  const findings: EvidenceFinding[] = reports.flatMap((r) => r.controls.flatMap((c) => c.findings));
  const ackKey = (a: AcknowledgementRecord) => `${a.pack}\u0000${a.ruleId}\u0000${a.reason}\u0000${a.constructPath}`;
  const acknowledgements = new Map<string, AcknowledgementRecord>();
  for (const r of reports) for (const a of r.acknowledgements) if (!acknowledgements.has(ackKey(a))) acknowledgements.set(ackKey(a), a);
  // A file acknowledgement is given to every unit of its cloud: unused only when no unit used it.
  const fileKeys = new Map<string, number>();
  for (const u of units) for (const a of u.fileAcks) fileKeys.set(ackKey(a), (fileKeys.get(ackKey(a)) ?? 0) + 1);
  const unusedCount = new Map<string, { record: UnusedAcknowledgementRecord; n: number }>();
  for (const r of reports) {
    for (const a of r.unusedAcknowledgements) {
      const e = unusedCount.get(ackKey(a)) ?? { record: a, n: 0 };
      e.n++;
      unusedCount.set(ackKey(a), e);
    }
  }
  const unused = [...unusedCount.entries()].filter(([k, e]) => e.n >= (fileKeys.get(k) ?? 1)).map(([, e]) => e.record);
  const clouds = [...new Set(units.map((u) => u.cloud))];
  const tool = reports[0]?.tool ?? { name: 'cdk-data-protection', version: '0.0.0' };
  const report = buildEvidenceReport(policy, [...rules.values()], findings, tool, [...acknowledgements.values()], {
    cloud: clouds.length === 1 ? clouds[0] : undefined,
    unusedAcknowledgements: unused,
  });
  return notJudged.length > 0 ? { ...report, notJudged } : report;
}

/** Counts of one control's findings, for the console. */
export function controlCounts(findings: readonly EvidenceFinding[]): string {
  const n = (s: FindingStatus) => findings.filter((f) => f.status === s).length;
  const parts = [
    [n(FindingStatus.NON_COMPLIANT), 'open'],
    [n(FindingStatus.ACKNOWLEDGED), 'acknowledged'],
    [n(FindingStatus.COMPLIANT), 'compliant'],
  ].filter(([c]) => (c as number) > 0).map(([c, w]) => `${c} ${w}`);
  return parts.join(', ');
}

export { REPORT_FILES };
