import { packageVersion, TOOL_NAME } from './private/version';
import { cdkCreatedAdvice, cdkCreatedFor } from '../cloudformation/cdk-managed';
import { AppFinding, AppRule, ResourceRule, ResourceView, RuleContext, StackView } from '../cloudformation/model';
import { CloudFormationStack, TemplateIndex } from '../cloudformation/template-index';
import { cloudFormationTopology } from '../cloudformation/topology';
import { FindingsPipeline, FindingSubject, PipelineResult } from '../core/engine/pipeline';
import { Outcome, RuleResult, verdictsOf } from '../core/engine/verdict';
import { DataProtectionPolicy } from '../core/policy/policy';
import { AcknowledgementRecord } from '../core/report/model';
import { AWS_APP_RULES, AWS_RULES } from '../rules/aws';

export type { CloudFormationStack } from '../cloudformation/template-index';

/** Where unverifiable values come from in CloudFormation, for verdicts that do not say. */
const UNVERIFIABLE_DETAIL = 'a value the rule depends on is known only at deployment; review it and acknowledge with a reason';

/** Options of a CloudFormation evaluation. */
export interface CloudFormationEvaluationOptions {
  /** The policy whose promises and thresholds apply. */
  readonly policy: DataProtectionPolicy;
  /**
   * Acknowledgements, each scoped to a construct path (it covers that construct and everything
   * below it; an empty path covers every resource).
   * @default - none
   */
  readonly acknowledgements?: AcknowledgementRecord[];
  /**
   * Paths of the stacks to judge; the others are read for references and app-wide context only.
   * A nested stack is judged with the stack that deploys it.
   * @default - every stack
   */
  readonly judge?: string[];
  /**
   * Paths of the stacks that form the app the judged stacks belong to (for a CDK app with Stages:
   * the judged stacks' Stage). App-wide rules (regions, audit trail, accelerator coverage) read
   * these as the whole app; findings are still reported only for the judged stacks.
   * @default - the judged stacks
   */
  readonly context?: string[];
}

/** The rules an evaluation runs (the registry, unless a test substitutes its own). */
export interface CloudFormationRules {
  /** Per-resource rules. */
  readonly resourceRules: readonly ResourceRule[];
  /** App-wide rules. */
  readonly appRules: readonly AppRule[];
}

/** The registry: every AWS rule of the library. */
export const REGISTERED_CLOUDFORMATION_RULES: CloudFormationRules = { resourceRules: AWS_RULES, appRules: AWS_APP_RULES };

/**
 * Judge CloudFormation templates against the policy: the AWS half of the checks, free of
 * aws-cdk-lib and cdk-nag, so a cloud assembly of a CDK app in any language or a plain template
 * gets the same verdicts as `DataProtectionChecks` at synth time.
 */
export function evaluateCloudFormation(stacks: readonly CloudFormationStack[], options: CloudFormationEvaluationOptions): PipelineResult {
  return runCloudFormation(stacks, options, REGISTERED_CLOUDFORMATION_RULES);
}

