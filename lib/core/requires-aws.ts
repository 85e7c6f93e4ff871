import { requirePeers } from './peers';

// Imported first by the entry points that load the AWS side (the main entry, the jest kit).
requirePeers('cdk-data-protection', ['aws-cdk-lib', 'cdk-nag', 'constructs']);
