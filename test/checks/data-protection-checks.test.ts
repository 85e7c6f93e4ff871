import * as fs from 'fs';
import * as path from 'path';
import { App, CfnOutput, CfnParameter, CfnResource, RemovalPolicy, Stack, Stage, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CONTROLS, DataProtectionChecks, DataProtectionPolicy, EvidenceReport, REPORT_FILES } from '../../lib';
import { allFindings, ENV, evaluate, includeTemplate, newApp, tempDir } from '../helpers';

function readReport(dir: string): EvidenceReport {
  return JSON.parse(fs.readFileSync(path.join(dir, REPORT_FILES.json), 'utf8'));
}

// These tests exercise the engine, not the rules: keep to the encryption-at-rest controls so a bare
// bucket has exactly one finding.
// One control without rules is promised too, to show it is reported not-automated, never met.
const MANUAL = CONTROLS.find((c) => DataProtectionChecks.rulesForControl(c.id).length === 0)!.id;
const AT_REST = new DataProtectionPolicy({ controls: ['DP.ENC.2', 'DP.ENC.3', MANUAL] });

function checkedApp(policy: DataProtectionPolicy = AT_REST, props: { writeSuppressionsToCloudFormation?: boolean } = {}) {
  const outdir = tempDir();
  const app = newApp({ outdir });
  Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy, ...props }));
  return { app, outdir };
}

