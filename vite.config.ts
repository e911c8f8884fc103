import { defineConfig, type Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clobberGuardPlugin } from './scripts/clobber-guard.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

/**
 * Lit and DOMPurify inside both bundles call the DOM through src/core/dom.ts
 * (built to dist/core/dom.js), so host markup such as `<img name=importNode>`
 * cannot replace what they call; see scripts/clobber-guard.mjs.
 */
const guard = (options: { expect?: string[]; forbid?: string[] } = {}) =>
  clobberGuardPlugin({ domModule: fileURLToPath(new URL('./dist/core/dom.js', import.meta.url)), ...options });

const SANITIZER_FILE = 'dist/anp-components.sanitizer.iife.js';

/** What every build writes: minified files with source maps into dist/, next to what tsc wrote. */
const OUTPUT = { outDir: 'dist', emptyOutDir: false, sourcemap: true, minify: true, target: 'es2021' } as const;

/**
 * The classic script cannot import a chunk, so it reaches the sanitizer
 * through `classic-sanitizer-loader.ts` (a sibling file with an integrity
 * hash) in place of `core/sanitizer-loader.ts` (a dynamic import).
 */
function classicSanitizerLoader(): Plugin {
  const esLoader = fileURLToPath(new URL('./dist/core/sanitizer-loader.js', import.meta.url));
  const classicLoader = fileURLToPath(new URL('./dist/classic-sanitizer-loader.js', import.meta.url));
  return {
    name: 'anp-classic-sanitizer-loader',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === esLoader ? classicLoader : null;
    },
  };
}

/** `sha384-…` of the sanitizer file, which `npm run build` makes just before the classic script. */
function sanitizerIntegrity(): string {
  const digest = createHash('sha384').update(readFileSync(SANITIZER_FILE)).digest('base64');
  return `sha384-${digest}`;
}

/**
 * A second copy of the classic script on one page must do nothing: its
 * modules would define a second Trusted Types policy named `lit-html` (and
 * `anp`), which a page that enforces Trusted Types without 'allow-duplicates'
 * refuses with an exception and a violation report. So the whole bundle runs
 * only when no copy has registered the elements yet; a later copy warns once
 * and stops before any module code runs.
 */
const SECOND_COPY_GUARD = {
  banner: 'if(!globalThis.customElements?.get("anp-meta-box")){',
  footer: '}else console.warn("anp-components: loaded more than once; this copy does nothing.");',
};

/**
 * `vite build --mode classic`: the classic script for CMS themes, one
 * minified file (lit and @lit/context inside; DOMPurify is its sibling file)
 * that registers every element when a plain <script src> loads it. Its input
 * is the ES modules that `tsc -p tsconfig.build.json` wrote to dist/ just
 * before, so every output comes from one compilation.
 */
const classicScriptBuild = () =>
  defineConfig({
    // Lit's css`` and html`` template text is squeezed; the JS minifier leaves it alone.
    plugins: [minifyTemplatesPlugin(), guard({ forbid: ['dompurify'] }), classicSanitizerLoader()],
    define: { __ANP_SANITIZER_INTEGRITY__: JSON.stringify(sanitizerIntegrity()) },
    build: {
      ...OUTPUT,
      lib: {
        entry: 'dist/classic.js',
        // Required by the IIFE format; the entry exports nothing, so no global of this name is created.
        name: 'AnpComponentsBundle',
        formats: ['iife'],
        fileName: () => 'anp-components.iife.js',
      },
      rollupOptions: { output: SECOND_COPY_GUARD },
    },
  });

/**
 * `vite build --mode cdn`: the same elements as one self-contained ES module
 * for CDNs (`<script type="module" src="https://unpkg.com/anp-components/dist/anp-components.js">`),
 * minified, with a source map. lit and @lit/context are inside, and DOMPurify
 * is its chunk, fetched only for markup, so the page needs no import map; it registers every element and exports the
 * same API as the package root. The per-module files stay the npm entry
 * points, for tree-shaking.
 */
const cdnModuleBuild = defineConfig({
  plugins: [minifyTemplatesPlugin(), guard()],
  build: {
    ...OUTPUT,
    // Not library mode: Vite leaves whitespace in an ES library unminified.
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: 'dist/define.js',
      preserveEntrySignatures: 'strict',
      // The sanitizer is a chunk of its own (`anp-components.sanitizer.js`), fetched only when markup is met.
      // The DOM captures of src/core/dom.ts, which the entry and the sanitizer share, become a small chunk the
      // entry imports (`anp-components.shared.js`): Rolldown does not leave them in the entry (rolldown#10731).
      output: {
        format: 'es',
        entryFileNames: 'anp-components.js',
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /[\\/]purifier\.js$/.test(id)) ? 'anp-components.sanitizer.js' : 'anp-components.shared.js',
      },
    },
  },
});

/**
 * `vite build --mode sanitizer`, run before the classic script: DOMPurify and
 * the library's sanitizing rules as the classic script's sibling file, loaded
 * only by a page whose articles hold markup in a rich field.
 */
const sanitizerBuild = defineConfig({
  plugins: [guard({ expect: ['dompurify'], forbid: ['lit-html', 'lit'] })],
  build: {
    ...OUTPUT,
    lib: {
      entry: 'dist/classic-sanitizer.js',
      name: 'AnpComponentsSanitizer',
      formats: ['iife'],
      fileName: () => 'anp-components.sanitizer.iife.js',
    },
  },
});

/**
 * Without one of the modes above (Storybook, `vite` as a dev server): the
 * sources as they are, with Lit and DOMPurify guarded as in the builds, and
 * DOMPurify loaded by `import()` as in the ES build.
 */
const devConfig = defineConfig({
  plugins: [guard({ expect: [] })],
  server: { host: '127.0.0.1', port: 5173, open: false },
});

export default defineConfig(({ mode }) => {
  if (mode === 'classic') return classicScriptBuild();
  if (mode === 'cdn') return cdnModuleBuild;
  if (mode === 'sanitizer') return sanitizerBuild;
  return devConfig;
});
