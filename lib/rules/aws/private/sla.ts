import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';
import { resolveValue } from '../../../cloudformation/resolve';

/**
 * Published AWS monthly uptime commitments used by the availability budget (DP.AVL.7). Each figure
 * is the service's multi-AZ / regional commitment as stated on its SLA page (read Nov 2026; the
 * same figures appear in AWS's 2019 SLA round-up). Where a page gives several tiers, the one the
 * library's constructs deploy is used; where unsure, the lower figure, so a budget never passes on
 * an optimistic number.
 */
export interface ServiceSla {
  /** The service, as the SLA names it. */
  readonly service: string;
  /** Monthly uptime commitment, percent. */
  readonly percent: number;
  /** The SLA page. */
  readonly source: string;
}

export const GLOBAL_ACCELERATOR_SLA: ServiceSla = { service: 'AWS Global Accelerator', percent: 99.99, source: 'https://aws.amazon.com/global-accelerator/sla/' };

/** Regional services by CloudFormation type. */
export const REGIONAL_SLAS: { readonly [type: string]: ServiceSla } = {
  'AWS::ElasticLoadBalancingV2::LoadBalancer': { service: 'Elastic Load Balancing', percent: 99.99, source: 'https://aws.amazon.com/elasticloadbalancing/sla/' },
  'AWS::ECS::Service': { service: 'Amazon ECS on AWS Fargate (multi-AZ)', percent: 99.99, source: 'https://aws.amazon.com/compute/sla/' },
  'AWS::AutoScaling::AutoScalingGroup': { service: 'Amazon EC2 (multi-AZ)', percent: 99.99, source: 'https://aws.amazon.com/compute/sla/' },
  'AWS::RDS::DBCluster': { service: 'Amazon Aurora (Multi-AZ)', percent: 99.99, source: 'https://aws.amazon.com/rds/aurora/sla/' },
  'AWS::RDS::DBInstance': { service: 'Amazon RDS (Multi-AZ)', percent: 99.95, source: 'https://aws.amazon.com/rds/sla/' },
  'AWS::DynamoDB::Table': { service: 'Amazon DynamoDB', percent: 99.99, source: 'https://aws.amazon.com/dynamodb/sla/' },
  'AWS::DynamoDB::GlobalTable': { service: 'Amazon DynamoDB', percent: 99.99, source: 'https://aws.amazon.com/dynamodb/sla/' },
  'AWS::S3::Bucket': { service: 'Amazon S3 Standard', percent: 99.9, source: 'https://aws.amazon.com/s3/sla/' },
  'AWS::EFS::FileSystem': { service: 'Amazon EFS', percent: 99.9, source: 'https://aws.amazon.com/efs/sla/' },
  'AWS::Lambda::Function': { service: 'AWS Lambda', percent: 99.95, source: 'https://aws.amazon.com/lambda/sla/' },
  'AWS::ApiGateway::RestApi': { service: 'Amazon API Gateway', percent: 99.95, source: 'https://aws.amazon.com/api-gateway/sla/' },
  'AWS::ApiGatewayV2::Api': { service: 'Amazon API Gateway', percent: 99.95, source: 'https://aws.amazon.com/api-gateway/sla/' },
};

/**
 * The lower tiers of the same SLAs: what a resource gets when it does not run in several AZs (a
 * Single-AZ RDS instance, an Aurora cluster with one instance, one task or instance).
 */
const SINGLE_AZ_SLAS: { readonly [type: string]: ServiceSla } = {
  'AWS::ECS::Service': { service: 'Amazon ECS on AWS Fargate (one task)', percent: 99.5, source: 'https://aws.amazon.com/compute/sla/' },
  'AWS::AutoScaling::AutoScalingGroup': { service: 'Amazon EC2 (one instance)', percent: 99.5, source: 'https://aws.amazon.com/compute/sla/' },
  'AWS::RDS::DBCluster': { service: 'Amazon Aurora (Single-AZ)', percent: 99.9, source: 'https://aws.amazon.com/rds/aurora/sla/' },
  'AWS::RDS::DBInstance': { service: 'Amazon RDS (Single-AZ)', percent: 99.5, source: 'https://aws.amazon.com/rds/sla/' },
};

/** Whether a count the template gives (absent: `whenAbsent`) is at least two; false when unknown (the lower tier). */
function atLeastTwo(value: unknown, whenAbsent: number, resource: ResourceView, context: RuleContext): boolean {
  const r = resolveValue(value ?? whenAbsent, resource.stackPath, context.lookup);
  return r.known && Number(r.value) >= 2;
}

/**
 * The SLA tier a workload resource earns as the template configures it: the multi-AZ figure only
 * when it runs in several AZs (Multi-AZ RDS, an Aurora cluster with a second instance, two tasks or
 * instances at least); where unsure, the lower tier.
 */
export function slaOf(resource: ResourceView, context: RuleContext): ServiceSla {
  const p = resource.properties;
  const multi = (() => {
    switch (resource.type) {
      case 'AWS::RDS::DBInstance': {
        const r = resolveValue(p.MultiAZ, resource.stackPath, context.lookup);
        return r.known && (r.value === true || r.value === 'true');
      }
      case 'AWS::RDS::DBCluster': {
        if (p.DBClusterInstanceClass !== undefined) return true;
        return context.lookup.referrers(resource).filter((m) => m.type === 'AWS::RDS::DBInstance'
          && referencedResource(m.properties.DBClusterIdentifier, m.stackPath, context.lookup) === resource).length >= 2;
      }
      case 'AWS::ECS::Service':
        return atLeastTwo(p.DesiredCount, 1, resource, context);
      case 'AWS::AutoScaling::AutoScalingGroup':
        return atLeastTwo(p.MinSize, 0, resource, context);
      default:
        return true;
    }
  })();
  return multi ? REGIONAL_SLAS[resource.type] : SINGLE_AZ_SLAS[resource.type];
}
