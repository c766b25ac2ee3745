/// <reference lib="webworker" />
/**
 * The training worker: owns tfjs and the session; speaks only the protocol (protocol.ts).
 */
import * as tf from '@tensorflow/tfjs-core';
import { onDeviceLost, selectBackend } from './backend';
import type { DeviceLimits } from './budgetGate';
import { EngineHost } from './host';
import { transferables, type Command, type EngineMessage } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const host = new EngineHost({
  post: (msg: EngineMessage) => self.postMessage(msg, transferables(msg)),
  selectBackend,
  fetchBytes: async (url) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
    return res.arrayBuffer();
  },
  yieldToEvents: () => new Promise((resolve) => setTimeout(resolve, 0)),
  now: () => performance.now(),
  watchDeviceLoss: (onLost) => onDeviceLost((info) => onLost(info.reason)),
  loseDevice: () => (tf.backend() as unknown as { device?: { destroy(): void } }).device?.destroy(),
  deviceLimits,
  tensorMemory: () => {
    const { numTensors, numBytes } = tf.memory();
    return { numTensors, numBytes };
  },
});

/** navigator.deviceMemory and the active backend's largest buffer or texture. */
function deviceLimits(): DeviceLimits {
  const memory = (self.navigator as WorkerNavigator & { deviceMemory?: number }).deviceMemory;
  const gpu = (tf.backend() as unknown as { device?: { limits?: GPULimitsLike } }).device?.limits;
  const webgl = tf.getBackend() === 'webgl';
  return {
    deviceMemoryGiB: typeof memory === 'number' ? memory : undefined,
    maxBufferBytes: gpu ? Math.min(gpu.maxBufferSize, gpu.maxStorageBufferBindingSize) : undefined,
    maxTextureSize: webgl ? tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE') : undefined,
  };
}

interface GPULimitsLike {
  maxBufferSize: number;
  maxStorageBufferBindingSize: number;
}

self.onmessage = (e: MessageEvent<Command>) => void host.receive(e.data);
