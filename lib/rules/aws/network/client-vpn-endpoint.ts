import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { failing as failingVerdict, RuleResult, Severity, Verdict } from '../../../core/engine';
import { boolValue, findingsResult, isIntrinsic, unknownValue } from '../private/values';

const STRONG_AUTHENTICATION = ['certificate-authentication', 'federated-authentication'];

/**
 * DP.NET.5: a Client VPN endpoint authenticates with mutual TLS or federated SSO (where the identity
 * provider enforces MFA), and logs every connection. Findings: `[Authentication]`, `[ConnectionLogging]`.
 */
export const ClientVpnEndpointAuth: ResourceRule = {
  name: 'ClientVpnEndpointAuth',
  controlId: 'DP.NET.5',
  resourceTypes: ['AWS::EC2::ClientVpnEndpoint'],
  level: Severity.ERROR,
  info: 'The Client VPN endpoint does not use mutual TLS or federated authentication, or does not log connections.',
  explanation: 'DP.NET.5 promises administrative access only through a VPN with mutual TLS or SSO and MFA. Use '
    + 'certificate-authentication and/or federated-authentication (MFA enforced at the identity provider), '
    + 'and enable ConnectionLogOptions to a log group.',
  fix: 'Authenticate with certificate-authentication or federated-authentication and enable ConnectionLogOptions (AdminAccessVpn does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const options = p.AuthenticationOptions;
    if (!Array.isArray(options) || options.some((o: unknown) => isIntrinsic(o) || typeof (o as any)?.Type !== 'string')) {
      failing.push(unknownValue('AuthenticationOptions', options, resource, context));
    } else if (!options.some((o: any) => STRONG_AUTHENTICATION.includes(o.Type))) {
      failing.push(failingVerdict('Authentication', `authentication ${options.map((o: any) => o.Type).join(', ')}: neither mutual TLS nor federated SSO`));
    }
    const logging = resolveValue(p.ConnectionLogOptions?.Enabled, resource.stackPath, context.lookup);
    const on = logging.known ? boolValue(logging.value, false) : undefined;
    if (on === undefined) failing.push(unknownValue('ConnectionLogOptions.Enabled', p.ConnectionLogOptions?.Enabled, resource, context));
    else if (!on) failing.push(failingVerdict('ConnectionLogging', 'connections are not logged'));
    return findingsResult(failing);
  },
};
