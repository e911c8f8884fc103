#!/usr/bin/env node
// Prepares what `npm run size` measures that the build does not write itself
// (size-limit then reads .size-limit.json; every entry is gzip level 9):
//
//   test-results/size/own-code.js       the library's own code as the classic
//                                       script ships it (same template squeeze,
//                                       minified, the same sibling loader), with
//                                       lit, @lit/context and Lit's hydration
//                                       support left out: the
//                                       project's share of what a page loads first
//   test-results/size/checklist-class.js one component's class and all it needs
//                                       (lit...), as an app bundler would include
//                                       it from anp-components/components/checklist/checklist.js:
//                                       the entry chunk, without the sanitizer
//                                       and label-pack chunks it imports only
//                                       when markup or their language is met
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

// As vite.config.ts builds the classic script: its own sibling loader, and the sibling files' hashes.
const classicLoader = {
  name: 'classic-sibling-loader',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /[\\/](sanitizer|label-packs|signals)-loader\.js$/ }, () => ({
      path: resolve(root, 'dist/classic-sibling-loader.js'),
    }));
  },
};
const integrity = (file) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(resolve(root, file)))
    .digest('base64')}`;

await build({
  ...common,
  plugins: [squeeze, classicLoader],
  define: {
    __ANP_SANITIZER_INTEGRITY__: JSON.stringify(integrity('dist/anp-components.sanitizer.iife.js')),
    __ANP_LOCALES_INTEGRITY__: JSON.stringify(integrity('dist/anp-components.locales.iife.js')),
    __ANP_SIGNALS_INTEGRITY__: JSON.stringify(integrity('dist/anp-components.signals.iife.js')),
  },
  entryPoints: [resolve(root, 'dist/classic.js')],
  format: 'iife',
  // Lit's: lit, @lit/context, and the hydration support (@lit-labs/ssr-client, which imports lit-html itself).
  external: ['lit', 'lit/*', 'lit-html', 'lit-html/*', '@lit/*', '@lit-labs/*'],
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
