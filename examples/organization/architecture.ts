import { App } from 'aws-cdk-lib';
import { DataProtectionPolicy } from '../../lib';
import { AwsArchitecture, buildAwsArchitecture } from '../shared/architecture';

/**
 * The organization-based SaaS data protection policy (004): TeamBench's promises plus only
 * essential protocols at the perimeter (443), backups tested daily with periodic full restore
 * exercises, and 24/7 on-call (the incident topics page the on-call rotation).
 */
export function buildOrganizationSaas(app: App, options: { checks?: boolean } = {}): AwsArchitecture {
  return buildAwsArchitecture(app, 'OrganizationSaas', { policy: DataProtectionPolicy.organizationSaas(), ...options });
}
