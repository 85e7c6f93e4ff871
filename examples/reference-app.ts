import { App, Stack, Validations } from 'aws-cdk-lib';
import { QuickStartStack } from './quickstart/stack';
import { SecureWebStack } from './secure-web/stack';
import { ObservabilityStack } from './shared/observability-stack';
import {
  DataProtectionChecks, DataProtectionPolicy, GLOBAL_ACCELERATOR_REGION, GlobalEndpoint, RegionalStack,
} from '../lib';

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

  const account = '111111111111';
  const azs = (region: string) => ['a', 'b', 'c'].map((z) => `${region}${z}`);
  const central = { account, region: 'eu-central-1' };
  const west = { account, region: 'eu-west-1' };
  const global = { account, region: GLOBAL_ACCELERATOR_REGION };
  const onCallEmails = ['oncall@example.com'];

  // Shared per region: log archive, GuardDuty, incident topic; the one multi-region trail in eu-central-1.
  const observability = new ObservabilityStack(app, 'Observability', { env: central, availabilityZones: azs(central.region), policy, onCallEmails });
  const observabilityWest = new ObservabilityStack(app, 'ObservabilityWest', {
    env: west, availabilityZones: azs(west.region), policy, onCallEmails, auditTrail: false,
  });
  const observabilityGlobal = new ObservabilityStack(app, 'ObservabilityGlobal', {
    env: global, availabilityZones: azs(global.region), policy, onCallEmails, auditTrail: false,
  });

  const quickStart = new QuickStartStack(app, 'QuickStart', { env: central, policy });
  // The web tier runs in two regions, each copying its backups into the other's vault.
  const secureWeb = new SecureWebStack(app, 'SecureWeb', {
    env: central, availabilityZones: azs(central.region), policy, backupCopyRegion: west.region,
    logArchive: observability.archive, incidentTopic: observability.incidents,
  });
  const secureWebWest = new SecureWebStack(app, 'SecureWebWest', {
    env: west, availabilityZones: azs(west.region), policy, backupCopyRegion: central.region,
    logArchive: observabilityWest.archive, incidentTopic: observabilityWest.incidents,
  });

  // One global entry point in front of both regions, behind Shield Advanced.
  const globalStack: Stack = new RegionalStack(app, 'Global', { env: global, availabilityZones: azs(global.region) });
  const endpoint = new GlobalEndpoint(globalStack, 'Endpoint', { policy, flowLogsBucket: observabilityGlobal.archive.bucket });
  endpoint.addRegion(central.region, secureWeb.web.loadBalancer);
  endpoint.addRegion(west.region, secureWebWest.web.loadBalancer);

  return { policy, observability, quickStart, secureWeb, secureWebWest, globalStack };
}
