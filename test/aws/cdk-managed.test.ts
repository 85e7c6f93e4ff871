import { Aspects } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { DataKey, DataProtectionPolicy, PolicyLogGroups } from '../../lib';
import { evaluateCloudFormation } from '../../lib/checks/cloudformation';
import { evaluate, findingsOf, statusesOf } from '../helpers';
import { offlineStack } from './fixtures';

const LOG_POLICY = new DataProtectionPolicy({ controls: ['DP.LOG.4', 'DP.ENC.2'], logRetentionDays: 400 });

/** A static site the way the public examples deploy one: a bucket and a BucketDeployment of its files. */
function site() {
  const { app, stack } = offlineStack();
  const bucket = new s3.Bucket(stack, 'Site', { enforceSSL: true });
  new s3deploy.BucketDeployment(stack, 'Publish', { destinationBucket: bucket, sources: [s3deploy.Source.data('index.html', '<h1>hi</h1>')] });
  return { app, stack };
}

describe('resources the CDK creates for you (issue 16, item 7)', () => {
  test('a finding on a CDK-created log group says so and what to do', () => {
    const { app } = site();
    const [finding] = findingsOf(evaluate(app, LOG_POLICY), 'LogRetention').filter((f) => f.status === 'non-compliant');
    expect(finding.constructPath).toMatch(/Custom::CDKBucketDeployment/);
    expect(finding.detail).toMatch(/created by the CDK for BucketDeployment, not by this app's code/);
    expect(finding.detail).toMatch(/PolicyLogGroups/);
  });

  test('without construct paths (a plain template), the CDK\'s logical IDs tell the same', () => {
    const result = evaluateCloudFormation([{
      path: 'Plain', name: 'Plain', templatePath: 'Plain.template.json',
      template: { Resources: { CustomCDKBucketDeployment8693BB64968944B69AAFB0CC9EB8756CLogGroup817B64E9: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 731 } } } },
    }], { policy: LOG_POLICY });
    expect(result.findings.find((f) => f.status === 'non-compliant')?.detail).toMatch(/created by the CDK for BucketDeployment/);
  });

  test('PolicyLogGroups gives every log group the policy\'s retention (never shortening one) and a key where it has none', () => {
    const { app, stack } = site();
    const key = new DataKey(stack, 'LogKey', { services: ['logs'] });
    new logs.LogGroup(stack, 'KeptLonger', { retention: logs.RetentionDays.TEN_YEARS });
    new logs.LogGroup(stack, 'TooShort', { retention: logs.RetentionDays.ONE_WEEK });
    Aspects.of(app).add(new PolicyLogGroups({ encryptionKey: key, policy: LOG_POLICY }));
    const report = evaluate(app, LOG_POLICY);
    expect(new Set(Object.values(statusesOf(report, 'LogRetention')))).toEqual(new Set(['compliant', 'not-applicable']));
    const groups = Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'));
    expect(groups.map((g: any) => g.Properties.RetentionInDays).sort((a, b) => a - b)).toEqual([400, 731, 3653]);
    expect(groups.every((g: any) => g.Properties.KmsKeyId !== undefined)).toBe(true);
  });

  test('PolicyLogGroups reads the policy of the scope it visits; a retention shorter than the policy is an error naming it', () => {
    const { app, stack } = site();
    LOG_POLICY.applyTo(app);
    Aspects.of(app).add(new PolicyLogGroups());
    expect(Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup')).map((g: any) => g.Properties.RetentionInDays)).toEqual([731]);
    expect(() => new PolicyLogGroups({ retention: logs.RetentionDays.ONE_MONTH, policy: LOG_POLICY }))
      .toThrow(/PolicyLogGroups \(aspect\): invalid props:\n {2}- retention: 30 \(allowed: at least the policy's logRetentionDays, 400\)/);
  });
});
