import * as fs from 'fs';
import * as path from 'path';
import { renderMarkdown } from './markdown';
import { EvidenceReport } from './model';
import { renderSarif, TemplateLocator } from './sarif';

/** File names of the evidence report, written into the cloud assembly directory. */
export const REPORT_FILES = {
  json: 'data-protection-report.json',
  markdown: 'data-protection-report.md',
  sarif: 'data-protection-report.sarif',
};

/**
 * Write the JSON, Markdown and SARIF evidence report into `dir` (the cloud assembly directory).
 * Template paths in the report are relative to `dir`; SARIF URIs are relative to `repoRoot`.
 *
 * @returns the absolute paths written
 */
export function writeEvidenceReport(dir: string, report: EvidenceReport, repoRoot: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
    written.push(file);
  };
  // Compact: the JSON is for tools (jq, dashboards) and runs to megabytes on large apps; people read the Markdown.
  write(REPORT_FILES.json, JSON.stringify(report));
  write(REPORT_FILES.markdown, renderMarkdown(report));
  write(REPORT_FILES.sarif, JSON.stringify(renderSarif(report, fileLocator(dir, repoRoot)), undefined, 2));
  return written;
}

/** Locates templates on disk; each template is read, and each URI computed, at most once. */
function fileLocator(dir: string, repoRoot: string): TemplateLocator {
  const lines = new Map<string, Map<string, number>>();
  const uris = new Map<string, string>();
  return {
    uri(templatePath: string): string {
      let uri = uris.get(templatePath);
      if (uri === undefined) {
        const abs = path.resolve(dir, templatePath);
        const rel = path.relative(repoRoot, abs);
        uri = rel.startsWith('..') || path.isAbsolute(rel) ? `file://${abs.split(path.sep).join('/')}` : rel.split(path.sep).join('/');
        uris.set(templatePath, uri);
      }
      return uri;
    },
    line(templatePath: string, logicalId: string): number | undefined {
      let byId = lines.get(templatePath);
      if (!byId) {
        byId = resourceLines(path.resolve(dir, templatePath));
        lines.set(templatePath, byId);
      }
      // Terraform instances (`type.name[0]`, `type.name["key"]`) are declared once, as `type.name`.
      return byId.get(logicalId) ?? byId.get(logicalId.replace(/\[[^\]]*\]$/, ''));
    },
  };
}

/**
 * Line of each resource in a template: CloudFormation (`"Resources"` at one space of indent, logical
 * IDs at two) or cdktf's Terraform JSON (`"resource"` at two, types at four, names at six; the key is
 * `<type>.<name>`). One pass of native string searches: no per-line allocation, since templates of
 * large apps run to megabytes.
 */
function resourceLines(file: string): Map<string, number> {
  const result = new Map<string, number>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return result;
  }
  let pos = 0;
  let line = 1;
  const lineAt = (index: number): number => {
    for (let n = text.indexOf('\n', pos); n >= 0 && n < index; n = text.indexOf('\n', pos)) {
      line++;
      pos = n + 1;
    }
    return line;
  };
  const cfn = text.indexOf('\n "Resources": {\n');
  if (cfn >= 0) {
    const end = text.indexOf('\n }', cfn + 1);
    const re = /\n {2}"([^"]+)": \{(?=\n)/g;
    re.lastIndex = cfn + 1;
    for (let m = re.exec(text); m && (end < 0 || m.index < end); m = re.exec(text)) result.set(m[1], lineAt(m.index + 1));
    return result;
  }
  const tf = text.indexOf('\n  "resource": {\n');
  if (tf >= 0) {
    const end = text.indexOf('\n  }', tf + 1);
    const re = /\n( {4}| {6})"([^"]+)": \{(?=\n)/g;
    re.lastIndex = tf + 1;
    let type = '';
    for (let m = re.exec(text); m && (end < 0 || m.index < end); m = re.exec(text)) {
      if (m[1].length === 4) type = m[2];
      else result.set(`${type}.${m[2]}`, lineAt(m.index + 1));
    }
    return result;
  }
  // Terraform HCL: `resource "type" "name" {`.
  const hcl = /(^|\n)[ \t]*resource[ \t]+"([^"]+)"[ \t]+"([^"]+)"[ \t]*\{/g;
  for (let m = hcl.exec(text); m; m = hcl.exec(text)) {
    const key = `${m[2]}.${m[3]}`;
    if (!result.has(key)) result.set(key, lineAt(m.index + m[1].length));
  }
  if (result.size > 0) return result;
  // terraform show -json: the first `"address": "<address>"` of each resource.
  const plan = /"address":\s*"((?:[^"\\]|\\.)*)"/g;
  for (let m = plan.exec(text); m; m = plan.exec(text)) {
    const address = m[1].replace(/\\"/g, '"');
    if (!result.has(address)) result.set(address, lineAt(m.index));
  }
  if (result.size > 0) return result;
  // CloudFormation in YAML: logical IDs at the first indent under `Resources:`.
  const yaml = /(^|\n)Resources:[ \t]*(\r?\n)/.exec(text);
  if (yaml) {
    const start = yaml.index + yaml[0].length;
    const item = /(^|\n)( +)([A-Za-z0-9]+):[ \t]*(?:#[^\n]*)?(?=\r?\n)|\n(?=[^\s#])/g;
    item.lastIndex = start - 1;
    let indent: string | undefined;
    for (let m = item.exec(text); m; m = item.exec(text)) {
      if (m[2] === undefined) break;
      indent ??= m[2];
      if (m[2] === indent) result.set(m[3], lineAt(m.index + m[1].length));
    }
  }
  return result;
}
