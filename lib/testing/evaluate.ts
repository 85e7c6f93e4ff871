import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import { DataProtectionChecks } from '../checks/data-protection-checks';
import { DataProtectionPolicy } from '../core/policy/policy';
import { EvidenceFinding, EvidenceReport, FindingStatus } from '../core/report/model';

/**
 * Options for evaluate() and the matchers.
 */
export interface EvaluateOptions {
  /**
   * The policy to check against.
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;
}

/**
 * Run DataProtectionChecks in memory on an app or a stack and return the evidence report (the same
 * model as `data-protection-report.json`). No files are written. The app is synthesized first if it
 * was not yet, as `Template.fromStack` does.
 */
export function evaluate(appOrStack: IConstruct, options: EvaluateOptions = {}): EvidenceReport {
  return new DataProtectionChecks(undefined, { policy: options.policy, writeReport: false }).evaluate(appOrStack);
}

/** Every finding of a report that is still a violation (non-compliant and not acknowledged). */
export function violationsOf(report: EvidenceReport): EvidenceFinding[] {
  return report.controls.flatMap((c) => c.findings).filter((f) => f.status === FindingStatus.NON_COMPLIANT);
}

/** One line per finding: control, rule, construct path, type and logical ID. */
export function describeFinding(f: EvidenceFinding, info?: string): string {
  return `${f.controlId} ${f.ruleId} at ${f.constructPath} (${f.resourceType} ${f.logicalId})${info ? `: ${info}` : ''}`
    + (f.detail ? ` [${f.detail}]` : '');
}

const ASSET_HASH = /[0-9a-f]{64}/g;

/**
 * A stack's template with what changes without the infrastructure changing taken out: asset hashes
 * (masked), the bootstrap-version parameter and rule, CDK metadata resources and path metadata.
 */
export function stableTemplate(stack: Stack): { [key: string]: any } {
  return stabilize(Template.fromStack(stack).toJSON());
}

/** stableTemplate() for a template object you already have. */
export function stabilize(template: { [key: string]: any }): { [key: string]: any } {
  const t = JSON.parse(JSON.stringify(template).replace(ASSET_HASH, '[ASSET HASH]'));
  delete t.Parameters?.BootstrapVersion;
  delete t.Rules?.CheckBootstrapVersion;
  delete t.Resources?.CDKMetadata;
  delete t.Conditions?.CDKMetadataAvailable;
  for (const section of ['Parameters', 'Rules', 'Conditions']) {
    if (t[section] && Object.keys(t[section]).length === 0) delete t[section];
  }
  for (const resource of Object.values(t.Resources ?? {}) as any[]) {
    if (!resource.Metadata) continue;
    for (const key of Object.keys(resource.Metadata)) if (key.startsWith('aws:cdk:') || key.startsWith('aws:asset:')) delete resource.Metadata[key];
    if (Object.keys(resource.Metadata).length === 0) delete resource.Metadata;
  }
  return t;
}

/**
 * A jest snapshot serializer that masks asset hashes in any string of a snapshot. Add it with
 * `expect.addSnapshotSerializer(assetHashSerializer)` or jest's `snapshotSerializers`.
 */
export const assetHashSerializer = {
  test(value: unknown): boolean {
    return typeof value === 'string' && /[0-9a-f]{64}/.test(value);
  },
  serialize(value: string): string {
    return JSON.stringify(value.replace(ASSET_HASH, '[ASSET HASH]'));
  },
};

