import * as path from 'path';
import { packageVersion, TOOL_NAME } from './private/version';
import { FindingsPipeline, PipelineResult, Violation } from '../core/engine/pipeline';
import { PACK_NAME } from '../core/engine/rule';
import { Outcome, RuleResult, unverifiable, verdictsOf } from '../core/engine/verdict';
import { DataProtectionPolicy } from '../core/policy/policy';
import { AcknowledgementRecord, EvidenceFinding, EvidenceReport, mergeTopologies, Topology } from '../core/report/model';
import { AZURE_CONTROL_NOTES, AZURE_RULES } from '../rules/azure';
import { indexConfiguration, readTerraform, TerraformConfiguration } from '../terraform/configuration-index';
import { AzureResourceRule, AzureRuleContext, TerraformLookup, TerraformResourceView } from '../terraform/model';
import { ReadConfiguration, UnjudgedItem } from '../terraform/read-configuration';
import { terraformTopology } from '../terraform/topology';

export type { TerraformConfiguration } from '../terraform/configuration-index';

/** Where unverifiable values come from in Terraform, for verdicts that do not say. */
const UNVERIFIABLE_DETAIL = 'a value the rule depends on is a variable, data source or expression it cannot follow; '
  + 'review it and acknowledge with a reason';

/** Scope of an acknowledgement that covers every resource of the evaluation. */
const ALL_RESOURCES = '(all resources)';

/** A reviewed finding: why it does not apply or how the promise is kept another way. */
export interface AzureAcknowledgement {
  /**
   * A rule ID (`DataProtection-AzureStorageMinTls`, `AzureStorageMinTls`, with `[Unverifiable]` where the
   * finding has it) or a control ID (`DP.BAK.6`: every rule of the control).
   */
  readonly id: string;
  /** Why; must not be empty. */
  readonly reason: string;
  /**
   * Construct path (the acknowledgement covers it and everything below it) or Terraform address
   * (`azurerm_storage_account.logs`).
   * @default - every resource of the evaluation
   */
  readonly scope?: string;
}

/** Options of an Azure evaluation. */
export interface AzureEvaluationOptions {
  /** The policy whose promises and thresholds apply. */
  readonly policy: DataProtectionPolicy;
  /**
   * Reviewed findings.
   * @default - none
   */
  readonly acknowledgements?: AzureAcknowledgement[];
  /**
   * Names of the configurations to judge; the others are read only for app-wide rules (the
   * number of regions the workload runs in).
   * @default - every configuration
   */
  readonly judge?: string[];
}

/** A finding that fails synth. */
export interface AzureViolation {
  /** Configuration (stack) name. */
  readonly stackName: string;
  /** Terraform address of the resource. */
  readonly address: string;
  /** Construct path, when known. */
  readonly constructPath?: string;
  /** Full rule ID with its finding suffix. */
  readonly ruleId: string;
  /** Control ID. */
  readonly controlId: string;
  /** One line: where, which rule and control, what is wrong and how to fix it. */
  readonly message: string;
}

/** The outcome of evaluating Terraform configurations. */
export interface AzureEvaluation {
  /** Every finding (compliant, non-compliant, acknowledged, not applicable). */
  readonly findings: EvidenceFinding[];
  /** Unacknowledged non-compliant findings. */
  readonly violations: AzureViolation[];
  /** The evidence report (same format as the AWS checks'). */
  readonly report: EvidenceReport;
  /** Module calls and AzAPI resources whose content was not judged (never to be read as compliant). */
  readonly notJudged: UnjudgedItem[];
}

/**
 * Evaluate azurerm resources against the policy: the Azure half of the checks, free of cdktf,
 * aws-cdk-lib and cdk-nag. Accepts any Terraform JSON (a `cdk.tf.json`, hand-written `*.tf.json`,
 * HCL converted with `loadTerraformDirectory`) and `terraform show -json` output of a plan. For JSON
 * you load yourself that uses conditionals or functions, `await prepareConfigurations(...)` first.
 *
 * @throws when an acknowledgement has an empty reason
 */
