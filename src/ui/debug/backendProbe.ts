/**
 * Debug hook: runs src/engine/backendProbe.worker.ts in a fresh worker and resolves with its
 * report (which backend, adapter, fallbacks, timings). Used by the e2e tests through
 * `window.__probeBackend`; not part of the app's UI.
 */
import type { BackendInfo } from '../../engine/protocol';

export type BackendPreference = 'auto' | BackendInfo['name'];

/** Mirrors ProbeReply in the worker (which cannot be imported here: different lib). */
export interface ProbeResult {
  info: BackendInfo;
  /** Top-left 2x2 of a 64x64 test matmul, row-major. */
  value: number[];
  selectMs: number;
  matmulMs: number;
  lost?: { reason: string; message: string; recovered: BackendInfo };
}

export interface ProbeOptions {
  /** Destroy the WebGPU device after the first matmul and report the recovery. */
  loseDevice?: boolean;
  timeoutMs?: number;
}

export function probeBackend(
  preference: BackendPreference,
  options: ProbeOptions = {},
): Promise<ProbeResult> {
  const worker = new Worker(new URL('../../engine/backendProbe.worker.ts', import.meta.url), {
    type: 'module',
  });
  const timer = { id: 0 };
  return new Promise<ProbeResult>((resolve, reject) => {
    timer.id = window.setTimeout(
      () => reject(new Error(`backend probe timed out (${preference})`)),
      options.timeoutMs ?? 60_000,
    );
    worker.onmessage = (
      e: MessageEvent<({ ok: true } & ProbeResult) | { ok: false; error: string }>,
    ) => {
      if (!e.data.ok) return reject(new Error(e.data.error));
      const { info, value, selectMs, matmulMs, lost } = e.data;
      resolve({ info, value, selectMs, matmulMs, ...(lost ? { lost } : {}) });
    };
    worker.onerror = (e) => reject(new Error(`probe worker error: ${e.message}`));
    worker.postMessage({ preference, loseDevice: options.loseDevice });
  }).finally(() => {
    window.clearTimeout(timer.id);
    worker.terminate();
  });
}

/** Makes `probeBackend` reachable as `window.__probeBackend` (for Playwright's page.evaluate). */
export function exposeProbe(target: Window): void {
  Object.assign(target, { __probeBackend: probeBackend });
}
