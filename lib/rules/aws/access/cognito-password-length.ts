import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { isIntrinsic, unknownValue } from '../private/values';

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
  fix: 'Set passwordPolicy.minLength to at least the policy\'s minPasswordLength (UserDirectory reads it from the policy).',
  info: 'The user pool accepts passwords shorter than the policy minimum.',
  explanation: 'DP.IAM.2 promises password policies of at least minPasswordLength characters. Set '
    + 'Policies.PasswordPolicy.MinimumLength (UserDirectory reads it from the policy).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const policies = resource.properties.Policies;
    if (isIntrinsic(policies)) return unknownValue('Policies', policies, resource, context);
    if (isIntrinsic(policies?.PasswordPolicy)) return unknownValue('Policies.PasswordPolicy', policies.PasswordPolicy, resource, context);
    const raw = policies?.PasswordPolicy?.MinimumLength;
    const length = resolveValue(raw ?? COGNITO_DEFAULT_MINIMUM_LENGTH, resource.stackPath, context.lookup);
    const n = Number(length.value);
    if (!length.known || typeof length.value === 'object' || !Number.isFinite(n)) return unknownValue('MinimumLength', raw, resource, context);
    const shown = `minimum password length ${n}${raw === undefined ? ' (Cognito\'s default)' : ''}; the policy asks for ${context.policy.minPasswordLength}`;
    return n >= context.policy.minPasswordLength ? compliant(shown) : nonCompliant(shown);
  },
};
