import { App } from 'aws-cdk-lib';
import { DataProtectionPolicy } from '../../lib';
import { AwsArchitecture, buildAwsArchitecture } from '../shared/architecture';

/**
 * Styku's DPA Annex 2 (003): HTTPS everywhere, layered encryption at rest, logging, alerting and
 * incident response, 99.95% uptime (met by two regions behind one accelerator), backups in several
 * durable stores across AZs and regions, one primary and one secondary database, no single point
 * of failure.
 */
export function buildStyku(app: App, options: { checks?: boolean } = {}): AwsArchitecture {
  return buildAwsArchitecture(app, 'Styku', { policy: DataProtectionPolicy.styku(), regions: ['us-east-1', 'us-east-2'], ...options });
}
