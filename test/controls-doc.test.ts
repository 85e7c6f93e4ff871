import * as fs from 'fs';
import * as path from 'path';
import { renderControlsDoc } from '../docs/controls-doc';

test('docs/controls.md is what the catalogue, rules and reference architectures produce (run `npm run docs`)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', 'docs', 'controls.md'), 'utf8');
  expect(committed).toBe(renderControlsDoc());
  // Every control appears, and every one promised by an architecture is demonstrated by one.
  expect(committed.match(/^\| \*\*DP\./gm)).toHaveLength(32);
});
