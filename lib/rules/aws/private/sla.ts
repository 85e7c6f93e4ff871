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
};
