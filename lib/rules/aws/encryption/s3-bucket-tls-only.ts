import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { asList, findingsResult, isIntrinsic, UNVERIFIABLE } from '../private/values';

function isEveryone(principal: unknown): boolean {
  return principal === '*' || (typeof principal === 'object' && principal !== null && (principal as any).AWS === '*');
}

function deniesAllS3Actions(statement: any): boolean {
  return statement.Effect === 'Deny' && isEveryone(statement.Principal)
    && asList(statement.Action).some((a) => a === 's3:*' || a === '*');
}

/** A deny for requests without TLS: `Bool: { aws:SecureTransport: false }`. */
function deniesPlaintext(statement: any): boolean {
  const value = statement.Condition?.Bool?.['aws:SecureTransport'];
  return deniesAllS3Actions(statement) && (value === false || value === 'false');
}

/** A deny for TLS below `min`: `NumericLessThan: { s3:TlsVersion: min }`. */
function deniesOldTls(statement: any, min: string): boolean {
  const value = statement.Condition?.NumericLessThan?.['s3:TlsVersion'];
  return deniesAllS3Actions(statement) && value !== undefined && Number(value) >= Number(min);
}

/** The bucket policies attached to a bucket, by reference or by its literal name. */
export function bucketPolicies(bucket: ResourceView, context: RuleContext): ResourceView[] {
  const TYPE = 'AWS::S3::BucketPolicy';
  const found = new Set(context.lookup.referrers(bucket).filter((r) => r.type === TYPE
    && referencedResource(r.properties.Bucket, r.stackPath, context.lookup) === bucket));
  const name = bucket.properties.BucketName;
  if (typeof name === 'string') context.lookup.withLiteralProperty(TYPE, 'Bucket', name).forEach((r) => found.add(r));
  return [...found];
}

/**
 * DP.ENC.1: an S3 bucket's policy denies every request that does not use TLS
 * (`aws:SecureTransport` false) and, when the policy demands TLS 1.3, every request below it
 * (`s3:TlsVersion`). AWS endpoints already refuse TLS below 1.2. Findings:
 * `[SecureTransport]`, `[TlsVersion]`.
 */
export const S3BucketTLSOnly: ResourceRule = {
  name: 'S3BucketTLSOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::S3::Bucket'],
  level: Severity.ERROR,
  info: 'The S3 bucket policy does not deny requests without TLS at the policy minimum.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint. Attach a bucket policy that denies s3:* to every '
    + 'principal when aws:SecureTransport is false (s3.Bucket: enforceSSL: true; SecureBucket does this), '
    + 'and, for a TLS 1.3 policy, when s3:TlsVersion is less than 1.3 (minimumTLSVersion).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const policies = bucketPolicies(resource, context);
    const statements: any[] = [];
    for (const policy of policies) {
      const doc = policy.properties.PolicyDocument;
      if (isIntrinsic(doc) || !doc) return [UNVERIFIABLE];
      statements.push(...asList(doc.Statement).filter((s) => s && typeof s === 'object'));
    }
    const failing: (string | Verdict)[] = [];
    if (!statements.some(deniesPlaintext)) failing.push('SecureTransport');
    const min = context.policy.minTlsVersion;
    if (Number(min) > 1.2 && !statements.some((s) => deniesOldTls(s, min))) failing.push('TlsVersion');
    return findingsResult(failing);
  },
};
