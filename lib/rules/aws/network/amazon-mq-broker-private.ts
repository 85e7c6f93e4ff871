import { RuleResult, Severity, Verdict } from '../../../core/engine';
import { ResourceRule, ResourceView } from '../../../cloudformation/model';
import { boolValue, findingsResult, UNVERIFIABLE } from '../private/values';
import { EXPLANATION } from '../private/messaging';

/**
 * DP.NET.4: an Amazon MQ broker is not publicly accessible and runs as a cluster (RabbitMQ) or an
 * active/standby pair (ActiveMQ). Findings: `[Public]`, `[SingleInstance]`.
 */
export const AmazonMQBrokerPrivate: ResourceRule = {
  name: 'AmazonMQBrokerPrivate',
  controlId: 'DP.NET.4',
  resourceTypes: ['AWS::AmazonMQ::Broker'],
  level: Severity.ERROR,
  info: 'The message broker is public or runs on a single instance.',
  explanation: EXPLANATION,
  evaluate(resource: ResourceView): RuleResult {
    const p = resource.properties;
    const failing: (string | Verdict)[] = [];
    const pub = boolValue(p.PubliclyAccessible, false);
    if (pub === undefined) failing.push(UNVERIFIABLE);
    else if (pub) failing.push('Public');
    if (typeof p.DeploymentMode !== 'string') failing.push(UNVERIFIABLE);
    else if (!['CLUSTER_MULTI_AZ', 'ACTIVE_STANDBY_MULTI_AZ'].includes(p.DeploymentMode)) failing.push('SingleInstance');
    return findingsResult(failing);
  },
};
