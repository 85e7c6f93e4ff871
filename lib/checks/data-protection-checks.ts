import * as fs from 'fs';
import * as path from 'path';
import {
  CfnOutput, CfnParameter, CfnResource, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, Stack, Stage,
  Token, Validations,
} from 'aws-cdk-lib';
import { NagPack, NagPackProps } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { evaluateCloudFormation } from './cloudformation';
import { packageVersion } from './private/version';
import { CloudFormationStack } from '../cloudformation/template-index';
import { packOf } from '../core/engine/acknowledgements';
import { PipelineResult, summaryLine, unusedAcknowledgementWarning, Violation, violationText } from '../core/engine/pipeline';
import { PACK_NAME, ruleIdOf } from '../core/engine/rule';
import { DataProtectionPolicy } from '../core/policy/policy';
import { AcknowledgementRecord, EvidenceReport } from '../core/report/model';
import { REPORT_FILES, writeEvidenceReport } from '../core/report/write';
import { AWS_APP_RULES, AWS_RULES } from '../rules/aws';

/**
 * Props for DataProtectionChecks.
 */
export interface DataProtectionChecksProps extends NagPackProps {
  /**
   * The policy whose promises and thresholds the checks enforce.
   *
   * @default - the policy applied to `scope` or an ancestor (`DataProtectionPolicy.of(scope)`, read when
   *   the checks run), else `new DataProtectionPolicy()`: the strictest promise across the five documents
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

/** The stacks of a construct tree as the engine reads them, with the acknowledgements recorded on it. */
interface CollectedApp {
  readonly stacks: CloudFormationStack[];
  readonly acknowledgements: AcknowledgementRecord[];
}

/**
 * The data-protection rule pack: a cdk-nag 3 policy-validation plugin that checks every resource of
 * the app against a DataProtectionPolicy and writes an evidence report keyed by control ID.
 *
 * The checks themselves are cloud-neutral (`evaluateCloudFormation`, the same engine the CLI runs on
 * a cloud assembly); this class reads the app's templates and acknowledgements and hands the
 * violations to the CDK in cdk-nag's shape.
 *
 * @example
 * const app = new App();
 * Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy: DataProtectionPolicy.sitasys() }));
 */
export class DataProtectionChecks extends NagPack {
  /** Every rule of the pack, whatever the policy. */
  public static readonly ALL_RULE_IDS: string[] = [...AWS_RULES, ...AWS_APP_RULES].map(ruleIdOf);

  /**
   * IDs of the rules that check a control, whatever the policy (empty: the control is not automated
   * yet and is reported `not-automated`, never `met`).
   */
  public static rulesForControl(controlId: string): string[] {
    return [...AWS_RULES, ...AWS_APP_RULES].filter((r) => r.controlId === controlId).map(ruleIdOf);
  }

  /** Plugin name shown in the CDK validation report; also the namespace of qualified rule IDs. */
  public readonly name = PACK_NAME;
  /** Version of cdk-data-protection (optional in cdk-nag's NagPack; always set here). */
  public readonly version?: string;
  /**
   * IDs of every rule the pack can evaluate (what the CDK records for the plugin); rules of
   * controls the policy does not promise report nothing.
   */
  public readonly ruleIds?: string[] = DataProtectionChecks.ALL_RULE_IDS;

  private readonly writeReport: boolean;
  private readonly verboseMessages: boolean;
  private readonly givenPolicy?: DataProtectionPolicy;
  private readonly scope?: IConstruct;

  constructor(scope?: IConstruct, props: DataProtectionChecksProps = {}) {
    super(scope, props);
    this.packName = PACK_NAME;
    this.scope = scope;
    this.givenPolicy = props.policy;
    this.writeReport = props.writeReport ?? true;
    this.verboseMessages = props.verbose ?? false;
    this.version = packageVersion();
  }

  /** The policy in force: the `policy` prop, else the one applied to the scope the checks were created on. */
  public get policy(): DataProtectionPolicy {
    return this.givenPolicy ?? (this.scope ? DataProtectionPolicy.of(this.scope) : new DataProtectionPolicy());
  }


