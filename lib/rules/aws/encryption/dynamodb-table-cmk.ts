import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { nonCompliant, RuleResult, Severity } from '../../../core/engine';
import { boolValue, CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, unknownValue, worstOf } from '../private/values';

/**
 * DP.ENC.2: a DynamoDB table (or every replica of a global table) uses SSE-KMS with a
 * customer-managed key. Without `SSESpecification` a table uses an AWS-owned key; with SSE on but
 * no key, the AWS-managed `aws/dynamodb` key.
 */
export const DynamoDBTableCMK: ResourceRule = {
  name: 'DynamoDBTableCMK',
  controlId: 'DP.ENC.2',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  level: Severity.ERROR,
  fix: 'Set encryption: TableEncryption.CUSTOMER_MANAGED with encryptionKey: a customer-managed key (DataKey).',
  info: 'The DynamoDB table is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const sse = resource.properties.SSESpecification;
    if (isIntrinsic(sse)) return unknownValue('SSESpecification', sse, resource, context);
    const enabled = resolveValue(sse?.SSEEnabled, resource.stackPath, context.lookup);
    const on = enabled.known ? boolValue(enabled.value, false) : undefined;
    if (on === undefined) return unknownValue('SSESpecification.SSEEnabled', sse?.SSEEnabled, resource, context);
    if (!on) return nonCompliant('SSE is not enabled: the table is encrypted with an AWS-owned key');
    const type = resolveValue(sse.SSEType, resource.stackPath, context.lookup);
    if (!type.known) return unknownValue('SSESpecification.SSEType', sse.SSEType, resource, context);
    if (type.value !== undefined && type.value !== 'KMS') return nonCompliant(`SSEType ${String(type.value)}, not KMS`);
    if (resource.type === 'AWS::DynamoDB::Table') {
      return customerManagedKeyVerdict(sse.KMSMasterKeyId, resource, context, 'SSESpecification.KMSMasterKeyId');
    }
    const replicas = resource.properties.Replicas;
    if (!Array.isArray(replicas) || replicas.length === 0) return unknownValue('Replicas', replicas, resource, context);
    const verdicts = replicas.map((r: any): RuleResult => (isIntrinsic(r) || isIntrinsic(r?.SSESpecification)
      ? unknownValue('a replica\'s SSESpecification', r?.SSESpecification ?? r, resource, context)
      : customerManagedKeyVerdict(r?.SSESpecification?.KMSMasterKeyId, resource, context, 'the replica\'s KMSMasterKeyId')));
    return worstOf(verdicts);
  },
};
