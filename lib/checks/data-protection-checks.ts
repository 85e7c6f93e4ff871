import * as fs from 'fs';
import * as path from 'path';
import {
  CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, Stack, Stage, Token,
} from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagPackProps, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { acknowledgementsIn, findAcknowledgement } from './private/acknowledgements';
import { describeRule, PACK_NAME } from './private/describe';
import { packageVersion } from './private/version';
import { AppIndex } from './private/app-index';
import { DataProtectionPolicy } from '../core/policy/policy';
import { buildEvidenceReport } from '../core/report/build';
import { EvidenceFinding, EvidenceReport, FindingStatus, RuleDescription } from '../core/report/model';
import { writeEvidenceReport } from '../core/report/write';
import { AWS_APP_RULES, AWS_RULES } from '../rules/aws';
import { AppRule, ResourceRule, ResourceView, RuleContext } from '../rules/rule';

/** The pack's name: rule IDs are `DataProtection-<Rule>`. */
const TOOL_NAME = 'cdk-data-protection';

/**
 * Props for DataProtectionChecks.
 */
export interface DataProtectionChecksProps extends NagPackProps {
  /**
   * The policy whose promises and thresholds the checks enforce.
   *
   * @default - `new DataProtectionPolicy()`: the strictest promise across the five policy documents
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * Write the evidence report (JSON, Markdown, SARIF) into the cloud assembly directory on every
   * synth, also when synth fails on violations.
   *
   * @default true
   */
  readonly writeReport?: boolean;
}

/** State of one evaluation: built once, discarded after. */
interface Run {
  readonly index: AppIndex;
  readonly context: RuleContext;
  /** Construct paths of the stacks to evaluate; undefined evaluates every stack. */
  readonly stacks?: ReadonlySet<string>;
  readonly inScope: Map<Stack, boolean>;
  readonly findings: EvidenceFinding[];
  /** Acknowledgements of our rules that carry no reason: an error once the report is written. */
  readonly reasonless: string[];
  /** Template file of each stack, relative to the report directory. */
  readonly templatePath: (stack: Stack) => string;
}

/**
 * The data-protection rule pack: a cdk-nag 3 policy-validation plugin that checks every resource of
 * the app against a DataProtectionPolicy and writes an evidence report keyed by control ID.
 *
 * @example
 * const app = new App();
 * Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy: DataProtectionPolicy.sitasys() }));
 */
export class DataProtectionChecks extends NagPack {
  /** Every rule of the pack, whatever the policy. */
  public static readonly ALL_RULE_IDS: string[] = [...AWS_RULES, ...AWS_APP_RULES].map((r) => `${PACK_NAME}-${r.name}`);

  /**
   * IDs of the rules that check a control, whatever the policy (empty: the control is not automated
   * yet and is reported `not-automated`, never `met`).
   */
  public static rulesForControl(controlId: string): string[] {
    return [...AWS_RULES, ...AWS_APP_RULES].filter((r) => r.controlId === controlId).map((r) => `${PACK_NAME}-${r.name}`);
  }

  /** Plugin name shown in the CDK validation report; also the namespace of qualified rule IDs. */
  public readonly name = PACK_NAME;
  /** Version of cdk-data-protection. */
  public readonly version: string;
  /** IDs of the rules this pack evaluates under its policy. */
  public readonly ruleIds: string[];
  /** The policy in force. */
  public readonly policy: DataProtectionPolicy;

  private readonly rulesByType = new Map<string, ResourceRule[]>();
  private readonly activeRules: ResourceRule[];
  private readonly activeAppRules: AppRule[];
  private readonly writeReport: boolean;
  private run?: Run;

  constructor(scope?: IConstruct, props: DataProtectionChecksProps = {}) {
    super(scope, props);
    this.packName = PACK_NAME;
    this.policy = props.policy ?? new DataProtectionPolicy();
    this.writeReport = props.writeReport ?? true;
    this.version = packageVersion();
    this.activeRules = AWS_RULES.filter((r) => this.policy.promises(r.controlId));
    for (const rule of this.activeRules) {
      for (const type of rule.resourceTypes) {
        const list = this.rulesByType.get(type) ?? [];
        list.push(rule);
        this.rulesByType.set(type, list);
      }
    }
    this.activeAppRules = AWS_APP_RULES.filter((r) => this.policy.promises(r.controlId));
    this.ruleIds = [...this.activeRules, ...this.activeAppRules].map((r) => `${PACK_NAME}-${r.name}`);
  }

