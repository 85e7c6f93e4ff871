import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { mentionedResources } from '../../../cloudformation/references';
import { compliant, nonCompliant, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { deniesPlaintext, statementsOf } from '../private/policies';

/** For each type: its resource-policy types and the property that names the queue or topic, and the actions a deny must cover. */
interface MessagingPolicy {
  readonly policies: { readonly [policyType: string]: string };
  readonly actions: readonly string[];
  readonly fix: string;
}

const POLICIES: { readonly [type: string]: MessagingPolicy } = {
  'AWS::SQS::Queue': {
    policies: { 'AWS::SQS::QueuePolicy': 'Queues', 'AWS::SQS::QueueInlinePolicy': 'Queue' },
    actions: ['sqs:*'],
    fix: 'sqs.Queue: enforceSSL: true',
  },
  'AWS::SNS::Topic': {
    policies: { 'AWS::SNS::TopicPolicy': 'Topics', 'AWS::SNS::TopicInlinePolicy': 'TopicArn' },
    actions: ['sns:*', 'sns:Publish'],
    fix: 'sns.Topic: enforceSSL: true',
  },
};

/** The resource policies of a queue or topic: policies of the app whose queue/topic property names it. */
function policiesOf(resource: ResourceView, context: RuleContext): ResourceView[] {
  const kinds = POLICIES[resource.type].policies;
  return context.lookup.referrers(resource).filter((r) => r.type in kinds
    && mentionedResources(r.properties[kinds[r.type]], r.stackPath, context.lookup).includes(resource));
}

/**
 * DP.ENC.1: an SQS queue or SNS topic accepts only TLS: its resource policy denies every principal
 * the service's actions (`sqs:*`; `sns:Publish` or `sns:*`) when `aws:SecureTransport` is false.
 * Without it the service's HTTP endpoint accepts plaintext requests.
 */
export const MessagingTLSOnly: ResourceRule = {
  name: 'MessagingTLSOnly',
  controlId: 'DP.ENC.1',
  resourceTypes: Object.keys(POLICIES),
  covers: 'SQS queues and SNS topics',
  level: Severity.ERROR,
  info: 'The queue or topic accepts requests without TLS.',
  explanation: 'DP.ENC.1 promises TLS on every endpoint. SQS and SNS accept plaintext HTTP unless a resource '
    + 'policy denies requests where aws:SecureTransport is false: set enforceSSL: true on the queue or topic.',
  fix: 'Set enforceSSL: true on the queue or topic (a resource policy denying requests where aws:SecureTransport is false).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const spec = POLICIES[resource.type];
    const policies = policiesOf(resource, context);
    const { statements, unknown } = statementsOf(policies, 'PolicyDocument', context);
    if (unknown) return unverifiable(unknown);
    if (statements.some((s) => deniesPlaintext(s, spec.actions))) return compliant(`a resource policy denies ${spec.actions.join(' / ')} without TLS`);
    return nonCompliant(policies.length === 0 ? `no resource policy; ${spec.fix} adds one that denies plaintext`
      : `no statement of ${policies.map((p) => p.logicalId).join(', ')} denies ${spec.actions.join(' / ')} when aws:SecureTransport is false`);
  },
};
