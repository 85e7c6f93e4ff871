import { Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CONTROLS, DataProtectionPolicy, DataProtectionPolicyProps, EvidenceReport } from '../../lib';
import { allFindings, ENV, evaluate, newApp } from '../helpers';

/** A stack whose AZs are known without a lookup, as synth needs offline. */
export class OfflineStack extends Stack {
  public get availabilityZones(): string[] {
    return ['a', 'b', 'c'].map((z) => `${this.region}${z}`);
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

/**
 * Constructs are judged by their own controls. The observability controls (audit trail, data
 * events, traffic logs, alarms, GuardDuty) need companions (AuditTrail, KpiAlarms, ...) and the
 * topology controls (regions, accelerator, Shield, availability budget) need a whole app: the
 * logging tests, the topology tests and the reference app supply those.
 */
const APP_LEVEL = ['DP.AVL.2', 'DP.AVL.7', 'DP.NET.2', 'DP.NET.3'];
export const CONSTRUCT_CONTROLS = CONTROLS.map((c) => c.id)
  .filter((id) => !id.startsWith('DP.LOG.') && !id.startsWith('DP.MON.') && !APP_LEVEL.includes(id));
export const CONSTRUCT_POLICY = new DataProtectionPolicy({ controls: CONSTRUCT_CONTROLS });

/** A policy with the given numbers, judging constructs by their own controls. */
export function constructPolicy(props: DataProtectionPolicyProps): DataProtectionPolicy {
  return new DataProtectionPolicy({ ...props, controls: CONSTRUCT_CONTROLS });
}

export function violationsOf(app: ReturnType<typeof newApp>, policy: DataProtectionPolicy = CONSTRUCT_POLICY): string[] {
  return violations(evaluate(app, policy));
}