  /**
   * Entry point of the CDK validation framework: evaluates the stacks being synthesized, writes the
   * evidence report next to their templates, and returns the violations.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const dirs = context.stackTemplates.map((s) => path.dirname(s.templatePath));
    const reportDir = dirs.length > 0 ? commonDirectory(dirs) : undefined;
    const stacks = new Set(context.stackTemplates.map((s) => s.stackConstructPath));
    const { pluginReport, evidence, reasonless } = this.execute(context.appConstruct, stacks, reportDir, synthesizedTemplate);
    if (this.writeReport && reportDir) {
      writeEvidenceReport(reportDir, evidence, process.cwd());
    }
    throwIfReasonless(reasonless);
    return pluginReport;
  }

  /**
   * Validate a construct tree directly (cdk-nag's entry point for tests and older CDK versions).
   * Writes no files.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    const { pluginReport, reasonless } = this.execute(scope, undefined, undefined);
    throwIfReasonless(reasonless);
    return pluginReport;
  }

  /**
   * Evaluate a construct tree and return the evidence report (no report files written).
   *
   * The app is synthesized first (a no-op if it already was), as `Template.fromStack` does, so that
   * aspects such as `Tags.of()` have run and cross-stack references are final; validation plugins
   * registered on the app run as part of that synth. Template paths in the report are relative to
   * the app's cloud assembly directory.
   */
  public evaluate(scope: IConstruct): EvidenceReport {
    const root = scope.node.root;
    if (Stage.isStage(root)) root.synth();
    // A stack (or any construct below the app) is evaluated on its own: only its stacks are judged.
    const stacks = scope === root ? undefined : new Set(
      [scope, ...scope.node.findAll()].filter((c): c is Stack => Stack.isStack(c) && !c.nestedStackParent).map((s) => s.node.path),
    );
    if (stacks && Stack.isStack(scope) && scope.nestedStackParent) {
      // A nested stack is judged with the stack that deploys it.
      let top: Stack = scope;
      while (top.nestedStackParent) top = top.nestedStackParent;
      stacks.add(top.node.path);
    }
    // Synthesis has just written every template: the index reads them instead of rendering again.
    const { evidence, reasonless } = this.execute(root, stacks, undefined, Stage.isStage(root) ? synthesizedTemplate : undefined);
    throwIfReasonless(reasonless);
    return evidence;
  }