export function evaluateTerraform(configurations: TerraformConfiguration[], options: AzureEvaluationOptions): AzureEvaluation {
  const result = runTerraform(configurations, options, AZURE_RULES);
  return {
    findings: result.findings,
    violations: result.violations.map(toAzureViolation),
    report: result.report,
    notJudged: result.configurations.flatMap((c) => c.unjudged),
  };
}

/** What `runTerraform` returns: the pipeline's result and the configurations as read. */
export interface TerraformRunResult extends PipelineResult {
  /** Each configuration as the rules read it (resource instances, provider version, what was not judged). */
  readonly configurations: readonly ReadConfiguration[];
}

/**
 * `evaluateTerraform` with a given rule set, returning the pipeline's whole result.
 *
 * @throws TerraformInputError for plan JSON of an unknown format version
 */
export function runTerraform(
  configurations: readonly TerraformConfiguration[], options: AzureEvaluationOptions, allRules: readonly AzureResourceRule[],
): TerraformRunResult {
  const { policy } = options;
  const acknowledgements = options.acknowledgements ?? [];
  const reasonless = acknowledgements.filter((a) => typeof a.reason !== 'string' || a.reason.trim() === '');
  if (reasonless.length > 0) {
    throw new Error('Acknowledgements of DataProtection rules must give a reason. Empty reason for: '
      + reasonless.map((a) => `${a.id}${a.scope ? ` at ${a.scope}` : ''}`).join('; ')
      + ". Give { id, reason: 'why the control does not apply or how it is met' }.");
  }
  const rules = allRules.filter((r) => policy.promises(r.controlId));
  const byType = new Map<string, AzureResourceRule[]>();
  for (const r of rules) {
    for (const t of r.resourceTypes) {
      let list = byType.get(t);
      if (!list) byType.set(t, list = []);
      list.push(r);
    }
  }

  const records: AcknowledgementRecord[] = acknowledgements.map((a) => ({
    pack: PACK_NAME, ruleId: a.id, reason: a.reason, constructPath: a.scope || ALL_RESOURCES,
  }));
  const pipeline = new FindingsPipeline({
    policy,
    rules,
    allRules,
    acknowledgements: records,
    tool: { name: TOOL_NAME, version: packageVersion() },
    cloud: 'Azure',
    controlNotes: AZURE_CONTROL_NOTES,
    unverifiableDetail: UNVERIFIABLE_DETAIL,
  });

  const stacks = configurations.map(readTerraform);
  const stackViews = stacks.map((s) => ({ name: s.name, resources: s.resources }));
  const judge = options.judge ? new Set(options.judge) : undefined;
  const topologies: Topology[] = [];
  for (const stack of stacks) {
    if (judge && !judge.has(stack.name)) continue;
    const lookup = indexConfiguration(stack.resources, stackViews);
    const context: AzureRuleContext = { policy, lookup };
    topologies.push(terraformTopology(stack.resources, lookup));
    const anyUncertain = stack.resources.some((r) => r.uncertainExistence !== undefined);
    for (const resource of stack.resources) {
      const subject = {
        stack: stack.name,
        logicalId: resource.address,
        resourceType: resource.type,
        constructPath: resource.constructPath ?? `${stack.name}/${resource.address}`,
        // A directory of Terraform files: the file that declares the resource.
        templatePath: resource.sourceFile ? path.posix.join(path.posix.dirname(stack.templatePath), resource.sourceFile) : stack.templatePath,
        enclosingScopes: enclosingAddresses(resource.address),
      };
      for (const rule of byType.get(resource.type) ?? []) {
        const watched = anyUncertain && !rule.handlesUncertainResources ? watchUncertain(lookup) : undefined;
        let result = safely(rule, resource, watched ? { policy, lookup: watched.lookup } : context);
        if (!(result instanceof Error)) {
          if (resource.uncertainExistence !== undefined) result = ifItExists(result, resource);
          else if (watched && watched.seen.length > 0) result = notOnUncertainEvidence(result, watched.seen);
        }
        pipeline.record(rule, subject, result);
      }
    }
  }
  return { ...pipeline.finish(mergeTopologies(topologies)), configurations: stacks };
}

