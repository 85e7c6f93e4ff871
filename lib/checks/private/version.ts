import * as fs from 'fs';
import * as path from 'path';

/** The name the evidence report gives the tool. */
export const TOOL_NAME = 'cdk-data-protection';

/** This package's version, as written into evidence reports. */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
