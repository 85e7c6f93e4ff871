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
   *
   * @param templateOf the synthesized template of a stack, when synthesis has just written it:
   *   reading it back is several times cheaper than rendering every resource again, and it is
   *   exactly what CloudFormation will receive. Without it (or for a stack it has no template
   *   for) each resource is rendered once.
   */
  public static build(root: IConstruct, templateOf?: (stack: Stack) => any | undefined): AppIndex {
    const index = new AppIndex();
    index.templateOf = templateOf;
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
  private templateOf?: (stack: Stack) => any | undefined;
  /** Synthesized template per stack (null: none), each read once. */
  private readonly templates = new Map<Stack, any | null>();

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

  /** The stack's synthesized template, read once and its outputs indexed; undefined without one. */
  private template(stack: Stack): any | undefined {
    if (!this.templateOf) return undefined;
    let template = this.templates.get(stack);
    if (template === undefined) {
      template = this.templateOf(stack) ?? null;
      this.templates.set(stack, template);
      if (template) this.addOutputs(stack, template.Outputs ?? {});
    }
    return template ?? undefined;
  }

  private addResource(node: CfnResource): void {
    const stack = Stack.of(node);
    const template = this.template(stack);
    let logicalId: string;
    let body: any;
    if (template) {
      logicalId = stack.resolve(node.logicalId);
      body = template.Resources?.[logicalId];
      if (!body) return;
    } else {
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
      [logicalId, body] = entries[0] as [string, any];
    }
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
    if (this.template(stack)) return; // indexed with the template
    this.addOutputs(stack, (stack.resolve((output as any)._toCloudFormation()) ?? {}).Outputs ?? {});
  }

  private addOutputs(stack: Stack, outputs: { [name: string]: any }): void {
    for (const [outputName, body] of Object.entries(outputs) as [string, any][]) {
      const entry = { stackPath: stack.node.path, value: body?.Value };
      this.outputs.set(`${stack.stackName}\u0000${outputName}`, entry);
      const name = body?.Export?.Name;
      if (typeof name === 'string') this.exports.set(name, entry);
    }
  }
}
