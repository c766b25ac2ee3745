/**
 * How the training loop paces itself: slices of steps short enough that Pause and Reset act
 * at once whatever the measurement interval, and a steps-per-second readout that matches the
 * rate a stopwatch would measure.
 */

/** Target wall time of one slice of training steps between two looks at the command queue. */
export const SLICE_MS = 40;
const MAX_SLICE_STEPS = 4096;

/**
 * Steps per slice, adapted to the measured time per step: doubled while a slice takes under
 * half the target, halved when one takes over twice the target. Slices that included a
 * measurement or a re-clustering are not used to adapt (they are slow for another reason).
 */
export class SliceSizer {
  steps = 1;

  next(remaining: number): number {
    return Math.max(1, Math.min(this.steps, remaining));
  }

  observe(steps: number, ms: number, measured: boolean): void {
    if (measured || steps < this.steps) return;
    if (ms < SLICE_MS / 2) this.steps = Math.min(MAX_SLICE_STEPS, this.steps * 2);
    else if (ms > SLICE_MS * 2) this.steps = Math.max(1, Math.floor(this.steps / 2));
  }
}

/**
 * Once a slice ending in a measurement has taken this long (ms) in a run, the host says before
 * each later one which step it measures: no message comes while it runs (seconds, on MNIST,
 * when GC re-clusters); the page shows it only when it lasts.
 */
export const SLOW_MEASUREMENT_MS = 1000;

/**
 * Steps per second as a stopwatch would measure them: Δsteps / Δt over a window of wall time
 * that spans at least WINDOW_MS and CYCLES times the longest pause between two samples seen
 * since the loop started (a measurement or a re-clustering: no steps for seconds, on MNIST),
 * at most MAX_WINDOW_MS. A 2 s window after a 3 s measurement would read either the fast
 * steps alone or almost nothing; one over whole measurement cycles reads the throughput.
 */
const WINDOW_MS = 2000;
const CYCLES = 3;
const MAX_WINDOW_MS = 30_000;

export class RateMeter {
  private samples: { t: number; steps: number }[] = [];
  private longestGap = 0;

  /** Records that `steps` steps have been taken in total at time `t` (ms). */
  add(t: number, steps: number): void {
    const prev = this.samples.at(-1);
    if (prev) this.longestGap = Math.max(this.longestGap, t - prev.t);
    this.samples.push({ t, steps });
    const window = Math.min(MAX_WINDOW_MS, Math.max(WINDOW_MS, CYCLES * this.longestGap));
    while (this.samples.length > 2 && t - this.samples[1].t >= window) this.samples.shift();
  }

  /** The rate over the window; 0 before two samples half a second apart. */
  value(): number {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.t - first.t < 500) return 0;
    return ((last.steps - first.steps) * 1000) / (last.t - first.t);
  }

  /** Forgets the samples (the loop stopped: a pause must not count as slow training). */
  clear(): void {
    this.samples = [];
    this.longestGap = 0;
  }
}
