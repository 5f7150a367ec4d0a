import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // The CSP forbids inline scripts: keep the module-preload polyfill out of index.html.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
