import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue, sourceNote } from '../../../cloudformation/resolve';
import { failing as failingVerdict, Outcome, RuleResult, Severity, Verdict } from '../../../core/engine';
import { CLOUDFRONT_DEFAULT_PROTOCOL_VERSION, CLOUDFRONT_PROTOCOL_VERSIONS } from '../../../facts/tls-policies';
import { boolValue, findingsResult, isIntrinsic, tlsPolicyVerdict, unknownValue } from '../private/values';

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
  fix: 'Use redirect-to-https viewers, a custom certificate with minimumProtocolVersion TLSv1.2_2021, and HTTPS to origins.',
  info: 'The CloudFront distribution allows plaintext or TLS below the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS >= minTlsVersion end to end. Set every cache behavior to '
    + 'redirect-to-https or https-only; use a custom certificate with MinimumProtocolVersion TLSv1.2_2021 '
    + '(the default *.cloudfront.net certificate accepts TLS 1.0); never use http-only for custom origins.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const config = resource.properties.DistributionConfig;
    if (config === undefined || isIntrinsic(config)) return unknownValue('DistributionConfig', config, resource, context);
    const failing: (string | Verdict)[] = [];

    const behaviors = [
      // Absent, it is still judged: its ViewerProtocolPolicy is not set.
      ...readable([config.DefaultCacheBehavior ?? {}], 'DefaultCacheBehavior', resource, context, failing),
      ...readable(listOf(config.CacheBehaviors, 'CacheBehaviors', resource, context, failing), 'a cache behavior', resource, context, failing),
    ];
    for (const b of behaviors) {
      const policy = resolveValue(b.ViewerProtocolPolicy, resource.stackPath, context.lookup);
      if (!policy.known || typeof policy.value !== 'string') failing.push(unknownValue('ViewerProtocolPolicy', b.ViewerProtocolPolicy, resource, context));
      else if (!HTTPS_VIEWER_POLICIES.includes(policy.value)) failing.push(failingVerdict('ViewerProtocol', `ViewerProtocolPolicy ${policy.value} serves viewers in plaintext`));
    }

    const cert = config.ViewerCertificate;
    if (isIntrinsic(cert)) {
      failing.push(unknownValue('ViewerCertificate', cert, resource, context));
    } else if (cert === undefined || boolValue(cert.CloudFrontDefaultCertificate, false) === true) {
      failing.push(failingVerdict('MinimumProtocolVersion', 'the default *.cloudfront.net certificate accepts TLS 1.0'));
    } else {
      const v = tlsPolicyVerdict(CLOUDFRONT_PROTOCOL_VERSIONS, cert.MinimumProtocolVersion, CLOUDFRONT_DEFAULT_PROTOCOL_VERSION, 'MinimumProtocolVersion', resource, context);
      if (v.outcome === Outcome.UNVERIFIABLE) failing.push(v);
      else if (v.outcome === Outcome.NON_COMPLIANT) failing.push(failingVerdict('MinimumProtocolVersion', v.detail));
    }

    for (const origin of readable(listOf(config.Origins, 'Origins', resource, context, failing), 'an origin', resource, context, failing)) {
      const name = typeof origin.Id === 'string' ? `origin ${origin.Id}` : 'an origin';
      const custom = resolveValue(origin.CustomOriginConfig, resource.stackPath, context.lookup);
      const raw = custom.known ? (custom.value as any)?.OriginProtocolPolicy : undefined;
      const policy = resolveValue(raw, resource.stackPath, context.lookup);
      if (!custom.known) failing.push(unknownValue(`the CustomOriginConfig of ${name}`, origin.CustomOriginConfig, resource, context));
      else if (!policy.known) failing.push(unknownValue(`the OriginProtocolPolicy of ${name}`, raw, resource, context));
      else if (policy.value === 'http-only') failing.push(failingVerdict('OriginProtocol', `${name} is fetched over plaintext HTTP${sourceNote(policy)}`));
    }
    return findingsResult(failing);
  },
};

/** The items of a list property: resolved when the app defines it (`AWS::NoValue` is no items), otherwise a finding naming it. */
function listOf(value: unknown, label: string, resource: ResourceView, context: RuleContext, failing: (string | Verdict)[]): unknown[] {
  if (value === undefined || Array.isArray(value)) return value ?? [];
  const r = resolveValue(value, resource.stackPath, context.lookup);
  if (r.known && (r.value === undefined || Array.isArray(r.value))) return r.value ?? [];
  failing.push(unknownValue(label, value, resource, context));
  return [];
}

/**
 * Items a template may compute one by one (a `Fn::If` per origin): resolved when the app defines
 * them (`AWS::NoValue` is no item), otherwise a finding naming the item, since an item skipped
 * could be the plaintext one.
 */
function readable(items: unknown[], label: string, resource: ResourceView, context: RuleContext, failing: (string | Verdict)[]): any[] {
  const read: any[] = [];
  for (const item of items) {
    const r = resolveValue(item, resource.stackPath, context.lookup);
    if (r.known && r.value === undefined) continue;
    if (r.known && typeof r.value === 'object' && r.value !== null && !Array.isArray(r.value)) read.push(r.value);
    else failing.push(unknownValue(label, item, resource, context));
  }
  return read;
}
