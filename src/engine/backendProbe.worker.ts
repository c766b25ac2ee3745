/// <reference lib="webworker" />
/**
 * Diagnostic worker (e2e tests, the debug hook): selects a backend, times its start-up and a
 * small matmul, optionally simulates a lost WebGPU device, and posts one ProbeReply.
 */
import * as tf from '@tensorflow/tfjs-core';
import { onDeviceLost, selectBackend } from './backend';
import { webgpuDevice } from './backendDiagnostics';
import type { ProbeReply, ProbeRequest } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** (A B)[i,j] = sum_k<64 A[i,k] B[k,j], A[i,k] = (i+k)/64, B[k,j] = (k-j)/64; top-left 2x2. */
async function matmul(): Promise<number[]> {
  const product = tf.tidy(() => {
    const k = tf.range(0, 64);
    const column = tf.reshape(k, [64, 1]);
    const a = tf.div(tf.add(column, k), 64);
    const b = tf.div(tf.sub(column, k), 64);
    return tf.slice(tf.matMul(a, b), [0, 0], [2, 2]);
  });
  try {
    return Array.from(await product.data());
  } finally {
    product.dispose();
  }
}

async function loseAndRecover(): Promise<NonNullable<Extract<ProbeReply, { ok: true }>['lost']>> {
  const lost = new Promise<{ reason: string; message: string }>((resolve) => onDeviceLost(resolve));
  webgpuDevice()?.destroy();
  const info = await lost;
  const recovered = await selectBackend('auto');
  await matmul();
  return { ...info, recovered };
}

async function probe(request: ProbeRequest): Promise<ProbeReply> {
  const t0 = performance.now();
  const info = await selectBackend(request.preference);
  const t1 = performance.now();
  const value = await matmul();
  const t2 = performance.now();
  const reply: ProbeReply = { ok: true, info, value, selectMs: t1 - t0, matmulMs: t2 - t1 };
  if (request.loseDevice && info.name === 'webgpu') reply.lost = await loseAndRecover();
  return reply;
}

self.onmessage = (e: MessageEvent<ProbeRequest>) => {
  probe(e.data).then(
    (reply) => self.postMessage(reply),
    (err: unknown) => self.postMessage({ ok: false, error: String(err) } satisfies ProbeReply),
  );
};
