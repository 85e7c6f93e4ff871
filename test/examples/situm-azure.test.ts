import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Testing } from 'cdktf';
import { buildSitumAzureApp, SITUM_APP_LOGIN, SitumAzureStack } from '../../examples/situm-azure/stack';
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

  test('under the Situm preset every control it promises is met or acknowledged with a reason, none violated or not automated', () => {
    const { report, violations } = AzureDataProtectionChecks.evaluate(stack, { policy: DataProtectionPolicy.situm() });
    expect(violations).toEqual([]);
    const byStatus = (s: ControlStatus) => report.controls.filter((c) => c.status === s).map((c) => c.id);
    expect(byStatus(ControlStatus.MET)).toEqual([
      'DP.ENC.1', 'DP.ENC.2', 'DP.ENC.3', 'DP.ENC.4', 'DP.BAK.1', 'DP.BAK.2', 'DP.BAK.3', 'DP.BAK.4', 'DP.BAK.7', 'DP.AVL.6', 'DP.AVL.7',
      'DP.LOG.1', 'DP.LOG.2', 'DP.LOG.3', 'DP.MON.1',
    ]);
    // The application's own login is not in Terraform: acknowledged with the evidence an auditor reads.
    expect(byStatus(ControlStatus.ACKNOWLEDGED)).toEqual(['DP.IAM.2']);
    const iam2 = report.controls.find((c) => c.id === 'DP.IAM.2')!;
    expect(iam2.findings.filter((f) => f.status === 'acknowledged').map((f) => f.reason)).toEqual([SITUM_APP_LOGIN, SITUM_APP_LOGIN]);
    expect(iam2.findings.some((f) => f.ruleId === 'DataProtection-AzureLocalAuthDisabled' && f.status === 'compliant')).toBe(true);
    expect(byStatus(ControlStatus.NOT_AUTOMATED)).toEqual([]);
    // DP.DAT.1 is promised, but the preset sets no end of life, so its rule does not apply.
    expect(report.controls.find((c) => c.id === 'DP.DAT.1')!.status).toBe(ControlStatus.NOT_APPLICABLE);
  });

  test('the availability budget counts both regions behind Front Door and the shared database', () => {
    const { report } = AzureDataProtectionChecks.evaluate(stack, { policy: DataProtectionPolicy.situm() });
    const [budget] = report.controls.find((c) => c.id === 'DP.AVL.7')!.findings.filter((f) => f.status === 'compliant');
    expect(budget.resourceType).toBe('azurerm_cdn_frontdoor_profile');
    expect(budget.detail).toMatch(/^Azure Front Door 99\.99% x PostgreSQL flexible server, zone-redundant HA \(shared: only in westeurope\) 99\.99% x parallel\(northeurope: .* westeurope: .*\) = 99\.9798% \(promised 99\.9%\)$/);
  });

  test('the constructs also keep every control an Azure rule checks, under the whole catalogue', () => {
    const policy = DataProtectionPolicy.situm({ controls: CONTROLS.map((c) => c.id), dataEndOfLifeDays: 730 });
    const strict = new SitumAzureStack(Testing.app(), 'Strict', { policy });
    const { report, violations } = AzureDataProtectionChecks.evaluate(strict, { policy });
    expect(violations.map((v) => v.message)).toEqual([]);
    expect(report.controls.filter((c) => c.rules.length > 0).map((c) => `${c.id} ${c.status}`)).toEqual([
      'DP.ENC.1 met', 'DP.ENC.2 met', 'DP.ENC.3 met', 'DP.ENC.4 met', 'DP.BAK.1 met', 'DP.BAK.2 met', 'DP.BAK.3 met', 'DP.BAK.4 met',
      'DP.BAK.5 met', 'DP.BAK.6 acknowledged', 'DP.BAK.7 met', 'DP.AVL.1 met', 'DP.AVL.2 met', 'DP.AVL.3 met', 'DP.AVL.4 met',
      'DP.AVL.5 met', 'DP.AVL.6 met', 'DP.AVL.7 met', 'DP.NET.1 met', 'DP.NET.2 met', 'DP.NET.4 not-applicable', 'DP.NET.5 met',
      'DP.LOG.1 met', 'DP.LOG.2 met', 'DP.LOG.3 met', 'DP.LOG.4 met', 'DP.MON.1 met', 'DP.MON.2 met', 'DP.IAM.1 met',
      'DP.IAM.2 acknowledged', 'DP.DAT.1 met',
    ]);
    // The only control without an Azure rule has no meaning on Azure, and the report says why.
    expect(report.controls.find((c) => c.id === 'DP.NET.3')!).toMatchObject({ status: ControlStatus.NOT_APPLICABLE, reason: expect.stringMatching(/Front Door/) });
    // Backing up the restore drills' scratch account would back up the backups: acknowledged by RestoreDrills.
    expect(report.controls.find((c) => c.id === 'DP.BAK.6')!.findings.filter((f) => f.status === 'acknowledged').map((f) => f.constructPath))
      .toEqual([expect.stringMatching(/^Strict\/RestoreDrills\/Scratch\/Account/)]);
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
