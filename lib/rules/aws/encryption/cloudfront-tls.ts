import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { CLOUDFRONT_DEFAULT_PROTOCOL_VERSION, CLOUDFRONT_PROTOCOL_VERSIONS, meetsMinimumTls } from '../../../facts/tls-policies';
import { boolValue, findingsResult, isIntrinsic, UNVERIFIABLE } from '../private/values';

const HTTPS_VIEWER_POLICIES = ['https-only', 'redirect-to-https'];

/**
 * DP.ENC.1: a CloudFront distribution serves viewers over HTTPS only (or redirects them), with a
 * custom certificate whose minimum protocol version meets the policy, and never fetches from
 * custom origins over plaintext HTTP. Each failing aspect is its own finding:
 * `[ViewerProtocol]`, `[MinimumProtocolVersion]`, `[OriginProtocol]`.
 */
export const CloudFrontTLS: ResourceRule = {
  name: 'CloudFrontTLS',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  level: Severity.ERROR,
  info: 'The CloudFront distribution allows plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion end to end. Set every cache behavior to '
    + 'redirect-to-https or https-only; use a custom certificate with MinimumProtocolVersion TLSv1.2_2021 '
    + '(the default *.cloudfront.net certificate accepts TLS 1.0); never use http-only for custom origins.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const config = resource.properties.DistributionConfig;
    if (config === undefined || isIntrinsic(config)) return [UNVERIFIABLE];
    const failing: (string | Verdict)[] = [];

    const behaviors = [config.DefaultCacheBehavior, ...(Array.isArray(config.CacheBehaviors) ? config.CacheBehaviors : [])];
    for (const b of behaviors) {
      const policy = b?.ViewerProtocolPolicy;
      if (typeof policy !== 'string') failing.push(UNVERIFIABLE);
      else if (!HTTPS_VIEWER_POLICIES.includes(policy)) failing.push('ViewerProtocol');
    }

    const cert = config.ViewerCertificate;
    if (isIntrinsic(cert)) {
      failing.push(UNVERIFIABLE);
    } else if (cert === undefined || boolValue(cert.CloudFrontDefaultCertificate, false) === true) {
      failing.push('MinimumProtocolVersion');
    } else {
      const meets = meetsMinimumTls(CLOUDFRONT_PROTOCOL_VERSIONS, cert.MinimumProtocolVersion ?? CLOUDFRONT_DEFAULT_PROTOCOL_VERSION,
        context.policy.minTlsVersion);
      if (meets === undefined) failing.push(UNVERIFIABLE);
      else if (!meets) failing.push('MinimumProtocolVersion');
    }

    for (const origin of Array.isArray(config.Origins) ? config.Origins : []) {
      const policy = origin?.CustomOriginConfig?.OriginProtocolPolicy;
      if (policy === 'http-only') failing.push('OriginProtocol');
    }
    return findingsResult(failing);
  },
};
