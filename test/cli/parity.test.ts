// `cdk-data-protection check` on a cloud assembly gives the verdicts DataProtectionChecks gives at
// synth time on the same app: the reference architectures (examples/, what bin/app.ts synthesizes),
// one Stage per policy document, synthesized with every pack as `npx cdk synth` does.
import * as fs from 'fs';
import * as path from 'path';
import { buildReferenceArchitectures } from '../../examples/reference-app';
import { check } from '../../lib/cli/check';
import { EvidenceFinding, EvidenceReport } from '../../lib/core/report/model';
import { REPORT_FILES } from '../../lib/core/report/write';
import { newApp, tempDir } from '../helpers';

const key = (f: EvidenceFinding) => [f.ruleId, f.stack, f.logicalId, f.constructPath, f.status, f.detail ?? '', f.reason ?? '', f.acknowledgedId ?? ''].join(' | ');
const findingsOf = (report: EvidenceReport) => report.controls.flatMap((c) => c.findings).map(key).sort();

describe('check on a cloud assembly = DataProtectionChecks at synth time', () => {
  const outdir = tempDir('dp-parity-');
  const app = newApp({ outdir });
  const architectures = buildReferenceArchitectures(app);
  app.synth();

  test.each(architectures.map((a) => [a.stage.node.id, a] as const))('%s: the same findings, acknowledgements and control statuses', async (name, { policy }) => {
    const pack: EvidenceReport = JSON.parse(fs.readFileSync(path.join(outdir, `assembly-${name}`, REPORT_FILES.json), 'utf8'));
    const dir = tempDir('dp-parity-out-');
    const policyFile = path.join(dir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify(policy.toJson()));
    // The whole cdk.out, as a user would pass it: every Stage is judged on its own, as at synth time.
    const result = await check({ paths: [outdir], policy: policyFile, out: dir });
    const mine = result.report.controls.flatMap((c) => c.findings).filter((f) => f.stack === name || f.stack.startsWith(`${name}/`));
    expect(findingsOf({ ...result.report, controls: [{ ...result.report.controls[0], findings: mine }] })).toEqual(findingsOf(pack));
    expect(mine.length).toBeGreaterThan(100);
    // A Stage's own assembly directory gives the same verdicts for its stacks.
    const alone = await check({ paths: [path.join(outdir, `assembly-${name}`)], policy: policyFile, out: dir });
    const verdicts = (found: EvidenceFinding[]) => found.map((f) => `${f.ruleId} ${f.stack} ${f.logicalId} ${f.status}`).sort();
    expect(verdicts(alone.report.controls.flatMap((c) => c.findings))).toEqual(verdicts(pack.controls.flatMap((c) => c.findings)));
  });
});

describe('nested stacks and stacks directly in the app', () => {
  test('the same findings as the synth-time pack, nested stack resources at their construct paths', async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { NestedStack, Stack, Validations } = require('aws-cdk-lib') as typeof import('aws-cdk-lib');
    const s3 = require('aws-cdk-lib/aws-s3') as typeof import('aws-cdk-lib/aws-s3');
    const { DataProtectionChecks, DataProtectionPolicy } = require('../../lib') as typeof import('../../lib');
    const outdir = tempDir('dp-parity-nested-');
    const app = newApp({ outdir });
    const policy = new DataProtectionPolicy({ controls: ['DP.ENC.1', 'DP.ENC.2', 'DP.AVL.6'] });
    const parent = new Stack(app, 'Parent', { env: { account: '111111111111', region: 'eu-west-1' } });
    new s3.Bucket(parent, 'Top', { enforceSSL: true });
    const nested = new NestedStack(parent, 'Inner');
    const plain = new s3.Bucket(nested, 'Deep');
    Validations.of(plain).acknowledge({ id: 'DataProtection-S3BucketCMK', reason: 'Holds only public release notes; SSE-S3 is enough and reviewed.' });
    Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));
    try {
      app.synth();
    } catch {
      // violations fail synth; the report is written first
    }
    const pack: EvidenceReport = JSON.parse(fs.readFileSync(path.join(outdir, REPORT_FILES.json), 'utf8'));
    const dir = tempDir('dp-parity-nested-out-');
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify(policy.toJson()));
    const result = await check({ paths: [outdir], policy: path.join(dir, 'policy.json'), out: dir });
    expect(findingsOf(result.report)).toEqual(findingsOf(pack));
    const deep = result.report.controls.flatMap((c) => c.findings).filter((f) => f.constructPath === 'Parent/Inner/Deep/Resource');
    expect(deep.map((f) => `${f.ruleId} ${f.status}`)).toEqual(expect.arrayContaining(['DataProtection-S3BucketCMK acknowledged']));
  });
});
