import { COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { ELB_DEFAULT_SSL_POLICY, ELB_SSL_POLICIES, meetsMinimumTls } from '../../../facts/tls-policies';
import { UNVERIFIABLE } from '../private/values';
import { onlyRedirectsToHttps } from '../private/listeners';

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
  info: 'The load balancer listener accepts plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion on every endpoint. Use HTTPS/TLS listeners with a '
    + 'security policy whose minimum meets the policy (ELBSecurityPolicy-TLS13-1-2-2021-06 for 1.2, '
    + 'ELBSecurityPolicy-TLS13-1-3-2021-06 for 1.3; omitting SslPolicy gives ELBSecurityPolicy-2016-08, '
    + 'which accepts TLS 1.0). An HTTP listener may only redirect to HTTPS. Acknowledge a TCP listener '
    + 'only when its traffic is TLS end to end (passthrough).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const protocol = p.Protocol;
    if (typeof protocol !== 'string') return [UNVERIFIABLE];
    switch (protocol) {
      case 'HTTPS':
      case 'TLS': {
        const meets = meetsMinimumTls(ELB_SSL_POLICIES, p.SslPolicy ?? ELB_DEFAULT_SSL_POLICY, context.policy.minTlsVersion);
        if (meets === undefined) return [UNVERIFIABLE];
        return meets ? COMPLIANT : NON_COMPLIANT;
      }
      case 'HTTP': {
        const redirects = onlyRedirectsToHttps(p.DefaultActions);
        if (redirects === undefined) return [UNVERIFIABLE];
        return redirects ? COMPLIANT : NON_COMPLIANT;
      }
      case 'GENEVE':
        return NOT_APPLICABLE;
      default:
        return NON_COMPLIANT;
    }
  },
};
