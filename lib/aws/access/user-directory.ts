import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { DataProtectionPolicy } from '../../core/policy/policy';
import { PropErrors } from '../../core/props/prop-errors';

/**
 * Props for UserDirectory.
 */
export interface UserDirectoryProps {
  /**
   * The policy whose password length applies (DP.IAM.2).
   *
   * @default - the policy applied to this scope or an ancestor (`DataProtectionPolicy.of(scope)`), else `new DataProtectionPolicy()`
   */
  readonly policy?: DataProtectionPolicy;

  /**
   * A longer minimum password length than the policy's; shorter is an error.
   *
   * @default - the policy's minPasswordLength
   */
  readonly minPasswordLength?: number;

  /**
   * Whether users must use a second factor. OPTIONAL lets each user choose; OFF is not accepted.
   *
   * @default cognito.Mfa.REQUIRED
   */
  readonly mfa?: cognito.Mfa;

  /**
   * Whether users may sign themselves up.
   *
   * @default false
   */
  readonly selfSignUpEnabled?: boolean;

  /**
   * How users sign in.
   *
   * @default { email: true }
   */
  readonly signInAliases?: cognito.SignInAliases;

  /**
   * The pool's name.
   *
   * @default - generated
   */
  readonly userPoolName?: string;
}

/**
 * A Cognito user pool for the people who use the service (DP.IAM.2): a password policy from the
 * policy's minimum length with mixed character classes, MFA (TOTP) required by default, threat
 * protection enforced (Plus feature plan), deletion protection, retained when its stack is deleted.
 */
export class UserDirectory extends cognito.UserPool {
  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    const policy = props.policy ?? DataProtectionPolicy.of(scope);
    const minLength = props.minPasswordLength ?? policy.minPasswordLength;
    const mfa = props.mfa ?? cognito.Mfa.REQUIRED;
    const errors = new PropErrors('UserDirectory', scope.node.path ? `${scope.node.path}/${id}` : id);
    errors.check(Number.isInteger(minLength) && minLength >= policy.minPasswordLength && minLength <= 99, 'minPasswordLength', minLength,
      `a whole number from the policy's minimum (${policy.minPasswordLength}) to 99`);
    errors.check(mfa !== cognito.Mfa.OFF, 'mfa', mfa, `${cognito.Mfa.REQUIRED} or ${cognito.Mfa.OPTIONAL}`);
    errors.throwIfAny();

    super(scope, id, {
      userPoolName: props.userPoolName,
      selfSignUpEnabled: props.selfSignUpEnabled ?? false,
      signInAliases: props.signInAliases ?? { email: true },
      passwordPolicy: {
        minLength,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      mfa,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
