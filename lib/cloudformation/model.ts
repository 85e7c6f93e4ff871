import { RuleMetadata } from '../core/engine/rule';
import { RuleResult } from '../core/engine/verdict';
import { DataProtectionPolicy } from '../core/policy/policy';

/**
 * A CloudFormation resource as a rule sees it: its template entry plus where it lives. The same
 * view comes from a CDK app at synth time, from a cloud assembly on disk and from a plain
 * CloudFormation or SAM template, so rules read CloudFormation property names and handle
 * intrinsics (`Ref`, `Fn::GetAtt`, `Fn::ImportValue`, ...) explicitly.
 */
export interface ResourceView {
  /** Construct path of the stack that holds the resource (its name for a plain template). */
  readonly stackPath: string;
  /** Logical ID in the stack's template. */
  readonly logicalId: string;
  /** CloudFormation resource type, e.g. `AWS::S3::Bucket`. */
  readonly type: string;
  /** `Properties` as the template has them (empty object when it has none). */
  readonly properties: { [key: string]: any };
  /** Construct path of the resource (`<stack>/<logicalId>` when the template does not say). */
  readonly constructPath: string;
  /** The stack's region, when the stack has an explicit one. */
  readonly region?: string;
  /** `DeletionPolicy`, if set to a literal. */
  readonly deletionPolicy?: string;
  /** `UpdateReplacePolicy`, if set to a literal. */
  readonly updateReplacePolicy?: string;
  /**
   * `DeletionPolicy` and `UpdateReplacePolicy` as the template writes them, literal or not (the
   * `AWS::LanguageExtensions` transform allows `Fn::If` there).
   */
  readonly policies?: { readonly deletion?: unknown; readonly updateReplace?: unknown };
  /** The resource's `UpdatePolicy` attribute (e.g. an Auto Scaling group's rolling update), if any. */
  readonly updatePolicy?: { readonly [key: string]: any };
}

/** A stack as app-wide rules see it. */
export interface StackView {
  /** Construct path (or name, for a plain template). */
  readonly path: string;
  /** Region, when explicit. */
  readonly region?: string;
  /** Paths of the nested stacks this stack deploys, at any depth (their resources are this stack's). */
  readonly nested?: readonly string[];
}

/** The paths of `stacks` and of the nested stacks they deploy: where an app rule looks for resources. */
export function stackPathsOf(stacks: readonly StackView[]): Set<string> {
  return new Set(stacks.flatMap((s) => [s.path, ...(s.nested ?? [])]));
}

/**
 * Cross-resource lookups a rule may make. Built once per evaluation, every lookup is O(1).
 */
export interface ResourceLookup {
  /** The resource with the given logical ID in the given stack. */
  resource(stackPath: string, logicalId: string): ResourceView | undefined;
  /** The value exported under `exportName` by a stack of this app, and that stack. */
  exportedValue(exportName: string): { readonly stackPath: string; readonly value: any } | undefined;
  /**
   * The value of output `outputName` of the app's stack named `stackName` (what
   * `Fn::GetStackOutput`, the CDK's cross-stack and cross-region reference, reads), and that stack.
   */
  stackOutput(stackName: string, outputName: string): { readonly stackPath: string; readonly value: any } | undefined;
  /** The declaration of a template parameter (`Type`, `Default`, ...), if the stack declares it. */
  parameter(stackPath: string, name: string): { readonly [key: string]: any } | undefined;
  /** The body of a template condition (`Fn::Equals`, ...), if the stack declares it. */
  condition(stackPath: string, name: string): unknown;
  /** A template mapping (`Mappings.<name>`), if the stack declares it. */
  mapping(stackPath: string, name: string): { readonly [key: string]: any } | undefined;
  /** The region of a stack of the app, when it has an explicit one. */
  stackRegion(stackPath: string): string | undefined;
  /**
   * The value an SSM parameter of the app holds and the stack that writes it: an
   * `AWS::SSM::Parameter` with a literal `Name`, or an export of the CDK's cross-region reference
   * writer (`Custom::CrossRegionExportWriter`, what a strong cross-region reference reads back).
   */
  ssmParameter(name: string): { readonly stackPath: string; readonly value: any } | undefined;
  /** Every resource of the given CloudFormation type in the app, in stack and template order. */
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
 * A rule that judges one resource. `evaluate` must be pure and must not throw on unresolved values:
 * it returns verdicts (see `Outcome` for what each becomes in the report).
 */
export interface ResourceRule extends RuleMetadata {
  /** The CloudFormation types the rule looks at; the engine calls it for no other. */
  readonly resourceTypes: string[];
  /** The check. */
  evaluate(resource: ResourceView, context: RuleContext): RuleResult;
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
  readonly result: RuleResult;
  /** What was found or missing, for verdicts that carry no detail of their own. */
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
  evaluate(context: RuleContext, stacks: readonly StackView[]): AppFinding[];
}