  /**
   * Entry point of the CDK validation framework: evaluates the stacks being synthesized, writes the
   * evidence report next to their templates, and returns the violations.
   */
  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as IPolicyValidationContext & { appConstruct?: IConstruct }).appConstruct;
    if (!root) throw new Error('DataProtectionChecks needs the construct tree on the validation context (aws-cdk-lib >= 2.262).');
    const dirs = context.stackTemplates.map((s) => path.dirname(s.templatePath));
    const reportDir = dirs.length > 0 ? commonDirectory(dirs) : undefined;
    const judged = new Set(context.stackTemplates.map((s) => s.stackConstructPath));
    const result = this.run(root, judged, reportDir ?? rootOutdir(root), synthesizedTemplate);
    let reportPath: string | undefined;
    if (this.writeReport && reportDir) {
      writeEvidenceReport(reportDir, result.report, process.cwd());
      reportPath = path.relative(process.cwd(), path.join(reportDir, REPORT_FILES.markdown)) || REPORT_FILES.markdown;
    }
    // What the developer sees at the end of every synth, passing or failing: stale acknowledgements,
    // then one line per architecture (the Stage, or the app) with the report's path.
    for (const u of result.unusedAcknowledgements) console.error(unusedAcknowledgementWarning(u));
    console.error(summaryLine(architectureName(root, judged), result.report, reportPath));
    throwIfReasonless(result);
    return this.pluginReport(result.violations);
  }

  /**
   * Validate a construct tree directly (cdk-nag's entry point for tests and older CDK versions).
   * Writes no files: templates are rendered in memory.
   */
  public validateScope(scope: IConstruct): PolicyValidationPluginReport {
    const result = this.run(scope.node.root, judgedUnder(scope), rootOutdir(scope), undefined, appAround(scope));
    throwIfReasonless(result);
    return this.pluginReport(result.violations);
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
    // Synthesis has just written every template: the checks read them instead of rendering again.
    const result = this.run(root, judgedUnder(scope), rootOutdir(scope), Stage.isStage(root) ? synthesizedTemplate : undefined, appAround(scope));
    throwIfReasonless(result);
    return result.report;
  }

  /** Never called: `validateScope` and `validate` evaluate whole templates, not one resource at a time. */
  protected checkResource(_node: CfnResource): void {}

  private run(
    root: IConstruct, judged: ReadonlySet<string> | undefined, assemblyDir: string, templateOf?: (stack: Stack) => any | undefined,
    context?: readonly string[],
  ): PipelineResult {
    const app = collect(root, assemblyDir, templateOf);
    const inScope = (p: string) => !judged || [...judged].some((s) => s === p || s.startsWith(`${p}/`) || p.startsWith(`${s}/`) || p === '');
    return evaluateCloudFormation(app.stacks, {
      policy: this.policy,
      acknowledgements: app.acknowledgements.filter((a) => inScope(a.constructPath)),
      judge: judged ? [...judged] : undefined,
      context: context ? [...context] : judged ? [...judged] : undefined,
    });
  }

  /** The violations in the shape the CDK prints: one entry per rule and description, listing every construct. */
  private pluginReport(violations: readonly Violation[]): PolicyValidationPluginReport {
    const byKey = new Map<string, PolicyViolation & { violatingResources: { constructPath: string; locations: string[] }[] }>();
    for (const v of violations) {
      const f = v.finding;
      const description = `${violationText(f, v.rule, v.promised, v.fix)}${this.verboseMessages && v.rule.fix ? ` Why: ${v.rule.explanation}` : ''}`;
      const key = `${f.ruleId}\u0000${description}`;
      let entry = byKey.get(key);
      if (!entry) {
        byKey.set(key, entry = { ruleName: f.ruleId, description, severity: v.rule.level, violatingResources: [] });
      }
      entry.violatingResources.push({ constructPath: f.constructPath, locations: ['Properties'] });
    }
    return { success: violations.length === 0, violations: [...byKey.values()] };
  }
}

/** The architecture a synth judges: the Stage its stacks are in, or the app. */
function architectureName(root: IConstruct, judged: ReadonlySet<string> | undefined): string {
  const first = judged ? [...judged][0] : undefined;
  // Down the path of the first judged stack (not a walk of the whole tree) to its construct.
  let c: IConstruct | undefined = first ? root : undefined;
  for (const id of first ? first.split('/').filter((x) => x) : []) c = c?.node.tryFindChild(id);
  const stage = c ? Stage.of(c) : undefined;
  return stage && stage.node.path ? stage.node.path : 'app';
}

/**
 * The app a scope is judged in: every top-level stack of the same cloud assembly (the nearest
 * Stage around it), so that a stack judged on its own is judged as part of its app, not as if it
 * were the whole app (one region, no audit trail).
 */
function appAround(scope: IConstruct): string[] {
  const stage = Stage.isStage(scope) ? scope : Stage.of(scope);
  if (!stage) return [];
  return stage.node.findAll().filter((c): c is Stack => Stack.isStack(c) && !c.nestedStackParent && Stage.of(c) === stage).map((s) => s.node.path);
}

