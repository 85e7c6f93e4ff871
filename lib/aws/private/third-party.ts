import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * cdk-nag's compliance packs whose findings on the library's own design choices the constructs
 * acknowledge, each with the reason, so that apps built from them run those packs clean. The
 * acknowledgements are ordinary `Validations` acknowledgements: visible in `cdk synth` output, in the
 * evidence report, and in templates when a pack writes suppressions to CloudFormation.
 */
export const COMPLIANCE_PACKS = ['NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'];

/** Acknowledge rule IDs (e.g. `AwsSolutions-IAM4[...]`, `HIPAA.Security-...`) on `scope` with one reason. */
export function acknowledgeRules(scope: IConstruct, ids: readonly string[], reason: string): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** The same rule name in the compliance packs that have it (`<pack>-<rule>`). */
export function inCompliancePacks(rule: string, packs: readonly string[] = COMPLIANCE_PACKS): string[] {
  return packs.map((p) => `${p}-${rule}`);
}

/** Reasons shared by several constructs. */
export const REASONS = {
  inlinePolicy: 'CDK grants write one least-privilege policy per role, scoped to the resources this construct created; '
    + 'a customer-managed policy would be shareable and drift from the role it serves.',
  grantWildcards: 'The wildcards are action families of one CDK grant (e.g. kms:GenerateDataKey*, kms:ReEncrypt*) on the '
    + 'one key or bucket this construct uses; no other resource is covered.',
  logDestinationLogging: 'This bucket is itself a log destination; logging access to it into a further bucket would recurse. '
    + 'Object-level access to it is recorded by the CloudTrail data events of AuditTrail (DP.LOG.2).',
  logReplication: 'Logs are kept under the policy\'s retention (DP.LOG.4) in the region that produced them; the policies promise '
    + 'cross-region copies for backups (DP.BAK.3), not for logs.',
  dataReplication: 'The bucket is copied to the second region by AWS Backup into a locked vault (PolicyBackupPlan, DP.BAK.3, '
    + 'selected by its dp:data-class tag); replication would also copy deletions and overwrites.',
};
