import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { App, AppProps, Stack } from 'aws-cdk-lib';
import { pinFindings } from './meta/pinned-findings';
import { recordOutcomes } from './meta/rule-outcomes';
import { evaluateCloudFormation, REGISTERED_CLOUDFORMATION_RULES, runCloudFormation } from '../lib/checks/cloudformation';
import type { CloudFormationStack } from '../lib/cloudformation/template-index';
import { DataProtectionPolicy } from '../lib/core/policy/policy';
import type { EvidenceFinding, EvidenceReport } from '../lib/core/report/model';

// aws-cdk-lib and the library's constructs are required where a test needs them, not on load: the
// rule tests judge raw templates with the engine alone, and loading aws-cdk-lib in every test file
// is what made a mutation run take hours (Stryker loads every test file for every mutant).
/* eslint-disable @typescript-eslint/no-require-imports -- lazy on purpose, see above */
const cdk = () => require('aws-cdk-lib') as typeof import('aws-cdk-lib');

/** The feature flags of cdk.json, so tests build apps the way `cdk synth` does. */
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'),
).context;

export const ENV = { account: '111111111111', region: 'eu-west-1' };

/** An app with the project's feature flags; the CloudFormation validator is off unless asked for. */
export function newApp(props: AppProps = {}): App {
  return new (cdk().App)({ builtinCloudFormationValidation: false, ...props, context: { ...CDK_CONTEXT, ...props.context } });
}

