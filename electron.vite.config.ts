import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main: only the Electron shell entry (src/main/electron/main.ts), ESM (package.json "type": "module").
// Preload: src/preload/index.ts -> out/preload/index.cjs. A sandboxed renderer's preload cannot be an ES
// module, so it is forced to CommonJS with a .cjs name (a .js file would be read as ESM here).
// Renderer: src/renderer -> out/renderer, which `portscope web` serves too.
export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('src/main/electron/main.ts') } } },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: { rolldownOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
