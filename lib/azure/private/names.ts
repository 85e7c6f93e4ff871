import { createHash } from 'crypto';
import { IConstruct } from 'constructs';

/**
 * A globally unique-looking, stable resource name for services with global name spaces
 * (Key Vault, storage): prefix + hash of the construct path, lower-case letters and digits only.
 */
export function stableName(prefix: string, scope: IConstruct, maxLength: number): string {
  const hash = createHash('sha256').update(scope.node.path).digest('hex');
  return `${prefix}${hash}`.slice(0, maxLength);
}
