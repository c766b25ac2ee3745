import type { Config } from '../core/config/schema';
import type { HostEnv } from './hostEnv';
import type { BackendInfo } from './protocol';

/** How long a failed WebGPU step waits for the device-lost callback before it counts as an error. */
const LOST_GRACE_MS = 2000;

/**
 * The backend the engine runs on: which one was selected for which preference, and whether
 * its GPU device has been lost. `guard` runs a piece of work so that a lost device ends it
 * (a readback on a lost device may never settle) instead of hanging or failing obscurely.
 */
export class BackendSlot {
  info: BackendInfo | null = null;
  /** Why the device was lost, until a backend is selected again. */
  lost: string | null = null;
  private selectedFor: Config['backend'] | null = null;
  private lostSignal = signal();
  private unwatch: () => void = () => {};

  constructor(private readonly env: HostEnv) {}

  /** True when a run with this preference needs a (new) backend selected first. */
  needs(pref: Config['backend']): boolean {
    return this.selectedFor !== pref;
  }

  /** Forgets the selection (a broken backend is selected afresh by the next run). */
  invalidate(): void {
    this.selectedFor = null;
  }

  /** Selects a backend for `pref` (recorded as selected for `recordAs`) and watches its device. */
  async select(pref: Config['backend'], recordAs = pref): Promise<BackendInfo> {
    this.unwatch();
    this.selectedFor = null;
    this.info = await this.env.selectBackend(pref);
    this.selectedFor = recordAs;
    this.lost = null;
    this.lostSignal = signal();
    this.unwatch = this.env.watchDeviceLoss((reason) => {
      this.lost = reason;
      this.lostSignal.fire();
    });
    return this.info;
  }

  /** The work's result, or null when the device was lost meanwhile (other failures rethrow). */
  async guard<T>(work: Promise<T>): Promise<T | null> {
    try {
      return await Promise.race([work, this.lostSignal.promise]);
    } catch (e) {
      // An op on a lost device fails before the device-lost callback arrives: wait briefly.
      if (this.info?.name === 'webgpu') {
        const grace = new Promise<null>((r) => setTimeout(() => r(null), LOST_GRACE_MS));
        await Promise.race([this.lostSignal.promise, grace]);
      }
      if (this.lost) return null;
      throw e;
    }
  }
}

/** A promise with its resolver. */
function signal(): { promise: Promise<null>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<null>((resolve) => {
    fire = () => resolve(null);
  });
  return { promise, fire };
}
