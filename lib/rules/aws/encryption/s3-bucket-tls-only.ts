import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { failing as failingVerdict, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { arnShape, bucketPolicies, statementsOf } from '../private/policies';
import { asList, findingsResult } from '../private/values';

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

/** Whether a statement's resources include the bucket's objects (`bucket/*`, or `*`). */
function coversObjects(statement: any): boolean {
  return asList(statement.Resource).some((r) => {
    const shape = arnShape(r);
    return shape === '*' || shape.endsWith('/*');
  });
}

/** A deny for TLS below `min`: `NumericLessThan: { s3:TlsVersion: min }`. */
function deniesOldTls(statement: any, min: string): boolean {
  const value = statement.Condition?.NumericLessThan?.['s3:TlsVersion'];
  return deniesAllS3Actions(statement) && value !== undefined && Number(value) >= Number(min);
}

/**
 * DP.ENC.1: an S3 bucket's policy denies every request that does not use TLS
 * (`aws:SecureTransport` false), on its objects (`bucket/*`) and not only on the bucket, and, when the policy demands TLS 1.3, every request below it
 * (`s3:TlsVersion`). AWS endpoints already refuse TLS below 1.2. Findings:
 * `[SecureTransport]`, `[TlsVersion]`.
 */
export const S3BucketTLSOnly: ResourceRule = {
  name: 'S3BucketTLSOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: ['AWS::S3::Bucket'],
  covers: 'a deny that covers the objects too',
  level: Severity.ERROR,
  info: 'The S3 bucket policy does not deny requests without TLS at the policy minimum.',
  fix: 'Set enforceSSL: true on the bucket (a deny of s3:* on the bucket and bucket/* when aws:SecureTransport is false).',
  explanation: 'DP.ENC.1 promises TLS on every endpoint. Attach a bucket policy that denies s3:* to every '
    + 'principal when aws:SecureTransport is false (s3.Bucket: enforceSSL: true; SecureBucket does this), '
    + 'and, for a TLS 1.3 policy, when s3:TlsVersion is less than 1.3 (minimumTLSVersion).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const { statements, unknown } = statementsOf(bucketPolicies(resource, context), 'PolicyDocument', context);
    if (unknown) return unverifiable(unknown);
    const failing: (string | Verdict)[] = [];
    const denies = statements.filter(deniesPlaintext);
    if (denies.length === 0) {
      failing.push(failingVerdict('SecureTransport', 'no bucket policy statement denies s3:* to everyone when aws:SecureTransport is false'));
    } else if (!denies.some(coversObjects)) {
      failing.push(failingVerdict('SecureTransport', 'the aws:SecureTransport deny covers only the bucket ARN, not its objects (bucket/*): objects can be read and written in plaintext'));
    }
    const min = context.policy.minTlsVersion;
    if (Number(min) > 1.2 && !statements.some((s) => deniesOldTls(s, min))) {
      failing.push(failingVerdict('TlsVersion', `no statement denies requests with s3:TlsVersion below ${min}`));
    }
    return findingsResult(failing);
  },
};
