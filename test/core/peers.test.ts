import { requirePeers } from '../../lib/core/peers';

describe('optional peers', () => {
  const missing = (absent: string[]) => (name: string) => {
    if (absent.includes(name)) throw new Error(`Cannot find module '${name}'`);
  };

  test('a missing peer is named with the command that installs the entry point\'s peers', () => {
    expect(() => requirePeers('cdk-data-protection/azure', ['cdktf', '@cdktf/provider-azurerm', 'constructs'], missing(['cdktf'])))
      .toThrow(/^cdk-data-protection\/azure needs cdktf, which is not installed\. Install its peers with: npm install cdktf@\^0\.21\.0 @cdktf\/provider-azurerm@\^14\.23\.1 constructs@\^10\.8\.1$/);
    expect(() => requirePeers('cdk-data-protection', ['aws-cdk-lib', 'cdk-nag', 'constructs'], missing(['aws-cdk-lib', 'cdk-nag'])))
      .toThrow(/needs aws-cdk-lib and cdk-nag, which are not installed\. Install its peers with: npm install aws-cdk-lib@\^2\.276\.0 cdk-nag@\^3\.0\.2/);
  });

  test('nothing happens when every peer is installed', () => {
    expect(() => requirePeers('cdk-data-protection', ['aws-cdk-lib', 'cdk-nag', 'constructs'])).not.toThrow();
  });
});
