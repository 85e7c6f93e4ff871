import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** The VPC's primary CIDR when the app knows it (a CDK Vpc holds it on its L1; imports may give it). */
export function literalVpcCidr(vpc: ec2.IVpc): string | undefined {
  if (!Token.isUnresolved(vpc.vpcCidrBlock)) return vpc.vpcCidrBlock;
  const cfn = vpc.node.tryFindChild('Resource');
  const cidr = cfn instanceof ec2.CfnVPC ? cfn.cidrBlock : undefined;
  return cidr !== undefined && !Token.isUnresolved(cidr) ? cidr : undefined;
}

