import { NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { DataProtectionPolicy } from '../core/policy/policy';
import { findControl } from '../core/policy/controls';
import { buildEvidenceReport } from '../core/report/build';
import { EvidenceFinding, EvidenceReport, FindingStatus } from '../core/report/model';
import { AZURE_RULES } from '../rules/azure';
import { AzureResourceRule, AzureRuleContext, TerraformLookup, TerraformResourceView } from '../rules/azure/rule';
import { describeRule, PACK_NAME } from './private/describe';
import { packageVersion } from './private/version';


/** One synthesized Terraform configuration (the content of a stack's `cdk.tf.json`). */
export interface TerraformConfiguration {
  /** Stack name (the folder under `cdktf.out/stacks/`). */
  readonly name: string;
  /** The parsed Terraform JSON. */
  readonly config: { [key: string]: any };
  /**
   * Path of the configuration file, relative to where the report is written.
   * @default 'cdk.tf.json'
   */
  readonly templatePath?: string;
}

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
  /** Every finding (compliant, non-compliant, acknowledged). */
  readonly findings: EvidenceFinding[];
  /** Unacknowledged non-compliant findings. */
  readonly violations: AzureViolation[];
  /** The evidence report (same format as the AWS checks'). */
  readonly report: EvidenceReport;
}

/**
 * Evaluate azurerm resources in Terraform JSON against the policy: the Azure half of the checks,
 * free of cdktf so that any `cdk.tf.json` (also one not written with this library) can be judged.
 *
 * @throws when an acknowledgement has an empty reason
 */
export function evaluateTerraform(configurations: TerraformConfiguration[], options: AzureEvaluationOptions): AzureEvaluation {
  const { policy } = options;
  const acknowledgements = options.acknowledgements ?? [];
  const reasonless = acknowledgements.filter((a) => typeof a.reason !== 'string' || a.reason.trim() === '');
  if (reasonless.length > 0) {
    throw new Error('Acknowledgements of DataProtection rules must give a reason. Empty reason for: '
      + reasonless.map((a) => `${a.id}${a.scope ? ` at ${a.scope}` : ''}`).join('; ')
      + ". Give { id, reason: 'why the control does not apply or how it is met' }.");
  }
  const rules = AZURE_RULES.filter((r) => policy.promises(r.controlId));
  const byType = new Map<string, AzureResourceRule[]>();
  for (const r of rules) {
    for (const t of r.resourceTypes) byType.set(t, [...(byType.get(t) ?? []), r]);
  }

  const stacks = configurations.map((c) => ({ ...c, resources: resourcesOf(c) }));
  const stackViews = stacks.map((s) => ({ name: s.name, resources: s.resources }));
  const findings: EvidenceFinding[] = [];
  const violations: AzureViolation[] = [];
  for (const stack of stacks) {
    if (options.judge && !options.judge.includes(stack.name)) continue;
    const context: AzureRuleContext = { policy, lookup: buildLookup(stack.resources, stackViews) };
    for (const resource of stack.resources) {
      for (const rule of byType.get(resource.type) ?? []) {
        const result = safely(rule, resource, context);
        for (const { suffix, compliant, detail } of outcomes(result)) {
          const ruleId = `${PACK_NAME}-${rule.name}${suffix}`;
          const ack = compliant ? undefined : acknowledgementFor(acknowledgements, ruleId, rule.controlId, resource);
          const status = compliant ? FindingStatus.COMPLIANT : ack ? FindingStatus.ACKNOWLEDGED : FindingStatus.NON_COMPLIANT;
          findings.push({
            ruleId,
            controlId: rule.controlId,
            stack: stack.name,
            logicalId: resource.address,
            resourceType: resource.type,
            constructPath: resource.constructPath ?? `${stack.name}/${resource.address}`,
            templatePath: stack.templatePath ?? 'cdk.tf.json',
            status,
            ...(ack ? { reason: ack.reason, acknowledgedId: ack.id, acknowledgedAt: ack.scope ?? '(all resources)' } : {}),
            ...(detail ? { detail } : {}),
          });
          if (status === FindingStatus.NON_COMPLIANT) {
            const where = resource.constructPath ?? `${stack.name}/${resource.address}`;
            violations.push({
              stackName: stack.name,
              address: resource.address,
              constructPath: resource.constructPath,
              ruleId,
              controlId: rule.controlId,
              message: `[${where}] ${ruleId} (${rule.controlId} ${findControl(rule.controlId)?.title ?? ''}): ${rule.info}`
                + `${detail ? ` (${detail})` : ''} ${rule.explanation}`,
            });
          }
        }
      }
    }
  }
  const records = acknowledgements.map((a) => ({ pack: PACK_NAME, ruleId: a.id, reason: a.reason, constructPath: a.scope ?? '(all resources)' }));
  const report = buildEvidenceReport(policy, rules.map(describeRule), findings, { name: 'cdk-data-protection', version: packageVersion() }, records);
  return { findings, violations, report };
}

