import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { backupModel, needsBackup, STATEFUL_TYPES, uncertainCoverageVerdict } from '../private/backup-model';

/**
 * DP.BAK.6: every stateful resource (RDS instances, Aurora / DocumentDB / Neptune clusters, DynamoDB
 * tables, EFS file systems, data buckets, EBS volumes) is selected by a backup plan of the app, by
 * reference, by a wildcard ARN or by a tag it carries. Aurora members are covered by their cluster;
 * log buckets are kept by their own retention.
 */
export const BackupCoverage: ResourceRule = {
  name: 'BackupCoverage',
  controlId: 'DP.BAK.6',
  resourceTypes: Object.keys(STATEFUL_TYPES),
  covers: 'by reference, wildcard ARN or tag',
  level: Severity.ERROR,
  fix: 'Add the resource to a PolicyBackupPlan (addDatabase / addFiles) or tag it dp:data-class = database | files.',
  info: 'The stateful resource is not selected by any backup plan.',
  explanation: 'DP.BAK.6 promises that every stateful resource is backed up. Add it to a PolicyBackupPlan '
    + '(addDatabase / addFiles) or tag it dp:data-class = database | files, which the plan selects. '
    + 'Note: backup.BackupResource.fromConstruct does not recognize every resource type (e.g. TableV2); '
    + 'this rule reports what the template really selects.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (!needsBackup(resource, context)) return NOT_APPLICABLE;
    const { plans, unresolved, uncertain } = backupModel(context).coverage(resource);
    if (plans.length > 0) return compliant(`selected by ${plans.map((p) => p.logicalId).join(', ')}`);
    if (uncertain.length > 0) return uncertainCoverageVerdict(uncertain[0], context);
    return unresolved ? unverifiable('a backup selection of the app names its resources or tags with values known only at deployment; it may select this one')
      : nonCompliant('no backup plan of the app selects it (by reference, wildcard or tag)');
  },
};
