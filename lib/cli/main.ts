import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { check, CheckResult, controlCounts } from './check';
import { CheckInputError, ExitCode } from './errors';
import { POLICY_PRESETS } from './options';
import { renderMarkdown } from '../core/report/markdown';
import { renderSarif } from '../core/report/sarif';

/** Console formats of `--format`. */
export const FORMATS = ['text', 'json', 'markdown', 'sarif'];

export const USAGE = `Usage: cdk-data-protection check <path...> [options]

Judge infrastructure code against a data-protection policy and write the evidence report
(data-protection-report.json, .md, .sarif). Each path is recognised by its content:
  a cloud assembly directory (cdk.out of a CDK app in any language, nested Stage assemblies),
  CloudFormation or SAM templates (JSON or YAML), Terraform plans (terraform show -json plan.out),
  Terraform JSON (*.tf.json, cdk.tf.json, cdktf.out), directories of Terraform files (*.tf).

Options:
  --policy <preset|file>        ${Object.keys(POLICY_PRESETS).join(', ')}, or a JSON/YAML file of
                                DataProtectionPolicy props (default: the strictest common policy)
  --out <dir>                   where the report files go (default: .)
  --acknowledgements <file>     JSON/YAML list of { id, reason, scope }: a rule or control ID (or
                                NotJudged), a mandatory reason, a construct path or Terraform address
  --var-file <file>             values of Terraform variables (repeatable)
  --format <${FORMATS.join('|')}>  what to print (default: text)
  -h, --help                    this help

Exit codes: 0 nothing violated, 1 violations (or content not judged), 2 bad input (nothing written).`;

/** What the CLI writes to. */
export interface Console {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_CONSOLE: Console = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
};

/** Run the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: Console = PROCESS_CONSOLE): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'policy': { type: 'string' },
        'out': { type: 'string' },
        'acknowledgements': { type: 'string' },
        'var-file': { type: 'string', multiple: true },
        'format': { type: 'string' },
        'help': { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`cdk-data-protection: ${(e as Error).message}\n\n${USAGE}`);
    return ExitCode.BAD_INPUT;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return ExitCode.OK;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') {
    io.err(`cdk-data-protection: ${command ? `unknown command "${command}"` : 'no command given'}: expected "check"\n\n${USAGE}`);
    return ExitCode.BAD_INPUT;
  }
  const format = values.format ?? 'text';
  if (!FORMATS.includes(format)) {
    io.err(`cdk-data-protection: --format ${format}: expected one of ${FORMATS.join(', ')}`);
    return ExitCode.BAD_INPUT;
  }
  let result: CheckResult;
  try {
    result = await check({
      paths,
      policy: values.policy,
      out: values.out ?? '.',
      acknowledgements: values.acknowledgements,
      varFiles: values['var-file'],
    });
  } catch (e) {
    if (e instanceof CheckInputError) {
      io.err(`cdk-data-protection check: ${e.message}\nNothing was written.`);
      return ExitCode.BAD_INPUT;
    }
    throw e;
  }
  print(result, format, io);
  return result.exitCode;
}

function print(result: CheckResult, format: string, io: Console): void {
  const { report } = result;
  if (format === 'json') {
    io.out(JSON.stringify({
      exitCode: result.exitCode,
      policy: report.policy.name,
      inputs: result.read,
      controls: report.controls.map((c) => ({ id: c.id, status: c.status, reason: c.reason })),
      violations: result.violations,
      notJudged: result.notJudged,
      reports: result.files,
    }, undefined, 2));
    return;
  }
  if (format === 'markdown') {
    io.out(renderMarkdown(report));
    return;
  }
  if (format === 'sarif') {
    const sarif = result.files.find((f) => f.endsWith('.sarif'));
    io.out(sarif ? fs.readFileSync(sarif, 'utf8') : JSON.stringify(renderSarif(report, { uri: (p) => p, line: () => undefined }), undefined, 2));
    return;
  }
  const lines: string[] = [];
  lines.push(`cdk-data-protection check — policy "${report.policy.name}"`);
  for (const r of result.read) lines.push(`  read ${r.path}: ${r.as}`);
  lines.push('');
  const width = Math.max(...report.controls.map((c) => c.status.length));
  for (const c of report.controls) {
    if (!c.promised) continue;
    const counts = controlCounts(c.findings);
    lines.push(`  ${c.id.padEnd(9)} ${c.status.padEnd(width)}  ${counts || c.reason}`);
  }
  if (result.notJudged.length > 0) {
    lines.push('', 'Not judged (no evidence of compliance):');
    for (const n of result.notJudged) {
      lines.push(`  ${n.address} (${n.source})${n.acknowledgedReason ? ` acknowledged: ${n.acknowledgedReason}` : ''}`);
    }
  }
  if (result.violations.length > 0) {
    const shown = result.violations.slice(0, 20);
    lines.push('', `${result.violations.length} open violation${result.violations.length === 1 ? '' : 's'}${result.violations.length > shown.length ? ` (first ${shown.length})` : ''}:`);
    for (const v of shown) lines.push(`  ${v}`);
  } else {
    lines.push('', 'No open violations.');
  }
  lines.push('', 'Reports:');
  for (const f of result.files) lines.push(`  ${path.relative(process.cwd(), f) || f}`);
  io.out(lines.join('\n'));
}

/** The package's bin: `cdk-data-protection check ...`. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (e) => {
    process.stderr.write(`cdk-data-protection: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = ExitCode.BAD_INPUT;
  });
}
