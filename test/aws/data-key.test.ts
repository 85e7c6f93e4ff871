import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { offlineStack, violationsOf } from './fixtures';
import { DataKey } from '../../lib';

describe('DataKey', () => {
  test('zero props: rotating, retained, aliased, and only administrable by the account', () => {
    const { app, stack } = offlineStack();
    new DataKey(stack, 'Key');
    const t = Template.fromStack(stack);
    t.hasResource('AWS::KMS::Key', {
      Properties: { EnableKeyRotation: true, RotationPeriodInDays: 365, PendingWindowInDays: 30 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/data/Stack/Key' });
    const statements = t.findResources('AWS::KMS::Key')[Object.keys(t.findResources('AWS::KMS::Key'))[0]].Properties.KeyPolicy.Statement;
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({ Sid: 'AccountMayAdministerOnly', Effect: 'Allow' });
    expect(statements[0].Action).not.toContain('kms:*');
    expect(statements[0].Action).not.toContain('kms:Decrypt');
    expect(violationsOf(app)).toEqual([]);
  });

  test('users and grants are named in the key policy; services are limited to the account', () => {
    const { stack } = offlineStack();
    const role = new iam.Role(stack, 'App', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const key = new DataKey(stack, 'Key', { users: [role], services: ['logs', 'sns'] });
    key.grantDecrypt(reader);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^App'), 'Arn'] } }, Action: Match.arrayWith(['kms:Decrypt', 'kms:Encrypt']) }),
          Match.objectLike({ Principal: { Service: 'logs.eu-west-1.amazonaws.com' }, Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:*' } } }),
          Match.objectLike({ Principal: { Service: 'sns.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }),
          Match.objectLike({ Principal: { AWS: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Reader'), 'Arn'] } }, Action: 'kms:Decrypt' }),
        ]),
      },
    });
    // The grantee's own IAM policy gets the permission too.
    t.hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('^Reader') }], PolicyDocument: { Statement: [Match.objectLike({ Action: 'kms:Decrypt' })] } });
  });

  test('allowIamPolicies restores the CDK default (every key action for the account) for accounts that manage key use in IAM', () => {
    const { stack } = offlineStack();
    new DataKey(stack, 'Key', { allowIamPolicies: true });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'AccountMayUseAndAdminister', Action: Match.arrayWith(['kms:Decrypt', 'kms:ScheduleKeyDeletion']) })]) },
    });
  });

  test('an explicit DESTROY removal policy is possible, and the checks report it', () => {
    const { app, stack } = offlineStack();
    new DataKey(stack, 'Key', { removalPolicy: RemovalPolicy.DESTROY });
    expect(violationsOf(app)).toEqual(['DataProtection-KMSKeyRetained @ Stack/Key/Resource']);
  });

  test.each([
    [{ alias: 'alias/aws/mine' }, /DataKey Stack\/Key: invalid props:\n {2}- alias: "alias\/aws\/mine" \(allowed: .*not under the reserved alias\/aws\/\)/],
    [{ alias: 'mine' }, /alias: "mine"/],
    [{ rotationPeriod: Duration.days(30) }, /rotationPeriod: "30 days" \(allowed: 90 to 2560 days\)/],
    [{ services: ['Logs Service'] }, /services: "Logs Service"/],
  ])('rejects %j naming the construct, prop, value and what is allowed', (props, message) => {
    const { stack } = offlineStack();
    expect(() => new DataKey(stack, 'Key', props)).toThrow(message);
  });
});

describe('DataKey grants (issue 16, item 8)', () => {
  const allowsGrantWithoutCondition = (statements: any[]) => statements.filter((s) => s.Effect === 'Allow'
    && [s.Action].flat().some((a: string) => a === 'kms:*' || a === 'kms:Create*' || a === 'kms:CreateGrant')
    && s.Condition?.Bool?.['kms:GrantIsForAWSResource'] !== 'true');
  test.each([[{}], [{ allowIamPolicies: true }]])('%j: kms:CreateGrant only for AWS services acting on the key (kms:GrantIsForAWSResource)', (props) => {
    const { app, stack } = offlineStack();
    new DataKey(stack, 'Key', props);
    const key = Object.values(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0] as any;
    const statements = key.Properties.KeyPolicy.Statement;
    expect(allowsGrantWithoutCondition(statements)).toEqual([]);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'kms:CreateGrant', Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } } }));
    expect(violationsOf(app)).toEqual([]);
  });
});
