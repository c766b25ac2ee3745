import type { Config } from '../core/config/schema';
import type { BackendInfo, BackendName, EngineMessage } from './protocol';

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
}
