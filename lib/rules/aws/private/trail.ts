import { ResourceView, RuleContext } from '../../../cloudformation/model';
import { referencedResource } from '../../../cloudformation/references';

/** The bucket a trail writes to: by reference or by its literal name. */
export function trailBucket(trail: ResourceView, context: RuleContext): ResourceView | undefined {
  const name = trail.properties.S3BucketName;
  return referencedResource(name, trail.stackPath, context.lookup)
    ?? (typeof name === 'string' ? context.lookup.withLiteralProperty('AWS::S3::Bucket', 'BucketName', name)[0] : undefined);
}
