import { NON_COMPLIANT, RuleResult, Severity } from '../../../core/engine';
import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { boolValue, CUSTOMER_MANAGED_KEY_EXPLANATION, customerManagedKeyVerdict, isIntrinsic, UNVERIFIABLE, worstOf } from '../private/values';

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
  info: 'The DynamoDB table is not encrypted with a customer-managed KMS key.',
  explanation: CUSTOMER_MANAGED_KEY_EXPLANATION,
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const sse = resource.properties.SSESpecification;
    if (isIntrinsic(sse)) return [UNVERIFIABLE];
    const on = boolValue(sse?.SSEEnabled, false);
    if (on === undefined) return [UNVERIFIABLE];
    if (!on) return NON_COMPLIANT;
    if (sse.SSEType !== undefined && sse.SSEType !== 'KMS') {
      return typeof sse.SSEType === 'string' ? NON_COMPLIANT : [UNVERIFIABLE];
    }
    if (resource.type === 'AWS::DynamoDB::Table') {
      return customerManagedKeyVerdict(sse.KMSMasterKeyId, resource, context);
    }
    const replicas = resource.properties.Replicas;
    if (!Array.isArray(replicas) || replicas.length === 0) return [UNVERIFIABLE];
    const verdicts = replicas.map((r: any): RuleResult => (isIntrinsic(r) || isIntrinsic(r?.SSESpecification)
      ? [UNVERIFIABLE]
      : customerManagedKeyVerdict(r?.SSESpecification?.KMSMasterKeyId, resource, context)));
    return worstOf(verdicts);
  },
};
