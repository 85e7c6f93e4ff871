import { App, Stage, Tags, Validations } from 'aws-cdk-lib';
import { RegionalWorkload } from './regional-workload';
import { thirdPartyPacks } from './third-party-packs';
import { DataProtectionChecks, DataProtectionPolicy, MultiRegionDeployment } from '../../lib';

/** Options of an AWS reference architecture. */
export interface AwsArchitectureOptions {
  /** The policy preset of the document. */
  readonly policy: DataProtectionPolicy;
  /** Workload regions. @default ['eu-central-1', 'eu-west-1'] */
  readonly regions?: string[];
  /** Peer each region with CloudAMQP. @default false */
  readonly cloudAmqp?: boolean;
  /** Register DataProtectionChecks and the four cdk-nag packs on the architecture's Stage. @default true */
  readonly checks?: boolean;
}

/** An architecture: its Stage (one cloud assembly, one evidence report) and what it was built from. */
export interface AwsArchitecture {
  readonly stage: Stage;
  readonly policy: DataProtectionPolicy;
  readonly deployment: MultiRegionDeployment;
}

/** The tag naming the architecture a stack belongs to (the report counts acknowledgements per architecture). */
export const ARCHITECTURE_TAG = 'dp:architecture';

/**
 * One AWS reference architecture in its own Stage: the workload in every region behind one Global
 * Accelerator with Shield Advanced, checked by DataProtectionChecks with the document's policy and
 * by cdk-nag's AwsSolutions, NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 packs.
 * `cdk synth` writes it to `cdk.out/assembly-<id>/` with its evidence report.
 */
export function buildAwsArchitecture(app: App, id: string, options: AwsArchitectureOptions): AwsArchitecture {
  const { policy } = options;
  const regions = options.regions ?? ['eu-central-1', 'eu-west-1'];
  const stage = new Stage(app, id);
  Tags.of(stage).add(ARCHITECTURE_TAG, id);
  if (options.checks ?? true) {
    Validations.of(stage).addPlugins(new DataProtectionChecks(stage, { policy }), ...thirdPartyPacks(stage));
  }
  const deployment = new MultiRegionDeployment(stage, 'Deployment', {
    account: '111111111111', regions, policy, incidentEmails: ['oncall@example.com'],
  });
  deployment.addWorkload(new RegionalWorkload({ policy, regions, onCallEmails: ['oncall@example.com'], cloudAmqp: options.cloudAmqp }));
  return { stage, policy, deployment };
}
