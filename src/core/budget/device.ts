/**
 * What a device can hold and how fast it computes, as plain numbers (house rule 1: the
 * engine reads navigator and the backend's limits and passes them in).
 *
 * Speeds are rough sustained rates of this app's kernels, from `npm run bench` (fig3-mnist
 * training step = 2Bp + 4Bd = 91 MFLOP): WASM 107 steps/s (about 1e10 flop/s), the CPU
 * backend 7.8 (7e8), WebGL on SwiftShader 37.8 (3.4e9), WebGPU on SwiftShader 5.1 (4.6e8).
 * A hardware GPU is assumed 3e10 (WebGL) and 5e10 (WebGPU): a guess, on the slow side.
 * Plain JavaScript loops (the teacher's data): 3e8 multiply-adds per second, from the issue's
 * measurement (60,000 x 2,000 x 10,000 took about 70 minutes).
 */

export type BudgetBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface DeviceBudget {
  /** For messages, e.g. 'wasm' or 'webgpu (software)'. */
  name: string;
  /** Bytes the run's tensors may take at their peak. */
  memoryBytes: number;
  /** The largest single tensor (WebGPU storage buffer, WebGL texture, WASM heap). */
  maxTensorBytes: number;
  /** Bytes of JavaScript arrays holding the data. */
  hostBytes: number;
  flopsPerSecond: number;
  jsOpsPerSecond: number;
}

export const GiB = 2 ** 30;
/** WASM memory is 32-bit: 4 GiB at most, less headroom for the module and its stack. */
export const WASM_HEAP_BYTES = 4 * GiB - 512 * 2 ** 20;
/** What navigator.deviceMemory is taken to be when a browser does not say. */
export const DEFAULT_DEVICE_MEMORY_GIB = 4;
const JS_OPS = 3e8;

const FLOPS: Record<BudgetBackend, { hardware: number; software: number }> = {
  webgpu: { hardware: 5e10, software: 4e8 },
  webgl: { hardware: 3e10, software: 3e9 },
  wasm: { hardware: 8e9, software: 8e9 },
  cpu: { hardware: 7e8, software: 7e8 },
};

export interface BrowserDeviceInfo {
  backend: BudgetBackend;
  /** A software adapter (SwiftShader): GPU backends run at CPU speed. */
  software: boolean;
  /** navigator.deviceMemory in GiB (browsers report 0.25 to 8), if known. */
  deviceMemoryGiB?: number;
  /** WebGPU: min(maxBufferSize, maxStorageBufferBindingSize). */
  maxBufferBytes?: number;
  /** WebGL: the largest texture side (a tensor is packed 4 floats per texel). */
  maxTextureSize?: number;
}

/** A browser tab: half the device's memory for the run, within each backend's own limits. */
export function browserDevice(info: BrowserDeviceInfo): DeviceBudget {
  const memory = ((info.deviceMemoryGiB ?? DEFAULT_DEVICE_MEMORY_GIB) * GiB) / 2;
  const gpuTensor =
    info.backend === 'webgpu'
      ? (info.maxBufferBytes ?? 128 * 2 ** 20)
      : (info.maxTextureSize ?? 4096) ** 2 * 16;
  const limits: Record<BudgetBackend, [number, number]> = {
    webgpu: [memory, gpuTensor],
    webgl: [memory, gpuTensor],
    wasm: [Math.min(memory, WASM_HEAP_BYTES), Math.min(memory, WASM_HEAP_BYTES)],
    cpu: [Math.min(memory, 4 * GiB), Math.min(memory, 2 * GiB)],
  };
  const [memoryBytes, maxTensorBytes] = limits[info.backend];
  const soft = info.software && (info.backend === 'webgpu' || info.backend === 'webgl');
  return {
    name: `${info.backend}${soft ? ' (software)' : ''}`,
    memoryBytes,
    maxTensorBytes,
    hostBytes: Math.min(memory, 2 * GiB),
    flopsPerSecond: FLOPS[info.backend][info.software ? 'software' : 'hardware'],
    jsOpsPerSecond: JS_OPS,
  };
}

/** Node (the CLIs): half the machine's memory, WASM within its heap. */
export function nodeDevice(backend: 'wasm' | 'cpu', totalMemoryBytes: number): DeviceBudget {
  const half = totalMemoryBytes / 2;
  const memoryBytes = backend === 'wasm' ? Math.min(half, WASM_HEAP_BYTES) : half;
  return {
    name: backend,
    memoryBytes,
    maxTensorBytes: backend === 'wasm' ? memoryBytes : Math.min(half, 2 * GiB),
    hostBytes: half,
    flopsPerSecond: FLOPS[backend].hardware,
    jsOpsPerSecond: JS_OPS,
  };
}
