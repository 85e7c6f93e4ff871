import * as fs from 'fs';
import * as path from 'path';
import { renderControlsDoc } from '../docs/controls-doc';
import { renderRulesDoc, withGeneratedReadmeSections } from '../docs/rules-doc';
import { CONTROLS } from '../lib/core/policy/controls';
import { AWS_APP_RULES, AWS_RULES } from '../lib/rules/aws';
import { AZURE_RULES } from '../lib/rules/azure';

const ROOT = path.join(__dirname, '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

// Generated documents are compared with what the code produces: run `npm run docs` after a change.
test('docs/controls.md is what the catalogue, rules and reference architectures produce', () => {
  const committed = read('docs/controls.md');
  expect(committed).toBe(renderControlsDoc());
  // Every control appears, and every one promised by an architecture is demonstrated by one.
  expect(committed.match(/^\| \*\*DP\./gm)).toHaveLength(CONTROLS.length);
});

test('docs/rules.md lists every rule of both registries, so none is lost unnoticed', () => {
  const committed = read('docs/rules.md');
  expect(committed).toBe(renderRulesDoc());
  for (const rule of [...AWS_RULES, ...AWS_APP_RULES, ...AZURE_RULES]) expect(committed).toContain(`| \`${rule.name}\``);
});

test('the README rule tables are generated from the rules\' metadata', () => {
  const readme = read('README.md');
  expect(readme).toBe(withGeneratedReadmeSections(readme));
});

test('every rule binds to a catalogue control and has a unique name', () => {
  const ids = new Set(CONTROLS.map((c) => c.id));
  const rules = [...AWS_RULES, ...AWS_APP_RULES, ...AZURE_RULES];
  expect(rules.filter((r) => !ids.has(r.controlId)).map((r) => r.name)).toEqual([]);
  expect(new Set(rules.map((r) => r.name)).size).toBe(rules.length);
});
