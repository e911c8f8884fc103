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

/** The classic script's sibling files, which `npm run build` makes just before it (modes `sanitizer` and `locales`). */
const SANITIZER_FILE = 'dist/anp-components.sanitizer.iife.js';
const LOCALES_FILE = 'dist/anp-components.locales.iife.js';
const SIGNALS_FILE = 'dist/anp-components.signals.iife.js';

/** What every build writes: minified files with source maps into dist/, next to what tsc wrote. */
const OUTPUT = { outDir: 'dist', emptyOutDir: false, sourcemap: true, minify: true, target: 'es2021' } as const;

/**
 * The classic script cannot import a chunk, so it reaches the sanitizer and
 * the label packs through `classic-sibling-loader.ts` (sibling files with
 * integrity hashes) in place of `core/sanitizer-loader.ts` and
 * `core/label-packs-loader.ts` (dynamic imports).
 */
function classicSiblingLoader(): Plugin {
  const esLoaders = ['sanitizer-loader.js', 'label-packs-loader.js', 'signals-loader.js'].map((name) =>
    fileURLToPath(new URL(`./dist/core/${name}`, import.meta.url)),
  );
  const classicLoader = fileURLToPath(new URL('./dist/classic-sibling-loader.js', import.meta.url));
  return {
    name: 'anp-classic-sibling-loader',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && esLoaders.includes(resolved.id) ? classicLoader : null;
    },
  };
}

/** `sha384-…` of a sibling file, for its `integrity`. */
function integrityOf(file: string): string {
  const digest = createHash('sha384').update(readFileSync(file)).digest('base64');
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
 * minified file (lit and @lit/context inside; DOMPurify and the label packs
 * besides English are its sibling files)
 * that registers every element when a plain <script src> loads it. Its input
 * is the ES modules that `tsc -p tsconfig.build.json` wrote to dist/ just
 * before, so every output comes from one compilation.
 */
const classicScriptBuild = () =>
  defineConfig({
    // Lit's css`` and html`` template text is squeezed; the JS minifier leaves it alone.
    plugins: [minifyTemplatesPlugin(), guard({ forbid: ['dompurify'] }), classicSiblingLoader()],
    define: {
      __ANP_SANITIZER_INTEGRITY__: JSON.stringify(integrityOf(SANITIZER_FILE)),
      __ANP_LOCALES_INTEGRITY__: JSON.stringify(integrityOf(LOCALES_FILE)),
      __ANP_SIGNALS_INTEGRITY__: JSON.stringify(integrityOf(SIGNALS_FILE)),
    },
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
 * is its chunk, fetched only for markup (the label packs too, only for their
 * languages), so the page needs no import map; it registers every element and exports the
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
      // The sanitizer is a chunk of its own (`anp-components.sanitizer.js`), fetched only when markup is met,
      // and so are the label packs (`anp-components.locales.js`), fetched only for a language that has one,
      // and the signals (`anp-components.signals.js`), fetched only for a meta box with `signals`.
      // The DOM captures of src/core/dom.ts, which the entry and the sanitizer share, become a small chunk the
      // entry imports (`anp-components.shared.js`): Rolldown does not leave them in the entry (rolldown#10731).
      output: {
        format: 'es',
        entryFileNames: 'anp-components.js',
        chunkFileNames: (chunk) => {
          const holds = (file: RegExp) => chunk.moduleIds.some((id) => file.test(id));
          if (holds(/[\\/]purifier\.js$/)) return 'anp-components.sanitizer.js';
          if (holds(/[\\/]signals\.js$/)) return 'anp-components.signals.js';
          return holds(/[\\/]label-packs\.js$/) ? 'anp-components.locales.js' : 'anp-components.shared.js';
        },
        // What the entry shares with its chunks is one chunk, not one per set of sharers: the DOM captures
        // (entry and sanitizer), and the key and pointer helpers the signals chunk also uses.
        codeSplitting: { groups: [{ name: 'shared', test: /[\\/]core[\\/](dom|format|limits)\.js$/ }] },
      },
    },
  },
});

/**
 * A sibling file of the classic script, which it loads by itself (src/classic-sibling-loader.ts);
 * built before it, so that it can carry the file's hash. One IIFE per build, as Vite makes them.
 */
const siblingBuild = (entry: string, file: string, guarded: { expect: string[]; forbid: string[] }) =>
  defineConfig({
    plugins: [guard(guarded)],
    build: {
      ...OUTPUT,
      // Required by the IIFE format; the entry exports nothing, so no global of this name is created.
      lib: { entry, name: 'AnpComponentsSibling', formats: ['iife'], fileName: () => file.replace('dist/', '') },
    },
  });

/**
 * `vite build --mode sanitizer`: DOMPurify and the library's sanitizing rules,
 * loaded only by a page whose articles hold markup in a rich field.
 */
const sanitizerBuild = siblingBuild('dist/classic-sanitizer.js', SANITIZER_FILE, { expect: ['dompurify'], forbid: ['lit-html', 'lit'] });

/**
 * `vite build --mode locales`: the label packs besides English, loaded only by
 * a page with an element in one of their languages.
 */
const localesBuild = siblingBuild('dist/classic-locales.js', LOCALES_FILE, { expect: [], forbid: ['lit-html', 'lit', 'dompurify'] });

/**
 * `vite build --mode signals`: the meta box's data-quality signals, loaded
 * only by a page with a meta box that has the `signals` attribute.
 */
const signalsBuild = siblingBuild('dist/classic-signals.js', SIGNALS_FILE, { expect: [], forbid: ['lit-html', 'lit', 'dompurify'] });

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
  if (mode === 'locales') return localesBuild;
  if (mode === 'signals') return signalsBuild;
  return devConfig;
});
