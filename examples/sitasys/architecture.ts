import { App } from 'aws-cdk-lib';
import { DataProtectionPolicy } from '../../lib';
import { AwsArchitecture, buildAwsArchitecture } from '../shared/architecture';

/**
 * Sitasys's security policy (001): two regions with three AZs each behind a Global Accelerator
 * with Shield Advanced, ECS services with rolling deploys and autoscaling, Aurora writer + reader,
 * CloudAMQP over VPC peering, admin VPN, central logging, anomaly alarms, cross-region backups.
 */
export function buildSitasys(app: App, options: { checks?: boolean } = {}): AwsArchitecture {
  return buildAwsArchitecture(app, 'Sitasys', { policy: DataProtectionPolicy.sitasys(), cloudAmqp: true, ...options });
}
