import { AzurermVersion } from './provider';
import { RuleMetadata } from '../core/engine/rule';
import { RuleResult } from '../core/engine/verdict';
import { DataProtectionPolicy } from '../core/policy/policy';

/**
 * One resource instance of a Terraform configuration or plan, as Azure rules see it. The reading
 * layer (`readTerraform`) builds it from Terraform JSON as any tool writes it (cdktf, hand-written
 * `*.tf.json`, HCL converted to JSON) or from `terraform show -json` output: resource bodies are
 * objects, `count` / `for_each` are expanded into instances, `dynamic` blocks into blocks, and
 * every value the reader could evaluate (literals, variable defaults, locals, arguments of other
 * resources of the configuration) is a plain value. What it could not evaluate stays a string
 * containing `${...}` (`isExpression()` is true): rules report that `[Unverifiable]`.
 */
export interface TerraformResourceView {
  /** Name of the stack (Terraform configuration, plan file) holding the resource. */
  readonly stackName: string;
  /** Terraform address of the instance: `<type>.<name>`, `<type>.<name>[0]`, `module.m.<type>.<name>["k"]`. */
  readonly address: string;
  /** Resource type, e.g. `azurerm_storage_account`. */
  readonly type: string;
  /** Resource name in its module. */
  readonly name: string;
  /**
   * The resource's arguments (nested blocks as objects or lists of objects; use `block()` and
   * `blocks()`), evaluated where possible; unknown values as `${...}` strings.
   */
  readonly config: { [key: string]: any };
  /** Construct path from cdktf's `//` metadata, when the JSON came from cdktf. */
  readonly constructPath?: string;
  /** The file declaring the resource, relative to the configuration's directory (directories of Terraform files). */
  readonly sourceFile?: string;
  /** The `count` index or `for_each` key of this instance. */
  readonly index?: number | string;
  /** `module.a.module.b` for a resource of a child module (plans); absent in the root module. */
  readonly moduleAddress?: string;
  /** The azurerm provider version the configuration runs with; unknown when absent. */
  readonly azurerm?: AzurermVersion;
  /**
   * Set when the reader cannot tell whether this instance exists (its `count` or `for_each` is not
   * known): why. Every verdict on it is then `[Unverifiable]`, and it is no evidence for another
   * resource.
   */
  readonly uncertainExistence?: string;
  /** Why each unknown value is unknown, keyed by the `${...}` text that stands for it in `config`. */
  readonly unknownReasons?: ReadonlyMap<string, string>;
  /**
   * For arguments whose value came from input variables: which (`the default of var.tls`,
   * `var.tls as given`), so a finding can say the verdict holds for those values.
   */
  readonly valueSources?: ReadonlyMap<string, readonly string[]>;
  /** Addresses of the resource instances this one's arguments refer to. */
  readonly references?: ReadonlySet<string>;
  /** Where the view was read from: a configuration, a plan or a state. */
  readonly origin?: 'configuration' | 'plan' | 'state';
}

/**
 * Lookups over one Terraform configuration, built once per configuration so that every
 * cross-resource rule stays linear.
 */
export interface TerraformLookup {
  /** Every configuration in the evaluation (for app-wide rules such as the region count). */
  readonly stacks: readonly { readonly name: string; readonly resources: readonly TerraformResourceView[] }[];
  /**
   * The instance at an address (`<type>.<name>`, `<type>.<name>[0]`); an address without index
   * gives the instance when there is exactly one.
   */
  byAddress(address: string): TerraformResourceView | undefined;
  /** Every resource of a type. */
  ofType(type: string): readonly TerraformResourceView[];
  /**
   * Resources whose arguments reference `target` (`${<target address>.<attribute>}`, or in a plan
   * the target's literal ID). Instances of uncertain existence are included, flagged.
   */
  referrers(target: TerraformResourceView): readonly TerraformResourceView[];
}

/** What a rule gets besides the resource. */
export interface AzureRuleContext {
  /** The policy in force: every threshold comes from here. */
  readonly policy: DataProtectionPolicy;
  /** Lookups over the resource's configuration. */
  readonly lookup: TerraformLookup;
}

/**
 * A pure check of one azurerm resource against one control. Returns NOT_APPLICABLE for
 * resources it does not judge, and UNVERIFIABLE when a value it needs is a reference it cannot
 * follow (a variable, a data source, another configuration). See `Outcome` for what each verdict
 * becomes in the report.
 */
export interface AzureResourceRule extends RuleMetadata {
  /** Terraform resource types the rule judges. */
  readonly resourceTypes: string[];
  /**
   * The rule itself treats resources of uncertain existence (`uncertainExistence`) that it finds
   * through the lookup: never as evidence of compliance. Without it, a compliant verdict reached
   * while such a resource was looked at is made `[Unverifiable]` by the evaluation.
   */
  readonly handlesUncertainResources?: boolean;
  /** The verdict on one resource. */
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult;
}
