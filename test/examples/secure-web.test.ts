import { SecureWebStack } from '../../examples/secure-web/stack';
import { DataProtectionPolicy } from '../../lib';
import { stableTemplate } from '../../lib/testing';
import { allFindings, ENV, evaluate, newApp } from '../helpers';

describe('secure-web example', () => {
  const policy = new DataProtectionPolicy({ dataEndOfLifeDays: 730 });
  const app = newApp();
  const stack = new SecureWebStack(app, 'SecureWeb', { env: ENV, availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], policy, backupCopyRegion: 'eu-central-1' });

  test('template snapshot', () => {
    expect(stableTemplate(stack)).toMatchSnapshot();
  });

  test('every automated control it is subject to is met; the one acknowledgement carries its reason', () => {
    const report = evaluate(app, policy);
    const status = Object.fromEntries(report.controls.map((c) => [c.id, c.status]));
    for (const id of ['DP.ENC.1', 'DP.ENC.3', 'DP.NET.1', 'DP.NET.5', 'DP.IAM.1', 'DP.IAM.2', 'DP.DAT.1',
      'DP.BAK.1', 'DP.BAK.2', 'DP.BAK.3', 'DP.BAK.4', 'DP.BAK.5', 'DP.BAK.6', 'DP.BAK.7']) expect([id, status[id]]).toEqual([id, 'met']);
    expect(status['DP.ENC.2']).toBe('acknowledged');
    expect(report.summary.controls.violated).toBe(0);
    const acks = allFindings(report).filter((f) => f.status === 'acknowledged');
    expect(acks.map((f) => f.constructPath)).toEqual(['SecureWeb/Web/AccessLogs/Resource']);
  });
});
