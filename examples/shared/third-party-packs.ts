import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, Stage } from 'aws-cdk-lib';
import { AwsSolutionsChecks, HIPAASecurityChecks, NagPack, NIST80053R5Checks, PCIDSS321Checks } from 'cdk-nag';

/** The cdk-nag packs every AWS reference architecture must pass, besides DataProtectionChecks. */
export const THIRD_PARTY_PACKS = ['AwsSolutions', 'NIST.800.53.R5', 'HIPAA.Security', 'PCI.DSS.321'];

/**
 * A cdk-nag pack judging only the stacks of one Stage. cdk-nag 3 packs walk the whole app from
 * `appConstruct`; with one architecture per Stage that would report every finding once per
 * architecture, so each Stage gets its own packs that walk only its own tree.
 */
class StageScopedPack implements IPolicyValidationPlugin {
  public readonly name: string;

  constructor(private readonly stage: Stage, private readonly pack: NagPack) {
    this.name = pack.name;
  }

  public validate(_context: IPolicyValidationContext): PolicyValidationPluginReport {
    return this.pack.validateScope(this.stage);
  }
}

/**
 * The four third-party packs for one architecture. Acknowledgements are written into the templates
 * (`Metadata.cdk_nag.rules_to_suppress`) so an auditor sees each one with its reason.
 */
export function thirdPartyPacks(stage: Stage): IPolicyValidationPlugin[] {
  const props = { writeSuppressionsToCloudFormation: true };
  return [
    new AwsSolutionsChecks(stage, props),
    new NIST80053R5Checks(stage, props),
    new HIPAASecurityChecks(stage, props),
    new PCIDSS321Checks(stage, props),
  ].map((pack) => new StageScopedPack(stage, pack));
}
