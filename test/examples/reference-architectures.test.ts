import * as fs from 'fs';
import * as path from 'path';
import { Stack, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';
import { buildReferenceArchitectures } from '../../examples/reference-app';
import { THIRD_PARTY_PACKS } from '../../examples/shared/third-party-packs';
import { ControlStatus, EvidenceReport } from '../../lib';
import { evaluate, stableTemplate } from '../../lib/testing';
import { newApp, tempDir } from '../helpers';

const NAMES = ['Sitasys', 'TeamBench', 'Styku', 'OrganizationSaas'];

describe('AWS reference architectures (examples/<policy>)', () => {
  // Built without the plugins: the tests below run each pack themselves.
  const app = newApp();
  const architectures = buildReferenceArchitectures(app, { checks: false });
  const stacksOf = (stage: Stage) => stage.node.findAll().filter((c): c is Stack => Stack.isStack(c));

  test('one Stage per policy document, two workload regions and the accelerator stack each', () => {
    expect(architectures.map((a) => a.stage.node.id)).toEqual(NAMES);
    expect(architectures.map((a) => stacksOf(a.stage).map((s) => s.region))).toEqual([
      ['eu-central-1', 'eu-west-1', 'us-west-2'], ['eu-central-1', 'eu-west-1', 'us-west-2'],
      ['us-east-1', 'us-east-2', 'us-west-2'], ['eu-central-1', 'eu-west-1', 'us-west-2'],
    ]);
  });

  // What each architecture deploys, one line per resource type with its count in each stack: a
  // snapshot a reviewer reads (the full templates ran to 46,901 lines nobody read). What the
  // resources must be is asserted by the checks below and by the construct tests.
  test.each(NAMES)('%s: resource inventory per stack', (name) => {
    const stage = architectures.find((a) => a.stage.node.id === name)!.stage;
    const templates = stacksOf(stage).map((s) => stableTemplate(s));
    const types = [...new Set(templates.flatMap((t) => Object.values<any>(t.Resources).map((r) => r.Type)))].sort();
    const header = `stacks: ${stacksOf(stage).map((s) => s.node.id).join(' / ')}`;
    const lines = types.map((type) => `${type}: ${templates.map((t) => Object.values<any>(t.Resources).filter((r) => r.Type === type).length).join(' / ')}`);
    expect([header, ...lines].join('\n')).toMatchSnapshot();
  });

  test.each(NAMES)('%s: no stateful resource is lost by cdk destroy or a replacement', (name) => {
    const stage = architectures.find((a) => a.stage.node.id === name)!.stage;
    const STATEFUL = ['AWS::S3::Bucket', 'AWS::KMS::Key', 'AWS::RDS::DBCluster', 'AWS::RDS::DBInstance', 'AWS::DynamoDB::Table',
      'AWS::DynamoDB::GlobalTable', 'AWS::Backup::BackupVault', 'AWS::EFS::FileSystem', 'AWS::Logs::LogGroup', 'AWS::Cognito::UserPool',
      'AWS::SecretsManager::Secret', 'AWS::AmazonMQ::Broker'];
    const KEEP = ['Retain', 'RetainExceptOnCreate', 'Snapshot'];
    const lost: string[] = [];
    let stateful = 0;
    for (const stack of stacksOf(stage)) {
      for (const [id, r] of Object.entries<any>(stableTemplate(stack).Resources)) {
        // Aurora instances hold no data of their own: the cluster does (and is kept).
        if (!STATEFUL.includes(r.Type) || (r.Type === 'AWS::RDS::DBInstance' && r.Properties?.DBClusterIdentifier)) continue;
        stateful++;
        // CDK-created log groups of custom-resource providers hold no data; everything else is kept.
        const kept = KEEP.includes(r.DeletionPolicy) && KEEP.includes(r.UpdateReplacePolicy ?? r.DeletionPolicy);
        if (!kept && !(r.Type === 'AWS::Logs::LogGroup' && /Provider|CustomResource|LogRetention/.test(id))) lost.push(`${stack.node.id}/${id} (${r.Type}: ${r.DeletionPolicy ?? 'Delete'})`);
      }
    }
    expect(stateful).toBeGreaterThan(10);
    expect(lost).toEqual([]);
  });

  test.each(NAMES)('%s: every promised control with rules is met, none violated or missing', (name) => {
    const { stage, policy } = architectures.find((a) => a.stage.node.id === name)!;
    const report: EvidenceReport = evaluate(stage, { policy });
    const promised = report.controls.filter((c) => c.promised && c.rules.length > 0);
    const notMet = promised.filter((c) => c.status !== ControlStatus.MET).map((c) => `${c.id} ${c.status}`);
    // DP.ENC.2: the load balancers' access-log buckets must be SSE-S3 (an AWS constraint), acknowledged
    // with that reason by HttpsLoadBalancer. DP.DAT.1: the document promises an end of life but names
    // no period, so the lifecycle rule has nothing to hold the buckets to.
    const expected = ['DP.ENC.2 acknowledged', ...(policy.promises('DP.DAT.1') && !policy.dataEndOfLifeDays ? ['DP.DAT.1 not-applicable'] : [])];
    expect(notMet).toEqual(expected);
    expect(promised.filter((c) => c.status === ControlStatus.MET).length).toBeGreaterThanOrEqual(9);
    const acked = report.controls.find((c) => c.id === 'DP.ENC.2')!.findings.filter((f) => f.status === 'acknowledged');
    expect(acked.map((f) => f.constructPath.split('/').slice(-3).join('/'))).toEqual(['Web/AccessLogs/Resource', 'Web/AccessLogs/Resource']);
    expect(acked[0].reason).toMatch(/SSE-S3/);
  });

  test.each(NAMES)('%s: AwsSolutions, NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 find nothing unacknowledged', (name) => {
    const stage = architectures.find((a) => a.stage.node.id === name)!.stage;
    const violations = [new AwsSolutionsChecks(), new NIST80053R5Checks(), new HIPAASecurityChecks(), new PCIDSS321Checks()]
      .flatMap((pack) => pack.validateScope(stage).violations)
      .map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`);
    expect(violations).toEqual([]);
  });

  test('synth with every plugin passes; reports count acknowledgements per pack; templates carry them', () => {
    const outdir = tempDir('dp-architectures-');
    const real = newApp({ outdir });
    buildReferenceArchitectures(real);
    real.synth();
    for (const name of NAMES) {
      const dir = path.join(outdir, `assembly-${name}`);
      const report: EvidenceReport = JSON.parse(fs.readFileSync(path.join(dir, 'data-protection-report.json'), 'utf8'));
      for (const pack of [...THIRD_PARTY_PACKS, 'DataProtection']) {
        expect([name, pack, report.summary.acknowledgementsByPack[pack] > 0]).toEqual([name, pack, true]);
      }
      expect(Object.keys(report.summary.acknowledgementsByPack).sort()).toEqual(
        ['AwsSolutions', 'CloudFormation-Validate', 'DataProtection', 'HIPAA.Security', 'NIST.800.53.R5', 'PCI.DSS.321']);
      // Every reason says why, not just "suppressed".
      expect(report.acknowledgements.filter((a) => a.reason.length < 60).map((a) => `${a.ruleId}: ${a.reason}`)).toEqual([]);
      const templates = fs.readdirSync(dir).filter((f) => f.endsWith('.template.json'))
        .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      const suppressions = templates.flatMap((t) => Object.values<any>(t.Resources))
        .flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
      expect(suppressions.some((s: any) => s.id.startsWith('HIPAA.Security-') && s.reason.length > 60)).toBe(true);
    }
  });
});
