import { Stack } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../examples/reference-app';
import { stableTemplate } from '../../lib/testing';
import { allFindings, evaluate, newApp } from '../helpers';

describe('reference app', () => {
  const app = newApp();
  const { policy } = buildReferenceApp(app, { checks: false });
  const stacks = app.node.children.filter((c): c is Stack => Stack.isStack(c));

  test('two workload regions and a global stack in us-west-2', () => {
    expect(stacks.map((s) => `${s.node.id}@${s.region}`)).toEqual([
      'Observability@eu-central-1', 'ObservabilityWest@eu-west-1', 'ObservabilityGlobal@us-west-2', 'QuickStart@eu-central-1',
      'SecureWeb@eu-central-1', 'SecureWebWest@eu-west-1', 'Global@us-west-2',
    ]);
  });

  test.each(['Observability', 'ObservabilityWest', 'ObservabilityGlobal', 'QuickStart', 'SecureWeb', 'SecureWebWest', 'Global'])('%s template snapshot', (id) => {
    expect(stableTemplate(stacks.find((s) => s.node.id === id)!)).toMatchSnapshot();
  });

  test('passes every check: every automated control met or not applicable, the one acknowledgement with its reason', () => {
    expect(evaluate(app, policy).controls.filter((c) => c.status === 'met').map((c) => c.id)).toEqual(expect.arrayContaining([
      'DP.ENC.1', 'DP.ENC.3', 'DP.BAK.1', 'DP.BAK.6', 'DP.AVL.1', 'DP.AVL.4', 'DP.AVL.6', 'DP.NET.1', 'DP.NET.5', 'DP.LOG.1', 'DP.LOG.2', 'DP.LOG.3', 'DP.LOG.4',
      'DP.MON.1', 'DP.MON.2', 'DP.IAM.1', 'DP.IAM.2', 'DP.DAT.1',
    ]));
    expect(app).toPassDataProtectionChecks({ policy });
    const report = evaluate(app, policy);
    // Controls whose resources the app does not have (no ECS services, no databases) are not applicable.
    const notMet = report.controls.filter((c) => c.rules.length > 0 && !['met', 'not-applicable'].includes(c.status)).map((c) => `${c.id} ${c.status}`);
    expect(notMet).toEqual(['DP.ENC.2 acknowledged']);
    const acks = allFindings(report).filter((f) => f.status === 'acknowledged');
    expect(acks.map((f) => f.constructPath)).toEqual(['SecureWeb/Web/AccessLogs/Resource', 'SecureWebWest/Web/AccessLogs/Resource']);
    expect(acks[0].reason).toMatch(/SSE-S3/);
  });
});