/** `evaluateCloudFormation` with a given rule set. */
export function runCloudFormation(
  stacks: readonly CloudFormationStack[], options: CloudFormationEvaluationOptions, rules: CloudFormationRules,
): PipelineResult {
  const { policy } = options;
  const resourceRules = rules.resourceRules.filter((r) => policy.promises(r.controlId));
  const appRules = rules.appRules.filter((r) => policy.promises(r.controlId));
  const byType = new Map<string, ResourceRule[]>();
  for (const rule of resourceRules) {
    for (const type of rule.resourceTypes) {
      let list = byType.get(type);
      if (!list) byType.set(type, list = []);
      list.push(rule);
    }
  }

  const index = TemplateIndex.build(stacks);
  const context: RuleContext = { policy, lookup: index };
  const pipeline = new FindingsPipeline({
    policy,
    rules: [...resourceRules, ...appRules],
    allRules: [...rules.resourceRules, ...rules.appRules],
    acknowledgements: options.acknowledgements ?? [],
    tool: { name: TOOL_NAME, version: packageVersion() },
    cloud: 'AWS',
    unverifiableDetail: UNVERIFIABLE_DETAIL,
  });

  const byPath = new Map(stacks.map((s) => [s.path, s]));
  const topOf = (s: CloudFormationStack): CloudFormationStack => {
    let top = s;
    for (let hops = 0; top.parentPath && byPath.has(top.parentPath) && hops < 32; hops++) top = byPath.get(top.parentPath)!;
    return top;
  };
  const judge = options.judge ? new Set(options.judge) : undefined;
  const judged = stacks.filter((s) => !judge || judge.has(topOf(s).path));

  const judgedResources: ResourceView[] = [];
  for (const stack of judged) {
    for (const resource of index.resourcesOf(stack.path)) {
      judgedResources.push(resource);
      const forType = byType.get(resource.type);
      if (!forType) continue;
      const madeBy = cdkCreatedFor(resource);
      for (const rule of forType) {
        const result = safely(() => rule.evaluate(resource, context));
        const explained = madeBy && !(result instanceof Error) ? explainCdkCreated(result, resource, madeBy) : result;
        pipeline.record(rule, subjectOf(resource, stack), explained);
      }
    }
  }

  const isTop = (s: CloudFormationStack) => !s.parentPath || !byPath.has(s.parentPath);
  const topLevel = judged.filter(isTop);
  // App rules see the judged stacks first (they anchor app-level findings on the first stack),
  // then the rest of the app around them.
  const around = new Set(options.context ?? []);
  const contextOnly = stacks.filter((s) => isTop(s) && around.has(s.path) && !topLevel.includes(s));
  const nestedIn = (top: CloudFormationStack) => stacks.filter((s) => s !== top && topOf(s) === top).map((s) => s.path);
  const stackViews: StackView[] = [...topLevel, ...contextOnly].map((s) => {
    const nested = nestedIn(s);
    return { path: s.path, ...(s.region ? { region: s.region } : {}), ...(nested.length > 0 ? { nested } : {}) };
  });
  const judgedPaths = new Map(topLevel.map((s) => [s.path, s]));
  const judgedStacks = new Set(judged);
  for (const rule of appRules) {
    const result = safely(() => rule.evaluate(context, stackViews));
    if (result instanceof Error) {
      if (topLevel.length > 0) pipeline.record(rule, stackSubject(topLevel[0]), result);
      continue;
    }
    for (const f of result) {
      const stack = f.resource ? byPath.get(f.resource.stackPath) : f.stackPath !== undefined ? judgedPaths.get(f.stackPath) : undefined;
      // App rules read every stack of the app; findings belong to the report only for the stacks judged
      // (a Stage's report must not judge another Stage's accelerator).
      if (!stack || !judgedStacks.has(stack)) continue;
      pipeline.record(rule, f.resource ? subjectOf(f.resource, stack) : stackSubject(stack), withDetail(f));
    }
  }
  return pipeline.finish(cloudFormationTopology(judgedResources, index));
}

function subjectOf(resource: ResourceView, stack: CloudFormationStack): FindingSubject {
  return {
    stack: resource.stackPath,
    logicalId: resource.logicalId,
    resourceType: resource.type,
    constructPath: resource.constructPath,
    templatePath: stack.templatePath,
  };
}

function stackSubject(stack: CloudFormationStack): FindingSubject {
  return { stack: stack.path, logicalId: '', resourceType: 'AWS::CloudFormation::Stack', constructPath: stack.path, templatePath: stack.templatePath };
}

/** A finding on a resource the CDK created says so, and what the user can do about it. */
function explainCdkCreated(result: RuleResult, resource: ResourceView, madeBy: string): RuleResult {
  const advice = cdkCreatedAdvice(resource, madeBy);
  return verdictsOf(result).map((v) => (v.outcome === Outcome.NON_COMPLIANT || v.outcome === Outcome.UNVERIFIABLE
    ? { ...v, detail: v.detail ? `${v.detail}; ${advice}` : advice } : v));
}

/** An app finding's detail applies to its verdicts that carry none. */
function withDetail(f: AppFinding): RuleResult {
  if (!f.detail) return f.result;
  return verdictsOf(f.result).map((v) => (v.detail ? v : { ...v, detail: f.detail }));
}

/** A rule that throws must not hide the other findings: its error becomes a finding of its own. */
function safely<T>(run: () => T): T | Error {
  try {
    return run();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}
