import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IConstruct, IValidation } from 'constructs';
import { AzureAcknowledgement, AzureEvaluation, evaluateTerraform } from '../checks/terraform';
import { DataProtectionPolicy } from '../core/policy/policy';
import { EvidenceReport } from '../core/report/model';
import { summaryLine, unusedAcknowledgementWarning } from '../core/engine/pipeline';
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
 * resources inside stacks, so `applyTo` attaches a validation to every `TerraformStack` of the
 * app: `app.synth()` then fails on any unacknowledged violation, naming the construct, rule and
 * control, and each stack's evidence report is written beside its `cdk.tf.json`, also when synth
 * fails.
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
    const checks = new AzureDataProtectionChecks(app, props);
    for (const stack of stacksOf(app)) checks.attach(stack);
    // App validations run after every stack wrote its cdk.tf.json: the reports of passing stacks are
    // written then, so SARIF results can point at lines of the file.
    app.node.addValidation({
      validate: () => {
        checks.writePending();
        return stacksOf(app).filter((s) => !checks.attached.has(s))
          .map((s) => `AzureDataProtectionChecks: stack ${s.node.path} was added after AzureDataProtectionChecks.applyTo(app) and was not checked; call applyTo after creating every stack.`);
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
    return new AzureDataProtectionChecks(stack.node.root, props).evaluateStack(stack);
  }

  /** The policy given to the checks, if any (otherwise each stack's own). */
  public readonly policy?: DataProtectionPolicy;
  /** The last evidence report per stack path, once synth ran. */
  public readonly reports = new Map<string, EvidenceReport>();
  private readonly attached = new Set<TerraformStack>();
  private readonly rendered = new Map<TerraformStack, any>();
  private readonly pending = new Map<TerraformStack, EvidenceReport>();
  private allStacks?: TerraformStack[];
  private readonly writeReports: boolean;

  private constructor(private readonly root: IConstruct, props: AzureDataProtectionChecksProps) {
    this.policy = props.policy;
    this.writeReports = props.writeReports ?? true;
  }

  private attach(stack: TerraformStack): void {
    this.attached.add(stack);
    const validation: IValidation = { validate: () => this.validateStack(stack) };
    stack.node.addValidation(validation);
  }

  private validateStack(stack: TerraformStack): string[] {
    const evaluation = this.evaluateStack(stack);
    this.reports.set(stack.node.path, evaluation.report);
    if (evaluation.violations.length > 0) {
      // Synth stops here, before cdk.tf.json is written: write the report now (SARIF without lines).
      this.write(stack, evaluation.report);
    } else {
      this.pending.set(stack, evaluation.report);
    }
    return evaluation.violations.map((v) => v.message);
  }

  private writePending(): void {
    for (const [stack, report] of this.pending) this.write(stack, report);
    this.pending.clear();
  }

  private write(stack: TerraformStack, report: EvidenceReport): void {
    const root = this.root;
    let reportPath: string | undefined;
    if (this.writeReports && App.isApp(root)) {
      const dir = path.join(root.outdir, 'stacks', stack.node.id);
      writeEvidenceReport(dir, report, process.cwd());
      reportPath = path.relative(process.cwd(), path.join(dir, REPORT_FILES.markdown));
    }
    // What the developer sees at the end of every synth, passing or failing, as on AWS.
    for (const u of report.unusedAcknowledgements) console.error(unusedAcknowledgementWarning({ record: u, why: u.why }));
    console.error(summaryLine(stack.node.id, report, reportPath));
  }

  private evaluateStack(stack: TerraformStack): AzureEvaluation {
    // The judged stack is rendered now (its aspects have run); the others only feed app-wide
    // rules (the region count) and are rendered once per checks object.
    // The stacks of the app do not change during synth: find them once, not once per stack.
    this.allStacks ??= stacksOf(this.root);
    const others = this.allStacks.filter((s) => s !== stack).map((s) => {
      let config = this.rendered.get(s);
      if (!config) this.rendered.set(s, config = s.toTerraform());
      return { name: s.node.id, config };
    });
    return evaluateTerraform([{ name: stack.node.id, config: stack.toTerraform() }, ...others], {
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
