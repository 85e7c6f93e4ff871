import * as fs from 'fs';
import * as path from 'path';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { buildSitasys } from '../../examples/sitasys/architecture';
import { CONTROLS, DataProtectionChecks, DataProtectionPolicy, REPORT_FILES } from '../../lib';
import { assetHashSerializer, evaluate, stableTemplate } from '../../lib/testing';
import { CDK_CONTEXT, ENV, newApp, tempDir } from '../helpers';

const AT_REST = new DataProtectionPolicy({ controls: ['DP.ENC.2', 'DP.ENC.3'] });

function plainBucketStack(app = newApp(), id = 'Data') {
  const stack = new Stack(app, id, { env: ENV });
  new s3.Bucket(stack, 'Plain');
  return stack;
}

describe('the testing kit', () => {
  test('a three-line user test', () => {
    const app = new App({ context: CDK_CONTEXT });
    const { stage } = buildSitasys(app, { checks: false });
    expect(stage).toPassDataProtectionChecks({ policy: DataProtectionPolicy.sitasys() });
  });

  test('evaluate(stack) judges only that stack; evaluate(app) judges all', () => {
    const app = newApp();
    plainBucketStack(app, 'One');
    const two = plainBucketStack(app, 'Two');
    const stacksOf = (r: ReturnType<typeof evaluate>) => new Set(r.controls.flatMap((c) => c.findings.map((f) => f.stack)));
    expect(stacksOf(evaluate(two, { policy: AT_REST }))).toEqual(new Set(['Two']));
    expect(stacksOf(evaluate(app, { policy: AT_REST }))).toEqual(new Set(['One', 'Two']));
  });

  test('toPassDataProtectionChecks names the construct path, control and rule of every violation', () => {
    const stack = plainBucketStack();
    new kms.Key(stack, 'Key', { removalPolicy: RemovalPolicy.DESTROY });
    let message = '';
    try {
      expect(stack).toPassDataProtectionChecks({ policy: AT_REST });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('Expected Data to pass DataProtectionChecks, but found 3 violation(s):');
    expect(message).toMatch(/- DP\.ENC\.2 DataProtection-S3BucketCMK at Data\/Plain\/Resource \(AWS::S3::Bucket Plain\w+\): The S3 bucket is not encrypted/);
    expect(message).toMatch(/- DP\.ENC\.3 DataProtection-KMSKeyRotation at Data\/Key\/Resource/);
    expect(message).toMatch(/- DP\.ENC\.3 DataProtection-KMSKeyRetained at Data\/Key\/Resource/);
    expect(stack).not.toPassDataProtectionChecks({ policy: AT_REST });
  });

  test('toMeetControl / toViolateControl, with the evidence in the message', () => {
    const stack = plainBucketStack();
    expect(stack).toViolateControl('DP.ENC.2', { policy: AT_REST });
    expect(stack).not.toMeetControl('DP.ENC.2', { policy: AT_REST });
    expect(() => expect(stack).toMeetControl('DP.ENC.2', { policy: AT_REST })).toThrow(
      /Expected Data to have DP\.ENC\.2 \(Encryption at rest with customer-managed keys\) met, but it is violated\.\nFindings:\n {2}- non-compliant: DP\.ENC\.2 DataProtection-S3BucketCMK at Data\/Plain\/Resource/);
    expect(() => expect(stack).toMeetControl('DP.ENC.3', { policy: AT_REST })).toThrow(/it is not-applicable\.\nNo resource is subject to its rules/);
    expect(() => expect(stack).toMeetControl('DP.NET.1', { policy: AT_REST })).toThrow(/The policy does not promise this control/);
    const manual = CONTROLS.find((c) => DataProtectionChecks.rulesForControl(c.id).length === 0)!.id;
    expect(() => expect(stack).toMeetControl(manual)).toThrow(/No rule checks this control yet/);
    expect(() => expect(stack).toMeetControl('DP.XXX.9')).toThrow(/Unknown control DP\.XXX\.9; known controls: DP\.ENC\.1/);
  });

  test('stableTemplate drops bootstrap and CDK metadata and masks asset hashes', () => {
    const stack = new Stack(newApp(), 'S', { env: ENV });
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => 1;');
    new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(dir) });
    const t = stableTemplate(stack);
    expect(t.Parameters).toBeUndefined();
    expect(t.Rules).toBeUndefined();
    expect(JSON.stringify(t)).not.toMatch(/[0-9a-f]{64}/);
    expect(JSON.stringify(t)).toContain('[ASSET HASH].zip');
  });

  test('a snapshot does not change when only asset contents change', () => {
    const build = (code: string) => {
      const stack = new Stack(newApp(), 'S', { env: ENV });
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'index.js'), code);
      new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(dir) });
      return stack;
    };
    const a = build('exports.handler = async () => 1;');
    const b = build('exports.handler = async () => 2;');
    // The raw templates differ (the asset hash), the stable ones do not.
    expect(Template.fromStack(a).toJSON()).not.toEqual(Template.fromStack(b).toJSON());
    expect(stableTemplate(a)).toEqual(stableTemplate(b));
  });

  test('assetHashSerializer masks hashes inside any snapshot string', () => {
    const hash = 'a'.repeat(64);
    expect(assetHashSerializer.test(`${hash}.zip`)).toBe(true);
    expect(assetHashSerializer.test('no hash')).toBe(false);
    expect(assetHashSerializer.serialize(`s3://bucket/${hash}.zip`)).toBe('"s3://bucket/[ASSET HASH].zip"');
  });

  test('the example workflow uploads the SARIF file the synth writes, from the directory cdk.json synthesizes into', () => {
    const workflow = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'ci', 'github-actions.yml'), 'utf8');
    const cdkOut = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf8')).output;
    expect(workflow).toContain(`sarif_file: ${cdkOut}/${REPORT_FILES.sarif}`);
    expect(workflow).toContain(`cat ${cdkOut}/${REPORT_FILES.markdown} >> "$GITHUB_STEP_SUMMARY"`);
    expect(workflow).toMatch(/run: npx cdk synth/);
    expect(workflow).toMatch(/security-events: write/);
  });
});