function retainedKey(scope: Stack, id = 'Key') {
  return new kms.Key(scope, id, { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
}

describe('DataProtectionChecks', () => {
  test('pins the rule IDs so none is lost, and binds each to a catalogue control', () => {
    expect(DataProtectionChecks.ALL_RULE_IDS).toEqual([
      'DataProtection-ELBListenerTLS',
      'DataProtection-ELBHTTPListenerRuleRedirect',
      'DataProtection-CloudFrontTLS',
      'DataProtection-ApiGatewayTLS',
      'DataProtection-S3BucketTLSOnly',
      'DataProtection-MessagingTLSOnly',
      'DataProtection-RDSForceTLS',
      'DataProtection-OpenSearchTLS',
      'DataProtection-ElastiCacheTLS',
      'DataProtection-S3BucketCMK',
      'DataProtection-EBSVolumeCMK',
      'DataProtection-RDSInstanceCMK',
      'DataProtection-AuroraClusterCMK',
      'DataProtection-DynamoDBTableCMK',
      'DataProtection-EFSFileSystemCMK',
      'DataProtection-SQSQueueCMK',
      'DataProtection-SNSTopicCMK',
      'DataProtection-LogGroupCMK',
      'DataProtection-ElastiCacheCMK',
      'DataProtection-OpenSearchCMK',
      'DataProtection-KinesisStreamCMK',
      'DataProtection-SecretCMK',
      'DataProtection-BackupVaultCMK',
      'DataProtection-RedshiftClusterCMK',
      'DataProtection-DocumentDBClusterCMK',
      'DataProtection-NeptuneClusterCMK',
      'DataProtection-ECRRepositoryCMK',
      'DataProtection-KMSKeyRotation',
      'DataProtection-KMSKeyRetained',
      'DataProtection-BackupPlanSchedule',
      'DataProtection-BackupRetention',
      'DataProtection-BackupCrossRegionCopy',
      'DataProtection-RestoreTesting',
      'DataProtection-BackupFailureAlerts',
      'DataProtection-BackupCoverage',
      'DataProtection-BackupVaultLock',
      'DataProtection-VpcAzCount',
      'DataProtection-DatabaseReplication',
      'DataProtection-NoSinglePointOfFailure',
      'DataProtection-ZeroDowntimeDeploys',
      'DataProtection-VersionedStorage',
      'DataProtection-SecurityGroupPublicIngress',
      'DataProtection-InstancePublicIp',
      'DataProtection-DatabasePublicAccess',
      'DataProtection-S3BucketPublicAccess',
      'DataProtection-ShieldProtection',
      'DataProtection-AmazonMQBrokerPrivate',
      'DataProtection-SecurityGroupPlaintextAmqp',
      'DataProtection-PeeringTrafficAmqps',
      'DataProtection-PeeringRoutePrivate',
      'DataProtection-SecurityGroupAdminPorts',
      'DataProtection-ClientVpnEndpointAuth',
      'DataProtection-CloudTrailConfiguration',
      'DataProtection-DataAccessLogging',
      'DataProtection-DatabaseAuditLogs',
      'DataProtection-NetworkTrafficLogs',
      'DataProtection-LogRetention',
      'DataProtection-ResourceAlarms',
      'DataProtection-IAMPolicyNoAdminWildcard',
      'DataProtection-ServiceRoleNoAdministratorAccess',
      'DataProtection-CognitoPasswordLength',
      'DataProtection-ELBListenerAuthentication',
      'DataProtection-ApiGatewayAuthorization',
      'DataProtection-S3BucketLifecycleExpiry',
      'DataProtection-AuditTrailPresent',
      'DataProtection-AdminVpnPresent',
      'DataProtection-ThreatDetectionEnabled',
      'DataProtection-MultiRegionWorkload',
      'DataProtection-AcceleratorCoverage',
      'DataProtection-AvailabilityBudget',
    ]);
    expect(DataProtectionChecks.rulesForControl('DP.ENC.3')).toEqual(['DataProtection-KMSKeyRotation', 'DataProtection-KMSKeyRetained']);
    expect(DataProtectionChecks.rulesForControl('DP.BAK.1')).toEqual(['DataProtection-BackupPlanSchedule']);
    expect(DataProtectionChecks.rulesForControl(MANUAL)).toEqual([]);
    const report = evaluate(newApp());
    const controlIds = new Set(CONTROLS.map((c) => c.id));
    for (const rule of report.rules) expect(controlIds.has(rule.controlId)).toBe(true);
  });

  test('synth fails on a violation and still writes all three reports', () => {
    const { app, outdir } = checkedApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    new s3.Bucket(stack, 'Plain');
    expect(() => app.synth()).toThrow(/DataProtection-S3BucketCMK/);

    for (const file of Object.values(REPORT_FILES)) expect(fs.existsSync(path.join(outdir, file))).toBe(true);
    const report = readReport(outdir);
    const enc2 = report.controls.find((c) => c.id === 'DP.ENC.2')!;
    expect(enc2.status).toBe('violated');
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Data.template.json'), 'utf8'));
    const bucketId = Object.keys(template.Resources).find((id) => template.Resources[id].Type === 'AWS::S3::Bucket');
    expect(enc2.findings).toEqual([expect.objectContaining({
      ruleId: 'DataProtection-S3BucketCMK',
      controlId: 'DP.ENC.2',
      stack: 'Data',
      logicalId: bucketId,
      constructPath: 'Data/Plain/Resource',
      templatePath: 'Data.template.json',
      status: 'non-compliant',
    })]);
  });

  test('a compliant app synthesizes and its controls are met', () => {
    const { app, outdir } = checkedApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    new s3.Bucket(stack, 'Encrypted', { encryptionKey: retainedKey(stack) });
    app.synth();
    const report = readReport(outdir);
    const status = Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
    expect(status['DP.ENC.2']).toBe('met');
    expect(status['DP.ENC.3']).toBe('met');
    // Controls without rules are never silently met.
    expect(status[MANUAL]).toBe('not-automated');
  });

  test.each([
    ['bare ID', 'DataProtection-S3BucketCMK'],
    ['pack-qualified ID the CDK CLI suggests', 'DataProtection::DataProtection-S3BucketCMK'],
  ])('an acknowledgement by %s silences the finding and shows its reason in every report', (_label, id) => {
    const { app, outdir } = checkedApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    const bucket = new s3.Bucket(stack, 'Public');
    Validations.of(bucket).acknowledge({ id, reason: 'Public website assets; no customer data.' });
    app.synth();

    const finding = allFindings(readReport(outdir)).find((f) => f.ruleId === 'DataProtection-S3BucketCMK')!;
    expect(finding).toMatchObject({
      status: 'acknowledged', reason: 'Public website assets; no customer data.', acknowledgedId: id, acknowledgedAt: 'Data/Public',
    });
    expect(readReport(outdir).controls.find((c) => c.id === 'DP.ENC.2')!.status).toBe('acknowledged');
    expect(fs.readFileSync(path.join(outdir, REPORT_FILES.markdown), 'utf8'))
      .toMatch(/## Acknowledgements[\s\S]*DataProtection-S3BucketCMK.*Public website assets; no customer data\./);
    const sarif = JSON.parse(fs.readFileSync(path.join(outdir, REPORT_FILES.sarif), 'utf8'));
    expect(sarif.runs[0].results).toEqual([expect.objectContaining({
      ruleId: 'DataProtection-S3BucketCMK',
      suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'Public website assets; no customer data.' }],
    })]);
  });

  test('an acknowledgement on a parent covers its children; one for another rule does not', () => {
    const app = newApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    new s3.Bucket(stack, 'A');
    Validations.of(stack).acknowledge({ id: 'DataProtection-SQSQueueCMK', reason: 'no queues here' });
    expect(allFindings(evaluate(app, AT_REST))[0].status).toBe('non-compliant');
    Validations.of(stack).acknowledge({ id: 'DataProtection-S3BucketCMK', reason: 'staging data only' });
    expect(allFindings(evaluate(app, AT_REST))[0]).toMatchObject({ status: 'acknowledged', acknowledgedAt: 'Data' });
  });

  test('an acknowledgement without a reason is an error naming the rule and construct', () => {
    const { app, outdir } = checkedApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    const bucket = new s3.Bucket(stack, 'B');
    Validations.of(bucket).acknowledge({ id: 'DataProtection-S3BucketCMK', reason: '  ' });
    expect(() => app.synth()).toThrow(/must give a reason.*DataProtection-S3BucketCMK on Data\/B/s);
    // The report is still there for CI to read.
    expect(fs.existsSync(path.join(outdir, REPORT_FILES.json))).toBe(true);
  });

  test('only the controls the policy promises are evaluated', () => {
    const app = newApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    new kms.Key(stack, 'NotRotated', { removalPolicy: RemovalPolicy.RETAIN });
    const teamBench = evaluate(app, DataProtectionPolicy.teamBench());
    const enc3 = teamBench.controls.find((c) => c.id === 'DP.ENC.3')!;
    expect(enc3).toMatchObject({ promised: false, status: 'not-applicable', findings: [] });
    expect(teamBench.rules.map((r) => r.ruleId)).not.toContain('DataProtection-KMSKeyRotation');
    expect(evaluate(app, AT_REST).controls.find((c) => c.id === 'DP.ENC.3')!.status).toBe('violated');
  });

  test('a key from another stack of the app is followed through its output (Fn::GetStackOutput)', () => {
    const app = newApp();
    const keys = new Stack(app, 'Keys', { env: ENV });
    const key = retainedKey(keys);
    const data = new Stack(app, 'Data', { env: ENV });
    new s3.Bucket(data, 'B', { encryptionKey: key });
    const finding = allFindings(evaluate(app, AT_REST)).find((f) => f.ruleId === 'DataProtection-S3BucketCMK')!;
    expect(finding).toMatchObject({ stack: 'Data', status: 'compliant' });
  });

  test('an included template importing an export of another stack of the app is followed (Fn::ImportValue)', () => {
    const app = newApp();
    const keys = new Stack(app, 'Keys', { env: ENV });
    new CfnOutput(keys, 'KeyArn', { value: retainedKey(keys).keyArn, exportName: 'shared-data-key-arn' });
    includeTemplate({
      Imported: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::ImportValue': 'shared-data-key-arn' } } },
      ] } } },
    }, { app, stackId: 'Legacy' });
    const finding = allFindings(evaluate(app, AT_REST)).find((f) => f.logicalId === 'Imported')!;
    expect(finding).toMatchObject({ ruleId: 'DataProtection-S3BucketCMK', status: 'compliant', stack: 'Legacy' });
  });

  test('a parameter is never mistaken for a same-named key of another stack', () => {
    const app = newApp();
    const keys = new Stack(app, 'Keys', { env: ENV });
    new kms.CfnKey(keys, 'SharedKey', { enableKeyRotation: true }).overrideLogicalId('SharedKey');
    const data = new Stack(app, 'Data', { env: ENV });
    const param = new CfnParameter(data, 'SharedKey');
    param.overrideLogicalId('SharedKey');
    new s3.Bucket(data, 'B', { encryptionKey: kms.Key.fromKeyArn(data, 'K', param.valueAsString) });
    const finding = allFindings(evaluate(app, AT_REST)).find((f) => f.ruleId.startsWith('DataProtection-S3BucketCMK'))!;
    expect(finding.ruleId).toBe('DataProtection-S3BucketCMK[Unverifiable]');
  });

  test('a plugin registered on a stage checks only that stage and reports into its assembly', () => {
    const outdir = tempDir();
    const app = newApp({ outdir });
    const prod = new Stage(app, 'Prod', { env: ENV });
    Validations.of(prod).addPlugins(new DataProtectionChecks(prod, { policy: AT_REST }));
    new s3.Bucket(new Stack(prod, 'Data'), 'B', { encryptionKey: retainedKey(Stack.of(prod.node.findChild('Data'))) });
    new s3.Bucket(new Stack(app, 'Unchecked', { env: ENV }), 'Plain');
    app.synth();
    const report = readReport(path.join(outdir, 'assembly-Prod'));
    const stacks = new Set(allFindings(report).map((f) => f.stack));
    expect([...stacks]).toEqual(['Prod/Data']);
    expect(allFindings(report)[0].templatePath).toMatch(/^ProdData[0-9A-F]*\.template\.json$/);
    expect(fs.existsSync(path.join(outdir, 'assembly-Prod', allFindings(report)[0].templatePath))).toBe(true);
  });

  test('writeSuppressionsToCloudFormation copies acknowledgements into the template metadata', () => {
    const { app, outdir } = checkedApp(undefined, { writeSuppressionsToCloudFormation: true });
    const stack = new Stack(app, 'Data', { env: ENV });
    const bucket = new s3.Bucket(stack, 'B');
    Validations.of(bucket).acknowledge({ id: 'DataProtection-S3BucketCMK', reason: 'assets only' });
    app.synth();
    const template = JSON.parse(fs.readFileSync(path.join(outdir, 'Data.template.json'), 'utf8'));
    const bucketRes = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::S3::Bucket') as any;
    expect(bucketRes.Metadata.cdk_nag.rules_to_suppress).toEqual([{ id: 'DataProtection-S3BucketCMK', reason: 'assets only' }]);
  });

  test('indexing reads the synthesized templates, or renders each resource exactly once without them', () => {
    const app = newApp();
    const stack = new Stack(app, 'Data', { env: ENV });
    const key = retainedKey(stack);
    for (let i = 0; i < 40; i++) new s3.Bucket(stack, `B${i}`, { encryptionKey: key });
    app.synth(); // synthesis renders every resource too: count only what the checks do
    const resources = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c)).length;
    const spy = jest.spyOn(CfnResource.prototype as any, '_toCloudFormation');
    try {
      const fromTemplates = evaluate(app);
      expect(spy).toHaveBeenCalledTimes(0);
      new DataProtectionChecks(undefined, { policy: AT_REST }).validateScope(app);
      expect(spy).toHaveBeenCalledTimes(resources);
      // Both paths see the same resources.
      expect(allFindings(fromTemplates).filter((f) => f.ruleId === 'DataProtection-S3BucketCMK')).toHaveLength(40);
    } finally {
      spy.mockRestore();
    }
  });

  test('validateScope, the cdk-nag entry point, returns the violations without writing files', () => {
    const app = new App({ outdir: tempDir() });
    new s3.Bucket(new Stack(app, 'Data', { env: ENV }), 'B');
    const result = new DataProtectionChecks(undefined, { policy: AT_REST }).validateScope(app);
    expect(result.success).toBe(false);
    expect(result.violations.map((v) => v.ruleName)).toEqual(['DataProtection-S3BucketCMK']);
    expect(fs.readdirSync(app.outdir)).toEqual([]);
  });
});
