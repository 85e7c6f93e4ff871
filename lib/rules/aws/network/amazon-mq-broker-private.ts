import { ResourceRule, ResourceView, RuleContext } from '../../../cloudformation/model';
import { resolveValue } from '../../../cloudformation/resolve';
import { compliant, failing, RuleResult, Severity, unverifiable } from '../../../core/engine';
import { EXPLANATION } from '../private/messaging';
import { boolValue } from '../private/values';

/**
 * DP.NET.4: an Amazon MQ broker is private (not publicly accessible); Amazon MQ endpoints speak only
 * TLS (AMQPS for RabbitMQ). Whether it runs on one instance is an availability question, judged by
 * NoSinglePointOfFailure (DP.AVL.4). Finding: `[Public]`.
 */
export const AmazonMQBrokerPrivate: ResourceRule = {
  name: 'AmazonMQBrokerPrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  level: Severity.ERROR,
  info: 'The message broker is publicly accessible.',
  explanation: EXPLANATION,
  fix: 'Set PubliclyAccessible: false and place the broker in private subnets (PrivateRabbitMq does).',
  evaluate(resource: ResourceView, context: RuleContext): RuleResult {
    const raw = resolveValue(resource.properties.PubliclyAccessible, resource.stackPath, context.lookup);
    if (!raw.known) return unverifiable(`PubliclyAccessible is ${raw.why}`);
    const pub = boolValue(raw.value, false);
    if (pub === undefined) return unverifiable(`PubliclyAccessible is ${JSON.stringify(raw.value)}, not true or false`);
    return pub ? failing('Public', 'PubliclyAccessible: true: the broker has a public endpoint') : compliant('the broker has no public endpoint');
  },
};
