import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, RuleResult, Severity } from '../../../core/engine';
import { API_GATEWAY_SECURITY_POLICIES } from '../../../facts/tls-policies';
import { boolValue, isIntrinsic, tlsPolicyVerdict, unknownValue, worstOf } from '../private/values';

function judge(raw: unknown, fallback: string, resource: ResourceView, context: RuleContext): RuleResult {
  return tlsPolicyVerdict(API_GATEWAY_SECURITY_POLICIES, raw, fallback, 'SecurityPolicy', resource, context);
}

/**
 * DP.ENC.1: API Gateway endpoints accept TLS >= the policy minimum.
 * - REST API custom domains: `SecurityPolicy` (default TLS_1_0).
 * - HTTP/WebSocket API domains: each configuration's `SecurityPolicy` (API Gateway enforces
 *   TLS_1_2 when omitted).
 * - REST APIs: the default execute-api endpoint of edge and regional APIs accepts TLS 1.0 unless
 *   the API sets an enhanced `SecurityPolicy`, is private, or disables that endpoint.
 */
export const ApiGatewayTLS: ResourceRule = {
  name: 'ApiGatewayTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName', 'AWS::ApiGateway::RestApi'],
  level: Severity.ERROR,
  fix: 'Give custom domains securityPolicy TLS_1_2 and disable the REST API\'s default execute-api endpoint (disableExecuteApiEndpoint: true).',
  info: 'The API Gateway endpoint accepts TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Give custom domains SecurityPolicy '
    + 'TLS_1_2 (or a TLS 1.3 policy), and for REST APIs either disable the default execute-api endpoint '
    + '(it accepts TLS 1.0) and serve through the custom domain, make the API private, or set an enhanced '
    + 'security policy on the API.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::ApiGateway::DomainName':
        return judge(p.SecurityPolicy, 'TLS_1_0', resource, context);
      case 'AWS::ApiGatewayV2::DomainName': {
        const configs = p.DomainNameConfigurations;
        if (!Array.isArray(configs) || configs.length === 0) return judge(undefined, 'TLS_1_2', resource, context);
        return worstOf(configs.map((c: any) => (isIntrinsic(c) ? unknownValue('a DomainNameConfiguration', c, resource, context)
          : judge(c?.SecurityPolicy, 'TLS_1_2', resource, context))));
      }
      default: {
        const disabled = resolveValue(p.DisableExecuteApiEndpoint, resource.stackPath, context.lookup);
        const off = disabled.known ? boolValue(disabled.value, false) : undefined;
        if (off === undefined) return unknownValue('DisableExecuteApiEndpoint', p.DisableExecuteApiEndpoint, resource, context);
        if (off) return compliant('the default execute-api endpoint is disabled');
        const types = p.EndpointConfiguration?.Types;
        if (Array.isArray(types) && types.length > 0 && types.every((t: unknown) => t === 'PRIVATE')) {
          return compliant('a private API: its endpoint enforces TLS 1.2');
        }
        return judge(p.SecurityPolicy, 'TLS_1_0', resource, context);
      }
    }
  },
};
