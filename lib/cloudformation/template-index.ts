import { ResourceLookup, ResourceView } from './model';
import { mentionedResources } from './references';

/**
 * One CloudFormation stack to evaluate: its template and where it lives. A CDK app at synth time,
 * a cloud assembly on disk (any CDK language) and a plain CloudFormation/SAM template all become a
 * list of these.
 */
export interface CloudFormationStack {
  /** Construct path of the stack (its name for a plain template); findings and acknowledgements use it. */
  readonly path: string;
  /** Stack name, what `Fn::GetStackOutput` and exports name. */
  readonly name: string;
  /** Region, when the stack has an explicit one. */
  readonly region?: string;
  /** The template (parsed JSON). */
  readonly template: { readonly [key: string]: any };
  /** Template file, relative to where the report is written. */
  readonly templatePath: string;
  /**
   * Construct path of each logical ID. Where absent, the resource's `aws:cdk:path` metadata is used,
   * and otherwise `<path>/<logicalId>`.
   */
  readonly constructPaths?: { readonly [logicalId: string]: string };
  /** For a nested stack: the path of the stack that deploys it (it is judged with that stack). */
  readonly parentPath?: string;
}

interface ExportEntry {
  readonly stackPath: string;
  readonly value: any;
}

/**
 * Everything the rules need to know about an app's templates, built in one pass. Each resource is
 * read once, so rules that relate resources (a bucket to its key, an import to its export) cost
 * O(1) per lookup and an evaluation stays linear in the number of resources.
 */
export class TemplateIndex implements ResourceLookup {
  /** Index the stacks, in the order given (resources in template order). */
  public static build(stacks: readonly CloudFormationStack[]): TemplateIndex {
    const index = new TemplateIndex();
    for (const stack of stacks) index.addStack(stack);
    return index;
  }

  /** Every indexed resource, in stack and template order. */
  public readonly resources: ResourceView[] = [];
  private readonly byStack = new Map<string, Map<string, ResourceView>>();
  private readonly exports = new Map<string, ExportEntry>();
  private readonly outputs = new Map<string, ExportEntry>();
  private readonly parameters = new Map<string, { [key: string]: any }>();
  private readonly conditions = new Map<string, unknown>();
  private readonly mappings = new Map<string, { [key: string]: any }>();
  private readonly regions = new Map<string, string>();
  private readonly ssm = new Map<string, ExportEntry>();
  /** Logical ID -> every resource of the app with that ID (for references not yet prepared by synth). */
  private readonly byLogicalId = new Map<string, ResourceView[]>();
  private readonly byType = new Map<string, ResourceView[]>();
  private referrerIndex?: Map<ResourceView, ResourceView[]>;
  private readonly literalIndexes = new Map<string, Map<string, ResourceView[]>>();
  private readonly memos = new Map<string, unknown>();

  private constructor() {}

  /** The resources of one stack, in template order. */
  public resourcesOf(stackPath: string): readonly ResourceView[] {
    return [...(this.byStack.get(stackPath)?.values() ?? [])];
  }

