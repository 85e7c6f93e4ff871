import { CfnParameter, Lazy, Stack, Token as CdkToken } from 'aws-cdk-lib';
import { TerraformVariable, Testing, TerraformStack, Token as TfToken } from 'cdktf';
import { PolicyBackupPlan } from '../../lib';
import { PropErrors } from '../../lib/core/props/prop-errors';
import { describeValue, isUnresolved } from '../../lib/core/props/tokens';
import { ENV, newApp } from '../helpers';

describe('tokens of both CDKs, recognised without loading either', () => {
  const cdkStack = new Stack(newApp(), 'S', { env: ENV });
  const tfStack = new TerraformStack(Testing.app(), 'T');
  const tfVar = new TerraformVariable(tfStack, 'v', { type: 'string' });
  const tfNum = new TerraformVariable(tfStack, 'n', { type: 'number' });
  const tfList = new TerraformVariable(tfStack, 'l', { type: 'list(string)' });
  const param = new CfnParameter(cdkStack, 'P', { type: 'String' });
  const days = new CfnParameter(cdkStack, 'Days', { type: 'Number' });

  test.each([
    ['aws-cdk-lib string', param.valueAsString],
    ['aws-cdk-lib number', days.valueAsNumber],
    ['aws-cdk-lib list', new CfnParameter(cdkStack, 'L', { type: 'CommaDelimitedList' }).valueAsList],
    ['aws-cdk-lib string inside a string', `prefix-${param.valueAsString}`],
    ['aws-cdk-lib lazy', Lazy.string({ produce: () => 'x' })],
    ['cdktf string', tfVar.stringValue],
    ['cdktf number', tfNum.numberValue],
    ['cdktf list', tfList.listValue],
    ['cdktf string inside a string', `vault-${tfVar.stringValue}`],
  ])('%s is unresolved, as its own CDK says', (_label, value) => {
    expect(isUnresolved(value)).toBe(true);
    expect(CdkToken.isUnresolved(value) || TfToken.isUnresolved(value)).toBe(true);
  });

  test.each([['a literal string', 'data-protection'], ['a number', 45], ['a list', ['a', 'b']], ['an object', { a: 1 }], ['undefined', undefined]])(
    '%s is resolved', (_label, value) => {
      expect(isUnresolved(value)).toBe(false);
    });

  test('tokens are printed as tokens, not as values', () => {
    expect(describeValue(tfVar.stringValue)).toMatch(/^<unresolved token \$\{TfToken\[TOKEN\.\d+\]\}>$/);
    expect(describeValue(param.valueAsString)).toMatch(/^<unresolved token \$\{Token\[.+\]\}>$/);
    expect(describeValue(tfNum.numberValue)).toBe('<unresolved number token>');
    expect(describeValue(days.valueAsNumber)).toBe('<unresolved number token>');
    expect(describeValue({ days: days.valueAsNumber })).toBe('{"days":"<unresolved number token>"}');
    expect(describeValue('plain')).toBe('"plain"');
  });
});

describe('PropErrors', () => {
  test('skips a token it cannot judge; checkLiteral rejects it and says it is a token', () => {
    const tfStack = new TerraformStack(Testing.app(), 'T');
    const region = new TerraformVariable(tfStack, 'region', { type: 'string' }).stringValue;
    const errors = new PropErrors('Thing', 'App/Thing');
    errors.check(/^[a-z]+$/.test(region), 'name', region, 'lower-case letters');
    expect(() => errors.throwIfAny()).not.toThrow();
    errors.checkLiteral(/^[a-z]+$/.test(region), 'location', region, 'an Azure region name');
    expect(() => errors.throwIfAny()).toThrow(
      /^Thing App\/Thing: invalid props:\n {2}- location: <unresolved token \$\{TfToken\[TOKEN\.\d+\]\}> \(allowed: a literal value \(not a token\): an Azure region name\)$/);
  });

  test('a vault name from a CfnParameter is accepted; a bad literal one is named with the construct path', () => {
    const stack = new Stack(newApp(), 'Backups', { env: ENV });
    const vaultName = new CfnParameter(stack, 'VaultName', { type: 'String' }).valueAsString;
    expect(() => new PolicyBackupPlan(stack, 'FromParameter', { vaultName, copyRegion: 'eu-central-1' })).not.toThrow();
    expect(() => new PolicyBackupPlan(stack, 'Bad', { vaultName: 'no spaces allowed', copyRegion: 'eu-central-1' }))
      .toThrow(/^PolicyBackupPlan Backups\/Bad: invalid props:\n {2}- vaultName: "no spaces allowed" \(allowed: 2 to 50 letters, digits, - and _\)/);
  });
});