/** The top-level stacks at or under `scope`; undefined (every stack) for the app itself. */
function judgedUnder(scope: IConstruct): ReadonlySet<string> | undefined {
  if (scope === scope.node.root) return undefined;
  const stacks = new Set([scope, ...scope.node.findAll()]
    .filter((c): c is Stack => Stack.isStack(c) && !c.nestedStackParent)
    .map((s) => s.node.path));
  if (Stack.isStack(scope) && scope.nestedStackParent) {
    // A nested stack is judged with the stack that deploys it.
    let top: Stack = scope;
    while (top.nestedStackParent) top = top.nestedStackParent;
    stacks.add(top.node.path);
  }
  return stacks;
}

/**
 * One walk of the construct tree: each stack's template (as synthesis wrote it, or rendered
 * resource by resource when there is none), the construct path of every logical ID, and every
 * acknowledgement recorded on a construct.
 */
function collect(root: IConstruct, assemblyDir: string, templateOf?: (stack: Stack) => any | undefined): CollectedApp {
  const stacks = new Map<Stack, { entry: CloudFormationStack; paths: { [id: string]: string }; rendered?: any }>();
  const acknowledgements: AcknowledgementRecord[] = [];
  const entryOf = (stack: Stack) => {
    let e = stacks.get(stack);
    if (!e) {
      const written = templateOf?.(stack);
      const paths: { [id: string]: string } = {};
      const rendered = written ? undefined : { Resources: {}, Outputs: {}, Parameters: {} };
      const templateFile = path.join(Stage.of(stack)?.outdir ?? assemblyDir, stack.templateFile);
      const entry: CloudFormationStack = {
        path: stack.node.path,
        name: stack.stackName,
        ...(Token.isUnresolved(stack.region) ? {} : { region: stack.region }),
        template: written ?? rendered,
        templatePath: path.relative(assemblyDir, templateFile).split(path.sep).join('/'),
        constructPaths: paths,
        ...(stack.nestedStackParent ? { parentPath: stack.nestedStackParent.node.path } : {}),
      };
      stacks.set(stack, e = { entry, paths, rendered });
    }
    return e;
  };

  const todo: IConstruct[] = [root];
  while (todo.length > 0) {
    const c = todo.pop()!;
    for (const m of c.node.metadata) {
      if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !m.data) continue;
      for (const [key, reason] of Object.entries(m.data as Record<string, unknown>)) {
        const ruleId = key.replace(/^annotation::/i, '');
        acknowledgements.push({ pack: packOf(ruleId), ruleId, reason: typeof reason === 'string' ? reason : '', constructPath: c.node.path });
      }
    }
    if (Stack.isStack(c)) {
      entryOf(c);
    } else if (CfnResource.isCfnResource(c)) {
      const stack = Stack.of(c);
      const e = entryOf(stack);
      const logicalId = stack.resolve(c.logicalId);
      e.paths[logicalId] = c.node.path;
      if (e.rendered) Object.assign(e.rendered.Resources, render(stack, c).Resources);
    } else if (c instanceof CfnOutput || c instanceof CfnParameter) {
      const e = entryOf(Stack.of(c));
      if (e.rendered) {
        const body = render(Stack.of(c), c);
        Object.assign(e.rendered.Outputs, body.Outputs);
        Object.assign(e.rendered.Parameters, body.Parameters);
      }
    }
    // Reverse so constructs are visited in tree order (stable report ordering).
    const children = c.node.children;
    for (let i = children.length - 1; i >= 0; i--) todo.push(children[i]);
  }
  return { stacks: [...stacks.values()].map((s) => s.entry), acknowledgements };
}

/**
 * What the stack will write into its template for one element (overrides included).
 * `_toCloudFormation()` is aws-cdk-lib's own (internal) rendering; the only other way to get a
 * template without writing files. test/checks/cdk-internals.test.ts pins the behaviour relied on.
 */
function render(stack: Stack, element: CfnResource | CfnOutput | CfnParameter): any {
  try {
    return stack.resolve((element as any)._toCloudFormation()) ?? {};
  } catch (e) {
    // The CDK could not write this element into a template either: say which one.
    throw new Error(`DataProtectionChecks cannot read ${element.node.path}: ${(e as Error).message}`);
  }
}

function throwIfReasonless(result: PipelineResult): void {
  if (result.reasonless.length > 0) {
    throw new Error('Acknowledgements of DataProtection rules must give a reason. '
      + `Empty reason for: ${result.reasonless.map((r) => `${r.ruleId} on ${r.constructPath}`).join('; ')}. `
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
