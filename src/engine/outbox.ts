import type { ClusterView, EngineMessage } from './protocol';
import type { EngineEvent, Report } from '../core/run/records';
import type { SessionOutput } from './session';

/** Minimum time between posts of new results while training. */
const FLUSH_MS = 100;

/**
 * Results waiting to be posted. Training adds to it; it posts at most every FLUSH_MS (and on
 * flush()), so a small fast run sends a few messages per second, not thousands. Only new items
 * are ever posted, and only the latest cluster view (house rule 7).
 */
export class Outbox {
  private reports: Report[] = [];
  private pending: EngineEvent[] = [];
  private view: ClusterView | null = null;
  private lastFlush = 0;

  constructor(
    private readonly env: { post(msg: EngineMessage): void; now(): number },
    private readonly status: () => EngineMessage,
  ) {}

  /** Queues a slice's output; posts if the last post is FLUSH_MS old. */
  add(out: SessionOutput): void {
    this.reports.push(...out.reports);
    this.pending.push(...out.events);
    if (out.views.length) this.view = out.views[out.views.length - 1];
    if (this.env.now() - this.lastFlush >= FLUSH_MS) this.flush();
  }

  events(events: readonly EngineEvent[]): void {
    this.pending.push(...events);
  }

  /** Posts what is queued, then the status. */
  flush(): void {
    const { view, reports, pending } = this;
    this.clear();
    this.lastFlush = this.env.now();
    if (view) this.env.post({ type: 'clusters', view });
    if (reports.length) this.env.post({ type: 'reports', reports });
    if (pending.length) this.env.post({ type: 'events', events: pending });
    this.env.post(this.status());
  }

  /** Drops what is queued (the run it belongs to is gone). */
  clear(): void {
    this.reports = [];
    this.pending = [];
    this.view = null;
  }
}
