import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { compliant, nonCompliant, NOT_APPLICABLE, RuleResult, Severity } from '../../../core/engine';
import { settingVerdict } from '../private/values';

/**
 * DP.NET.1: data services are not reachable from the internet: RDS instances, Redshift clusters,
 * DMS replication instances and Amazon MQ brokers are not publicly accessible, and OpenSearch
 * domains live in a VPC. Where the property is omitted the service default applies (an RDS
 * instance without a subnet group, outside Aurora, and a DMS instance are public by default). A broker
 * is judged here only when the policy does not promise DP.NET.4, whose AmazonMQBrokerPrivate
 * reports it otherwise (one defect, one finding).
 */
export const DatabasePublicAccess: ResourceRule = {
  name: 'DatabasePublicAccess',
  controlId: 'DP.NET.1',
  resourceTypes: [
    'AWS::RDS::DBInstance', 'AWS::Redshift::Cluster', 'AWS::DMS::ReplicationInstance', 'AWS::AmazonMQ::Broker',
    'AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain',
  ],
  level: Severity.ERROR,
  fix: 'Set publiclyAccessible: false and place the database or broker in private subnets (OpenSearch: a VPC).',
  info: 'The data service is reachable from the internet.',
  explanation: 'DP.NET.1 promises that the internet reaches only load balancers and accelerators. Set '
    + 'PubliclyAccessible: false and place databases, brokers and search domains in private or isolated '
    + 'subnets (OpenSearch: VPCOptions).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const p = resource.properties;
    switch (resource.type) {
      case 'AWS::RDS::DBInstance':
        return settingVerdict(p.PubliclyAccessible, p.DBSubnetGroupName === undefined && p.DBClusterIdentifier === undefined, false, 'PubliclyAccessible', resource, context);
      case 'AWS::DMS::ReplicationInstance':
        return settingVerdict(p.PubliclyAccessible, true, false, 'PubliclyAccessible', resource, context);
      case 'AWS::OpenSearchService::Domain':
      case 'AWS::Elasticsearch::Domain':
        return p.VPCOptions === undefined ? nonCompliant('no VPCOptions: the domain has a public endpoint') : compliant('the domain lives in a VPC');
      case 'AWS::AmazonMQ::Broker':
        // One defect, one finding: where the policy promises private brokers (DP.NET.4),
        // AmazonMQBrokerPrivate reports a public broker; the perimeter rule covers it otherwise.
        if (context.policy.promises('DP.NET.4')) return NOT_APPLICABLE;
        return settingVerdict(p.PubliclyAccessible, false, false, 'PubliclyAccessible', resource, context);
      default:
        return settingVerdict(p.PubliclyAccessible, false, false, 'PubliclyAccessible', resource, context);
    }
  },
};