/**
 * The addresses that contain an instance, nearest first: `module.m.azurerm_x.y[0]` is in
 * `module.m.azurerm_x.y` and `module.m` (an acknowledgement of either covers it).
 */
export function enclosingAddresses(address: string): string[] {
  const m = /^((?:module\.[^.[]+(?:\[[^\]]*\])?\.)*)([^.[]+\.[^.[]+)(\[[^\]]*\])?$/.exec(address);
  if (!m) return [];
  const out: string[] = [];
  if (m[3]) out.push(`${m[1]}${m[2]}`);
  // The module calls, innermost first, each with and without its instance key.
  const calls = [...m[1].matchAll(/module\.[^.[]+(\[[^\]]*\])?\./g)].map((c) => c[0].slice(0, -1));
  for (let i = calls.length; i > 0; i--) {
    const call = calls.slice(0, i).join('.');
    out.push(call);
    if (call.endsWith(']')) out.push(call.replace(/\[[^\]]*\]$/, ''));
  }
  return out;
}

/** A lookup that records the resources of uncertain existence a rule was given. */
function watchUncertain(lookup: TerraformLookup): { lookup: TerraformLookup; seen: TerraformResourceView[] } {
  const seen: TerraformResourceView[] = [];
  const note = <T extends TerraformResourceView | undefined>(v: T): T => {
    if (v && v.uncertainExistence !== undefined && !seen.includes(v)) seen.push(v);
    return v;
  };
  return {
    seen,
    lookup: {
      byAddress: (a) => note(lookup.byAddress(a)),
      ofType: (t) => lookup.ofType(t).map(note),
      referrers: (t) => lookup.referrers(t).map(note),
      stacks: lookup.stacks,
    },
  };
}

/**
 * A resource whose count or for_each is not known may not exist: what a rule said about it holds
 * only if it does, so it is unverifiable (never compliant), with the rule's verdict in the detail.
 */
function ifItExists(result: RuleResult, resource: TerraformResourceView): RuleResult {
  const verdicts = verdictsOf(result);
  if (verdicts.length === 0 || verdicts.every((v) => v.outcome === Outcome.NOT_APPLICABLE)) return result;
  const found = verdicts.filter((v) => v.outcome !== Outcome.NOT_APPLICABLE)
    .map((v) => `${v.outcome}${v.finding && v.outcome !== Outcome.UNVERIFIABLE ? ` [${v.finding}]` : ''}${v.detail ? ` (${v.detail})` : ''}`);
  return unverifiable(`${resource.address} may not be created: ${resource.uncertainExistence}; if it is: ${[...new Set(found)].join('; ')}`);
}

/** A compliant verdict reached while looking at resources that may not exist is not evidence. */
function notOnUncertainEvidence(result: RuleResult, seen: readonly TerraformResourceView[]): RuleResult {
  const verdicts = verdictsOf(result);
  if (!verdicts.some((v) => v.outcome === Outcome.COMPLIANT)) return result;
  const u = seen[0];
  return unverifiable(`the verdict depends on ${u.address}, which may not be created: ${u.uncertainExistence}`);
}

function toAzureViolation(v: Violation): AzureViolation {
  const f = v.finding;
  const handwritten = f.constructPath === `${f.stack}/${f.logicalId}`;
  return {
    stackName: f.stack,
    address: f.logicalId,
    ...(handwritten ? {} : { constructPath: f.constructPath }),
    ruleId: f.ruleId,
    controlId: f.controlId,
    message: v.message,
  };
}

/** A rule that throws must not hide the other findings: its error becomes a finding of its own. */
function safely(rule: AzureResourceRule, resource: TerraformResourceView, context: AzureRuleContext) {
  try {
    return rule.evaluate(resource, context);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
