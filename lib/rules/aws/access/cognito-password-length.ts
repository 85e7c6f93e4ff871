import { COMPLIANT, NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { isIntrinsic, UNVERIFIABLE } from '../private/values';

/** What Cognito enforces when a user pool sets no minimum length. */
const COGNITO_DEFAULT_MINIMUM_LENGTH = 8;

/**
 * DP.IAM.2: a Cognito user pool demands passwords of at least the policy's `minPasswordLength`.
 */
export const CognitoPasswordLength: ResourceRule = {
  name: 'CognitoPasswordLength',
  controlId: 'DP.IAM.2',
  resourceTypes: ['AWS::Cognito::UserPool'],
  level: Severity.ERROR,
  info: 'The user pool accepts passwords shorter than the policy minimum.',
  explanation: 'DP.IAM.2 promises password policies of at least minPasswordLength characters. Set '
    + 'Policies.PasswordPolicy.MinimumLength (UserDirectory reads it from the policy).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const policies = resource.properties.Policies;
    if (isIntrinsic(policies) || isIntrinsic(policies?.PasswordPolicy)) return [UNVERIFIABLE];
    const length = policies?.PasswordPolicy?.MinimumLength ?? COGNITO_DEFAULT_MINIMUM_LENGTH;
    const n = Number(length);
    if (typeof length === 'object' || !Number.isFinite(n)) return [UNVERIFIABLE];
    return n >= context.policy.minPasswordLength ? COMPLIANT : NON_COMPLIANT;
  },
};
