import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { DataProtectionChecks, DataProtectionPolicy, EvidenceFinding, EvidenceReport } from '../lib';
import { recordOutcomes } from './meta/rule-outcomes';

/** The feature flags of cdk.json, so tests build apps the way `cdk synth` does. */
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', 'cdk.json'), 'utf8'),
).context;

export const ENV = { account: '111111111111', region: 'eu-west-1' };

/** An app with the project's feature flags; the CloudFormation validator is off unless asked for. */
export function newApp(props: AppProps = {}): App {
  return new App({ builtinCloudFormationValidation: false, ...props, context: { ...CDK_CONTEXT, ...props.context } });
}

/** A temporary directory, removed by the OS eventually; tests never write into the repository. */
export function tempDir(prefix = 'dp-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Load a raw CloudFormation template (as a user's existing template would be) into a stack with
 * CfnInclude. `Parameters` are declared automatically for every `Ref` the caller lists.
 */
export function includeTemplate(
  resources: Record<string, unknown>,
  options: {
    parameters?: string[]; conditions?: Record<string, unknown>; stackId?: string; app?: App;
    /** The stack's region; `null` for an environment-agnostic stack (no region known at synth). */
    region?: string | null;
    /** Parameters declared with these defaults (`{ OpsCidr: '10.0.0.0/16' }`), or with a full declaration. */
    parameterDefaults?: Record<string, unknown>;
    /** Template outputs (`{ VpcCidr: { Value: ..., Export: { Name: ... } } }`). */
    outputs?: Record<string, unknown>;
    mappings?: Record<string, unknown>;
  } = {},
): { app: App; stack: Stack } {
  const app = options.app ?? newApp();
  const stack = new Stack(app, options.stackId ?? 'Included', options.region === null ? {} : { env: { ...ENV, region: options.region ?? ENV.region } });
  const template: Record<string, unknown> = { Resources: resources };
  const parameters: Record<string, unknown> = Object.fromEntries((options.parameters ?? []).map((p) => [p, { Type: 'String' }]));
  for (const [name, value] of Object.entries(options.parameterDefaults ?? {})) {
    parameters[name] = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { Type: 'String', Default: value };
  }
  if (Object.keys(parameters).length > 0) template.Parameters = parameters;
  if (options.conditions) template.Conditions = options.conditions;
  if (options.outputs) template.Outputs = options.outputs;
  if (options.mappings) template.Mappings = options.mappings;
  const file = path.join(tempDir(), 'template.json');
  fs.writeFileSync(file, JSON.stringify(template));
  new CfnInclude(stack, 'Template', { templateFile: file });
  return { app, stack };
}

/** Run the checks in memory. */
export function evaluate(app: App, policy?: DataProtectionPolicy): EvidenceReport {
  return new DataProtectionChecks(undefined, { policy }).evaluate(app);
}

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
  for (const f of allFindings(report)) {
    if (f.ruleId === `DataProtection-${ruleName}` || f.ruleId.startsWith(`DataProtection-${ruleName}[`)) {
      const suffix = f.ruleId.endsWith(']') ? f.ruleId.slice(f.ruleId.indexOf('[')) : '';
      out[f.logicalId] = out[f.logicalId] ? `${out[f.logicalId]} ${suffix}` : `${f.status}${suffix ? ` ${suffix}` : ''}`;
    }
  }
  recordOutcomes(ruleName, Object.values(out));
  return out;
}

/**
 * Every finding of one rule (with any finding suffix), recorded for the meta-check of rule cases
 * like `statusesOf`: for app-wide rules and tests that assert on details.
 */
export function findingsOf(report: EvidenceReport, ruleName: string): EvidenceFinding[] {
  const found = allFindings(report).filter((f) => f.ruleId === `DataProtection-${ruleName}` || f.ruleId.startsWith(`DataProtection-${ruleName}[`));
  recordOutcomes(ruleName, found.map((f) => `${f.status}${f.ruleId.slice(`DataProtection-${ruleName}`.length)}`));
  return found;
}

