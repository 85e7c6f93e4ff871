// Shape: one SNS topic fanned out to two SQS queues (raw delivery, filter policies), each drained
// by a Lambda function; one queue has a dead-letter queue.
import { App, Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subs from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { EnvStack, RealWorldApp } from './common';

function build(app: App): void {
  const stack = new EnvStack(app, 'FanoutStack');
  const topic = new sns.Topic(stack, 'Orders', { displayName: 'orders', enforceSSL: true });
  const dlq = new sqs.Queue(stack, 'CreatedDlq');
  const created = new sqs.Queue(stack, 'Created', { visibilityTimeout: Duration.seconds(300), deadLetterQueue: { queue: dlq, maxReceiveCount: 3 } });
  const other = new sqs.Queue(stack, 'Other', { visibilityTimeout: Duration.seconds(300), enforceSSL: true });
  topic.addSubscription(new subs.SqsSubscription(created, {
    rawMessageDelivery: true,
    filterPolicy: { status: sns.SubscriptionFilter.stringFilter({ allowlist: ['created'] }) },
  }));
  topic.addSubscription(new subs.SqsSubscription(other, {
    rawMessageDelivery: true,
    filterPolicy: { status: sns.SubscriptionFilter.stringFilter({ denylist: ['created'] }) },
  }));
  for (const [name, queue] of [['OnCreated', created], ['OnOther', other]] as const) {
    const fn = new lambda.Function(stack, name, {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => undefined;'),
    });
    fn.addEventSource(new SqsEventSource(queue));
  }
}

export const SNS_SQS_FANOUT: RealWorldApp = {
  name: 'sns-sqs-fanout',
  shape: 'one SNS topic fanned out to two SQS queues (raw delivery, filter policies), each drained',
  build,
  findings: [
    { rule: 'MessagingTLSOnly', path: 'FanoutStack/Orders/Resource', verdict: 'compliant', why: 'enforceSSL on the topic' },
    { rule: 'MessagingTLSOnly', path: 'FanoutStack/Other/Resource', verdict: 'compliant', why: 'enforceSSL on the queue' },
    { rule: 'MessagingTLSOnly', path: 'FanoutStack/Created/Resource', verdict: 'non-compliant', detail: /CreatedPolicy/, why: 'its policy only allows sns.amazonaws.com (item 5)' },
    { rule: 'MessagingTLSOnly', path: 'FanoutStack/CreatedDlq/Resource', verdict: 'non-compliant', detail: /no resource policy/, why: 'no policy at all (item 5)' },
  ],
  controls: {
    'DP.ENC.1': 'violated', 'DP.ENC.2': 'violated', 'DP.ENC.3': 'not-applicable', 'DP.ENC.4': 'not-automated',
    'DP.BAK.1': 'not-applicable', 'DP.BAK.2': 'not-applicable', 'DP.BAK.3': 'not-applicable',
    'DP.BAK.4': 'not-applicable', 'DP.BAK.5': 'not-applicable', 'DP.BAK.6': 'not-applicable',
    'DP.BAK.7': 'not-applicable', 'DP.AVL.1': 'not-applicable', 'DP.AVL.2': 'violated', 'DP.AVL.3': 'not-applicable',
    'DP.AVL.4': 'not-applicable', 'DP.AVL.5': 'not-applicable', 'DP.AVL.6': 'not-applicable', 'DP.AVL.7': 'met',
    'DP.NET.1': 'not-applicable', 'DP.NET.2': 'not-applicable', 'DP.NET.3': 'violated', 'DP.NET.4': 'not-applicable',
    'DP.NET.5': 'not-applicable', 'DP.LOG.1': 'violated', 'DP.LOG.2': 'not-applicable', 'DP.LOG.3': 'not-applicable',
    'DP.LOG.4': 'not-applicable', 'DP.MON.1': 'not-applicable', 'DP.MON.2': 'violated', 'DP.IAM.1': 'met',
    'DP.IAM.2': 'not-applicable', 'DP.DAT.1': 'not-applicable',
  },
};
