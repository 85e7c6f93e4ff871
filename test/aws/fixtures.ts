import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DataProtectionPolicy, EvidenceReport } from '../../lib';
import { allFindings, ENV, evaluate, newApp } from '../helpers';

/** A stack whose AZs are known without a lookup, as synth needs offline. */
export class OfflineStack extends Stack {
  public get availabilityZones(): string[] {
    return ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  }
}

export function offlineStack(id = 'Stack') {
  const app = newApp();
  return { app, stack: new OfflineStack(app, id, { env: ENV }) };
}

export function vpcOf(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { ipAddresses: ec2.IpAddresses.cidr('10.0.0.0/16'), maxAzs: 3 });
}

export function certificate(stack: Stack): acm.ICertificate {
  return (stack.node.tryFindChild('Cert') as acm.ICertificate | undefined)
    ?? acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc');
}

/** `ruleId @ constructPath` of every unacknowledged violation. */
export function violations(report: EvidenceReport): string[] {
  return allFindings(report).filter((f) => f.status === 'non-compliant').map((f) => `${f.ruleId} @ ${f.constructPath}`);
}

export function violationsOf(app: ReturnType<typeof newApp>, policy?: DataProtectionPolicy): string[] {
  return violations(evaluate(app, policy));
}
