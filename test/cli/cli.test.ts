import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { REPORT_FILES } from '../../lib/core/report/write';
import { tempDir } from '../helpers';

const ROOT = path.join(__dirname, '..', '..');
const REALWORLD = path.join(ROOT, 'test', 'realworld');

/** Run the CLI in-process; returns the exit code and what it printed. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; } });
  return { code, out, err };
}

function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const reportsIn = (dir: string) => Object.values(REPORT_FILES).filter((f) => fs.existsSync(path.join(dir, f)));

/** A bucket whose policy denies plain HTTP, in YAML with short-form tags. */
const TLS_BUCKET_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Uploads:
    Type: AWS::S3::Bucket
  UploadsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Uploads
      PolicyDocument:
        Statement:
          - Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource:
              - !GetAtt Uploads.Arn
              - !Sub "\${Uploads.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: false
`;

describe('bad input: exit 2, the file and the problem named, nothing written', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['a missing path', (d) => [path.join(d, 'nope')], /nope: no such file or directory/],
    ['an empty directory', (d) => [fs.mkdirSync(path.join(d, 'empty'), { recursive: true }) ?? path.join(d, 'empty')], /empty: the directory is empty/],
    ['truncated JSON', (d) => [write(d, 'plan.json', '{\n  "format_version": "1.2",\n  "planned_values": {\n')], /plan\.json line \d+.*not valid JSON/],
    ['YAML with an unknown tag', (d) => [write(d, 'template.yaml', 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Shout loud\n')],
      /template\.yaml line 5, column \d+: not valid YAML: Unresolved tag: !Shout.*expected a CloudFormation intrinsic/],
    ['a plan of an unknown format version', (d) => [write(d, 'plan.json', JSON.stringify({ format_version: '2.0', planned_values: { root_module: {} } }))],
      /plan\.json: format_version "2\.0" is not supported: expected .*major of 0 or 1/],
    ['a directory without infrastructure code', (d) => [write(d, 'notes/readme.txt', 'hello') && path.join(d, 'notes')], /notes: no infrastructure code found: expected/],
    ['HCL that does not parse', (d) => [write(d, 'tf/main.tf', 'resource "azurerm_storage_account" "a" {\n  name = \n}\n') && path.join(d, 'tf')],
      /main\.tf line 2, column \d+: not valid HCL/],
  ];
  test.each(cases)('%s', async (_name, make, message) => {
    const dir = tempDir('dp-cli-bad-');
    const out = path.join(dir, 'out');
    const { code, err } = await run('check', ...make(dir), '--out', out);
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/Nothing was written/);
    expect(fs.existsSync(out) ? reportsIn(out) : []).toEqual([]);
  });

  test('files beside the infrastructure code that are not infrastructure code are skipped, even broken ones', async () => {
    const dir = tempDir('dp-cli-');
    write(dir, 'infra/bucket.yaml', TLS_BUCKET_YAML);
    write(dir, 'infra/package.json', '{ "name": "infra", ');
    write(dir, 'infra/compose.yaml', 'services:\n  web: !reset null\n');
    const { code, out } = await run('check', path.join(dir, 'infra'), '--out', dir);
    expect(out).toMatch(/bucket\.yaml: CloudFormation template/);
    expect([0, 1]).toContain(code);
  });

  test('one bad input among good ones writes nothing either', async () => {
    const dir = tempDir('dp-cli-bad-');
    const good = write(dir, 'bucket.yaml', TLS_BUCKET_YAML);
    const bad = write(dir, 'broken.json', '{ "Resources": ');
    const { code } = await run('check', good, bad, '--out', dir);
    expect(code).toBe(2);
    expect(reportsIn(dir)).toEqual([]);
  });

  test('an acknowledgement without a reason, an unknown preset, an unknown command', async () => {
    const dir = tempDir('dp-cli-bad-');
    const template = write(dir, 'bucket.yaml', TLS_BUCKET_YAML);
    const acks = write(dir, 'acks.yaml', '- id: DP.ENC.2\n  scope: Uploads\n');
    expect((await run('check', template, '--acknowledgements', acks, '--out', dir)).err).toMatch(/acks\.yaml: acknowledgement 1 \(DP.ENC.2\): "reason" is missing/);
    expect((await run('check', template, '--policy', 'nobody', '--out', dir)).err).toMatch(/--policy nobody: neither a preset \(situm, sitasys, teamBench, styku, organizationSaas\) nor a file/);
    expect((await run('verify', template)).code).toBe(2);
    expect(reportsIn(dir)).toEqual([]);
  });
});

describe('verdicts and exit codes', () => {
  const encryptionInTransit = (dir: string) => write(dir, 'policy.json', JSON.stringify({ controls: ['DP.ENC.1'] }));

  test('a CloudFormation template in YAML with short-form tags: exit 0 when nothing is violated; three reports written', async () => {
    const dir = tempDir('dp-cli-');
    const template = write(dir, 'bucket.yaml', TLS_BUCKET_YAML);
    const { code, out } = await run('check', template, '--policy', encryptionInTransit(dir), '--out', path.join(dir, 'out'));
    expect(out).toMatch(/read .*bucket\.yaml: CloudFormation template/);
    expect(out).toMatch(/DP\.ENC\.1 +met +1 compliant/);
    expect(code).toBe(0);
    expect(reportsIn(path.join(dir, 'out'))).toEqual(Object.values(REPORT_FILES));
  });

  test('exit 1 on a violation; an acknowledgement file with a reason closes it, recorded in the report', async () => {
    const dir = tempDir('dp-cli-');
    const template = write(dir, 'bucket.json', JSON.stringify({ Resources: { Uploads: { Type: 'AWS::S3::Bucket' } } }, undefined, 1));
    const policy = encryptionInTransit(dir);
    const open = await run('check', template, '--policy', policy, '--out', dir);
    expect(open.code).toBe(1);
    expect(open.out).toMatch(/\[bucket\/Uploads\] DataProtection-S3BucketTLSOnly.* \(DP\.ENC\.1\)/);
    const acks = write(dir, 'acks.yaml', 'acknowledgements:\n  - id: DP.ENC.1\n    scope: Uploads\n    reason: Served only through CloudFront with an origin access control that enforces TLS.\n');
    const closed = await run('check', template, '--policy', policy, '--acknowledgements', acks, '--out', dir, '--format', 'json');
    expect(closed.code).toBe(0);
    const summary = JSON.parse(closed.out);
    expect(summary.controls.find((c: any) => c.id === 'DP.ENC.1').status).toBe('acknowledged');
    const report = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.json), 'utf8'));
    expect(report.controls.find((c: any) => c.id === 'DP.ENC.1').findings[0].reason).toMatch(/CloudFront/);
  });

  test('acknowledgements written into the template (Metadata.cdk_nag.rules_to_suppress) are honoured', async () => {
    const dir = tempDir('dp-cli-');
    const template = write(dir, 'bucket.json', JSON.stringify({
      Resources: {
        Uploads: {
          Type: 'AWS::S3::Bucket',
          Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'DataProtection-S3BucketTLSOnly', reason: 'A static website bucket behind CloudFront; reviewed by security.' }] } },
        },
      },
    }));
    const { code } = await run('check', template, '--policy', encryptionInTransit(dir), '--out', dir);
    expect(code).toBe(0);
  });

  test('Terraform: HCL directories and plans in one run; a module that is not expanded is not judged and keeps exit 1 until acknowledged', async () => {
    const dir = tempDir('dp-cli-');
    const policy = write(dir, 'policy.json', JSON.stringify({ controls: ['DP.ENC.1'] }));
    const module = path.join(REALWORLD, 'azure', '29-module-wrapped');
    const plan = path.join(REALWORLD, 'azure-plans', '02-module-for-each-ha', 'plan.json');
    const first = await run('check', module, plan, '--policy', policy, '--out', dir);
    expect(first.out).toMatch(/read .*29-module-wrapped: Terraform configuration \(1 files\)/);
    expect(first.out).toMatch(/read .*plan\.json: Terraform plan \(format 1\.2\)/);
    expect(first.out).toMatch(/Not judged[\s\S]*module\.documents/);
    expect(first.code).toBe(1);
    const acks = write(dir, 'acks.json', JSON.stringify([{ id: 'NotJudged', scope: 'module.documents', reason: 'The module is checked in its own repository, on its plan.' }]));
    const second = await run('check', module, plan, '--policy', policy, '--acknowledgements', acks, '--out', dir);
    expect(second.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.json), 'utf8'));
    expect(report.notJudged).toEqual([expect.objectContaining({ address: 'module.documents', acknowledgedReason: expect.stringMatching(/own repository/) })]);
    expect(fs.readFileSync(path.join(dir, REPORT_FILES.markdown), 'utf8')).toMatch(/## Not judged/);
  });

  test('content, not the file name, decides: a plan saved as .txt and a template without an extension', async () => {
    const dir = tempDir('dp-cli-');
    const plan = write(dir, 'tfplan.txt', fs.readFileSync(path.join(REALWORLD, 'azure-plans', '01-v3-storage-diagnostics', 'plan.json'), 'utf8'));
    const template = write(dir, 'stack-template', TLS_BUCKET_YAML);
    const { out } = await run('check', plan, template, '--out', dir);
    expect(out).toMatch(/tfplan\.txt: Terraform plan \(format 1\.2\)/);
    expect(out).toMatch(/stack-template: CloudFormation template/);
    expect(out).toMatch(/DataProtection-AzureStorageHttpsOnly \(DP\.ENC\.1\).*Found: enable_https_traffic_only = false/);
  });

  test('a plan written by Windows PowerShell (UTF-16 with a byte-order mark), and one without format_version', async () => {
    const dir = tempDir('dp-cli-');
    const text = fs.readFileSync(path.join(REALWORLD, 'azure-plans', '01-v3-storage-diagnostics', 'plan.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'plan16.json'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { format_version: _, ...bare } = JSON.parse(text);
    write(dir, 'bare.json', JSON.stringify(bare));
    const { code, out } = await run('check', path.join(dir, 'plan16.json'), path.join(dir, 'bare.json'), '--out', dir, '--format', 'json');
    expect(code).toBe(1);
    expect(JSON.parse(out).inputs.map((i: any) => i.as)).toEqual(['Terraform plan (format 1.2)', 'Terraform plan (no format_version)']);
  });

  test('SARIF results of HCL point at the line of the resource', async () => {
    const dir = tempDir('dp-cli-');
    await run('check', path.join(REALWORLD, 'azure', '07-filtered-lifecycle'), '--out', dir);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.sarif), 'utf8'));
    const lifecycle = sarif.runs[0].results.find((r: any) => r.ruleId === 'DataProtection-AzureStorageGeoRedundant');
    expect(lifecycle.locations[0].physicalLocation.artifactLocation.uri).toMatch(/07-filtered-lifecycle\/main\.tf$/);
    expect(lifecycle.locations[0].physicalLocation.region.startLine).toBe(1);
  });

  test('in a directory of several files, results point at the file and line declaring the resource', async () => {
    const dir = tempDir('dp-cli-');
    write(dir, 'tf/main.tf', 'terraform {\n  required_providers {\n    azurerm = { source = "hashicorp/azurerm", version = "~> 4.0" }\n  }\n}\n');
    write(dir, 'tf/storage.tf', '# the storage account\n\nresource "azurerm_storage_account" "files" {\n  account_replication_type = "LRS"\n}\n');
    await run('check', path.join(dir, 'tf'), '--out', path.join(dir, 'out'));
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out', REPORT_FILES.sarif), 'utf8'));
    const zones = sarif.runs[0].results.find((r: any) => r.ruleId === 'DataProtection-AzureStorageZoneRedundant');
    expect(zones.locations[0].physicalLocation.artifactLocation.uri).toMatch(/tf\/storage\.tf$/);
    expect(zones.locations[0].physicalLocation.region.startLine).toBe(3);
  });
});

test('the CLI loads no aws-cdk-lib, cdk-nag or cdktf (it runs for Azure-only users without them)', () => {
  const loaded: string[] = JSON.parse(execFileSync(process.execPath, [
    '-r', path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs'),
    '-e', "require('./lib/cli/main'); require('./lib/cli/check'); process.stdout.write(JSON.stringify(Object.keys(require.cache)))",
  ], { cwd: ROOT, encoding: 'utf8' }));
  const packages = [...new Set(loaded.filter((f) => f.includes('node_modules')).map((f) => f.split('node_modules/').pop()!.split('/').slice(0, f.includes('/@') ? 2 : 1).join('/')))];
  expect(packages.filter((p) => /^(aws-cdk-lib|cdk-nag|cdktf|constructs|@cdktf\/provider)/.test(p))).toEqual([]);
  expect(loaded.some((f) => f.includes(`${path.sep}lib${path.sep}cli${path.sep}`))).toBe(true);
});
