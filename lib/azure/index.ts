// cdk-data-protection/azure: the CDK for Terraform (azurerm) side of the library.
// HashiCorp deprecated CDKTF in December 2025; everything that imports cdktf lives in this folder.
// First: a missing cdktf or provider gets a message naming the install command.
import '../core/requires-azure';

export * from './placement';
export * from './azure-stack';
export * from './backup-key';
export * from './geo-redundant-storage';
export * from './protected-postgres';
export * from './policy-backup-vault';
export * from './central-log-analytics';
export * from './secure-virtual-network';
export * from './zone-redundant-app';
export * from './front-door-entry-point';
export * from './admin-vpn-gateway';
export * from './defender-for-cloud';
export * from './restore-drills';
export * from './checks';
export * from '../core/public';
export { evaluateTerraform } from '../checks/terraform';
export type { AzureAcknowledgement, AzureEvaluation, AzureEvaluationOptions, AzureViolation, TerraformConfiguration } from '../checks/terraform';
export type { UnjudgedItem } from '../terraform/read-configuration';
