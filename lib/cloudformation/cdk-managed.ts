import { ResourceView } from './model';

/** Custom-resource providers the CDK adds to a stack itself, by the name it gives them, and what makes it add them. */
const PROVIDERS: { readonly [name: string]: string } = {
  CDKBucketDeployment: 'BucketDeployment',
  VpcRestrictDefaultSG: "ec2.Vpc's restrictDefaultSecurityGroup",
  S3AutoDeleteObjects: "s3.Bucket's autoDeleteObjects",
  ECRAutoDeleteImages: "ecr.Repository's emptyOnDelete",
  CrossRegionExportReader: 'cross-region references',
  CrossRegionExportWriter: 'cross-region references',
  AWSCDKCfnUtilsProvider: 'CfnUtils',
};

/** Singletons the CDK adds under fixed IDs, and what makes it add them. */
const SINGLETONS: readonly [string, string][] = [
  ['AWS679f53fac002430cb0da5b7982bd2287', 'AwsCustomResource'],
  ['LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a', 'the logRetention prop of a Lambda function or other construct'],
  ['BucketNotificationsHandler050a0587b7544547bf325f094a3db834', "s3.Bucket's event notifications"],
];

/**
 * What made the CDK create a resource the app's code never declared (the handler and log group of a
 * BucketDeployment, the provider of restrictDefaultSecurityGroup, ...), or undefined for the app's
 * own resources. Read from the construct path, or, in a template without one, from the logical IDs
 * the CDK gives these resources.
 */
export function cdkCreatedFor(resource: ResourceView): string | undefined {
  for (const segment of resource.constructPath.split('/')) {
    const provider = /^Custom::([A-Za-z0-9]+?)(CustomResourceProvider|[0-9A-F]{32})?$/.exec(segment);
    if (provider && PROVIDERS[provider[1]]) return PROVIDERS[provider[1]];
    const singleton = SINGLETONS.find(([id]) => segment.startsWith(id));
    if (singleton) return singleton[1];
    if (segment.startsWith('framework-on')) return 'the custom-resource Provider framework';
  }
  const id = resource.logicalId;
  const byName = Object.keys(PROVIDERS).find((name) => id.startsWith(`Custom${name}`));
  if (byName) return PROVIDERS[byName];
  return SINGLETONS.find(([prefix]) => id.startsWith(prefix))?.[1];
}

/** What a user can do about a finding on a resource the CDK created, by resource type. */
export function cdkCreatedAdvice(resource: ResourceView, madeBy: string): string {
  const path = resource.constructPath;
  const action = resource.type === 'AWS::Logs::LogGroup'
    ? 'Aspects.of(app).add(new PolicyLogGroups({ encryptionKey })) gives it the policy\'s retention and key'
    : `configure ${madeBy} where it offers a prop for this, or acknowledge the finding on ${path} with the reason`;
  return `created by the CDK for ${madeBy}, not by this app's code: ${action}`;
}
