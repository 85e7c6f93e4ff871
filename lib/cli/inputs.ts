import * as fs from 'fs';
import * as path from 'path';
import { CloudAssembly, isCloudAssembly, readCloudAssembly } from './cloud-assembly';
import { CheckInputError } from './errors';
import { parseJson, parseYaml } from './parse';
import { CloudFormationStack } from '../cloudformation/template-index';
import { loadTerraformDirectory, parseHcl } from '../terraform/load';
import { prepareConfigurations, TerraformConfiguration } from '../terraform/read-configuration';
import { isPlanOrState, SUPPORTED_PLAN_FORMAT_MAJORS, TerraformInputError } from '../terraform/read-plan';

/** Everything the inputs hold, by cloud. */
export interface CheckInputs {
  /** Cloud assemblies (each judged Stage by Stage, as the synth-time pack judges them). */
  readonly assemblies: { readonly label: string; readonly assembly: CloudAssembly }[];
  /** Plain CloudFormation / SAM templates (judged together). */
  readonly templates: CloudFormationStack[];
  /** Terraform configurations and plans (judged together). */
  readonly terraform: TerraformConfiguration[];
  /** Each input and what it was read as, for the summary. */
  readonly read: { readonly path: string; readonly as: string }[];
}

const HCL_START = /^\s*(resource|variable|terraform|provider|module|data|locals|output|import|moved|check)\s+("|\{)/m;
const TERRAFORM_KEYS = ['resource', 'terraform', 'module', 'variable', 'provider', 'locals', 'data', 'output'];
/** What a CloudFormation template, a Terraform JSON file or a plan holds near the top level. */
const IAC_MARKERS = /"?(Resources|AWSTemplateFormatVersion|format_version|planned_values|resource_changes)"?\s*:|"(resource|terraform|module)"\s*:/;

/**
 * Read every path given to `check`, recognising each by its content: a cloud assembly directory,
 * a cdktf output directory, a directory of Terraform files, a plan or state from
 * `terraform show -json`, Terraform JSON, a CloudFormation or SAM template in JSON or YAML, or a
 * directory holding any of these files.
 *
 * @param reportDir where the report will be written (paths in it are relative to it)
 * @throws CheckInputError naming the file and what was wrong; nothing has been written
 */
export async function readInputs(paths: readonly string[], reportDir: string, options: { varFiles?: string[] } = {}): Promise<CheckInputs> {
  if (paths.length === 0) throw new CheckInputError('no input given: expected one or more paths (a cdk.out directory, templates, Terraform files or plans)');
  const inputs: CheckInputs = { assemblies: [], templates: [], terraform: [], read: [] };
  for (const p of paths) await readPath(p, reportDir, inputs, options);
  // Expressions of Terraform JSON files (conditionals, functions) are parsed once, before judging.
  await prepareConfigurations(inputs.terraform.filter((c) => !isPlanOrState(c.config)));
  return inputs;
}

async function readPath(p: string, reportDir: string, inputs: CheckInputs, options: { varFiles?: string[] }): Promise<void> {
  const shown = p;
  if (!fs.existsSync(p)) throw new CheckInputError(`${shown}: no such file or directory`);
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    await readDirectory(p, reportDir, inputs, options);
    return;
  }
  const before = inputs.read.length;
  await readFile(p, reportDir, inputs, true);
  if (inputs.read.length === before) throw new CheckInputError(notRecognised(shown));
}

function notRecognised(file: string): string {
  return `${file}: not recognised as infrastructure code: expected a CloudFormation or SAM template (JSON or YAML with Resources), `
    + 'Terraform (HCL or JSON), a plan from terraform show -json, or a cloud assembly directory';
}

