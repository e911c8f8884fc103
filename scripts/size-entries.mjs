#!/usr/bin/env node
// Prepares what `npm run size` measures that the build does not write itself
// (size-limit then reads .size-limit.json; every entry is gzip level 9):
//
//   test-results/size/own-code.js       the library's own code as the classic
//                                       script ships it (same template squeeze,
//                                       minified, the same sanitizer loader), with
//                                       lit and @lit/context left out: the
//                                       project's share of what a page loads first
//   test-results/size/checklist-class.js one component's class and all it needs
//                                       (lit...), as an app bundler would include
//                                       it from anp-components/components/checklist/checklist.js:
//                                       the entry chunk, without the sanitizer
//                                       chunk it imports only when markup is met
//
// Run after `npm run build`.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { minifyTemplatesEsbuildPlugin } from './minify-templates.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'test-results/size');
mkdirSync(out, { recursive: true });

const squeeze = minifyTemplatesEsbuildPlugin();

const common = { bundle: true, minify: true, target: 'es2021', plugins: [squeeze], logLevel: 'warning', legalComments: 'none' };

// As vite.config.ts builds the classic script: its own sanitizer loader, and the sibling file's hash.
const classicLoader = {
  name: 'classic-sanitizer-loader',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /[\\/]sanitizer-loader\.js$/ }, () => ({ path: resolve(root, 'dist/classic-sanitizer-loader.js') }));
  },
};
const integrity = `sha384-${createHash('sha384')
  .update(readFileSync(resolve(root, 'dist/anp-components.sanitizer.iife.js')))
  .digest('base64')}`;

await build({
  ...common,
  plugins: [squeeze, classicLoader],
  define: { __ANP_SANITIZER_INTEGRITY__: JSON.stringify(integrity) },
  entryPoints: [resolve(root, 'dist/classic.js')],
  format: 'iife',
  external: ['lit', 'lit/*', '@lit/*'],
  outfile: resolve(out, 'own-code.js'),
});
await build({
  ...common,
  stdin: {
    contents: "export { AnpChecklist } from './dist/components/checklist/checklist.js';",
    resolveDir: root,
    loader: 'js',
    sourcefile: 'checklist-class.js',
  },
  format: 'esm',
  splitting: true,
  entryNames: 'checklist-class',
  chunkNames: 'checklist-chunks/[name]-[hash]',
  outdir: out,
});
console.log('size entries written to test-results/size/');
