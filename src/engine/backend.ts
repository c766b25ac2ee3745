/// <reference types="vite/client" />
/**
 * Backend selection for the worker (and Node): an explicit loop webgpu → webgl → wasm → cpu
 * (TFJS-NOTES 2). Each backend module is imported lazily, so a worker that lands on WebGPU
 * never downloads the WebGL or WASM code, and importing never touches `navigator.gpu` unless
 * it exists (the webgpu module only registers its factory when it does).
 *
 * Why a backend was skipped is recorded in `fallbacks`. tfjs swallows factory errors
 * (setBackend just resolves false and logs a warning), so the reason is diagnosed after the
 * failure by re-checking the prerequisite that usually fails (no adapter, no WebGL context, no
 * .wasm binary). A backend that initialises is also smoke-tested with a 2x2 matmul and one
 * `await data()` before it is accepted.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendInfo, BackendName } from './protocol';
import { describeAdapter, diagnoseFailure, webgpuDevice } from './backendDiagnostics';

export type { BackendInfo, BackendName };
export type BackendPreference = 'auto' | BackendName;

/** Most preferred first. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Imports that register each backend's factory with tfjs-core (side effects only). */
const LOADERS: Readonly<Record<BackendName, () => Promise<unknown>>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: loadWasm,
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/**
 * In a browser the .wasm binaries are emitted by Vite (`?url` imports) and their URLs handed
 * to tfjs; in Node the package's own node build reads them from node_modules. The URL imports
 * are dynamic so that plain Node (tsx) never sees a `?url` specifier.
 */
async function loadWasm(): Promise<void> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!tf.env().getBool('IS_BROWSER')) return;
  const [plain, simd, threaded] = await Promise.all([
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
    import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
  ]);
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': plain.default,
    'tfjs-backend-wasm-simd.wasm': simd.default,
    'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
  });
}

/**
 * The candidates for a preference: the forced one first, then the default order; for auto,
 * the plan (the probe's ranking, fastest first) when there is one, then the rest.
 */
export function candidates(
  preference: BackendPreference,
  plan?: readonly BackendName[],
): BackendName[] {
  const first = preference === 'auto' ? (plan ?? []) : [preference];
  return [...new Set([...first, ...BACKEND_ORDER])];
}

/**
 * Activates the first backend of `candidates(preference)` that loads, initialises and passes
 * a smoke test. Resolves with which one, on what adapter, and why the earlier ones failed.
 * Rejects only if every backend (cpu included) fails.
 */
export async function selectBackend(
  preference: BackendPreference,
  plan?: readonly BackendName[],
): Promise<BackendInfo> {
  const fallbacks: BackendInfo['fallbacks'] = [];
  for (const name of candidates(preference, plan)) {
    const failure = await tryBackend(name);
    if (failure === null) {
      const { adapter, software } = await describeAdapter(name);
      return { name, adapter, software, fallbacks };
    }
    const forced = name === preference ? ' (requested)' : '';
    fallbacks.push({ backend: name, reason: failure + forced });
  }
  const summary = fallbacks.map((f) => `${f.backend}: ${f.reason}`).join('; ');
  throw new Error(`no tfjs backend could be initialised (${summary})`);
}

/** null when `name` is now the active, working backend; otherwise why not. */
async function tryBackend(name: BackendName): Promise<string | null> {
  try {
    await LOADERS[name]();
  } catch (e) {
    return `could not load the backend module: ${message(e)}`;
  }
  if (tf.findBackendFactory(name) == null) {
    return `not registered: ${await diagnoseFailure(name)}`;
  }
  let ok = false;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    return `setBackend threw: ${message(e)}`;
  }
  if (!ok) return `initialisation failed: ${await diagnoseFailure(name)}`;
  try {
    await smokeTest();
  } catch (e) {
    return `initialised but a test matmul failed: ${message(e)}`;
  }
  return null;
}

/** [[1,2],[3,4]] x [[5,6],[7,8]] = [[19,22],[43,50]]; one async readback (TFJS-NOTES 3). */
async function smokeTest(): Promise<void> {
  const product = tf.tidy(() =>
    tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])),
  );
  try {
    const values = await product.data();
    const expected = [19, 22, 43, 50];
    if (!expected.every((v, i) => Math.abs(values[i] - v) < 1e-3)) {
      throw new Error(`wrong result [${Array.from(values).join(', ')}]`);
    }
  } finally {
    product.dispose();
  }
}

export interface DeviceLostInfo {
  /** 'destroyed' when the page destroyed the device, 'unknown' for driver resets etc. */
  reason: string;
  message: string;
}

/**
 * Calls `callback` once if the active WebGPU device is lost (GPUDevice.lost, reached through
 * the backend's `device` field). Before the callback runs, the dead backend instance is
 * dropped and its factory re-registered, so a following `selectBackend` requests a fresh
 * device or falls back; all tensors of the lost device are gone and must be rebuilt.
 * Returns an unsubscribe function; a no-op when the active backend is not WebGPU.
 */
export function onDeviceLost(callback: (info: DeviceLostInfo) => void): () => void {
  const device = webgpuDevice();
  if (device === null) return () => {};
  const watch = { active: true };
  void device.lost.then((info) => {
    if (!watch.active) return;
    rearmBackend('webgpu');
    callback({ reason: String(info.reason), message: info.message });
  });
  return () => {
    watch.active = false;
  };
}

/** Drops a backend's (broken) instance but keeps its factory for the next setBackend. */
function rearmBackend(name: BackendName): void {
  const factory = tf.findBackendFactory(name);
  const entry = tf.engine().registryFactory[name];
  if (factory == null || entry == null) return;
  try {
    tf.removeBackend(name);
  } catch {
    // Disposing a backend whose device is gone may throw; the instance is dropped anyway.
  }
  tf.registerBackend(name, factory, entry.priority);
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'object' && e !== null && 'message' in e) return String(e.message);
  return String(e);
}
