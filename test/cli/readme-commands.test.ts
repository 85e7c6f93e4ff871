// The README's "Check any IaC" commands run as written, on inputs of each kind they name, and the
// CI examples call the CLI with options it has.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as YAML from 'yaml';
import { POLICY_PRESETS } from '../../lib/cli/options';
import { REPORT_FILES } from '../../lib/core/report/write';
import { newApp, tempDir } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Check any IaC'), README.indexOf('\n## ', README.indexOf('## Check any IaC') + 5));

/** The `npx cdk-data-protection ...` lines of the section's sh blocks. */
const COMMANDS = [...SECTION.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1].split('\n'))
  .filter((l) => l.startsWith('npx cdk-data-protection '));

/** A directory holding one input of every kind the commands name. */
function workspace(): string {
  const dir = tempDir('dp-readme-check-');
  // cdk.out: a small CDK app with a Stage, synthesized.
  const app = newApp({ outdir: path.join(dir, 'cdk.out') });
  const stage = new Stage(app, 'Prod');
  new s3.Bucket(new Stack(stage, 'Data', { env: { account: '111111111111', region: 'eu-west-1' } }), 'Exports', { enforceSSL: true });
  app.synth();
  fs.writeFileSync(path.join(dir, 'template.yaml'), [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Exports:',
    '    Type: AWS::S3::Bucket',
    '  Handler:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Handler: index.handler',
    '      Runtime: nodejs20.x',
    '      Environment:',
    '        Variables:',
    '          BUCKET: !Ref Exports',
    '          BUCKET_ARN: !GetAtt Exports.Arn',
    '          PREFIX: !Sub "${AWS::StackName}-exports"',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ preset: 'situm', regionCount: 2 }));
  fs.copyFileSync(path.join(ROOT, 'test', 'realworld', 'azure-plans', '01-v3-storage-diagnostics', 'plan.json'), path.join(dir, 'plan.json'));
  fs.cpSync(path.join(ROOT, 'test', 'realworld', 'azure', '11-diagnostics-legacy-log'), path.join(dir, 'infra'), { recursive: true });
  fs.rmSync(path.join(dir, 'infra', 'expected.json'));
  // The acknowledgements file is the README's own example.
  const yaml = /```yaml\n([\s\S]*?)```/.exec(SECTION)![1].replace(/^ {2}/gm, '');
  fs.writeFileSync(path.join(dir, 'acknowledgements.yaml'), yaml);
  return dir;
}

test('the section has a command for a cloud assembly, a template, a plan and a directory of HCL', () => {
  expect(COMMANDS.map((c) => c.split(' ')[3])).toEqual(['cdk.out', 'template.yaml', 'plan.json', 'infra']);
});

describe('README commands run as written', () => {
  const dir = workspace();
  test.each(COMMANDS)('%s', (command) => {
    const args = command.replace(/^npx cdk-data-protection /, '').split(/\s+/);
    const run = spawnSync(process.execPath, ['-r', path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs'), path.join(ROOT, 'lib', 'cli', 'bin.ts'), ...args], {
      cwd: dir, encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    // 0 or 1: judged (these inputs hold violations on purpose); 2 would be bad input.
    expect([0, 1]).toContain(run.status);
    const out = args.includes('--out') ? path.join(dir, args[args.indexOf('--out') + 1]) : dir;
    for (const f of Object.values(REPORT_FILES)) expect(fs.existsSync(path.join(out, f))).toBe(true);
    if (args.includes('--format')) expect(JSON.parse(run.stdout).inputs[0].as).toMatch(/Terraform configuration/);
    else expect(run.stdout).toMatch(/Reports:/);
  });
});

describe('CI examples', () => {
  const OPTIONS = ['--policy', '--out', '--acknowledgements', '--var-file', '--format'];
  test.each(['terraform-plan.yml', 'python-cdk-app.yml'])('%s: valid YAML whose check step uses options the CLI has, and uploads SARIF', (file) => {
    const workflow = YAML.parse(fs.readFileSync(path.join(ROOT, 'examples', 'ci', file), 'utf8'));
    const steps: any[] = Object.values<any>(workflow.jobs).flatMap((j) => j.steps);
    const check = steps.find((s) => typeof s.run === 'string' && s.run.includes('cdk-data-protection'));
    const words: string[] = check.run.trim().split(/\s+/);
    expect(words.slice(words.findIndex((w) => w.startsWith('cdk-data-protection')) + 1)[0]).toBe('check');
    for (const flag of words.filter((w) => w.startsWith('--') && w !== '--yes')) expect(OPTIONS).toContain(flag);
    const policy = words[words.indexOf('--policy') + 1];
    expect(Object.keys(POLICY_PRESETS)).toContain(policy);
    expect(steps.some((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif') && String(s.with.sarif_file).endsWith('.sarif'))).toBe(true);
  });
  test('the Terraform example judges the plan of the same job', () => {
    const text = fs.readFileSync(path.join(ROOT, 'examples', 'ci', 'terraform-plan.yml'), 'utf8');
    expect(text).toMatch(/terraform plan .*-out=plan\.out/);
    expect(text).toMatch(/terraform show -json plan\.out > plan\.json/);
  });
});
