import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ELB_DEFAULT_SSL_POLICY, ELB_SSL_POLICIES } from '../../../facts/tls-policies';
import { onlyRedirectsToHttps } from '../private/listeners';
import { tlsPolicyVerdict, unknownValue } from '../private/values';

/**
 * DP.ENC.1: a load balancer listener accepts only TLS at or above the policy's minimum (HTTPS/TLS
 * with a security policy that meets `minTlsVersion`), or is a plaintext HTTP listener that only
 * redirects to HTTPS. TCP/UDP listeners carry plaintext as far as the load balancer can tell.
 */
export const ELBListenerTLS: ResourceRule = {
  name: 'ELBListenerTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::Listener'],
  level: Severity.ERROR,
  fix: 'Use HTTPS/TLS listeners with sslPolicy SslPolicy.RECOMMENDED_TLS (TLS 1.2+); let HTTP listeners only redirect to HTTPS.',
  info: 'The load balancer listener accepts plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Use HTTPS/TLS listeners with a '
    + 'security policy whose minimum meets the policy (ELBSecurityPolicy-TLS13-1-2-2021-06 for 1.2, '
    + 'ELBSecurityPolicy-TLS13-1-3-2021-06 for 1.3; omitting SslPolicy gives ELBSecurityPolicy-2016-08, '
    + 'which accepts TLS 1.0). An HTTP listener may only redirect to HTTPS. Acknowledge a TCP listener '
    + 'only when its traffic is TLS end to end (passthrough).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const protocol = resolveValue(p.Protocol, resource.stackPath, context.lookup);
    if (!protocol.known || typeof protocol.value !== 'string') return unknownValue('Protocol', p.Protocol, resource, context);
    switch (protocol.value) {
      case 'HTTPS':
      case 'TLS':
        return tlsPolicyVerdict(ELB_SSL_POLICIES, p.SslPolicy, ELB_DEFAULT_SSL_POLICY, 'SslPolicy', resource, context);
      case 'HTTP': {
        const redirects = onlyRedirectsToHttps(p.DefaultActions);
        if (redirects === undefined) return unknownValue('DefaultActions', p.DefaultActions, resource, context);
        return redirects ? compliant('a plaintext listener that only redirects to HTTPS') : nonCompliant('a plaintext HTTP listener serves requests instead of redirecting to HTTPS');
      }
      case 'GENEVE':
        return NOT_APPLICABLE;
      default:
        return nonCompliant(`a ${protocol.value} listener carries plaintext as far as the load balancer can tell`);
    }
  },
};
