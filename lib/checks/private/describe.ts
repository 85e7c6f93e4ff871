import { NagMessageLevel } from 'cdk-nag';
import { RuleDescription } from '../../core/report/model';
import { RuleMetadata } from '../../rules/rule';

/** Prefix of every rule ID, AWS and Azure alike, so one acknowledgement vocabulary serves both clouds. */
export const PACK_NAME = 'DataProtection';

/** What the report and SARIF say about a rule. */
export function describeRule(rule: RuleMetadata): RuleDescription {
  return {
    ruleId: `${PACK_NAME}-${rule.name}`,
    controlId: rule.controlId,
    info: rule.info,
    explanation: rule.explanation,
    level: rule.level === NagMessageLevel.ERROR ? 'error' : 'warning',
  };
}
