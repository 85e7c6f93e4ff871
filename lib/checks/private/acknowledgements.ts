import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

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
