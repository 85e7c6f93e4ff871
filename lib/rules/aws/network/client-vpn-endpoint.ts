import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { boolValue, findingsResult, isIntrinsic, UNVERIFIABLE } from '../private/values';

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
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const options = p.AuthenticationOptions;
    if (!Array.isArray(options) || options.some((o: unknown) => isIntrinsic(o) || typeof (o as any)?.Type !== 'string')) {
      failing.push(UNVERIFIABLE);
    } else if (!options.some((o: any) => STRONG_AUTHENTICATION.includes(o.Type))) {
      failing.push('Authentication');
    }
    const logging = boolValue(p.ConnectionLogOptions?.Enabled, false);
    if (logging === undefined) failing.push(UNVERIFIABLE);
    else if (!logging) failing.push('ConnectionLogging');
    return findingsResult(failing);
  },
};
