import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { buildSitumAzureApp, SitumAzureStack } from '../../examples/situm-azure/stack';
import { AzureDataProtectionChecks } from '../../lib/azure';
import { CONTROLS } from '../../lib/core/policy/controls';
import { DataProtectionPolicy } from '../../lib/core/policy/policy';
import { ControlStatus } from '../../lib/core/report/model';
import { REPORT_FILES } from '../../lib/core/report/write';

describe('Situm on Azure (examples/situm-azure)', () => {
  const app = Testing.app();
  const stack = buildSitumAzureApp(app, { checks: false });

  test('Terraform JSON snapshot', () => {
    expect(JSON.parse(Testing.synth(stack))).toMatchSnapshot();
  });

  test('under the Situm preset every automated control it promises is met, none violated', () => {
    const { report, violations } = AzureDataProtectionChecks.evaluate(stack, { policy: DataProtectionPolicy.situm() });
    expect(violations).toEqual([]);
    const byStatus = (s: ControlStatus) => report.controls.filter((c) => c.status === s).map((c) => c.id);
    expect(byStatus(ControlStatus.MET)).toEqual([
      'DP.ENC.1', 'DP.ENC.2', 'DP.ENC.3', 'DP.ENC.4', 'DP.BAK.1', 'DP.BAK.2', 'DP.BAK.3', 'DP.BAK.7', 'DP.AVL.6', 'DP.LOG.1', 'DP.MON.1',
    ]);
    // Promised but without an Azure rule: manual evidence, never silently met.
    expect(byStatus(ControlStatus.NOT_AUTOMATED)).toEqual(['DP.BAK.4', 'DP.AVL.7', 'DP.LOG.2', 'DP.LOG.3', 'DP.IAM.2']);
    // DP.DAT.1 is promised, but the preset sets no end of life, so its rule does not apply.
    expect(report.controls.find((c) => c.id === 'DP.DAT.1')!.status).toBe(ControlStatus.NOT_APPLICABLE);
  });

  test('the constructs also keep every control an Azure rule checks, under the whole catalogue', () => {
    const policy = DataProtectionPolicy.situm({ controls: CONTROLS.map((c) => c.id), dataEndOfLifeDays: 730 });
    const strict = new SitumAzureStack(Testing.app(), 'Strict', { policy });
    const { report, violations } = AzureDataProtectionChecks.evaluate(strict, { policy });
    expect(violations.map((v) => v.message)).toEqual([]);
    expect(report.controls.filter((c) => c.rules.length > 0).map((c) => `${c.id} ${c.status}`)).toEqual([
      'DP.ENC.1 met', 'DP.ENC.2 met', 'DP.ENC.3 met', 'DP.ENC.4 met', 'DP.BAK.1 met', 'DP.BAK.2 met', 'DP.BAK.3 met', 'DP.BAK.5 met',
      'DP.BAK.6 met', 'DP.BAK.7 met', 'DP.AVL.1 met', 'DP.AVL.2 met', 'DP.AVL.3 met', 'DP.AVL.6 met', 'DP.NET.1 met', 'DP.LOG.1 met',
      'DP.LOG.4 met', 'DP.MON.1 met', 'DP.DAT.1 met',
    ]);
  });

  test('synth with the checks writes cdk.tf.json and the evidence report side by side', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'situm-'));
    const real = new App({ outdir });
    buildSitumAzureApp(real);
    real.synth();
    const dir = path.join(outdir, 'stacks', 'SitumAzure');
    expect(fs.readdirSync(dir).sort()).toEqual(['cdk.tf.json', ...Object.values(REPORT_FILES)].sort());
  });
});
