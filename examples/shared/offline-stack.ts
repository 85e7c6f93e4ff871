import { Stack, StackProps, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * Props for OfflineStack.
 */
export interface OfflineStackProps extends StackProps {
  /** The availability zones of the stack's region, as the account sees them. */
  readonly availabilityZones: string[];
}

/**
 * A stack whose availability zones are given instead of looked up, so `cdk synth` needs neither
 * credentials nor network.
 */
export class OfflineStack extends Stack {
  private readonly azs: string[];

  constructor(scope: Construct, id: string, props: OfflineStackProps) {
    super(scope, id, props);
    this.azs = props.availabilityZones;
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::W3010',
      reason: 'The availability zones are given explicitly so that synth needs no credentials; they are the region\'s AZ names for this account.',
    });
  }

  public get availabilityZones(): string[] {
    return this.azs;
  }
}
