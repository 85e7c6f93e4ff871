import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { settingVerdict } from '../private/values';

/**
 * DP.AVL.3: databases replicate from one primary to at least one secondary in another AZ: an RDS
 * instance is Multi-AZ; an Aurora (or DocumentDB / Neptune) cluster has at least two instances, in
 * different AZs where AZs are pinned; a DynamoDB table is replicated by the service itself, across
 * three AZs of its region (point-in-time recovery is a backup feature, judged under DP.BAK).
 */
export const DatabaseReplication: ResourceRule = {
  name: 'DatabaseReplication',
  controlId: 'DP.AVL.3',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster', 'AWS::Neptune::DBCluster', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  covers: 'Multi-AZ RDS, clusters with a second instance; DynamoDB replicates across three AZs by itself',
  level: Severity.ERROR,
  fix: 'Use Multi-AZ RDS (multiAz: true) or an Aurora cluster with a writer and a reader (ReplicatedDatabase).',
  info: 'The database has no secondary in another availability zone.',
  explanation: 'DP.AVL.3 promises databases with a primary and at least one secondary. Use Multi-AZ RDS, an '
    + 'Aurora cluster with a writer and a reader (ReplicatedDatabase), or a DynamoDB table.',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::RDS::DBInstance': {
        if (p.DBClusterIdentifier !== undefined) return NOT_APPLICABLE;
        return settingVerdict(p.MultiAZ, false, true, 'MultiAZ', resource, context);
      }
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table':
        // Point-in-time recovery is a backup feature (DP.BAK), not a replica.
        return compliant('DynamoDB replicates every table synchronously across three availability zones of its region');
      default: {
        // Multi-AZ DB clusters of RDS (not Aurora) replicate by themselves.
        if (resource.type === 'AWS::RDS::DBCluster' && p.DBClusterInstanceClass !== undefined) return compliant('a Multi-AZ DB cluster replicates by itself');
        const members = context.lookup.referrers(resource).filter((r) => r.type.endsWith('::DBInstance')
          && referencedResource(r.properties.DBClusterIdentifier, r.stackPath, context.lookup) === resource);
        if (members.length < 2) return nonCompliant(`${members.length} instance(s) in the cluster: no secondary to fail over to`);
        const pinned = members.map((m) => m.properties.AvailabilityZone).filter((az) => az !== undefined);
        if (pinned.length === members.length && new Set(pinned.map((az) => JSON.stringify(az))).size < 2) {
          return nonCompliant(`all ${members.length} instances are pinned to one availability zone`);
        }
        return compliant(`${members.length} instances`);
      }
    }
  },
};
