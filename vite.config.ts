import { defineConfig } from 'vite';

/**
 * Builds the classic script for CMS themes: one self-contained, minified
 * file (lit, @lit/context and dompurify inside) that registers every element
 * when a plain <script src> loads it. Its input is the ES modules that
 * `tsc -p tsconfig.build.json` wrote to dist/ just before, so both outputs
 * come from one compilation.
 *
 * The dev server (`npm start`) serves demo/ from the project root.
 */
export default defineConfig({
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
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    open: false,
  },
});
