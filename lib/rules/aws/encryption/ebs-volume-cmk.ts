import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, nonCompliant, NOT_APPLICABLE, Outcome, RuleResult, Severity, unverifiable, Verdict, verdictsOf, worstOf } from '../../../core/engine';
import { CUSTOMER_MANAGED_KEY_EXPLANATION, encryptedWithCustomerKey, isIntrinsic } from '../private/values';

/** The block device mappings of an instance, a launch template or a launch configuration. */
function mappingsOf(resource: ResourceView): unknown {
  return resource.type === 'AWS::EC2::LaunchTemplate' ? resource.properties.LaunchTemplateData?.BlockDeviceMappings : resource.properties.BlockDeviceMappings;
}

/** One EBS mapping judged like a volume, its verdicts naming the device. */
function mappingVerdict(mapping: any, resource: ResourceView, context: RuleContext): RuleResult {
  const device = typeof mapping?.DeviceName === 'string' ? mapping.DeviceName : 'a device';
  const ebs = mapping.Ebs;
  if (isIntrinsic(ebs)) return unverifiable(`the Ebs settings of ${device} are an expression the template computes at deployment`);
  const encrypted = resolveValue(ebs?.Encrypted, resource.stackPath, context.lookup);
  if (!encrypted.known) return unverifiable(`Encrypted of ${device} is ${encrypted.why}`);
  return verdictsOf(encryptedWithCustomerKey(encrypted.value, ebs?.KmsKeyId, resource, context)).map((v): Verdict => {
    if (v.outcome === Outcome.NON_COMPLIANT) {
      return nonCompliant(encrypted.value === true || encrypted.value === 'true'
        ? `${device} is encrypted with the account's default EBS key, not a customer-managed key`
        : `${device} is not encrypted`);
    }
    if (v.outcome === Outcome.UNVERIFIABLE) return unverifiable(`${device}: ${v.detail}`);
    return v;
  });
}

/**
 * DP.ENC.2: EBS volumes are encrypted with a customer-managed key: stand-alone volumes, and the
 * volumes an instance, launch template or launch configuration creates from its block device
 * mappings. Without `KmsKeyId` an encrypted volume uses the account's default EBS key, which the
 * template cannot show to be customer-managed; without any mapping an instance's root volume comes
 * from its AMI, unencrypted unless the account encrypts EBS by default (with an AWS-managed key
 * unless changed).
 */
export const EBSVolumeCMK: ResourceRule = {
  name: 'EBSVolumeCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::EC2::Volume', 'AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate', 'AWS::AutoScaling::LaunchConfiguration'],
  covers: 'volumes and the block devices of instances, launch templates and launch configurations',
  level: Severity.ERROR,
  info: 'The EBS volume is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  fix: 'Map every EBS device (the root one included) with encrypted: true and a customer-managed kmsKey (BlockDeviceVolume.ebs(size, { encrypted: true, kmsKey })).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    if (resource.type === 'AWS::EC2::Volume') {
      const encrypted = resolveValue(resource.properties.Encrypted, resource.stackPath, context.lookup);
      if (!encrypted.known) return unverifiable(`Encrypted is ${encrypted.why}`);
      return encryptedWithCustomerKey(encrypted.value, resource.properties.KmsKeyId, resource, context, { encrypted: 'Encrypted', key: 'KmsKeyId' });
    }
    const raw = mappingsOf(resource);
    // An instance launched from a launch template gets its volumes there (judged on the template);
    // a template without an image or mappings (the CDK's IMDSv2 template) launches no volume itself.
    if (raw === undefined && resource.type === 'AWS::EC2::Instance' && resource.properties.LaunchTemplate !== undefined) return NOT_APPLICABLE;
    if (raw === undefined && resource.type === 'AWS::EC2::LaunchTemplate' && resource.properties.LaunchTemplateData?.ImageId === undefined) return NOT_APPLICABLE;
    if (raw === undefined) {
      return nonCompliant('no block device mappings: the root volume comes from the AMI, unencrypted unless the account encrypts EBS by default, '
        + 'and then with the AWS-managed key');
    }
    const mappings = resolveValue(raw, resource.stackPath, context.lookup);
    if (!mappings.known || !Array.isArray(mappings.value)) return unverifiable(`BlockDeviceMappings is ${mappings.why ?? 'not a list'}`);
    const ebs = mappings.value.filter((m: any) => m && typeof m === 'object' && m.Ebs !== undefined && m.NoDevice === undefined);
    if (ebs.length === 0) {
      return nonCompliant('no EBS device is mapped: the root volume comes from the AMI, unencrypted unless the account encrypts EBS by default');
    }
    const result = worstOf(ebs.map((m: any) => mappingVerdict(m, resource, context)));
    const verdicts = verdictsOf(result);
    return verdicts.every((v) => v.outcome === Outcome.COMPLIANT) ? compliant(`${ebs.length} EBS device(s) encrypted under a customer-managed key`) : result;
  },
};
