import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy, SECURITY_HEADERS } from './build/csp.ts';
import { serviceWorker } from './build/serviceWorker.ts';

export default defineConfig({
  plugins: [react(), serviceWorker(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  // Dev: nosniff only (the React refresh preamble is an inline script; see build/csp.ts).
  server: { host: '127.0.0.1', headers: { 'X-Content-Type-Options': 'nosniff' } },
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
});