  protected checkResource(node: CfnResource): void {
    const run = this.run;
    if (!run) throw new Error('DataProtectionChecks.checkResource called outside validate()/validateScope()');
    const view = run.index.view(node);
    if (!view || !this.stackInScope(run, Stack.of(node))) return;
    for (const rule of this.rulesByType.get(view.type) ?? []) {
      let result: NagRuleResult = NagRuleCompliance.NOT_APPLICABLE;
      let error: Error | undefined;
      try {
        result = rule.evaluate(view, run.context);
      } catch (e) {
        error = e instanceof Error ? e : new Error(String(e));
      }
      this.record(run, rule, view, result, error);
      // Delegate so cdk-nag applies its own acknowledgement matching and reporting.
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        node,
        rule: () => {
          if (error) throw error;
          return result;
        },
      });
    }
  }

  private execute(
    scope: IConstruct, stacks: ReadonlySet<string> | undefined, reportDir: string | undefined,
    templateOf?: (stack: Stack) => any | undefined,
  ) {
    const index = AppIndex.build(scope.node.root, templateOf);
    const assemblyDir = reportDir ?? rootOutdir(scope);
    const templatePaths = new Map<Stack, string>();
    this.run = {
      index,
      context: { policy: this.policy, lookup: index },
      stacks,
      inScope: new Map(),
      findings: [],
      reasonless: [],
      templatePath: (stack) => {
        let p = templatePaths.get(stack);
        if (p === undefined) {
          const abs = path.join(Stage.of(stack)?.outdir ?? assemblyDir, stack.templateFile);
          p = path.relative(assemblyDir, abs).split(path.sep).join('/');
          templatePaths.set(stack, p);
        }
        return p;
      },
    };
    try {
      const run = this.run;
      const judged = [scope, ...scope.node.findAll()]
        .filter((c): c is Stack => Stack.isStack(c) && !c.nestedStackParent && this.stackInScope(run, c));
      const resourceReport = super.validateScope(scope);
      const pluginReport = this.runAppRules(run, judged, resourceReport);
      const evidence = buildEvidenceReport(this.policy, this.describeRules(), this.run.findings,
        { name: TOOL_NAME, version: this.version }, acknowledgementsIn(judged));
      return { pluginReport, evidence, reasonless: [...this.run.reasonless] };
    } finally {
      this.run = undefined;
    }
  }

  /** Run the app-wide rules once, record their findings, and add their violations to the report. */
  private runAppRules(run: Run, judged: readonly Stack[], report: PolicyValidationPluginReport): PolicyValidationPluginReport {
    if (this.activeAppRules.length === 0) return report;
    const stacks = new Map(judged.map((s) => [s.node.path, s]));
    const stackViews = [...stacks.values()].map((s) => ({ path: s.node.path, region: Token.isUnresolved(s.region) ? undefined : s.region }));
    const violations = [...report.violations];
    for (const rule of this.activeAppRules) {
      let findings;
      try {
        findings = rule.evaluate(run.context, stackViews);
      } catch (e) {
        findings = [{ stackPath: stackViews[0]?.path, result: NagRuleCompliance.NON_COMPLIANT, detail: `rule error: ${(e as Error).message}` }];
      }
      for (const f of findings) {
        const anchor: IConstruct | undefined = f.resource?.node ?? (f.stackPath !== undefined ? stacks.get(f.stackPath) : undefined);
        if (!anchor) continue;
        const view: ResourceView = f.resource ?? {
          node: anchor as unknown as CfnResource, stackPath: f.stackPath!, logicalId: '', type: 'AWS::CloudFormation::Stack', properties: {},
        };
        const before = run.findings.length;
        this.record(run, rule, view, f.result, undefined, f.detail, anchor);
        for (const added of run.findings.slice(before).filter((x) => x.status === FindingStatus.NON_COMPLIANT)) {
          violations.push({
            ruleName: added.ruleId,
            description: f.detail ? `${rule.info} ${f.detail}` : rule.info,
            severity: rule.level === NagMessageLevel.ERROR ? 'error' : 'warning',
            violatingResources: [{ constructPath: added.constructPath, locations: [] }],
          });
        }
      }
    }
    return { success: violations.length === 0, violations };
  }

  private record(run: Run, rule: ResourceRule | AppRule, view: ResourceView, result: NagRuleResult, error?: Error,
    appDetail?: string, anchor: IConstruct = view.node): void {
    const ruleId = `${PACK_NAME}-${rule.name}`;
    const stack = Stack.of(anchor);
    const base = {
      controlId: rule.controlId,
      stack: view.stackPath,
      logicalId: view.logicalId,
      resourceType: view.type,
      constructPath: anchor.node.path,
      templatePath: run.templatePath(stack),
      ...(appDetail ? { detail: appDetail } : {}),
    };
    const violation = (id: string, detail?: string): EvidenceFinding => {
      const ack = findAcknowledgement(anchor, id, PACK_NAME);
      if (!ack) return { ...base, ruleId: id, status: FindingStatus.NON_COMPLIANT, ...(detail ? { detail } : {}) };
      if (ack.reason.trim() === '') run.reasonless.push(`${id} on ${ack.at}`);
      return {
        ...base, ruleId: id, status: FindingStatus.ACKNOWLEDGED, reason: ack.reason,
        acknowledgedId: ack.id, acknowledgedAt: ack.at, ...(detail ? { detail } : {}),
      };
    };

    if (error) {
      run.findings.push(violation(ruleId, `rule error: ${error.message}`));
    } else if (Array.isArray(result)) {
      if (result.length === 0) run.findings.push({ ...base, ruleId, status: FindingStatus.COMPLIANT });
      for (const finding of result) {
        run.findings.push(violation(`${ruleId}[${finding}]`, findingDetail(finding)));
      }
    } else if (result === NagRuleCompliance.NON_COMPLIANT) {
      run.findings.push(violation(ruleId));
    } else {
      const status = result === NagRuleCompliance.COMPLIANT ? FindingStatus.COMPLIANT : FindingStatus.NOT_APPLICABLE;
      run.findings.push({ ...base, ruleId, status });
    }
  }

  /** Whether the resource's stack (or the top-level stack that nests it) is being evaluated. */
  private stackInScope(run: Run, stack: Stack): boolean {
    if (!run.stacks) return true;
    let known = run.inScope.get(stack);
    if (known === undefined) {
      let top: Stack = stack;
      while (top.nestedStackParent) top = top.nestedStackParent;
      known = run.stacks.has(top.node.path);
      run.inScope.set(stack, known);
    }
    return known;
  }

  private describeRules(): RuleDescription[] {
    return [...this.activeRules, ...this.activeAppRules].map(describeRule);
  }
}

function findingDetail(finding: string): string | undefined {
  return finding === 'Unverifiable'
    ? 'a value the rule depends on is a parameter, condition or import from outside the app; review it and acknowledge with a reason'
    : undefined;
}

function throwIfReasonless(reasonless: string[]): void {
  if (reasonless.length > 0) {
    throw new Error('Acknowledgements of DataProtection rules must give a reason. '
      + `Empty reason for: ${reasonless.join('; ')}. `
      + "Use Validations.of(construct).acknowledge({ id, reason: 'why the control does not apply or how it is met' }).");
  }
}

/** The template synthesis wrote for a stack, if any (read only right after synthesis, so never stale). */
function synthesizedTemplate(stack: Stack): any | undefined {
  const outdir = Stage.of(stack)?.outdir;
  if (!outdir) return undefined;
  try {
    return JSON.parse(fs.readFileSync(path.join(outdir, stack.templateFile), 'utf8'));
  } catch {
    return undefined;
  }
}

function rootOutdir(scope: IConstruct): string {
  const root = scope.node.root;
  return Stage.isStage(root) ? root.outdir : process.cwd();
}

function commonDirectory(dirs: string[]): string {
  let common = path.resolve(dirs[0]);
  for (const d of dirs.slice(1)) {
    const abs = path.resolve(d);
    while (abs !== common && !abs.startsWith(common + path.sep)) common = path.dirname(common);
  }
  return common;
}
