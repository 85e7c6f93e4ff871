import * as fs from 'fs';
import * as path from 'path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CONTROLS, DataProtectionChecks, DataProtectionPolicy, REPORT_FILES } from '../../lib';
import { writeEvidenceReport } from '../../lib/core/report/write';
import { ENV, evaluate, newApp, tempDir } from '../helpers';

/** A promised control that no rule checks yet. */
const MANUAL = CONTROLS.find((c) => DataProtectionChecks.rulesForControl(c.id).length === 0)!.id;

/** An app with one violation, one acknowledged finding and one compliant resource, synthesized. */
function synthesizeMixedApp() {
  const outdir = tempDir();
  const app = newApp({ outdir });
  // Scoped to encryption at rest so the expected findings are exactly the ones built below.
  Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy: new DataProtectionPolicy({ controls: ['DP.ENC.2', 'DP.ENC.3', MANUAL] }) }));
  const stack = new Stack(app, 'Mixed', { env: ENV });
  new s3.Bucket(stack, 'Plain');
  const assets = new s3.Bucket(stack, 'Assets');
  Validations.of(assets).acknowledge({ id: 'DataProtection-S3BucketCMK', reason: 'Public | marketing assets' });
  new sqs.Queue(stack, 'Jobs', { encryption: sqs.QueueEncryption.KMS });
  expect(() => app.synth()).toThrow(/ValidationFailed|DataProtection/);
  const read = (f: string) => fs.readFileSync(path.join(outdir, f), 'utf8');
  return { outdir, read };
}

describe('evidence report', () => {
  const { outdir, read } = synthesizeMixedApp();

  test('JSON: policy values, every control with a status, findings with location and status', () => {
    const report = JSON.parse(read(REPORT_FILES.json));
    expect(report.schemaVersion).toBe('1.2.0');
    expect(Array.isArray(report.acknowledgements)).toBe(true);
    expect(typeof report.summary.acknowledgementsByPack).toBe('object');
    expect(report.policy).toMatchObject({ uptimePercent: 99.95, databaseBackupRetentionDays: 45 });
    expect(report.controls).toHaveLength(32);
    const enc2 = report.controls.find((c: any) => c.id === 'DP.ENC.2');
    expect(enc2.status).toBe('violated');
    const byPath = Object.fromEntries(enc2.findings.map((f: any) => [f.constructPath, f]));
    expect(byPath['Mixed/Plain/Resource']).toMatchObject({ status: 'non-compliant', templatePath: 'Mixed.template.json' });
    expect(byPath['Mixed/Assets/Resource']).toMatchObject({ status: 'acknowledged', reason: 'Public | marketing assets' });
    // SQS with a key the CDK creates for the queue: a customer-managed key.
    expect(byPath['Mixed/Jobs/Resource']).toMatchObject({ status: 'compliant', ruleId: 'DataProtection-SQSQueueCMK' });
    // The key CDK creates for that queue does not rotate: a DP.ENC.3 violation.
    const enc3 = report.controls.find((c: any) => c.id === 'DP.ENC.3');
    expect(enc3.findings.filter((f: any) => f.status === 'non-compliant').map((f: any) => [f.ruleId, f.constructPath]))
      .toEqual([['DataProtection-KMSKeyRotation', 'Mixed/Jobs/Key/Resource']]);
    expect(report.summary.findings).toMatchObject({ 'compliant': expect.any(Number), 'non-compliant': 2, 'acknowledged': 1 });
  });

  test('Markdown: summary table, evidence per control, acknowledgements, policy numbers', () => {
    const md = read(REPORT_FILES.markdown);
    expect(md).toMatch(/^# Data-protection evidence report/);
    expect(md).toMatch(/\| DP\.ENC\.2 \| Encryption at rest with customer-managed keys \| \*\*VIOLATED\*\* \|/);
    expect(md).toMatch(new RegExp(`\\| ${MANUAL.replace(/\./g, '\\.')} \\| .* \\| _not automated_ \\|`));
    expect(md).toMatch(/### DP\.ENC\.2 .*\n\nCommitment: /);
    // Pipes inside cells are escaped so the table stays a table.
    expect(md).toContain('Public \\| marketing assets');
    expect(md).toMatch(/## Policy values[\s\S]*\| databaseBackupRetentionDays \| 45 \|/);
  });

  test('Markdown: each control says why it has its status, and the statuses are explained (issue 16, item 3)', () => {
    const md = read(REPORT_FILES.markdown);
    expect(md).toMatch(/## How to read the statuses[\s\S]*`met`: at least one compliant finding/);
    expect(md).toMatch(/\| DP\.ENC\.2 \| Encryption at rest with customer-managed keys \| \*\*VIOLATED\*\* \| 1 open violation \|/);
    expect(md).toMatch(/Not promised by this policy \(not evaluated\): .*DP\.NET\.4/);
  });

  test('SARIF 2.1.0: one rule per DataProtection rule, results located at the template line of the logical ID', () => {
    const sarif = JSON.parse(read(REPORT_FILES.sarif));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: any) => r.id);
    expect(ruleIds).toEqual([...DataProtectionChecks.rulesForControl('DP.ENC.2'), ...DataProtectionChecks.rulesForControl('DP.ENC.3')]);
    expect(run.tool.driver.rules.find((r: any) => r.id === 'DataProtection-S3BucketCMK')).toMatchObject({
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      help: { text: expect.stringMatching(/^DP\.ENC\.2: /) },
      properties: { 'controlId': 'DP.ENC.2', 'tags': expect.arrayContaining(['DP.ENC.2']), 'security-severity': '8.0' },
    });
    // Non-compliant and acknowledged findings only; compliant ones are evidence, not alerts.
    expect(run.results.map((r: any) => r.ruleId).sort()).toEqual([
      'DataProtection-KMSKeyRotation', 'DataProtection-S3BucketCMK', 'DataProtection-S3BucketCMK',
    ]);
    const template = fs.readFileSync(path.join(outdir, 'Mixed.template.json'), 'utf8').split('\n');
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      const loc = result.locations[0];
      // The assembly is outside the repository here, so the URI is absolute.
      expect(loc.physicalLocation.artifactLocation.uri).toBe(`file://${path.join(outdir, 'Mixed.template.json')}`);
      const line = template[loc.physicalLocation.region.startLine - 1];
      expect(line).toBe(`  "${loc.logicalLocations[0].name}": {`);
      expect(result.partialFingerprints['dataProtectionFinding/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
    const suppressed = run.results.filter((r: any) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions[0]).toEqual({ kind: 'inSource', status: 'accepted', justification: 'Public | marketing assets' });
  });
});

describe('SARIF locations', () => {
  test('are relative to the repository root when the assembly lives inside it (the cdk synth case)', () => {
    const repo = tempDir();
    const cdkOut = path.join(repo, 'cdk.out');
    const app = newApp({ outdir: cdkOut });
    new s3.Bucket(new Stack(app, 'Data', { env: ENV }), 'Plain');
    app.synth();
    writeEvidenceReport(cdkOut, evaluate(app, new DataProtectionPolicy({ controls: ['DP.ENC.2'] })), repo);
    const sarif = JSON.parse(fs.readFileSync(path.join(cdkOut, REPORT_FILES.sarif), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('cdk.out/Data.template.json');
  });
});
