import { App, Validations } from 'aws-cdk-lib';
import { QuickStartStack } from './quickstart/stack';
import { SecureWebStack } from './secure-web/stack';
import { ObservabilityStack } from './shared/observability-stack';
import { DataProtectionChecks, DataProtectionPolicy } from '../lib';

/**
 * Options for buildReferenceApp.
 */
export interface ReferenceAppOptions {
  /** Register DataProtectionChecks on the app (synth then fails on violations). @default true */
  readonly checks?: boolean;
}

/**
 * The reference app: every example stack of one region, checked against the default (strictest)
 * policy plus a data end of life. `bin/app.ts` synthesizes it; tests build the same app.
 */
export function buildReferenceApp(app: App, options: ReferenceAppOptions = {}) {
  const policy = new DataProtectionPolicy({ dataEndOfLifeDays: 730 });
  if (options.checks ?? true) Validations.of(app).addPlugins(new DataProtectionChecks(app, { policy }));

  const env = { account: '111111111111', region: 'eu-central-1' };
  const availabilityZones = ['eu-central-1a', 'eu-central-1b', 'eu-central-1c'];
  const observability = new ObservabilityStack(app, 'Observability', {
    env, availabilityZones, policy, onCallEmails: ['oncall@example.com'],
  });
  const quickStart = new QuickStartStack(app, 'QuickStart', { env, policy });
  const secureWeb = new SecureWebStack(app, 'SecureWeb', {
    env,
    availabilityZones,
    policy,
    backupCopyRegion: 'eu-west-1',
    logArchive: observability.archive,
    incidentTopic: observability.incidents,
  });
  return { policy, observability, quickStart, secureWeb };
}