  public resource(stackPath: string, logicalId: string): ResourceView | undefined {
    const local = this.byStack.get(stackPath)?.get(logicalId);
    if (local || logicalId.startsWith('AWS::') || this.parameters.has(`${stackPath}\u0000${logicalId}`)) return local;
    // A template rendered before synth prepares cross-stack references refers to another stack's
    // resource by that stack's logical ID. In a valid template an ID that is neither a resource
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

  public parameter(stackPath: string, name: string): { readonly [key: string]: any } | undefined {
    return this.parameters.get(`${stackPath}\u0000${name}`);
  }

  public condition(stackPath: string, name: string): unknown {
    return this.conditions.get(`${stackPath}\u0000${name}`);
  }

  public mapping(stackPath: string, name: string): { readonly [key: string]: any } | undefined {
    return this.mappings.get(`${stackPath}\u0000${name}`);
  }

  public stackRegion(stackPath: string): string | undefined {
    return this.regions.get(stackPath);
  }

  public ssmParameter(name: string): ExportEntry | undefined {
    return this.ssm.get(name);
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

  /** SSM parameters the app writes: by `AWS::SSM::Parameter`, or by the CDK's cross-region export writer. */
  private indexSsm(view: ResourceView): void {
    if (view.type === 'AWS::SSM::Parameter' && typeof view.properties.Name === 'string') {
      this.ssm.set(view.properties.Name, { stackPath: view.stackPath, value: view.properties.Value });
    } else if (view.type === 'Custom::CrossRegionExportWriter') {
      const exported = view.properties.WriterProps?.exports;
      if (typeof exported !== 'object' || exported === null) return;
      for (const [name, value] of Object.entries(exported as Record<string, unknown>)) this.ssm.set(name, { stackPath: view.stackPath, value });
    }
  }

  private addStack(stack: CloudFormationStack): void {
    const template = stack.template ?? {};
    for (const [name, body] of Object.entries((template.Parameters ?? {}) as Record<string, any>)) {
      this.parameters.set(`${stack.path}\u0000${name}`, typeof body === 'object' && body !== null ? body : {});
    }
    if (stack.region) this.regions.set(stack.path, stack.region);
    for (const [name, body] of Object.entries((template.Conditions ?? {}) as Record<string, unknown>)) {
      this.conditions.set(`${stack.path}\u0000${name}`, body);
    }
    for (const [name, body] of Object.entries((template.Mappings ?? {}) as Record<string, any>)) {
      if (typeof body === 'object' && body !== null) this.mappings.set(`${stack.path}\u0000${name}`, body);
    }
    for (const [outputName, body] of Object.entries((template.Outputs ?? {}) as Record<string, any>)) {
      const entry = { stackPath: stack.path, value: body?.Value };
      this.outputs.set(`${stack.name}\u0000${outputName}`, entry);
      const name = body?.Export?.Name;
      if (typeof name === 'string') this.exports.set(name, entry);
    }
    let inStack = this.byStack.get(stack.path);
    if (!inStack) this.byStack.set(stack.path, inStack = new Map());
    for (const [logicalId, body] of Object.entries((template.Resources ?? {}) as Record<string, any>)) {
      if (typeof body !== 'object' || body === null || typeof body.Type !== 'string') continue;
      const cdkPath = body.Metadata?.['aws:cdk:path'];
      const view: ResourceView = {
        stackPath: stack.path,
        logicalId,
        type: body.Type,
        properties: typeof body.Properties === 'object' && body.Properties !== null ? body.Properties : {},
        constructPath: stack.constructPaths?.[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : `${stack.path}/${logicalId}`),
        ...(stack.region ? { region: stack.region } : {}),
        ...(typeof body.DeletionPolicy === 'string' ? { deletionPolicy: body.DeletionPolicy } : {}),
        ...(typeof body.UpdateReplacePolicy === 'string' ? { updateReplacePolicy: body.UpdateReplacePolicy } : {}),
        ...(body.DeletionPolicy !== undefined || body.UpdateReplacePolicy !== undefined
          ? { policies: { deletion: body.DeletionPolicy, updateReplace: body.UpdateReplacePolicy } } : {}),
        ...(typeof body.UpdatePolicy === 'object' && body.UpdatePolicy !== null ? { updatePolicy: body.UpdatePolicy } : {}),
      };
      this.indexSsm(view);
      this.resources.push(view);
      inStack.set(logicalId, view);
      let ofType = this.byType.get(view.type);
      if (!ofType) this.byType.set(view.type, ofType = []);
      ofType.push(view);
      let sameId = this.byLogicalId.get(logicalId);
      if (!sameId) this.byLogicalId.set(logicalId, sameId = []);
      sameId.push(view);
    }
  }
}
