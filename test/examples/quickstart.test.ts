import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { QuickStartStack } from '../../examples/quickstart/stack';
import { DataProtectionPolicy } from '../../lib';
import { ENV, evaluate, newApp } from '../helpers';

describe('quick-start example', () => {
  const app = newApp();
  const stack = new QuickStartStack(app, 'QuickStart', { env: ENV, policy: new DataProtectionPolicy({ dataEndOfLifeDays: 730 }) });
  const template = Template.fromStack(stack);

  test('template snapshot', () => {
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('keeps every automated control it is subject to: DP.ENC.2 and DP.ENC.3 met, nothing violated', () => {
    const report = evaluate(app, new DataProtectionPolicy({ dataEndOfLifeDays: 730 }));
    const status = Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
    expect(status['DP.ENC.2']).toBe('met');
    expect(status['DP.ENC.3']).toBe('met');
    expect(report.summary.controls.violated).toBe(0);
    expect(report.summary.findings['non-compliant']).toBe(0);
    // bucket, table, queue, topic and log group: one DP.ENC.2 finding each
    expect(report.controls.find((c) => c.id === 'DP.ENC.2')!.findings.map((f) => f.resourceType).sort()).toEqual([
      'AWS::DynamoDB::GlobalTable', 'AWS::Logs::LogGroup', 'AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::SQS::Queue',
    ]);
    expect(Stack.of(stack).region).toBe(ENV.region);
  });
});
