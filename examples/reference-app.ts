import { App } from 'aws-cdk-lib';
import { buildOrganizationSaas } from './organization/architecture';
import { AwsArchitecture } from './shared/architecture';
import { buildSitasys } from './sitasys/architecture';
import { buildStyku } from './styku/architecture';
import { buildTeamBench } from './teambench/architecture';

/** Options of buildReferenceArchitectures. */
export interface ReferenceArchitecturesOptions {
  /** Register the checks on each architecture (synth then fails on any unacknowledged finding). @default true */
  readonly checks?: boolean;
}

/**
 * Every AWS reference architecture, one Stage each, each checked against its own policy preset.
 * `bin/app.ts` synthesizes them (the Situm architecture is on Azure: examples/situm-azure).
 */
export function buildReferenceArchitectures(app: App, options: ReferenceArchitecturesOptions = {}): AwsArchitecture[] {
  return [buildSitasys(app, options), buildTeamBench(app, options), buildStyku(app, options), buildOrganizationSaas(app, options)];
}
