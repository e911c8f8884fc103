import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    vue({
      // A compile-time option: render anp-* tags as custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('anp-') } },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true },
});
