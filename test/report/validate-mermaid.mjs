// Parses Mermaid diagrams with Mermaid's own parser (in jsdom, as TOOLCHAIN.md describes).
// Usage: node validate-mermaid.mjs <file>...  Prints one line per file: "ok" or "error: <message>".
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
for (const file of process.argv.slice(2)) {
  try {
    await mermaid.parse(readFileSync(file, 'utf8'));
    console.log('ok');
  } catch (e) {
    console.log(`error: ${String(e.message ?? e).split('\n').slice(0, 4).join(' | ')}`);
  }
}
