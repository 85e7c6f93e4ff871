import * as fs from 'fs';
import * as path from 'path';
import { EvidenceReport } from './model';
import { renderMarkdown } from './markdown';
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
  write(REPORT_FILES.json, JSON.stringify(report, undefined, 2));
  write(REPORT_FILES.markdown, renderMarkdown(report));
  write(REPORT_FILES.sarif, JSON.stringify(renderSarif(report, fileLocator(dir, repoRoot)), undefined, 2));
  return written;
}

/** Locates templates on disk; each template is read at most once. */
function fileLocator(dir: string, repoRoot: string): TemplateLocator {
  const lines = new Map<string, Map<string, number>>();
  return {
    uri(templatePath: string): string {
      const abs = path.resolve(dir, templatePath);
      const rel = path.relative(repoRoot, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return `file://${abs.split(path.sep).join('/')}`;
      return rel.split(path.sep).join('/');
    },
    line(templatePath: string, logicalId: string): number | undefined {
      let byId = lines.get(templatePath);
      if (!byId) {
        byId = resourceLines(path.resolve(dir, templatePath));
        lines.set(templatePath, byId);
      }
      return byId.get(logicalId);
    },
  };
}

/**
 * Lines of the top-level resource entries in a template written by the CDK
 * (`JSON.stringify(template, undefined, 1)`: resources are the keys indented by two spaces
 * inside ` "Resources": {`).
 */
function resourceLines(file: string): Map<string, number> {
  const result = new Map<string, number>();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return result;
  }
  const all = text.split('\n');
  let inResources = false;
  for (let i = 0; i < all.length; i++) {
    const line = all[i];
    if (!inResources) {
      inResources = line === ' "Resources": {';
      continue;
    }
    if (/^ \}/.test(line)) break;
    const m = /^ {2}"([^"]+)": \{$/.exec(line);
    if (m) result.set(m[1], i + 1);
  }
  return result;
}
