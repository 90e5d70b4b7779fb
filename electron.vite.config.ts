import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main: only the Electron shell entry (src/main/electron/main.ts). Preload: src/preload/index.ts.
// Renderer: src/renderer -> out/renderer, which `portscope web` serves too.
export default defineConfig({
  main: {
    build: { rollupOptions: { input: { index: resolve('src/main/electron/main.ts') } } },
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') } } },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
