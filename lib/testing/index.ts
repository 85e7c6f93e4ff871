/**
 * cdk-data-protection/testing: evaluate stacks in jest, assert on controls, and snapshot templates
 * that change only when the infrastructure does.
 *
 * Importing this module registers the jest matchers when a jest `expect` is present:
 *
 * ```ts
 * import { evaluate } from 'cdk-data-protection/testing';
 * expect(stack).toPassDataProtectionChecks();
 * expect(stack).toMeetControl('DP.BAK.3');
 * ```
 */
// First: a missing aws-cdk-lib or cdk-nag gets a message naming the install command.
import '../core/requires-aws';
export * from './evaluate';
export * from './matchers';
