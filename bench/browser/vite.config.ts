/**
 * Vite config for the bench page only (`npm run bench` builds it; the app's vite.config.ts is
 * untouched): the repository root as root, so that the worker imports the app's own engine
 * modules and public/data is copied; one entry, bench/browser/index.html.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: 'dist-bench',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('./index.html', import.meta.url)) },
  },
  preview: { host: '127.0.0.1' },
});
