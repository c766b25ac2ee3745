/**
 * The UI's handle on a sweep: a pool of sweep workers (sweep.worker.ts), one run per worker at
 * a time, the next run going to the first worker free; replies in completion order. Cancel
 * terminates every worker at once (a run stops mid-step); a new sweep gets a new pool. The UI
 * imports this module and the protocol, never the workers themselves.
 */
import type { Config } from '../core/config/schema';
import type { SweepCommand, SweepReply } from './protocol';

export interface SweepJob {
  index: number;
  config: Config;
}

/** Workers for this machine: one per logical core (navigator.hardwareConcurrency), at least 1. */
export function poolSize(runs: number, cores = globalThis.navigator?.hardwareConcurrency ?? 2) {
  return Math.max(1, Math.min(runs, cores || 2));
}

export class SweepPool {
  private readonly workers: Worker[] = [];
  private readonly queue: SweepJob[];
  private stopped = false;

  constructor(
    jobs: readonly SweepJob[],
    private readonly dataUrl: string,
    private readonly onReply: (reply: SweepReply) => void,
    size = poolSize(jobs.length),
  ) {
    this.queue = [...jobs];
    for (let i = 0; i < Math.min(size, jobs.length); i++) this.workers.push(this.spawn());
  }

  get size(): number {
    return this.workers.length;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./sweep.worker.ts', import.meta.url), { type: 'module' });
    let current: number | null = null;
    let finished = 0;
    const next = () => {
      const job = this.queue.shift();
      current = job ? job.index : null;
      if (job) {
        const cmd: SweepCommand = { type: 'sweep-run', ...job, dataUrl: this.dataUrl };
        worker.postMessage(cmd);
      }
    };
    worker.onmessage = (e: MessageEvent<SweepReply>) => {
      if (this.stopped) return;
      finished++;
      this.onReply(e.data);
      next();
    };
    // A crash: the run it held fails; a worker that had worked is replaced, one that never
    // started (its script failed to load) is not, and when none is left the rest fail too.
    worker.onerror = (e) => {
      e.preventDefault();
      if (this.stopped) return;
      const message = e.message || 'the sweep worker failed';
      if (current !== null) this.onReply({ type: 'sweep-error', index: current, message });
      worker.terminate();
      const at = this.workers.indexOf(worker);
      if (finished > 0) this.workers[at] = this.spawn();
      else this.workers.splice(at, 1);
      if (this.workers.length === 0) this.failRest(message);
    };
    next();
    return worker;
  }

  private failRest(message: string): void {
    for (const job of this.queue.splice(0))
      this.onReply({ type: 'sweep-error', index: job.index, message });
  }

  /** Stops every run now; no reply comes after this. */
  cancel(): void {
    this.stopped = true;
    this.queue.length = 0;
    for (const w of this.workers) w.terminate();
  }
}
