// One benchmark page per variant, shared by bench/run.mjs, bench/profile.mjs
// and bench/css-experiment.mjs: the variant's entry bundled by esbuild with the
// harness (bench/harness.js) into `<dir>/<name>.js`, and `<dir>/<name>.html`
// loading it. The pages are served by the kit's static server
// (scripts/kit/serve.mjs) and driven in the kit's Chromium.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const benchDir = dirname(fileURLToPath(import.meta.url));

/**
 * Builds one variant. `entry` is module code run after
 * `import { start } from '<bench>/harness.js'` (imports in it resolve from bench/).
 */
export async function buildVariantPage({ dir, name, entry, title = `bench ${name}`, minify = true, plugins = [] }) {
  mkdirSync(dir, { recursive: true });
  await build({
    stdin: { contents: `import { start } from './harness.js';\n${entry}`, resolveDir: benchDir, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify,
    target: 'es2022',
    outfile: join(dir, `${name}.js`),
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins,
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, `${name}.html`),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>` +
      `<style>body{margin:0;font:16px/1.4 system-ui,sans-serif}#root{max-width:60rem;padding:1rem}</style>` +
      `<script type="module" src="./${name}.js"></script></head><body><main id="root"></main></body></html>\n`,
  );
}
