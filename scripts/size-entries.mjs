#!/usr/bin/env node
// Prepares what `npm run size` measures that the build does not write itself
// (size-limit then reads .size-limit.json; every entry is gzip level 9):
//
//   test-results/size/own-code.js       the library's own code as the classic
//                                       script ships it (same template squeeze,
//                                       minified), with lit, @lit/context and
//                                       dompurify left out: the project's share
//   test-results/size/checklist-class.js one component's class and all it needs
//                                       (lit, dompurify...), as an app bundler
//                                       would include it from
//                                       anp-components/components/checklist/checklist.js
//
// Run after `npm run build`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesEsbuildPlugin } from './minify-templates.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'test-results/size');
mkdirSync(out, { recursive: true });

const squeeze = minifyTemplatesEsbuildPlugin();

const common = { bundle: true, minify: true, target: 'es2021', plugins: [squeeze], logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: [resolve(root, 'dist/classic.js')],
  format: 'iife',
  external: ['lit', 'lit/*', '@lit/*', 'dompurify'],
  outfile: resolve(out, 'own-code.js'),
});
await build({
  ...common,
  stdin: { contents: "export { AnpChecklist } from './dist/components/checklist/checklist.js';", resolveDir: root, loader: 'js' },
  format: 'esm',
  outfile: resolve(out, 'checklist-class.js'),
});
console.log('size entries written to test-results/size/');