describe('a stack judged on its own is judged as part of its app', () => {
  // Before: app-wide rules saw only the judged stack, so one stack of a two-region app "ran in one
  // region" and a stack without the trail "had no audit trail" although the app had one.
  test('app-wide rules see the whole app; findings are reported for the judged stack only', () => {
    const app = newApp();
    const policy = new DataProtectionPolicy({ controls: ['DP.AVL.2', 'DP.LOG.1'], regionCount: 2 });
    const regional = ['eu-central-1', 'eu-west-1'].map((region) => {
      const stack = new Stack(app, `Shop-${region}`, { env: { account: '111111111111', region } });
      new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      return stack;
    });
    const audit = new Stack(app, 'Audit', { env: { account: '111111111111', region: 'eu-central-1' } });
    new cloudtrail.Trail(audit, 'Trail', { isMultiRegionTrail: true });

    const one = evaluate(regional[1], { policy });
    const avl2 = one.controls.find((c) => c.id === 'DP.AVL.2')!;
    expect(avl2.status).toBe('met');
    expect(avl2.findings.map((f) => [f.stack, f.detail])).toEqual([['Shop-eu-west-1', expect.stringMatching(/eu-central-1, eu-west-1/)]]);
    // The trail lives in another stack: nothing of DP.LOG.1 is reported on this one, and nothing is violated.
    expect(one.controls.find((c) => c.id === 'DP.LOG.1')!.status).not.toBe('violated');
    expect(new Set(one.controls.flatMap((c) => c.findings.map((f) => f.stack)))).toEqual(new Set(['Shop-eu-west-1']));
    expect(regional[1]).toPassDataProtectionChecks({ policy });
  });
});
