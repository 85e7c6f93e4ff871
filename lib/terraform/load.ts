import * as fs from 'fs';
import * as path from 'path';
import { hclParser } from './expression-ast';
import { LOCAL_MODULES, LocalModule, prepareConfigurations, SOURCE_FILE, TerraformConfiguration } from './read-configuration';
import { TerraformInputError } from './read-plan';

/** What `loadTerraformDirectory` read, besides the configuration. */
export interface LoadedTerraform {
  /** The configuration, ready for `evaluateTerraform` (its expressions are prepared). */
  readonly configuration: TerraformConfiguration;
  /** Every file read, relative to the directory. */
  readonly files: string[];
}

interface Hcl2JsonParse {
  parse(filename: string, contents: string): Promise<{ [key: string]: any }>;
}

/** A UTF-8 file without its byte-order mark, if it has one. */
function readUtf8(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse one HCL file with HashiCorp's parser; errors name the file, the line and what was expected. */
export async function parseHcl(file: string, text: string, displayName = file): Promise<{ [key: string]: any }> {
  const parser = hclParser() as unknown as Hcl2JsonParse;
  try {
    return await parser.parse(displayName, text);
  } catch (e) {
    throw new TerraformInputError(hclErrorMessage(displayName, e instanceof Error ? e.message : String(e)));
  }
}

/** `main.tf:3,7-4,1: Invalid expression; Expected ...` -> `main.tf line 3, column 7: Invalid expression; Expected ...`. */
export function hclErrorMessage(file: string, message: string): string {
  const inner = message.replace(/^parse config: \[/, '').replace(/\]$/, '');
  const m = /^(.*?):(\d+),(\d+)(?:-[\d,]+)?: (.*)$/s.exec(inner);
  if (!m) return `${file}: not valid HCL: ${inner}`;
  return `${file} line ${m[2]}, column ${m[3]}: not valid HCL: ${m[4].trim()}`;
}

/** Parse a JSON file; errors name the file, the line and column, and what the parser expected. */
export function parseJsonFile(displayName: string, text: string): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TerraformInputError(jsonErrorMessage(displayName, text, e instanceof Error ? e.message : String(e)));
  }
}

/** `Unexpected end of JSON input` / `... at position 123` -> `file line L, column C: not valid JSON: ...`. */
export function jsonErrorMessage(file: string, text: string, message: string): string {
  const pos = /position (\d+)/.exec(message);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  let where = '';
  if (lineCol) {
    where = ` line ${lineCol[1]}, column ${lineCol[2]}`;
  } else if (pos) {
    const before = text.slice(0, Number(pos[1]));
    const line = before.split('\n').length;
    where = ` line ${line}, column ${Number(pos[1]) - before.lastIndexOf('\n')}`;
  } else if (/end of JSON input|Unterminated/.test(message)) {
    where = ` line ${text.split('\n').length} (end of file)`;
  }
  const what = message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)/, '');
  return `${file}${where}: not valid JSON: ${what}; expected a complete JSON document`;
}

const isOverride = (f: string) => f === 'override.tf' || f === 'override.tf.json' || /_override\.tf(\.json)?$/.test(f);

/**
 * Load a directory of Terraform files as Terraform would: every `*.tf` (HCL, converted by
 * HashiCorp's parser) and `*.tf.json` file merged into one configuration, override files merged
 * into the blocks they override, the azurerm version from `.terraform.lock.hcl`, and variable
 * values from `terraform.tfvars`, `*.auto.tfvars` (and `.json`) and any `varFiles` given.
 *
 * @throws TerraformInputError naming the file and line of anything that does not parse
 */
export async function loadTerraformDirectory(
  dir: string, options: { name?: string; templatePath?: string; varFiles?: string[] } = {},
): Promise<LoadedTerraform> {
  const entries = fs.readdirSync(dir).sort();
  const { config, sources } = await readDirectoryFiles(dir);
  await attachLocalModules(config, dir, 0, new Set([fs.realpathSync(dir)]));

  let lockedAzurerm: string | undefined;
  const lockFile = path.join(dir, '.terraform.lock.hcl');
  const files = [...sources];
  if (fs.existsSync(lockFile)) {
    const lock = await parseHcl(lockFile, readUtf8(lockFile), '.terraform.lock.hcl');
    lockedAzurerm = lockedVersion(lock, 'azurerm');
    files.push('.terraform.lock.hcl');
  }

  const variables: { [name: string]: unknown } = {};
  const varFiles = [
    ...entries.filter((f) => f === 'terraform.tfvars' || f === 'terraform.tfvars.json'),
    ...entries.filter((f) => /\.auto\.tfvars(\.json)?$/.test(f)),
  ].map((f) => path.join(dir, f));
  for (const file of [...varFiles, ...(options.varFiles ?? [])]) {
    const text = readUtf8(file);
    const shown = path.relative(dir, file) || path.basename(file);
    const values = file.endsWith('.json') ? parseJsonFile(shown, text) : await parseHcl(file, text, shown);
    Object.assign(variables, values);
    files.push(shown);
  }

  const configuration: TerraformConfiguration = {
    name: options.name ?? path.basename(path.resolve(dir)),
    config,
    templatePath: options.templatePath ?? sources[0] ?? dir,
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
    ...(lockedAzurerm ? { lockedAzurerm } : {}),
  };
  await prepareConfigurations([configuration]);
  return { configuration, files };
}

