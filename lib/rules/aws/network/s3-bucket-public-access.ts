import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, failing, RuleResult, Severity, unverifiable, Verdict } from '../../../core/engine';
import { bucketPolicies, isEveryone, statementsOf } from '../private/policies';
import { boolValue, findingsResult } from '../private/values';

const PUBLIC_ACLS = ['PublicRead', 'PublicReadWrite', 'AuthenticatedRead'];
const BLOCK_FLAGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;

/**
 * Condition keys that pin a grant to known callers: S3 does not count such a grant as public
 * (a CloudFront origin access control's `AWS:SourceArn`, an organization, a VPC endpoint, ...).
 */
const RESTRICTING_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:principalorgid', 'aws:principalaccount',
  'aws:principalarn', 'aws:sourcevpc', 'aws:sourcevpce', 'aws:sourceip', 'aws:userid'];

function restricted(statement: any): boolean {
  const condition = statement.Condition;
  if (typeof condition !== 'object' || condition === null) return false;
  return Object.values(condition).some((block) => typeof block === 'object' && block !== null
    && Object.keys(block).some((key) => RESTRICTING_KEYS.includes(key.toLowerCase())));
}

/**
 * DP.NET.1: the internet reaches no bucket: no bucket policy grants everyone access without a
 * condition pinning the callers (`publicReadAccess: true`), and no public ACL applies, unless
 * Block Public Access neutralises it. A bucket without a PublicAccessBlockConfiguration gets S3's
 * default for new buckets (all four blocks on) and ACLs disabled (BucketOwnerEnforced).
 * Findings: `[PublicPolicy]`, `[PublicAcl]`.
 */
export const S3BucketPublicAccess: ResourceRule = {
  name: 'S3BucketPublicAccess',
  controlId: 'DP.NET.1',
  resourceTypes: ['AWS::S3::Bucket'],
  covers: 'public bucket policies and ACLs Block Public Access lets through',
  level: Severity.ERROR,
  info: 'The bucket is readable from the internet.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators. Keep Block Public '
    + 'Access on (blockPublicAccess: BlockPublicAccess.BLOCK_ALL) and serve public content through CloudFront with '
    + 'an origin access control; if a bucket is public by design, acknowledge the finding with that reason.',
  fix: 'Remove publicReadAccess / public ACLs and keep blockPublicAccess: BLOCK_ALL; serve content through CloudFront with an origin access control.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    const failures: (string | Verdict)[] = [];
    const block: { [flag: string]: boolean | undefined } = {};
    const why: { [flag: string]: string } = {};
    const pab = p.PublicAccessBlockConfiguration;
    for (const flag of BLOCK_FLAGS) {
      if (pab === undefined) {
        block[flag] = true;
        continue;
      }
      const r = resolveValue(pab?.[flag], resource.stackPath, context.lookup);
      block[flag] = r.known ? boolValue(r.value, false) : undefined;
      if (!r.known) why[flag] = `PublicAccessBlockConfiguration.${flag} is ${r.why}`;
    }

    const { statements, unknown } = statementsOf(bucketPolicies(resource, context), 'PolicyDocument', context);
    const publicGrants = statements.filter((s) => s.Effect === 'Allow' && isEveryone(s.Principal) && !restricted(s));
    if (unknown || publicGrants.length > 0) {
      const neutralised = block.BlockPublicPolicy === true || block.RestrictPublicBuckets === true;
      const open = block.BlockPublicPolicy === false && block.RestrictPublicBuckets === false;
      if (!neutralised && unknown) failures.push(unverifiable(unknown));
      else if (!neutralised && !open) failures.push(unverifiable(why.BlockPublicPolicy ?? why.RestrictPublicBuckets));
      else if (open) failures.push(failing('PublicPolicy', 'the bucket policy allows everyone (Principal *) without a condition, and Block Public Access is off'));
    }

    const acl = resolveValue(p.AccessControl, resource.stackPath, context.lookup);
    const ownership = p.OwnershipControls?.Rules?.[0]?.ObjectOwnership ?? 'BucketOwnerEnforced';
    if (!acl.known) {
      failures.push(unverifiable(`AccessControl is ${acl.why}`));
    } else if (PUBLIC_ACLS.includes(String(acl.value)) && ownership !== 'BucketOwnerEnforced') {
      const neutralised = block.BlockPublicAcls === true || block.IgnorePublicAcls === true;
      const open = block.BlockPublicAcls === false && block.IgnorePublicAcls === false;
      if (open) failures.push(failing('PublicAcl', `AccessControl ${String(acl.value)} with ACLs enabled and Block Public Access off`));
      else if (!neutralised) failures.push(unverifiable(why.BlockPublicAcls ?? why.IgnorePublicAcls));
    }
    if (failures.length > 0) return findingsResult(failures);
    return compliant(pab === undefined ? 'S3 blocks public access by default and the template does not turn it off' : 'no public grant takes effect');
  },
};
