import { packOf } from '../../lib/core/engine/acknowledgements';

describe('packOf', () => {
  test.each([
    ['AwsSolutions-IAM5[Action::kms:ReEncrypt*]', 'AwsSolutions'],
    ['NIST.800.53.R5-IAMNoInlinePolicy', 'NIST.800.53.R5'],
    ['CloudFormation-Validate::W3010', 'CloudFormation-Validate'],
    ['DataProtection::DataProtection-S3BucketCMK', 'DataProtection'],
    ['DataProtection-S3BucketCMK[Unverifiable]', 'DataProtection'],
  ])('%s -> %s', (id, pack) => {
    expect(packOf(id)).toBe(pack);
  });
});