async function readDirectory(dir: string, reportDir: string, inputs: CheckInputs, options: { varFiles?: string[] }): Promise<void> {
  if (isCloudAssembly(dir)) {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    if (manifest.stacks && !manifest.artifacts) {
      readCdktfOutput(dir, manifest, reportDir, inputs);
      return;
    }
    const assembly = readCloudAssembly(dir, reportDir, dir);
    if (assembly.stacks.length === 0) throw new CheckInputError(`${dir}: a cloud assembly without any stack (manifest.json lists no aws:cloudformation:stack artifact)`);
    inputs.assemblies.push({ label: dir, assembly });
    inputs.read.push({ path: dir, as: `cloud assembly (${assembly.stacks.length} stacks in ${assembly.stages.length} assemblies)` });
    return;
  }
  const cdktfManifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(cdktfManifest)) {
    const manifest = parseJson(cdktfManifest, readText(cdktfManifest)) as { [key: string]: any };
    if (manifest && typeof manifest.stacks === 'object') {
      readCdktfOutput(dir, manifest, reportDir, inputs);
      return;
    }
  }
  const entries = fs.readdirSync(dir).sort();
  if (entries.length === 0) throw new CheckInputError(`${dir}: the directory is empty: expected infrastructure code (a cdk.out directory, templates, Terraform files or plans)`);
  const terraformFiles = entries.filter((f) => /\.tf(\.json)?$/.test(f) && fs.statSync(path.join(dir, f)).isFile());
  if (terraformFiles.length > 0) {
    const { configuration, files } = await loadDirectory(dir, reportDir, options);
    inputs.terraform.push(configuration);
    inputs.read.push({ path: dir, as: `Terraform configuration (${files.filter((f) => /\.tf(\.json)?$/.test(f)).length} files)` });
  }
  const before = inputs.read.length;
  for (const f of entries) {
    const file = path.join(dir, f);
    if (/\.tf(\.json)?$/.test(f) || f.startsWith('.')) continue;
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      if (isCloudAssembly(file) || fs.existsSync(path.join(file, 'manifest.json'))) await readDirectory(file, reportDir, inputs, options);
      continue;
    }
    if (!/\.(json|ya?ml|template)$/i.test(f)) continue;
    await readFile(file, reportDir, inputs, false);
  }
  if (terraformFiles.length === 0 && inputs.read.length === before) {
    throw new CheckInputError(`${dir}: no infrastructure code found: expected *.tf or *.tf.json files, CloudFormation or SAM templates, `
      + 'plans from terraform show -json, or a cloud assembly (manifest.json)');
  }
}

async function loadDirectory(dir: string, reportDir: string, options: { varFiles?: string[] }) {
  try {
    const loaded = await loadTerraformDirectory(dir, { varFiles: options.varFiles });
    const first = loaded.files.find((f) => /\.tf(\.json)?$/.test(f)) ?? '';
    return { ...loaded, configuration: { ...loaded.configuration, name: dir, templatePath: rel(reportDir, path.join(dir, first)) } };
  } catch (e) {
    if (e instanceof TerraformInputError) throw new CheckInputError(prefixed(dir, e.message));
    throw e;
  }
}

function prefixed(dir: string, message: string): string {
  return /^[^\s:]+\.(tf|json|hcl|tfvars)/.test(message) ? path.join(dir, message) : message;
}

/** cdktf.out: its manifest lists each stack's synthesized cdk.tf.json. */
function readCdktfOutput(dir: string, manifest: { [key: string]: any }, reportDir: string, inputs: CheckInputs): void {
  for (const [name, stack] of Object.entries(manifest.stacks as { [name: string]: any })) {
    const file = path.join(dir, String(stack?.synthesizedStackPath ?? ''));
    if (!stack?.synthesizedStackPath || !fs.existsSync(file)) continue;
    const config = parseJson(file, readText(file)) as { [key: string]: any };
    inputs.terraform.push({ name, config, templatePath: rel(reportDir, file) });
    inputs.read.push({ path: file, as: 'Terraform JSON (cdktf)' });
  }
}

/**
 * One file, recognised by content. `explicit`: the user named it (anything unrecognised is an
 * error); otherwise it was found in a directory and files that are not infrastructure code are skipped.
 */
