import * as fs from 'fs';
import * as path from 'path';
import { CheckInputError } from './errors';
import { parseJson } from './parse';
import { CloudFormationStack } from '../cloudformation/template-index';
import { packOf } from '../core/engine/acknowledgements';
import { AcknowledgementRecord } from '../core/report/model';

/** Metadata types the CDK writes into a cloud assembly. */
const LOGICAL_ID = 'aws:cdk:logicalId';
const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';

/** One Stage (or the app itself) of a cloud assembly: judged on its own, as the synth-time pack judges it. */
export interface AssemblyStage {
  /** Where it was read from, for messages (`cdk.out/assembly-Sitasys`). */
  readonly label: string;
  /** Construct paths of its top-level stacks (the stacks judged). */
  readonly judge: string[];
}

/** What a cloud assembly directory holds. */
export interface CloudAssembly {
  /** Every stack of every (nested) assembly, nested stacks included: read for references. */
  readonly stacks: CloudFormationStack[];
  /** Each assembly that holds stacks, judged separately. */
  readonly stages: AssemblyStage[];
  /** Acknowledgements recorded on constructs (`aws:cdk:acknowledged-rules`), at their construct paths. */
  readonly acknowledgements: AcknowledgementRecord[];
}

/** Whether a directory is a cloud assembly (`manifest.json` with `artifacts`). */
export function isCloudAssembly(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) return false;
  try {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    return typeof m === 'object' && m !== null && typeof m.version === 'string' && typeof m.artifacts === 'object';
  } catch {
    return false;
  }
}

/**
 * Read a cloud assembly as `cdk synth` wrote it (a CDK app in any language): every stack artifact's
 * template, construct paths from the manifest's `aws:cdk:logicalId` metadata, acknowledgements from
 * its `aws:cdk:acknowledged-rules` metadata, nested Stage assemblies (`cdk:cloud-assembly`
 * artifacts) and nested stacks (`*.nested.template.json` assets).
 *
 * @param reportDir where the report will be written (template paths are relative to it)
 */
export function readCloudAssembly(dir: string, reportDir: string, label = dir): CloudAssembly {
  const out: CloudAssembly = { stacks: [], stages: [], acknowledgements: [] };
  readAssembly(dir, reportDir, label, out, 0);
  return out;
}

function readAssembly(dir: string, reportDir: string, label: string, out: CloudAssembly, depth: number): void {
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = parseJson(path.relative(process.cwd(), manifestFile) || manifestFile, fs.readFileSync(manifestFile, 'utf8')) as { [key: string]: any };
  const artifacts = typeof manifest.artifacts === 'object' && manifest.artifacts !== null ? manifest.artifacts : {};
  const judge: string[] = [];
  for (const [id, artifact] of Object.entries(artifacts as { [id: string]: any })) {
    if (artifact?.type === 'cdk:cloud-assembly' && depth < 16) {
      const sub = artifact.properties?.directoryName;
      if (typeof sub === 'string' && fs.existsSync(path.join(dir, sub, 'manifest.json'))) {
        readAssembly(path.join(dir, sub), reportDir, path.join(label, sub), out, depth + 1);
      }
      continue;
    }
    if (artifact?.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties?.templateFile;
    if (typeof templateFile !== 'string') continue;
    const file = path.join(dir, templateFile);
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) throw new CheckInputError(`${shown}: the template named by ${path.join(label, 'manifest.json')} (artifact ${id}) is missing`);
    const template = parseJson(shown, fs.readFileSync(file, 'utf8')) as { [key: string]: any };
    const metadata = stackMetadata(dir, artifact);
    const stackPath = typeof artifact.displayName === 'string' ? artifact.displayName : id;
    const region = /^aws:\/\/[^/]+\/(.+)$/.exec(String(artifact.environment ?? ''))?.[1];
    const constructPaths: { [logicalId: string]: string } = {};
    for (const [mdPath, entries] of Object.entries(metadata)) {
      const constructPath = mdPath.replace(/^\//, '');
      for (const e of Array.isArray(entries) ? entries : []) {
        if (e?.type === LOGICAL_ID && typeof e.data === 'string') constructPaths[e.data] = constructPath;
        if (e?.type === ACKNOWLEDGED_RULES && typeof e.data === 'object' && e.data !== null) {
          for (const [key, reason] of Object.entries(e.data as { [key: string]: unknown })) {
            const ruleId = key.replace(/^annotation::/i, '');
            out.acknowledgements.push({ pack: packOf(ruleId), ruleId, reason: typeof reason === 'string' ? reason : '', constructPath });
          }
        }
      }
    }
    out.stacks.push({
      path: stackPath,
      name: typeof artifact.properties?.stackName === 'string' ? artifact.properties.stackName : id,
      ...(region && !region.startsWith('unknown-') ? { region } : {}),
      template,
      templatePath: relative(reportDir, file),
      constructPaths,
    });
    judge.push(stackPath);
    readNestedStacks(dir, reportDir, stackPath, template, constructPaths, nestedTemplateFiles(dir, artifacts), out);
  }
  if (judge.length > 0) out.stages.push({ label, judge });
}

/** The artifact's construct metadata: inline (`metadata`) or in its `additionalMetadataFile`. */
function stackMetadata(dir: string, artifact: { [key: string]: any }): { [path: string]: any[] } {
  const inline = typeof artifact.metadata === 'object' && artifact.metadata !== null ? artifact.metadata : {};
  const extraFile = artifact.additionalMetadataFile;
  if (typeof extraFile !== 'string') return inline;
  const file = path.join(dir, extraFile);
  if (!fs.existsSync(file)) return inline;
  return { ...inline, ...(parseJson(path.relative(process.cwd(), file) || file, fs.readFileSync(file, 'utf8')) as object) };
}

/**
 * The nested-stack templates of an assembly, by the S3 object key their parent's `TemplateURL`
 * names (from the asset manifests), so nested stacks are found whether or not the CDK wrote
 * `aws:asset:path` metadata.
 */
function nestedTemplateFiles(dir: string, artifacts: { [id: string]: any }): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const artifact of Object.values(artifacts)) {
    if (artifact?.type !== 'cdk:asset-manifest' || typeof artifact.properties?.file !== 'string') continue;
    const file = path.join(dir, artifact.properties.file);
    if (!fs.existsSync(file)) continue;
    let manifest: any;
    try {
      manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    for (const asset of Object.values<any>(manifest.files ?? {})) {
      const source = asset?.source?.path;
      if (typeof source !== 'string' || !source.endsWith('.nested.template.json')) continue;
      for (const d of Object.values<any>(asset.destinations ?? {})) if (typeof d?.objectKey === 'string') byKey.set(d.objectKey, source);
    }
  }
  return byKey;
}

