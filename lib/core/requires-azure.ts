import { requirePeers } from './peers';

// Imported first by cdk-data-protection/azure, the only entry point that loads CDK for Terraform.
requirePeers('cdk-data-protection/azure', ['cdktf', '@cdktf/provider-azurerm', 'constructs']);