/** A temporary directory, removed by the OS eventually; tests never write into the repository. */
export function tempDir(prefix = 'dp-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** What `includeTemplate` accepts besides the resources. */
export interface IncludeOptions {
  parameters?: string[]; conditions?: Record<string, unknown>; stackId?: string;
  /** The stack's region; `null` for an environment-agnostic stack (no region known at synth). */
  region?: string | null;
  /** Parameters declared with these defaults (`{ OpsCidr: '10.0.0.0/16' }`), or with a full declaration. */
  parameterDefaults?: Record<string, unknown>;
  /** Template outputs (`{ VpcCidr: { Value: ..., Export: { Name: ... } } }`). */
  outputs?: Record<string, unknown>;
  mappings?: Record<string, unknown>;
}

/**
 * Raw CloudFormation templates standing for an app, as the rule tests write them: judged by the
 * engine (`evaluateCloudFormation`) without aws-cdk-lib, and, unless `DP_RULE_TESTS=engine`, also
 * loaded with `CfnInclude` into a CDK app and judged by `DataProtectionChecks`, the two reports
 * required to be identical (see `evaluate`).
 */
export class TemplateApp {
  /** The stacks, in the order they were added (as a CDK app's stacks are in construct order). */
  public readonly stacks: CloudFormationStack[] = [];
}

/** An empty set of templates for `includeTemplate` to add stacks to (the rule tests' `newApp()`). */
export function templateApp(): TemplateApp {
  return new TemplateApp();
}

/**
 * Load a raw CloudFormation template (as a user's existing template would be). Into a CDK `app`
 * given, with CfnInclude; otherwise as a stack of a `TemplateApp` (a new one unless given), named
 * and pathed as CfnInclude would name it (`<stackId>/Template/<logicalId>`), for `evaluate`.
 * `Parameters` are declared automatically for every `Ref` the caller lists.
 */
export function includeTemplate(resources: Record<string, unknown>, options: IncludeOptions & { app: App }): { app: App; stack: Stack };
export function includeTemplate(
  resources: Record<string, unknown>, options?: IncludeOptions & { app?: TemplateApp },
): { app: TemplateApp; stack: CloudFormationStack };
export function includeTemplate(
  resources: Record<string, unknown>, options: IncludeOptions & { app?: App | TemplateApp } = {},
): { app: App | TemplateApp; stack: Stack | CloudFormationStack } {
  const template: Record<string, unknown> = { Resources: resources };
  const parameters: Record<string, unknown> = Object.fromEntries((options.parameters ?? []).map((p) => [p, { Type: 'String' }]));
  for (const [name, value] of Object.entries(options.parameterDefaults ?? {})) {
    parameters[name] = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { Type: 'String', Default: value };
  }
  if (Object.keys(parameters).length > 0) template.Parameters = parameters;
  if (options.conditions) template.Conditions = options.conditions;
  if (options.outputs) template.Outputs = options.outputs;
  if (options.mappings) template.Mappings = options.mappings;
  const stackId = options.stackId ?? 'Included';
  const region = options.region === null ? undefined : options.region ?? ENV.region;
  if (options.app === undefined || options.app instanceof TemplateApp) {
    const app = options.app ?? new TemplateApp();
    const stack: CloudFormationStack = {
      path: stackId,
      name: stackId,
      ...(region ? { region } : {}),
      template,
      templatePath: `${stackId}.template.json`,
      constructPaths: Object.fromEntries(Object.keys(resources).map((id) => [id, `${stackId}/Template/${id}`])),
    };
    app.stacks.push(stack);
    return { app, stack };
  }
  return { app: options.app, stack: cfnInclude(options.app, stackId, region, template) };
}

/** A stack of a CDK app holding the template, loaded with CfnInclude. */
function cfnInclude(app: App, stackId: string, region: string | undefined, template: Record<string, unknown>): Stack {
  const { CfnInclude } = require('aws-cdk-lib/cloudformation-include') as typeof import('aws-cdk-lib/cloudformation-include');
  const stack = new (cdk().Stack)(app, stackId, region ? { env: { ...ENV, region } } : {});
  const file = path.join(tempDir(), 'template.json');
  fs.writeFileSync(file, JSON.stringify(template));
  new CfnInclude(stack, 'Template', { templateFile: file });
  return stack;
}

/**
 * Run the checks in memory: `DataProtectionChecks` on a CDK app; the engine on a `TemplateApp`.
 *
 * A `TemplateApp` is also, unless `DP_RULE_TESTS=engine`, loaded with CfnInclude into a CDK app and
 * checked with `DataProtectionChecks`, and the two reports must be identical: so every rule test
 * still proves that a user's existing template gets the same verdicts through the CDK, while the
 * mutation run (`npm run mutation` sets `DP_RULE_TESTS=engine`) loads no aws-cdk-lib at all.
 */
export function evaluate(app: App | TemplateApp, policy?: DataProtectionPolicy): EvidenceReport {
  if (!(app instanceof TemplateApp)) return checks(policy).evaluate(app);
  const judged = { stacks: app.stacks, policy: policy ?? new DataProtectionPolicy() };
  if (process.env.DP_RULE_TESTS === 'engine') return lazyReport(judged);
  const { report } = evaluateCloudFormation(judged.stacks, { policy: judged.policy });
  const cdkApp = newApp();
  for (const s of app.stacks) cfnInclude(cdkApp, s.path, s.region, s.template);
  const throughCdk = checks(policy).evaluate(cdkApp);
  expect(inOrder(report)).toEqual(inOrder(throughCdk));
  return report;
}

/** What a lazy report judges: `statusesOf` and `findingsOf` run only the rule they ask about on it. */
const JUDGED = Symbol('judged templates');
type Judged = { stacks: readonly CloudFormationStack[]; policy: DataProtectionPolicy };

/**
 * With `DP_RULE_TESTS=engine` (the mutation run), `evaluate` returns a report computed only when a
 * test reads it, and `statusesOf` / `findingsOf` run only the rule they ask about: running every
 * rule made every test cover every rule that judges its resource types, so the mutation run tried
 * a rule's mutants against tests of other rules. The pins (the same in both modes) show that a rule
 * says the same alone.
 */
function lazyReport(judged: Judged): EvidenceReport {
  let full: EvidenceReport | undefined;
  const report = () => full ??= evaluateCloudFormation(judged.stacks, { policy: judged.policy }).report;
  return new Proxy({} as EvidenceReport, {
    get: (_, key) => (key === JUDGED ? judged : Reflect.get(report(), key)),
    has: (_, key) => key === JUDGED || Reflect.has(report(), key),
    ownKeys: () => Reflect.ownKeys(report()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(report(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(report()),
  });
}

/** One rule's findings in a report; on a lazy report, that rule alone is run. */
function ruleFindings(report: EvidenceReport, ruleName: string): EvidenceFinding[] {
  const judged = (report as unknown as { [JUDGED]?: Judged })[JUDGED];
  let source = report;
  if (judged) {
    const only = <T extends { name: string }>(rules: readonly T[]) => rules.filter((r) => r.name === ruleName);
    const rules = { resourceRules: only(REGISTERED_CLOUDFORMATION_RULES.resourceRules), appRules: only(REGISTERED_CLOUDFORMATION_RULES.appRules) };
    if (rules.resourceRules.length + rules.appRules.length !== 1) throw new Error(`No AWS rule named ${ruleName}`);
    source = runCloudFormation(judged.stacks, { policy: judged.policy }, rules).report;
  }
  return allFindings(source).filter((f) => f.ruleId === `DataProtection-${ruleName}` || f.ruleId.startsWith(`DataProtection-${ruleName}[`));
}

/**
 * The report with its findings and the picture's nodes and edges in one order: CfnInclude creates a
 * resource's dependencies first, so the CDK app lists them in another order than the template.
 */
function inOrder(report: EvidenceReport): EvidenceReport {
  const sorted = <T>(items: readonly T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  const { topology } = report;
  return {
    ...report,
    controls: report.controls.map((c) => ({ ...c, findings: sorted(c.findings, (f) => `${f.stack}\u0000${f.logicalId}\u0000${f.ruleId}`) })),
    ...(topology ? {
      topology: { ...topology, nodes: sorted(topology.nodes, (n) => n.id), edges: sorted(topology.edges, (e) => JSON.stringify(e)) },
    } : {}),
  };
}

function checks(policy: DataProtectionPolicy | undefined) {
  const { DataProtectionChecks } = require('../lib/checks/data-protection-checks') as typeof import('../lib/checks/data-protection-checks');
  return new DataProtectionChecks(undefined, { policy });
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Every finding of the report, flattened. */
export function allFindings(report: EvidenceReport): EvidenceFinding[] {
  return report.controls.flatMap((c) => c.findings);
}

/**
 * `logicalId -> verdict` for every finding of one rule: the status, followed by each finding name
 * the rule reported for that resource (`non-compliant [A] [B]`).
 */
export function statusesOf(report: EvidenceReport, ruleName: string): Record<string, string> {
  const out: Record<string, string> = {};
  const found = ruleFindings(report, ruleName);
  pinFindings(ruleName, found);
  for (const f of found) {
    const suffix = f.ruleId.endsWith(']') ? f.ruleId.slice(f.ruleId.indexOf('[')) : '';
    out[f.logicalId] = out[f.logicalId] ? `${out[f.logicalId]} ${suffix}` : `${f.status}${suffix ? ` ${suffix}` : ''}`;
  }
  recordOutcomes(ruleName, Object.values(out));
  return out;
}

/** logicalId -> each finding of one rule on it, as `status[Finding]: detail`: tells apart branches that reach the same status. */
export function verdictsOf(report: EvidenceReport, rule: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of findingsOf(report, rule)) {
    const line = `${f.status}${f.ruleId.slice(`DataProtection-${rule}`.length)}${f.detail === undefined ? '' : `: ${f.detail}`}`;
    out[f.logicalId] = [...(out[f.logicalId] ?? []), line];
  }
  return out;
}

/**
 * Every finding of one rule (with any finding suffix), recorded for the meta-check of rule cases
 * like `statusesOf`: for app-wide rules and tests that assert on details.
 */
export function findingsOf(report: EvidenceReport, ruleName: string): EvidenceFinding[] {
  const found = ruleFindings(report, ruleName);
  recordOutcomes(ruleName, found.map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${ruleName}`.length)}`));
  pinFindings(ruleName, found);
  return found;
}