async function readFile(file: string, reportDir: string, inputs: CheckInputs, explicit: boolean): Promise<void> {
  const text = readText(file);
  if (text.trim() === '') {
    if (explicit) throw new CheckInputError(`${file}: the file is empty: expected infrastructure code`);
    return;
  }
  if (/\.tf$/.test(file) || (!/\.(json|ya?ml|template)$/i.test(file) && HCL_START.test(text) && !text.trimStart().startsWith('{'))) {
    let config: { [key: string]: any };
    try {
      config = await parseHcl(file, text);
    } catch (e) {
      throw new CheckInputError((e as Error).message);
    }
    const configuration = { name: file, config, templatePath: rel(reportDir, file) };
    await prepareConfigurations([configuration]);
    inputs.terraform.push(configuration);
    inputs.read.push({ path: file, as: 'Terraform (HCL)' });
    return;
  }
  const isJson = /\.json$/i.test(file) || ['{', '['].includes(text.replace(/^\uFEFF/, '').trimStart()[0]);
  // A file found in a directory is read only when it looks like infrastructure code, so a broken
  // package.json or a CI workflow beside the templates is no error; a named file always is read.
  if (!explicit && !IAC_MARKERS.test(text)) return;
  let doc: unknown;
  if (isJson) {
    doc = parseJson(file, text);
  } else if (/\.ya?ml$/i.test(file) || explicit || /(^|\n)\s*(Resources|AWSTemplateFormatVersion)\s*:/.test(text)) {
    doc = parseYaml(file, text);
  } else {
    return;
  }
  classify(file, doc, reportDir, inputs, explicit);
}

function classify(file: string, doc: unknown, reportDir: string, inputs: CheckInputs, explicit: boolean): void {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    if (explicit) throw new CheckInputError(notRecognised(file));
    return;
  }
  const d = doc as { [key: string]: any };
  if (isPlanOrState(d)) {
    const major = String(d.format_version).split('.')[0];
    if (d.format_version !== undefined && !SUPPORTED_PLAN_FORMAT_MAJORS.includes(major)) {
      throw new CheckInputError(`${file}: format_version "${d.format_version}" is not supported: expected the output of terraform show -json `
        + `with a format_version major of ${SUPPORTED_PLAN_FORMAT_MAJORS.join(' or ')} (Terraform 0.12 to 1.x)`);
    }
    inputs.terraform.push({ name: file, config: d, templatePath: rel(reportDir, file) });
    const format = d.format_version === undefined ? 'no format_version' : `format ${d.format_version}`;
    inputs.read.push({ path: file, as: d.planned_values || d.resource_changes ? `Terraform plan (${format})` : `Terraform state (${format})` });
    return;
  }
  if (typeof d.format_version === 'string' && explicit) {
    throw new CheckInputError(`${file}: a JSON document with format_version "${d.format_version}" but none of planned_values, resource_changes, values or configuration: `
      + 'expected the output of terraform show -json <planfile>');
  }
  if (isCloudFormation(d)) {
    const name = path.basename(file).replace(/\.(template\.)?(json|ya?ml|template)$/i, '');
    inputs.templates.push({ path: name, name, template: d, templatePath: rel(reportDir, file) });
    const sam = String(d.Transform ?? '').includes('AWS::Serverless') || (Array.isArray(d.Transform) && d.Transform.some((t: unknown) => String(t).includes('AWS::Serverless')));
    inputs.read.push({ path: file, as: sam ? 'SAM template' : 'CloudFormation template' });
    return;
  }
  if (TERRAFORM_KEYS.some((k) => k in d) && !('Resources' in d)) {
    inputs.terraform.push({ name: file, config: d, templatePath: rel(reportDir, file) });
    inputs.read.push({ path: file, as: 'Terraform JSON' });
    return;
  }
  if (explicit) throw new CheckInputError(notRecognised(file));
}

function isCloudFormation(d: { [key: string]: any }): boolean {
  if (typeof d.AWSTemplateFormatVersion === 'string') return true;
  const resources = d.Resources;
  if (typeof resources !== 'object' || resources === null || Array.isArray(resources)) return false;
  const values = Object.values(resources);
  return values.length > 0 && values.every((r: any) => typeof r?.Type === 'string');
}

/**
 * A text file as tools write them: UTF-8 (with or without a byte-order mark) or UTF-16 with a
 * byte-order mark (what `terraform show -json > plan.json` writes in Windows PowerShell).
 */
export function readText(file: string): string {
  const bytes = fs.readFileSync(file);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function rel(reportDir: string, file: string): string {
  return path.relative(reportDir, path.resolve(file)).split(path.sep).join('/');
}
