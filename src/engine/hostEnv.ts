import type { Config } from '../core/config/schema';
import type { BackendInfo, EngineMessage } from './protocol';

/** Everything the host needs from its surroundings (worker or test harness). */
export interface HostEnv {
  post(msg: EngineMessage): void;
  selectBackend(pref: Config['backend']): Promise<BackendInfo>;
  fetchBytes(url: string): Promise<ArrayBuffer>;
  /** Lets queued commands run between slices of training. */
  yieldToEvents(): Promise<void>;
  now(): number;
  /** Calls back when the GPU device behind the current backend is lost (WebGPU only). */
  watchDeviceLoss(onLost: (reason: string) => void): () => void;
  /** Test hook: destroys the current GPU device, as a driver reset would. */
  loseDevice(): void;
}
