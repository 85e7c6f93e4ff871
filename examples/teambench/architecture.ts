import { App } from 'aws-cdk-lib';
import { DataProtectionPolicy } from '../../lib';
import { AwsArchitecture, buildAwsArchitecture } from '../shared/architecture';

/**
 * TeamBench's data protection policy (002): TLS 1.2, AES-256 at rest, a closed perimeter with
 * DDoS mitigation, production changes only through VPN + MFA, tolerance of server and
 * data-centre failure (two regions), backups in several locations with failure alerts, central
 * logging with automated analysis, every access to customer data logged, authentication for all.
 */
export function buildTeamBench(app: App, options: { checks?: boolean } = {}): AwsArchitecture {
  return buildAwsArchitecture(app, 'TeamBench', { policy: DataProtectionPolicy.teamBench(), ...options });
}