/**
 * Nested stacks: `AWS::CloudFormation::Stack` resources whose template is a file of the assembly
 * (`aws:asset:path` metadata, or the asset whose object key the `TemplateURL` names). Their
 * construct paths come from the parent artifact's metadata, under the nested stack's path.
 */
function readNestedStacks(
  dir: string, reportDir: string, parentPath: string, template: { [key: string]: any }, parentPaths: { [logicalId: string]: string },
  nestedFiles: Map<string, string>, out: CloudAssembly,
): void {
  for (const [logicalId, resource] of Object.entries((template.Resources ?? {}) as { [id: string]: any })) {
    if (resource?.Type !== 'AWS::CloudFormation::Stack') continue;
    let asset = resource.Metadata?.['aws:asset:path'];
    if (typeof asset !== 'string') {
      const url = JSON.stringify(resource.Properties?.TemplateURL ?? '');
      asset = [...nestedFiles.entries()].find(([key]) => url.includes(key))?.[1];
    }
    if (typeof asset !== 'string' || !fs.existsSync(path.join(dir, asset))) continue;
    const file = path.join(dir, asset);
    const nested = parseJson(path.relative(process.cwd(), file) || file, fs.readFileSync(file, 'utf8')) as { [key: string]: any };
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    const resourcePath = parentPaths[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : `${parentPath}/${logicalId}`);
    // `<parent>/<Nested>.NestedStack/<Nested>.NestedStackResource` -> `<parent>/<Nested>`.
    const nestedPath = resourcePath.replace(/\.NestedStack\/[^/]+\.NestedStackResource$/, '');
    const constructPaths: { [logicalId: string]: string } = {};
    for (const [id, p] of Object.entries(parentPaths)) if (p.startsWith(`${nestedPath}/`)) constructPaths[id] = p;
    out.stacks.push({
      path: nestedPath,
      name: nestedPath.split('/').join('-'),
      template: nested,
      templatePath: relative(reportDir, file),
      constructPaths,
      parentPath,
    });
    readNestedStacks(dir, reportDir, nestedPath, nested, constructPaths, nestedFiles, out);
  }
}

function relative(from: string, file: string): string {
  return path.relative(from, file).split(path.sep).join('/');
}

/**
 * Acknowledgements written into templates (`Metadata.cdk_nag.rules_to_suppress`, on a resource or
 * on the whole template, as cdk-nag writes them): each at the resource's construct path, or the
 * stack's for template-level ones.
 */
export function templateAcknowledgements(stack: CloudFormationStack): AcknowledgementRecord[] {
  const out: AcknowledgementRecord[] = [];
  const add = (entries: unknown, constructPath: string) => {
    for (const s of Array.isArray(entries) ? entries : []) {
      if (typeof s?.id !== 'string') continue;
      out.push({ pack: packOf(s.id), ruleId: s.id, reason: typeof s.reason === 'string' ? s.reason : '', constructPath });
    }
  };
  add(stack.template.Metadata?.cdk_nag?.rules_to_suppress, stack.path);
  for (const [logicalId, resource] of Object.entries((stack.template.Resources ?? {}) as { [id: string]: any })) {
    const suppressions = resource?.Metadata?.cdk_nag?.rules_to_suppress;
    if (!suppressions) continue;
    const cdkPath = resource.Metadata?.['aws:cdk:path'];
    add(suppressions, stack.constructPaths?.[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : `${stack.path}/${logicalId}`));
  }
  return out;
}