/** The resources of a configuration, with construct paths from cdktf's metadata. */
function resourcesOf(configuration: TerraformConfiguration): TerraformResourceView[] {
  const views: TerraformResourceView[] = [];
  const resourceBlock = configuration.config.resource;
  if (typeof resourceBlock !== 'object' || resourceBlock === null) return views;
  for (const [type, byName] of Object.entries(resourceBlock as Record<string, any>)) {
    if (typeof byName !== 'object' || byName === null) continue;
    for (const [name, config] of Object.entries(byName as Record<string, any>)) {
      if (typeof config !== 'object' || config === null) continue;
      const path = config['//']?.metadata?.path;
      views.push({
        stackName: configuration.name,
        address: `${type}.${name}`,
        type,
        name,
        config,
        ...(typeof path === 'string' ? { constructPath: path } : {}),
      });
    }
  }
  return views;
}

const REFERENCE = /\$\{([a-zA-Z0-9_]+)\.([a-zA-Z0-9_-]+)[.}[]/g;

/** Index one configuration: by address, by type, and who references whom (one pass over every string). */
function buildLookup(resources: TerraformResourceView[], stacks: TerraformLookup['stacks']): TerraformLookup {
  const byAddress = new Map<string, TerraformResourceView>();
  const byType = new Map<string, TerraformResourceView[]>();
  for (const r of resources) {
    byAddress.set(r.address, r);
    let list = byType.get(r.type);
    if (!list) byType.set(r.type, list = []);
    list.push(r);
  }
  const referrers = new Map<string, Set<TerraformResourceView>>();
  for (const r of resources) {
    visitStrings(r.config, (s) => {
      if (!s.includes('${')) return;
      for (const m of s.matchAll(REFERENCE)) {
        const target = `${m[1]}.${m[2]}`;
        if (target === r.address || !byAddress.has(target)) continue;
        let set = referrers.get(target);
        if (!set) referrers.set(target, set = new Set());
        set.add(r);
      }
    });
  }
  return {
    byAddress: (address) => byAddress.get(address),
    ofType: (type) => byType.get(type) ?? [],
    referrers: (target) => [...(referrers.get(target.address) ?? [])],
    stacks,
  };
}

function visitStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((v) => visitStrings(v, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) if (k !== '//') visitStrings(v, visit);
  }
}

/** A rule that throws must not hide the other findings: its error becomes a non-compliant finding. */
function safely(rule: AzureResourceRule, resource: TerraformResourceView, context: AzureRuleContext): NagRuleResult | Error {
  try {
    return rule.evaluate(resource, context);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

function outcomes(result: NagRuleResult | Error): { suffix: string; compliant: boolean; detail?: string }[] {
  if (result instanceof Error) return [{ suffix: '[RuleError]', compliant: false, detail: `the rule failed: ${result.message}` }];
  if (result === NagRuleCompliance.NOT_APPLICABLE) return [];
  if (result === NagRuleCompliance.COMPLIANT) return [{ suffix: '', compliant: true }];
  if (result === NagRuleCompliance.NON_COMPLIANT) return [{ suffix: '', compliant: false }];
  return result.map((f) => ({
    suffix: `[${f}]`,
    compliant: false,
    detail: f === 'Unverifiable'
      ? 'a value the rule depends on is a variable, data source or expression it cannot follow; review it and acknowledge with a reason'
      : undefined,
  }));
}

function acknowledgementFor(
  acks: readonly AzureAcknowledgement[], ruleId: string, controlId: string, resource: TerraformResourceView,
): AzureAcknowledgement | undefined {
  const bare = ruleId.slice(PACK_NAME.length + 1);
  return acks.find((a) => (a.id === ruleId || a.id === bare || a.id === `${PACK_NAME}::${ruleId}` || a.id === controlId)
    && (a.scope === undefined || a.scope === '' || a.scope === resource.address
      || (resource.constructPath !== undefined && (resource.constructPath === a.scope || resource.constructPath.startsWith(`${a.scope}/`)))));
}

