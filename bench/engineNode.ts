/**
 * Node half of `npm run bench`: the measurements of engineMeasure.ts on the tfjs CPU and
 * WASM backends (tfjs-node is not used: the app never runs on it).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { MnistData } from '../src/core/data/mnist';
import { measureBackend, type BackendResult, type BenchSizes } from './engineMeasure';

// PROD silences the "install tfjs-node" banner (TFJS-NOTES 10); IS_TEST would too, but its
// kernel leak check throws inside tf.LayersModel.fit (softmaxCrossEntropy, fusedMatMul).
tf.env().set('PROD', true);

/** All Node figures for one backend; a backend that fails gets a row with the reason. */
export async function benchNode(
  backend: 'cpu' | 'wasm',
  mnist: MnistData,
  sizes: BenchSizes,
): Promise<BackendResult> {
  let last: BackendResult | null = null;
  let phase = 'start';
  try {
    if (!(await tf.setBackend(backend))) throw new Error(`${backend} did not start`);
    return await measureBackend(backend, 'node', mnist, sizes, (p, row) => {
      phase = p;
      last = structuredClone(row);
    });
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ...(last ?? emptyRow(backend)), note: `failed during ${phase}: ${why}` };
  }
}

function emptyRow(backend: string): BackendResult {
  return {
    backend,
    where: 'node',
    stepsPerSecond: null,
    measurementMs: null,
    measurementOverStep: null,
    fitStepsPerSecond: null,
    oursOverFit: null,
    syncReadbacks: null,
    kernelsPerStep: null,
  };
}
