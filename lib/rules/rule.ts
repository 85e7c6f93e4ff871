import { CfnResource } from 'aws-cdk-lib';
import { NagMessageLevel, NagRuleResult } from 'cdk-nag';
import { DataProtectionPolicy } from '../core/policy/policy';

/**
 * A CloudFormation resource as a rule sees it: its resolved template entry plus where it lives.
 * Properties are the resolved template JSON, so rules read CloudFormation property names and
 * handle intrinsics (`Ref`, `Fn::GetAtt`, `Fn::ImportValue`, ...) explicitly.
 */
export interface ResourceView {
  /** The L1 construct. */
  readonly node: CfnResource;
  /** Construct path of the stack that holds the resource. */
  readonly stackPath: string;
  /** Logical ID in the stack's template. */
  readonly logicalId: string;
  /** CloudFormation resource type, e.g. `AWS::S3::Bucket`. */
  readonly type: string;
  /** Resolved `Properties` (empty object when the template has none). */
  readonly properties: { [key: string]: any };
  /** The stack's region, when the stack has an explicit one. */
  readonly region?: string;
  /** Resolved `DeletionPolicy`, if set. */
  readonly deletionPolicy?: string;
  /** Resolved `UpdateReplacePolicy`, if set. */
  readonly updateReplacePolicy?: string;
}

/**
 * Cross-resource lookups a rule may make. Built once per synth, every lookup is O(1).
 */
export interface ResourceLookup {
  /** The resource with the given logical ID in the given stack. */
  resource(stackPath: string, logicalId: string): ResourceView | undefined;
  /** The resolved value exported under `exportName` by a stack of this app, and that stack. */
  exportedValue(exportName: string): { readonly stackPath: string; readonly value: any } | undefined;
  /**
   * The resolved value of output `outputName` of the app's stack named `stackName` (what
   * `Fn::GetStackOutput`, the CDK's cross-stack and cross-region reference, reads), and that stack.
   */
  stackOutput(stackName: string, outputName: string): { readonly stackPath: string; readonly value: any } | undefined;
  /** Every resource of the given CloudFormation type in the app, in construct order. */
  resourcesOfType(type: string): readonly ResourceView[];
  /**
   * Every resource whose properties mention `target` (by Ref, GetAtt, Sub or an import of the app's
   * own export). The reverse index is built once, on first use, in one pass over the app.
   */
  referrers(target: ResourceView): readonly ResourceView[];
  /**
   * Resources of `type` whose top-level `property` is the literal string `value` (for resources
   * related by name rather than by reference, e.g. a bucket policy naming its bucket). Each
   * (type, property) index is built once, on first use.
   */
  withLiteralProperty(type: string, property: string, value: string): readonly ResourceView[];
  /**
   * A value derived from the whole app (e.g. which backup selections cover which resources), built
   * once per evaluation by the first rule that asks for `key` and shared by all later ones.
   */
  memo<T>(key: string, build: () => T): T;
}

/**
 * What every rule receives besides the resource: the thresholds and the lookups.
 */
export interface RuleContext {
  /** The policy whose thresholds apply. */
  readonly policy: DataProtectionPolicy;
  /** Lookups across the app's stacks. */
  readonly lookup: ResourceLookup;
}

/**
 * What every rule (AWS or Azure, per resource or app-wide) tells the reader of a finding.
 */
export interface RuleMetadata {
  /** Rule name; the rule ID is `DataProtection-<name>`. */
  readonly name: string;
  /** The control this rule provides evidence for. */
  readonly controlId: string;
  /** Why the rule was triggered (one sentence). */
  readonly info: string;
  /** Why the rule exists and how to fix a violation. */
  readonly explanation: string;
  /** Severity of a violation. */
  readonly level: NagMessageLevel;
}

/**
 * A rule that judges one resource. `evaluate` must be pure and must not throw on unresolved values:
 * it returns COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, or a list of finding names (each reported and
 * acknowledged as `DataProtection-<name>[<finding>]`).
 */
export interface ResourceRule extends RuleMetadata {
  /** The CloudFormation types the rule looks at; the engine calls it for no other. */
  readonly resourceTypes: string[];
  /** The check. */
  evaluate(resource: ResourceView, context: RuleContext): NagRuleResult;
}

/**
 * One verdict of an app rule: on a resource, or on a stack when the app lacks something (e.g. no
 * audit trail at all).
 */
export interface AppFinding {
  /** The resource the verdict is about. */
  readonly resource?: ResourceView;
  /** Construct path of the stack the verdict is about, when it is about no single resource. */
  readonly stackPath?: string;
  /** The verdict, as for a resource rule. */
  readonly result: NagRuleResult;
  /** What was found or missing, for the report. */
  readonly detail?: string;
}

/**
 * A rule that judges the app as a whole (e.g. "a multi-region trail exists", "the workload runs
 * in two regions"). It runs once per evaluation, after the resource rules, and sees the
 * stacks being evaluated.
 */
export interface AppRule extends RuleMetadata {
  /**
   * The check.
   * @param stacks the evaluated stacks: construct path and region (undefined when not explicit)
   */
  evaluate(context: RuleContext, stacks: readonly { readonly path: string; readonly region?: string }[]): AppFinding[];
}
