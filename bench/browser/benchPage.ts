/**
 * The bench page (bench/browser/index.html, built only by `npm run bench` into dist-bench/):
 * `window.runBench(backend, sizes)` runs bench.worker.ts in a fresh dedicated worker and
 * resolves with its last message; each message is also passed to `window.__benchProgress`
 * when the driver (Playwright) has exposed one.
 */
import type { BenchMessage, BenchRequest } from './bench.worker';

type Hooked = Window & { __benchProgress?: (m: BenchMessage) => void };

function runBench(backend: BenchRequest['backend'], sizes: BenchRequest['sizes']) {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
  const dataUrl = new URL('/data/mnist-10k.bin', location.href).href;
  const report = (m: BenchMessage) => void (window as Hooked).__benchProgress?.(m);
  return new Promise<BenchMessage>((resolve) => {
    worker.onmessage = (e: MessageEvent<BenchMessage>) => {
      report(e.data);
      if (e.data.kind === 'progress') return;
      resolve(e.data);
      worker.terminate();
    };
    worker.onerror = (e) => {
      const m: BenchMessage = {
        kind: 'error',
        error: `worker error: ${e.message || 'failed to start'}`,
      };
      report(m);
      resolve(m);
      worker.terminate();
    };
    worker.postMessage({ backend, dataUrl, sizes } satisfies BenchRequest);
  });
}

Object.assign(window, { runBench });
document.body.textContent = 'Gradient Variance Playground bench page: runBench(backend, sizes).';
