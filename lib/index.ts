// First: a missing aws-cdk-lib or cdk-nag gets a message naming the install command.
import './core/requires-aws';

export * from './core/public';
export * from './checks/data-protection-checks';
export * from './aws/encryption/data-key';
export * from './aws/data/secure-bucket';
export * from './aws/network/https-load-balancer';
export * from './aws/access/admin-access-vpn';
export * from './aws/access/user-directory';
export * from './aws/backup/policy-backup-plan';
export * from './aws/logging/central-log-archive';
export * from './aws/logging/audit-trail';
export * from './aws/logging/incident-topic';
export * from './aws/logging/kpi-alarms';
export * from './aws/logging/threat-detection';
export * from './aws/logging/policy-log-groups';
export * from './aws/messaging/cloudamqp-peering';
export * from './aws/messaging/private-rabbitmq';
export * from './aws/network/regional-network';
export * from './aws/data/replicated-database';
export * from './aws/compute/resilient-service';
export * from './aws/edge/global-endpoint';
export * from './aws/edge/multi-region-deployment';
// The Azure engine reads plain Terraform JSON and does not load cdktf: usable on any cdk.tf.json.
export { evaluateTerraform } from './checks/terraform';
export type { AzureAcknowledgement, AzureEvaluation, AzureEvaluationOptions, AzureViolation, TerraformConfiguration } from './checks/terraform';
export type { UnjudgedItem } from './terraform/read-configuration';