/** Record on each resource body the file it is declared in. */
function markSource(doc: { [key: string]: any }, file: string): void {
  for (const part of asList(doc.resource)) {
    for (const byName of Object.values(part ?? {})) {
      for (const bodies of Object.values((byName ?? {}) as { [name: string]: any })) {
        for (const body of asList(bodies)) if (typeof body === 'object' && body !== null) body[SOURCE_FILE] = file;
      }
    }
  }
}

/** The `*.tf` and `*.tf.json` files of one directory, merged as Terraform merges them. */
async function readDirectoryFiles(dir: string): Promise<{ config: { [key: string]: any[] }; sources: string[] }> {
  const sources = fs.readdirSync(dir).sort().filter((f) => (f.endsWith('.tf') || f.endsWith('.tf.json')) && fs.statSync(path.join(dir, f)).isFile());
  const documents: { doc: { [key: string]: any }; override: boolean }[] = [];
  for (const file of sources) {
    const text = readUtf8(path.join(dir, file));
    const doc = file.endsWith('.json') ? parseJsonFile(file, text) : await parseHcl(file, text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      throw new TerraformInputError(`${file}: expected a Terraform JSON object at the top level`);
    }
    markSource(doc, file);
    documents.push({ doc, override: isOverride(file) });
  }
  const config = mergeDocuments(documents.filter((d) => !d.override).map((d) => d.doc));
  for (const o of documents.filter((d) => d.override)) applyOverride(config, o.doc);
  return { config, sources };
}

/**
 * Load the local modules a configuration calls (`source = "./modules/x"`), recursively, so the
 * reader expands them. Registry and git modules are not downloaded: they stay not judged.
 */
async function attachLocalModules(config: { [key: string]: any }, dir: string, depth: number, seen: Set<string>): Promise<void> {
  const modules: { [name: string]: LocalModule } = {};
  for (const part of asList(config.module)) {
    for (const [name, bodies] of Object.entries((part ?? {}) as { [name: string]: any })) {
      const source = asList(bodies)[0]?.source;
      if (typeof source !== 'string' || !/^\.\.?[/\\]/.test(source) || depth >= 16) continue;
      const moduleDir = path.join(dir, source);
      if (!fs.existsSync(moduleDir) || !fs.statSync(moduleDir).isDirectory()) continue;
      const real = fs.realpathSync(moduleDir);
      if (seen.has(real)) continue;
      let loaded: { config: { [key: string]: any[] } };
      try {
        loaded = await readDirectoryFiles(moduleDir);
      } catch (e) {
        if (e instanceof TerraformInputError) throw new TerraformInputError(`${path.join(source, e.message)}`);
        throw e;
      }
      await attachLocalModules(loaded.config, moduleDir, depth + 1, new Set([...seen, real]));
      modules[name] = { config: loaded.config, dir: source.split(path.sep).join('/') };
    }
  }
  if (Object.keys(modules).length > 0) (config as any)[LOCAL_MODULES] = modules;
}

/** Merge the top-level blocks of several files (what Terraform does with a directory). */
export function mergeDocuments(docs: readonly { [key: string]: any }[]): { [key: string]: any } {
  const merged: { [key: string]: any[] } = {};
  for (const doc of docs) {
    for (const [key, value] of Object.entries(doc)) {
      if (key === '//') continue;
      (merged[key] ??= []).push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return merged;
}

/** Merge an override file's resource arguments into the resources it names. */
function applyOverride(config: { [key: string]: any[] }, override: { [key: string]: any }): void {
  for (const part of asList(override.resource)) {
    for (const [type, byName] of Object.entries(part ?? {})) {
      for (const [name, bodies] of Object.entries(byName as { [name: string]: any })) {
        const body = asList(bodies)[0];
        const target = findResourceBody(config, type, name);
        if (target && body) Object.assign(target, body);
      }
    }
  }
  for (const key of ['locals', 'variable', 'terraform']) {
    if (override[key] !== undefined) (config[key] ??= []).push(...asList(override[key]));
  }
}

function findResourceBody(config: { [key: string]: any[] }, type: string, name: string): { [key: string]: any } | undefined {
  for (const part of config.resource ?? []) {
    const bodies = part?.[type]?.[name];
    if (bodies !== undefined) return asList(bodies)[0];
  }
  return undefined;
}

const asList = (v: unknown): any[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The version a lock file records for a provider (`registry.terraform.io/hashicorp/azurerm`). */
export function lockedVersion(lock: { [key: string]: any }, provider: string): string | undefined {
  for (const part of asList(lock.provider)) {
    for (const [source, bodies] of Object.entries(part ?? {})) {
      if (!source.endsWith(`/${provider}`)) continue;
      const version = asList(bodies)[0]?.version;
      if (typeof version === 'string') return version;
    }
  }
  return undefined;
}
