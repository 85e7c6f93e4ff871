import { RuleMetadata } from '../core/engine/rule';
import { RuleResult } from '../core/engine/verdict';
import { DataProtectionPolicy } from '../core/policy/policy';

/**
 * One resource of a synthesized Terraform configuration (`cdk.tf.json`), as Azure rules see it.
 * Rules read plain JSON, so they work on any Terraform JSON, not only on cdktf constructs.
 */
export interface TerraformResourceView {
  /** Name of the stack (Terraform configuration) holding the resource. */
  readonly stackName: string;
  /** Terraform address: `<type>.<name>`. */
  readonly address: string;
  /** Resource type, e.g. `azurerm_storage_account`. */
  readonly type: string;
  /** Resource name in the configuration. */
  readonly name: string;
  /** The resource's arguments, with `${...}` references left as strings. */
  readonly config: { [key: string]: any };
  /** Construct path from cdktf's `//` metadata, when the JSON came from cdktf. */
  readonly constructPath?: string;
}

/**
 * Lookups over one Terraform configuration, built once per configuration so that every
 * cross-resource rule stays linear.
 */
export interface TerraformLookup {
  /** The resource at `<type>.<name>`, if the configuration declares it. */
  byAddress(address: string): TerraformResourceView | undefined;
  /** Every resource of a type. */
  ofType(type: string): readonly TerraformResourceView[];
  /** Resources whose arguments reference `target` (`${<target address>.<attribute>}`). */
  referrers(target: TerraformResourceView): readonly TerraformResourceView[];
  /** Every configuration in the evaluation (for app-wide rules such as the region count). */
  readonly stacks: readonly { readonly name: string; readonly resources: readonly TerraformResourceView[] }[];
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
  /** The verdict on one resource. */
  evaluate(resource: TerraformResourceView, context: AzureRuleContext): RuleResult;
}
