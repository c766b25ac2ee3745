import type { Config } from '../core/config/schema';
import type { DeviceLimits } from './budgetGate';
import type { BackendInfo, BackendName, EngineMessage, TensorMemory } from './protocol';

/** Everything the host needs from its surroundings (worker or test harness). */
export interface HostEnv {
  post(msg: EngineMessage): void;
  /** Selects a backend; `auto` tries `plan` (fastest first) before the default order. */
  selectBackend(pref: Config['backend'], plan?: readonly BackendName[]): Promise<BackendInfo>;
  fetchBytes(url: string): Promise<ArrayBuffer>;
  /** Lets queued commands run between slices of training. */
  yieldToEvents(): Promise<void>;
  now(): number;
  /** Calls back when the GPU device behind the current backend is lost (WebGPU only). */
  watchDeviceLoss(onLost: (reason: string) => void): () => void;
  /** Test hook: destroys the current GPU device, as a driver reset would. */
  loseDevice(): void;
  /** What is known of the device's memory and the backend's limits (for the budget). */
  deviceLimits?(): DeviceLimits;
  /** tf.memory()'s tensor counts, sent with each pong. */
  tensorMemory?(): TensorMemory;
}
