/**
 * The Chromium half of `npm run bench`, inside a dedicated Web Worker as the app's engine is:
 * selects the backend the way the app does (src/engine/backend.ts), loads the MNIST file the
 * app loads, and runs the shared measurements (bench/engineMeasure.ts) on the app's Session.
 * Posts a BenchMessage as each phase starts, then the final row (one worker per backend).
 */
import { decodeMnist } from '../../src/core/data/mnist';
import { selectBackend } from '../../src/engine/backend';
import type { BackendName } from '../../src/engine/protocol';
import { measureBackend, type BackendResult, type BenchSizes, type Phase } from '../engineMeasure';

export interface BenchRequest {
  backend: BackendName;
  dataUrl: string;
  sizes: BenchSizes;
}

export type BenchMessage =
  | { kind: 'progress'; phase: Phase | 'backend' | 'data'; row: BackendResult | null }
  | { kind: 'done'; row: BackendResult }
  | { kind: 'error'; error: string };

const post = (m: BenchMessage) => postMessage(m);

onmessage = async (e: MessageEvent<BenchRequest>) => {
  const { backend, dataUrl, sizes } = e.data;
  try {
    post({ kind: 'progress', phase: 'backend', row: null });
    const info = await selectBackend(backend);
    if (info.name !== backend) {
      const why = info.fallbacks.find((f) => f.backend === backend)?.reason ?? 'unknown';
      throw new Error(`unavailable (${why}); the app would fall back to ${info.name}`);
    }
    post({ kind: 'progress', phase: 'data', row: null });
    const res = await fetch(dataUrl);
    if (!res.ok) throw new Error(`could not load ${dataUrl}: HTTP ${res.status}`);
    const mnist = decodeMnist(await res.arrayBuffer());
    const row = await measureBackend(backend, 'chromium', mnist, sizes, (phase, r) =>
      post({
        kind: 'progress',
        phase,
        row: { ...r, detail: { ...r.detail, adapter: info.adapter } },
      }),
    );
    post({ kind: 'done', row: { ...row, detail: { ...row.detail, adapter: info.adapter } } });
  } catch (err) {
    post({ kind: 'error', error: err instanceof Error ? err.message : String(err) });
  }
};
