import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { PropErrors } from '../../core/props/prop-errors';
import { DataKey } from '../encryption/data-key';

/**
 * Props for IncidentTopic.
 */
export interface IncidentTopicProps {
  /** E-mail addresses to notify. @default - none */
  readonly emails?: string[];
  /** HTTPS endpoints to notify (e.g. a pager's integration URL). @default - none */
  readonly httpsEndpoints?: string[];
  /**
   * The topic's key.
   *
   * @default - a new DataKey that CloudWatch alarms and EventBridge may use
   */
  readonly encryptionKey?: kms.IKey;
  /** Display name. @default 'Incidents' */
  readonly displayName?: string;
}

/**
 * Where incidents go (DP.MON.1, DP.MON.2, DP.BAK.5): an SNS topic encrypted with a customer-managed
 * key that CloudWatch alarms and EventBridge can use, a policy refusing non-TLS publishing, and
 * e-mail / HTTPS subscriptions for the people on call.
 */
export class IncidentTopic extends sns.Topic {
  constructor(scope: Construct, id: string, props: IncidentTopicProps = {}) {
    const errors = new PropErrors('IncidentTopic', scope.node.path ? `${scope.node.path}/${id}` : id);
    for (const email of props.emails ?? []) errors.check(/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email), 'emails', email, 'e-mail addresses');
    for (const url of props.httpsEndpoints ?? []) errors.check(/^https:\/\/[^\s]+$/.test(url), 'httpsEndpoints', url, 'https:// URLs (no plaintext)');
    errors.throwIfAny();
    const key = props.encryptionKey ?? new DataKey(scope, `${id}Key`, { services: ['cloudwatch', 'events'], description: `Key of incident topic ${id}` });
    super(scope, id, { masterKey: key, enforceSSL: true, displayName: props.displayName ?? 'Incidents' });
    for (const email of props.emails ?? []) this.addSubscription(new subscriptions.EmailSubscription(email));
    for (const url of props.httpsEndpoints ?? []) {
      this.addSubscription(new subscriptions.UrlSubscription(url, { protocol: sns.SubscriptionProtocol.HTTPS }));
    }
  }
}
