import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/chromium';

/** A backend plan for any device (src/ui/backend/backendPlan.ts): WASM, WebGL, WebGPU, CPU. */
const PINNED_PLAN = {
  name: 'gvp.backendPlan.v1',
  value: JSON.stringify({
    device: '*',
    plan: ['wasm', 'webgl', 'webgpu', 'cpu'],
    results: [],
    measuredAt: 'pinned by playwright.config.ts',
  }),
};

// Overridable so that two checkouts (or two people) can run the suite side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: 'e2e',
  // One worker: WebGPU on SwiftShader is CPU-bound and the CI box has 2 cores.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    // WebGPU needs a secure context: 127.0.0.1 counts as one, a LAN address would not.
    baseURL: `http://127.0.0.1:${PORT}`,
    // auto's backend order pinned (WASM first, as measured on this software-GPU machine), so
    // that tests do not each run the background speed probe; e2e/autoBackend.spec.ts runs it.
    storageState: {
      cookies: [],
      origins: [{ origin: `http://127.0.0.1:${PORT}`, localStorage: [PINNED_PLAN] }],
    },
    trace: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath(),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  // Serves the built app (`npm run test:e2e` builds first).
  webServer: {
    command: `npx vite preview --outDir ${DIST} --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
