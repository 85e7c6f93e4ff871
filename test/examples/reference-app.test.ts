import { buildReferenceApp } from '../../examples/reference-app';
import { stableTemplate } from '../../lib/testing';
import { allFindings, evaluate, newApp } from '../helpers';

describe('reference app', () => {
  const app = newApp();
  const { policy, observability, quickStart, secureWeb } = buildReferenceApp(app, { checks: false });

  test.each([['Observability', observability], ['QuickStart', quickStart], ['SecureWeb', secureWeb]])('%s template snapshot', (_name, stack) => {
    expect(stableTemplate(stack)).toMatchSnapshot();
  });

  test('passes every check: every automated control met, the one acknowledgement with its reason', () => {
    expect(app).toPassDataProtectionChecks({ policy });
    const report = evaluate(app, policy);
    const notMet = report.controls.filter((c) => c.rules.length > 0 && c.status !== 'met').map((c) => `${c.id} ${c.status}`);
    expect(notMet).toEqual(['DP.ENC.2 acknowledged']);
    const acks = allFindings(report).filter((f) => f.status === 'acknowledged');
    expect(acks.map((f) => f.constructPath)).toEqual(['SecureWeb/Web/AccessLogs/Resource']);
    expect(acks[0].reason).toMatch(/SSE-S3/);
  });
});
