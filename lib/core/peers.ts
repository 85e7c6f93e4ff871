import * as fs from 'fs';
import * as path from 'path';

/** The peer dependency ranges this package declares (read from its package.json). */
function declaredPeers(): { [name: string]: string } {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).peerDependencies ?? {};
  } catch {
    return {};
  }
}

/**
 * Fail with a message a newcomer can act on when an entry point's optional peers are missing,
 * instead of Node's bare "Cannot find module 'cdktf'". Every CDK peer is optional: AWS users need
 * no CDK for Terraform, Azure users no aws-cdk-lib or cdk-nag, users of the CLI none of them.
 *
 * @param entry the entry point, e.g. `cdk-data-protection/azure`
 * @param peers the packages it loads
 * @param resolve how a package is found (tests substitute their own)
 */
export function requirePeers(entry: string, peers: readonly string[], resolve: (name: string) => void = require.resolve): void {
  const missing = peers.filter((name) => {
    try {
      resolve(name);
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length === 0) return;
  const ranges = declaredPeers();
  const install = peers.map((name) => (ranges[name] ? `${name}@${ranges[name]}` : name)).join(' ');
  throw new Error(`${entry} needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed. `
    + `Install its peers with: npm install ${install}`);
}
