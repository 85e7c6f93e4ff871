import { NagMessageLevel, NagRuleCompliance, NagRuleResult } from 'cdk-nag';
import { ResourceRule, ResourceView } from '../../rule';
import { boolValue, UNVERIFIABLE } from '../private/values';

/** `PubliclyAccessible` with the service's own default when it is omitted. */
function publicVerdict(value: unknown, whenAbsent: boolean): NagRuleResult {
  const pub = boolValue(value, whenAbsent);
  if (pub === undefined) return [UNVERIFIABLE];
  return pub ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

/**
 * DP.NET.1: data services are not reachable from the internet: RDS instances, Redshift clusters,
 * DMS replication instances and Amazon MQ brokers are not publicly accessible, and OpenSearch
 * domains live in a VPC. Where the property is omitted the service default applies (an RDS
 * instance without a subnet group, outside Aurora, and a DMS instance are public by default).
 */
export const DatabasePublicAccess: ResourceRule = {
  name: 'DatabasePublicAccess',
  controlId: 'DP.NET.1',
  resourceTypes: [
    'AWS::RDS::DBInstance', 'AWS::Redshift::Cluster', 'AWS::DMS::ReplicationInstance', 'AWS::AmazonMQ::Broker',
    'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain',
  ],
  level: NagMessageLevel.ERROR,
  info: 'The data service is reachable from the internet.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators. Set '
    + 'PubliclyAccessible: false and place databases, brokers and search domains in private or isolated '
    + 'subnets (OpenSearch: VPCOptions).',
  evaluate(resource: ResourceView): NagRuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::RDS::DBInstance':
        return publicVerdict(p.PubliclyAccessible, p.DBSubnetGroupName === undefined && p.DBClusterIdentifier === undefined);
      case 'AWS::DMS::ReplicationInstance':
        return publicVerdict(p.PubliclyAccessible, true);
      case 'AWS::OpenSearchService::Domain':
      case 'AWS::Elasticsearch::Domain':
        return p.VPCOptions === undefined ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
      default:
        return publicVerdict(p.PubliclyAccessible, false);
    }
  },
};
