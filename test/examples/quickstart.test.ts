import { Stack } from 'aws-cdk-lib';
import { QuickStartStack } from '../../examples/quickstart/stack';
import { DataProtectionPolicy } from '../../lib';
import { stableTemplate } from '../../lib/testing';
import { ENV, evaluate, newApp } from '../helpers';

describe('quick-start example', () => {
  const app = newApp();
  const stack = new QuickStartStack(app, 'QuickStart', { env: ENV, backupCopyRegion: 'eu-central-1', policy: new DataProtectionPolicy({ dataEndOfLifeDays: 730 }) });

  test('template snapshot', () => {
    expect(stableTemplate(stack)).toMatchSnapshot();
  });

  test('keeps every automated control it is subject to: encryption and backups met, nothing violated', () => {
    const report = evaluate(app, new DataProtectionPolicy({ dataEndOfLifeDays: 730 }));
    const status = Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
    expect(status['DP.ENC.2']).toBe('met');
    expect(status['DP.ENC.3']).toBe('met');
    expect(report.summary.controls.violated).toBe(0);
    expect(report.summary.findings['non-compliant']).toBe(0);
    // bucket, table, queue, topic and log group, plus the backup plan's two vaults and alert topic
    expect(report.controls.find((c) => c.id === 'DP.ENC.2')!.findings.map((f) => f.resourceType).sort()).toEqual([
      'AWS::Backup::BackupVault', 'AWS::Backup::BackupVault', 'AWS::DynamoDB::GlobalTable', 'AWS::Logs::LogGroup',
      'AWS::S3::Bucket', 'AWS::SNS::Topic', 'AWS::SNS::Topic', 'AWS::SQS::Queue',
    ]);
    for (const id of ['DP.BAK.1', 'DP.BAK.2', 'DP.BAK.3', 'DP.BAK.4', 'DP.BAK.5', 'DP.BAK.6', 'DP.BAK.7']) expect([id, status[id]]).toEqual([id, 'met']);
    expect(Stack.of(stack).region).toBe(ENV.region);
  });
});
