/**
 * What a backend runs on, and why one failed to start. Structural types stand in for the
 * WebGPU/WebGL ones so this compiles (and runs) with or without those globals: in Node,
 * a worker, or a page.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from './protocol';

interface GpuAdapterInfoLike {
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}
interface GpuAdapterLike {
  info?: GpuAdapterInfoLike;
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}
/** The parts of GPUDevice used here. */
export interface GpuDeviceLike {
  lost: Promise<{ reason: unknown; message: string }>;
  destroy(): void;
  adapterInfo?: GpuAdapterInfoLike;
}
interface WebGlLike {
  RENDERER: number;
  getParameter(p: number): unknown;
  getExtension(name: string): unknown;
}

/** Renderer names of software rasterisers (SwiftShader, Mesa llvmpipe, Microsoft WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|warp/i;

function navigatorGpu(): GpuLike | undefined {
  return (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
}

/** The active WebGPU backend's GPUDevice, or null when the active backend is not WebGPU. */
export function webgpuDevice(): GpuDeviceLike | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: GpuDeviceLike }).device;
  return device ?? null;
}

/** A readable adapter name for the active backend, and whether it runs in software. */
export async function describeAdapter(
  name: BackendName,
): Promise<{ adapter: string; software: boolean }> {
  switch (name) {
    case 'webgpu':
      return describeWebGpu();
    case 'webgl':
      return describeWebGl();
    case 'wasm': {
      const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
      const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
      const features = [simd ? 'SIMD' : 'no SIMD', threads ? 'threads' : 'single thread'];
      return { adapter: `WebAssembly (${features.join(', ')})`, software: true };
    }
    case 'cpu':
      return { adapter: 'JavaScript (CPU)', software: true };
  }
}

/** tfjs keeps vendor/architecture from GPUAdapter.info; newer Chromes also expose device.adapterInfo. */
function describeWebGpu(): { adapter: string; software: boolean } {
  const backendInfo = (tf.backend() as unknown as { adapterInfo?: GpuAdapterInfoLike }).adapterInfo;
  const info: GpuAdapterInfoLike = { ...webgpuDevice()?.adapterInfo, ...backendInfo };
  const parts = [info.vendor, info.architecture, info.description].filter(
    (p, i, all): p is string => !!p && all.indexOf(p) === i,
  );
  const label = parts.length > 0 ? parts.join(' ') : 'unknown adapter';
  const software = info.isFallbackAdapter === true || SOFTWARE.test(label);
  return { adapter: software ? `${label} (software)` : label, software };
}

function describeWebGl(): { adapter: string; software: boolean } {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGlLike } }).gpgpu?.gl;
  if (!gl) return { adapter: 'unknown WebGL renderer', software: false };
  const version = tf.env().getNumber('WEBGL_VERSION');
  // UNMASKED_RENDERER_WEBGL = 0x9246; the extension may be hidden for privacy.
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(debug ? 0x9246 : gl.RENDERER));
  const software = SOFTWARE.test(renderer);
  const label = `WebGL${version} ${renderer}`;
  return { adapter: software ? `${label} (software)` : label, software };
}

/** Why `name` has no factory or did not initialise, checked after the fact. */
export async function diagnoseFailure(name: BackendName): Promise<string> {
  switch (name) {
    case 'webgpu':
      return diagnoseWebGpu();
    case 'webgl':
      return diagnoseWebGl();
    case 'wasm':
      return tf.env().getBool('IS_BROWSER')
        ? 'the .wasm binary could not be fetched or instantiated (see console)'
        : 'the .wasm binary could not be loaded (see console)';
    case 'cpu':
      return 'the CPU backend did not initialise (see console)';
  }
}

async function diagnoseWebGpu(): Promise<string> {
  const gpu = navigatorGpu();
  if (!gpu) return 'navigator.gpu is missing (WebGPU is not exposed in this context)';
  try {
    const adapter = await gpu.requestAdapter();
    if (adapter === null) {
      return 'navigator.gpu.requestAdapter() returned null (no usable GPU adapter)';
    }
  } catch (e) {
    return `navigator.gpu.requestAdapter() threw: ${String(e)}`;
  }
  return 'an adapter exists but requesting the device failed (see console)';
}

function diagnoseWebGl(): string {
  if (!tf.env().getBool('IS_BROWSER')) return 'not a browser (tfjs registers WebGL only there)';
  const isWorker = typeof (globalThis as { document?: unknown }).document === 'undefined';
  if (isWorker && typeof OffscreenCanvas === 'undefined') {
    return 'OffscreenCanvas is missing, so a worker cannot create a WebGL context';
  }
  try {
    const canvas = isWorker ? new OffscreenCanvas(1, 1) : null;
    const gl = canvas?.getContext('webgl2');
    if (isWorker && !gl) return 'could not create a WebGL2 context (tfjs needs WebGL2 in a worker)';
  } catch (e) {
    return `creating a WebGL2 context threw: ${String(e)}`;
  }
  return 'a WebGL context exists but tfjs could not initialise it (see console)';
}
