import { CfnOutput, CfnParameter, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { mentionedResources } from '../../rules/aws/private/refs';
import { ResourceLookup, ResourceView } from '../../rules/rule';

interface ExportEntry {
  readonly stackPath: string;
  readonly value: any;
}

/**
 * Everything the rules need to know about an app, built in one walk of the construct tree.
 * Each resource is resolved exactly once, so rules that relate resources (a bucket to its key,
 * an import to its export) cost O(1) per lookup and a run stays linear in the number of resources.
 */
export class AppIndex implements ResourceLookup {
  /**
   * Walk the tree under `root` once and index every resource and export of every stack.
   */
  public static build(root: IConstruct): AppIndex {
    const index = new AppIndex();
    const stack: IConstruct[] = [root];
    while (stack.length > 0) {
      const c = stack.pop()!;
      if (CfnResource.isCfnResource(c)) index.addResource(c);
      else if (c instanceof CfnOutput) index.addOutput(c);
      else if (c instanceof CfnParameter) index.addParameter(c);
      // Reverse so resources are visited in construct order (stable report ordering).
      const children = c.node.children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return index;
  }

  /** Every indexed resource, in construct-tree order. */
  public readonly resources: ResourceView[] = [];
  private readonly byNode = new Map<CfnResource, ResourceView>();
  private readonly byStack = new Map<string, Map<string, ResourceView>>();
  private readonly exports = new Map<string, ExportEntry>();
  private readonly outputs = new Map<string, ExportEntry>();
  private readonly parameters = new Set<string>();
  /** Logical ID -> every resource of the app with that ID (for references not yet prepared by synth). */
  private readonly byLogicalId = new Map<string, ResourceView[]>();
  private readonly byType = new Map<string, ResourceView[]>();
  private referrerIndex?: Map<ResourceView, ResourceView[]>;
  private readonly literalIndexes = new Map<string, Map<string, ResourceView[]>>();
  private readonly memos = new Map<string, unknown>();

  private constructor() {}

  /** The indexed view of an L1 resource. */
  public view(node: CfnResource): ResourceView | undefined {
    return this.byNode.get(node);
  }

  public resource(stackPath: string, logicalId: string): ResourceView | undefined {
    const local = this.byStack.get(stackPath)?.get(logicalId);
    if (local || logicalId.startsWith('AWS::') || this.parameters.has(`${stackPath}\u0000${logicalId}`)) return local;
    // Before synth prepares cross-stack references, a reference to another stack's resource
    // resolves to that stack's logical ID. In a valid template an ID that is neither a resource
    // nor a parameter of its own stack can only be such a reference: follow it when unambiguous.
    const candidates = this.byLogicalId.get(logicalId);
    return candidates?.length === 1 ? candidates[0] : undefined;
  }

  public exportedValue(exportName: string): ExportEntry | undefined {
    return this.exports.get(exportName);
  }

  public stackOutput(stackName: string, outputName: string): ExportEntry | undefined {
    return this.outputs.get(`${stackName}\u0000${outputName}`);
  }

  public resourcesOfType(type: string): readonly ResourceView[] {
    return this.byType.get(type) ?? [];
  }

  public memo<T>(key: string, build: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, build());
    return this.memos.get(key) as T;
  }

  public withLiteralProperty(type: string, property: string, value: string): readonly ResourceView[] {
    const key = `${type}\u0000${property}`;
    let index = this.literalIndexes.get(key);
    if (!index) {
      index = new Map();
      for (const r of this.resourcesOfType(type)) {
        const v = r.properties[property];
        if (typeof v !== 'string') continue;
        const list = index.get(v) ?? [];
        list.push(r);
        index.set(v, list);
      }
      this.literalIndexes.set(key, index);
    }
    return index.get(value) ?? [];
  }

  public referrers(target: ResourceView): readonly ResourceView[] {
    if (!this.referrerIndex) {
      const index = new Map<ResourceView, ResourceView[]>();
      for (const from of this.resources) {
        for (const to of mentionedResources(from.properties, from.stackPath, this)) {
          if (to === from) continue;
          const list = index.get(to) ?? [];
          list.push(from);
          index.set(to, list);
        }
      }
      this.referrerIndex = index;
    }
    return this.referrerIndex.get(target) ?? [];
  }

  private addResource(node: CfnResource): void {
    const stack = Stack.of(node);
    // _toCloudFormation() is what the stack writes into its template (overrides included);
    // resolving it here once gives rules the exact template JSON.
    let rendered: any;
    try {
      rendered = stack.resolve((node as any)._toCloudFormation()) ?? {};
    } catch (e) {
      // The CDK could not write this resource into a template either: say which one.
      throw new Error(`DataProtectionChecks cannot read ${node.node.path} (${node.cfnResourceType}): ${(e as Error).message}`);
    }
    const entries = Object.entries(rendered.Resources ?? {});
    if (entries.length !== 1) return;
    const [logicalId, body] = entries[0] as [string, any];
    const view: ResourceView = {
      node,
      stackPath: stack.node.path,
      region: Token.isUnresolved(stack.region) ? undefined : stack.region,
      logicalId,
      type: body.Type ?? node.cfnResourceType,
      properties: body.Properties ?? {},
      deletionPolicy: typeof body.DeletionPolicy === 'string' ? body.DeletionPolicy : undefined,
      updateReplacePolicy: typeof body.UpdateReplacePolicy === 'string' ? body.UpdateReplacePolicy : undefined,
    };
    this.resources.push(view);
    this.byNode.set(node, view);
    let inStack = this.byStack.get(view.stackPath);
    if (!inStack) {
      inStack = new Map();
      this.byStack.set(view.stackPath, inStack);
    }
    inStack.set(logicalId, view);
    const ofType = this.byType.get(view.type) ?? [];
    ofType.push(view);
    this.byType.set(view.type, ofType);
    const sameId = this.byLogicalId.get(logicalId) ?? [];
    sameId.push(view);
    this.byLogicalId.set(logicalId, sameId);
  }

  private addParameter(parameter: CfnParameter): void {
    const stack = Stack.of(parameter);
    this.parameters.add(`${stack.node.path}\u0000${stack.resolve(parameter.logicalId)}`);
  }

  private addOutput(output: CfnOutput): void {
    const stack = Stack.of(output);
    const rendered = stack.resolve((output as any)._toCloudFormation()) ?? {};
    for (const [outputName, body] of Object.entries(rendered.Outputs ?? {}) as [string, any][]) {
      const entry = { stackPath: stack.node.path, value: body?.Value };
      this.outputs.set(`${stack.stackName}\u0000${outputName}`, entry);
      const name = body?.Export?.Name;
      if (typeof name === 'string') this.exports.set(name, entry);
    }
  }
}
