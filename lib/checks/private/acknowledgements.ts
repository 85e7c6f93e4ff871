import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { AcknowledgementRecord } from '../../core/report/model';

/** An acknowledgement found for a finding. */
export interface FoundAcknowledgement {
  /** The ID as the user wrote it (bare or pack-qualified). */
  readonly id: string;
  /** The user's reason. */
  readonly reason: string;
  /** Path of the construct the acknowledgement was recorded on. */
  readonly at: string;
}

/**
 * Find the acknowledgement of `ruleId` on `node` or its nearest ancestor.
 *
 * `Validations.of(c).acknowledge({ id })` records bare IDs as `Annotation::<id>` (NagPack matches
 * those); the CDK CLI suggests pack-qualified IDs (`<pack>::<id>`), which the CDK then lists as
 * suppressed. Both silence a finding, so both count here.
 */
export function findAcknowledgement(node: IConstruct, ruleId: string, namespace: string): FoundAcknowledgement | undefined {
  const qualified = `${namespace}::${ruleId}`;
  for (let c: IConstruct | undefined = node; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        const id = key.replace(/^annotation::/i, '');
        if (id === ruleId || id === qualified) {
          return { id, reason: typeof reason === 'string' ? reason : '', at: c.node.path };
        }
      }
    }
  }
  return undefined;
}

/** The pack a rule ID belongs to: `AwsSolutions-IAM4[...]` -> AwsSolutions, `CloudFormation-Validate::W3010` -> CloudFormation-Validate. */
export function packOf(ruleId: string): string {
  // Finding suffixes may contain '::' themselves: AwsSolutions-IAM5[Action::kms:ReEncrypt*].
  const name = ruleId.split('[')[0];
  const qualified = name.indexOf('::');
  if (qualified >= 0) return name.slice(0, qualified);
  const dash = name.indexOf('-');
  return dash >= 0 ? name.slice(0, dash) : name;
}

/**
 * Every acknowledgement recorded on `stacks`, their constructs and their ancestors (a Stage, the
 * App), each once, in construct order.
 */
export function acknowledgementsIn(stacks: readonly IConstruct[]): AcknowledgementRecord[] {
  const seen = new Set<IConstruct>();
  const records: AcknowledgementRecord[] = [];
  const visit = (c: IConstruct) => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, unknown>)) {
        const ruleId = key.replace(/^annotation::/i, '');
        records.push({ pack: packOf(ruleId), ruleId, reason: typeof reason === 'string' ? reason : '', constructPath: c.node.path });
      }
    }
  };
  for (const stack of stacks) {
    const ancestors: IConstruct[] = [];
    for (let c = stack.node.scope; c; c = c.node.scope) ancestors.unshift(c);
    ancestors.forEach(visit);
    for (const c of stack.node.findAll()) visit(c);
  }
  return records;
}
