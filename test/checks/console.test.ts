import { Stack, Validations } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Testing } from 'cdktf';
import { CONTROLS, DataProtectionChecks, DataProtectionPolicy } from '../../lib';
import { AzureDataProtectionChecks, AzureStack, CentralLogAnalytics } from '../../lib/azure';
import { ENV, newApp, tempDir } from '../helpers';

/** Run `fn`, returning what it wrote to stderr through console.error. */
function stderrOf(fn: () => void): string {
  const lines: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { lines.push(args.join(' ')); });
  try {
    fn();
  } catch {
    // a failing synth still prints its summary
  } finally {
    spy.mockRestore();
  }
  return lines.join('\n');
}

describe('what cdk synth prints', () => {
  const policy = new DataProtectionPolicy({ controls: ['DP.ENC.2', 'DP.LOG.4'], logRetentionDays: 400 });

  test('each violation names the control, what is wrong, what the policy promises with its numbers, and the fix', () => {
    const app = newApp({ outdir: tempDir() });
    Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));
    new s3.Bucket(new Stack(app, 'Data', { env: ENV }), 'Uploads');
    let message = '';
    stderrOf(() => {
      try {
        app.synth();
      } catch (e) {
        message = String(e);
      }
    });
    expect(message).toMatch(/\(DP\.ENC\.2 Encryption at rest with customer-managed keys\): The S3 bucket is not encrypted .*Promised: Every data store is encrypted at rest with AES-256 under a customer-managed key\. Fix: /);
    expect(message).toContain("Acknowledge with 'DataProtection::DataProtection-S3BucketCMK'");
  });

  test('every synth, passing or failing, ends with one line per architecture and the report path', () => {
    const outdir = tempDir();
    const failing = newApp({ outdir });
    Validations.of(failing).addPlugins(new DataProtectionChecks(failing, { policy }));
    new s3.Bucket(new Stack(failing, 'Data', { env: ENV }), 'Uploads');
    expect(stderrOf(() => failing.synth())).toMatch(/^DataProtection app: 0 met, 1 violated, 0 acknowledged, \d+ not applicable, 0 not automated · report: .*data-protection-report\.md$/m);

    const passing = newApp({ outdir: tempDir() });
    Validations.of(passing).addPlugins(new DataProtectionChecks(passing, { policy: new DataProtectionPolicy({ controls: ['DP.NET.4'] }) }));
    new Stack(passing, 'Empty', { env: ENV });
    expect(stderrOf(() => passing.synth())).toMatch(new RegExp(`^DataProtection app: 0 met, 0 violated, 0 acknowledged, ${CONTROLS.length} not applicable, 0 not automated · report: `, 'm'));
  });

  test('an acknowledgement that covers nothing is a warning on the console and a section of the report', () => {
    const app = newApp({ outdir: tempDir() });
    Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));
    const stack = new Stack(app, 'Data', { env: ENV });
    new s3.Bucket(stack, 'Uploads', { encryptionKey: new kms.Key(stack, 'Key') });
    Validations.of(stack).acknowledge({ id: 'DataProtection-SQSQueueCMK', reason: 'there used to be a queue here' });
    const out = stderrOf(() => app.synth());
    expect(out).toContain('DataProtection warning: the acknowledgement DataProtection-SQSQueueCMK on Data covers nothing (no finding of DataProtection-SQSQueueCMK at Data)');
    const report = new DataProtectionChecks(undefined, { policy, writeReport: false }).evaluate(app);
    expect(report.unusedAcknowledgements).toEqual([expect.objectContaining({ ruleId: 'DataProtection-SQSQueueCMK', constructPath: 'Data' })]);
  });

  test('on Azure too', () => {
    const app = Testing.app({ outdir: tempDir() } as any);
    const stack = new AzureStack(app, 'Logs', { policy: DataProtectionPolicy.situm() });
    new CentralLogAnalytics(stack, 'Central', { placement: stack.placement, emailAddresses: ['ops@example.com'] });
    AzureDataProtectionChecks.acknowledge(stack, 'AzureStorageMinTls', 'no storage any more');
    AzureDataProtectionChecks.applyTo(app);
    const out = stderrOf(() => app.synth());
    expect(out).toContain('DataProtection warning: the acknowledgement AzureStorageMinTls on Logs covers nothing');
    expect(out).toMatch(/^DataProtection Logs: \d+ met, 0 violated, 0 acknowledged, \d+ not applicable, \d+ not automated · report: /m);
  });
});
