import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { clobberGuardPlugin } from './scripts/clobber-guard.mjs';
import { minifyTemplatesPlugin } from './scripts/minify-templates.mjs';

/**
 * Lit and DOMPurify inside both bundles call the DOM through src/core/dom.ts
 * (built to dist/core/dom.js), so host markup such as `<img name=importNode>`
 * cannot replace what they call; see scripts/clobber-guard.mjs.
 */
const guard = () => clobberGuardPlugin({ domModule: fileURLToPath(new URL('./dist/core/dom.js', import.meta.url)) });

/**
 * Builds the classic script for CMS themes: one self-contained, minified
 * file (lit, @lit/context and dompurify inside) that registers every element
 * when a plain <script src> loads it. Its input is the ES modules that
 * `tsc -p tsconfig.build.json` wrote to dist/ just before, so both outputs
 * come from one compilation.
 *
 * The dev server (`npm start`) serves demo/ from the project root.
 */
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

const classicScriptBuild = defineConfig({
  // Lit's css`` and html`` template text is squeezed; the JS minifier leaves it alone.
  plugins: [minifyTemplatesPlugin(), guard()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2021',
    lib: {
      entry: 'dist/classic.js',
      // Required by the IIFE format; the entry exports nothing, so no global of this name is created.
      name: 'AnpComponentsBundle',
      formats: ['iife'],
      fileName: () => 'anp-components.iife.js',
    },
    rollupOptions: { output: SECOND_COPY_GUARD },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    open: false,
  },
});

/**
 * `vite build --mode cdn`: the same elements as one self-contained ES module
 * for CDNs (`<script type="module" src="https://unpkg.com/anp-components/dist/anp-components.js">`),
 * minified, with a source map. lit, @lit/context and dompurify are inside, so
 * the page needs no import map; it registers every element and exports the
 * same API as the package root. The per-module files stay the npm entry
 * points, for tree-shaking.
 */
const cdnModuleBuild = defineConfig({
  plugins: [minifyTemplatesPlugin(), guard()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: true,
    target: 'es2021',
    // Not library mode: Vite leaves whitespace in an ES library unminified.
    modulePreload: false,
    copyPublicDir: false,
    rollupOptions: {
      input: 'dist/define.js',
      preserveEntrySignatures: 'strict',
      output: { format: 'es', entryFileNames: 'anp-components.js' },
    },
  },
});

export default defineConfig(({ mode }) => (mode === 'cdn' ? cdnModuleBuild : classicScriptBuild));
