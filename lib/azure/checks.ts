import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { AzureAcknowledgement, AzureEvaluation, evaluateTerraform } from '../checks/terraform';
import { summaryLine, unusedAcknowledgementWarning } from '../core/engine/pipeline';
import { DataProtectionPolicy } from '../core/policy/policy';
import { EvidenceReport } from '../core/report/model';
import { REPORT_FILES, writeEvidenceReport } from '../core/report/write';

/** Metadata type under which acknowledgements are recorded on constructs. */
const ACK_METADATA = 'cdk-data-protection:azure-acknowledgement';

/** Props of `AzureDataProtectionChecks`. */
export interface AzureDataProtectionChecksProps {
  /**
   * The policy whose promises and thresholds apply to every stack.
   * @default - each stack's own policy: the one applied to it or an ancestor (an `AzureStack`'s
   *   `policy`, `DataProtectionPolicy.of(stack)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
  /**
   * Write the evidence report (JSON, Markdown, SARIF) next to each stack's `cdk.tf.json`.
   * @default true
   */
  readonly writeReports?: boolean;
}

/**
 * The Data Protection checks for CDK for Terraform. cdktf Aspects added to the App never reach
 * resources inside stacks, so `applyTo` attaches the checks to the App itself: once every stack
 * has written its `cdk.tf.json`, each stack is judged on the JSON it wrote (the same reading a
 * `cdk-data-protection check` of that file does), its evidence report is written beside it, and
 * `app.synth()` fails on any unacknowledged violation, naming the construct, rule and control.
 *
 * @example
 * const app = new App();
 * const stack = new AzureStack(app, 'Situm', { policy: DataProtectionPolicy.situm() });
 * AzureDataProtectionChecks.applyTo(app, { policy: DataProtectionPolicy.situm() });
 * app.synth();
 */
export class AzureDataProtectionChecks {
  /**
   * Attach the checks to every `TerraformStack` in the app. A stack added after this call is an
   * error at synth time rather than silently unchecked.
   */
  public static applyTo(app: App, props: AzureDataProtectionChecksProps = {}): AzureDataProtectionChecks {
    const checks = new AzureDataProtectionChecks(props);
    for (const stack of stacksOf(app)) checks.attached.add(stack);
    // App validations run after every stack wrote its cdk.tf.json: the checks read what was
    // written instead of rendering every stack again, and SARIF results point at its lines.
    app.node.addValidation({
      validate: () => {
        const late = stacksOf(app).filter((s) => !checks.attached.has(s))
          .map((s) => `AzureDataProtectionChecks: stack ${s.node.path} was added after AzureDataProtectionChecks.applyTo(app) and was not checked; call applyTo after creating every stack.`);
        return [...checks.validateAll(app), ...late];
      },
    });
    return checks;
  }

  /**
   * Record that findings of a rule (`AzureStorageMinTls`, `DataProtection-AzureStorageMinTls[Unverifiable]`)
   * or of a whole control (`DP.BAK.6`) are reviewed for `scope` and every construct below it.
   * @param reason why the control does not apply here or how it is met another way (required)
   */
  public static acknowledge(scope: IConstruct, id: string, reason: string): void {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`AzureDataProtectionChecks.acknowledge at ${scope.node.path}: the acknowledgement of ${id} needs a reason `
        + '(why the control does not apply or how it is met another way).');
    }
    scope.node.addMetadata(ACK_METADATA, { id, reason });
  }

  /** Evaluate one stack without synthesizing files (for tests and tools). */
  public static evaluate(stack: TerraformStack, props: AzureDataProtectionChecksProps = {}): AzureEvaluation {
    const checks = new AzureDataProtectionChecks(props);
    const configs = stacksOf(stack.node.root).map((s) => ({ name: s.node.id, config: s.toTerraform() }));
    return checks.evaluateStack(stack, configs);
  }

  /** The policy given to the checks, if any (otherwise each stack's own). */
  public readonly policy?: DataProtectionPolicy;
  /** The last evidence report per stack path, once synth ran. */
  public readonly reports = new Map<string, EvidenceReport>();
  private readonly attached = new Set<TerraformStack>();
  private readonly writeReports: boolean;

  private constructor(props: AzureDataProtectionChecksProps) {
    this.policy = props.policy;
    this.writeReports = props.writeReports ?? true;
  }

  /** Judge every attached stack on the cdk.tf.json it wrote; write each report; return the violations. */
  private validateAll(app: App): string[] {
    const stacks = stacksOf(app);
    const configs = stacks.map((s) => ({ name: s.node.id, config: this.synthesized(app, s) }));
    const messages: string[] = [];
    for (const stack of stacks) {
      if (!this.attached.has(stack)) continue;
      const evaluation = this.evaluateStack(stack, configs);
      const report = evaluation.report;
      this.reports.set(stack.node.path, report);
      let reportPath: string | undefined;
      if (this.writeReports) {
        const dir = path.join(app.outdir, 'stacks', stack.node.id);
        writeEvidenceReport(dir, report, process.cwd());
        reportPath = path.relative(process.cwd(), path.join(dir, REPORT_FILES.markdown));
      }
      // What the developer sees at the end of every synth, passing or failing, as on AWS.
      for (const u of report.unusedAcknowledgements) console.error(unusedAcknowledgementWarning({ record: u, why: u.why }));
      console.error(summaryLine(stack.node.id, report, reportPath));
      messages.push(...evaluation.violations.map((v) => v.message));
    }
    return messages;
  }

  /** The Terraform JSON a stack wrote during this synth (rendered again only when there is none, e.g. HCL output). */
  private synthesized(app: App, stack: TerraformStack): { [key: string]: any } {
    try {
      return JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
    } catch {
      return stack.toTerraform();
    }
  }

  private evaluateStack(stack: TerraformStack, configs: { name: string; config: { [key: string]: any } }[]): AzureEvaluation {
    // Every stack is read (the region count is app-wide); only this one is judged.
    return evaluateTerraform(configs, {
      policy: this.policy ?? DataProtectionPolicy.of(stack),
      acknowledgements: acknowledgementsIn(stack),
      judge: [stack.node.id],
    });
  }
}

function stacksOf(root: IConstruct): TerraformStack[] {
  return root.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
}

function acknowledgementsIn(stack: TerraformStack): AzureAcknowledgement[] {
  const acks: AzureAcknowledgement[] = [];
  for (let c: IConstruct | undefined = stack.node.scope; c; c = c.node.scope) collect(c, acks);
  for (const c of stack.node.findAll()) collect(c, acks);
  return acks;
}

function collect(c: IConstruct, into: AzureAcknowledgement[]): void {
  for (const m of c.node.metadata) {
    if (m.type === ACK_METADATA) into.push({ id: m.data.id, reason: m.data.reason, scope: c.node.path });
  }
}
