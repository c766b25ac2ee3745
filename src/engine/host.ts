import type { Config } from '../core/config/schema';
import { decodeMnist, type MnistData } from '../core/data/mnist';
import { Session } from './session';
import type { BackendInfo, ClusterView, Command, EngineMessage, Status } from './protocol';
import type { EngineEvent, Report } from '../core/run/records';

/** Minimum time between posts of new results while training. */
const FLUSH_MS = 100;
/** How long a failed WebGPU step waits for the device-lost callback before it counts as an error. */
const LOST_GRACE_MS = 2000;

/** Everything the host needs from its surroundings (worker or test harness). */
export interface HostEnv {
  post(msg: EngineMessage): void;
  selectBackend(pref: Config['backend']): Promise<BackendInfo>;
  fetchBytes(url: string): Promise<ArrayBuffer>;
  /** Lets queued commands run between chunks of training. */
  yieldToEvents(): Promise<void>;
  now(): number;
  /** Calls back when the GPU device behind the current backend is lost (WebGPU only). */
  watchDeviceLoss(onLost: (reason: string) => void): () => void;
  /** Test hook: destroys the current GPU device, as a driver reset would. */
  loseDevice(): void;
}

/**
 * The engine side of the protocol: owns the session, runs it in chunks of one measurement
 * interval while playing, and posts only new reports/events/views (house rule 7).
 */
export class EngineHost {
  private session: Session | null = null;
  private config: Config | null = null;
  private dataUrl = '';
  private mnist: MnistData | null = null;
  private backend: BackendInfo | null = null;
  private playing = false;
  private budget = 0;
  private loopRunning = false;
  private rate = { steps: 0, since: 0, value: 0 };

  private queue: Promise<void> = Promise.resolve();
  private outbox: { reports: Report[]; events: EngineEvent[]; view: ClusterView | null } = {
    reports: [],
    events: [],
    view: null,
  };
  private lastFlush = 0;
  private lost: string | null = null;
  /** Resolves when the device is lost: a readback on a lost device may never settle. */
  private lostSignal: { promise: Promise<null>; fire: () => void } = signal();
  private unwatch: () => void = () => {};
  private inflight: Promise<unknown> | null = null;

  constructor(private readonly env: HostEnv) {}

  /** Commands are handled one at a time, in arrival order; training runs between them. */
  receive(cmd: Command): Promise<void> {
    this.queue = this.queue.then(() => this.handle(cmd));
    return this.queue;
  }

  private async handle(cmd: Command): Promise<void> {
    try {
      await this.dispatch(cmd);
    } catch (e) {
      this.env.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
      this.playing = false;
      this.status('error');
    }
  }

  private async dispatch(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init':
        this.dataUrl = cmd.dataUrl;
        await this.useBackend(cmd.config.backend);
        await this.start(cmd.config, null);
        return;
      case 'simulate-device-loss':
        this.env.loseDevice();
        return;
      case 'play':
        this.playing = true;
        this.status('playing'); // a loop still draining after a reset carries on, silently
        void this.loop();
        return;
      case 'pause':
        this.playing = false;
        this.budget = 0;
        return this.status('paused');
      case 'step':
        this.budget += cmd.count;
        void this.loop();
        return;
      case 'reset':
        this.playing = false;
        return this.start(cmd.config ?? this.config!, 'reset by the user');
      case 'set':
        return this.set(cmd.patch);
      case 'explain-step':
        return this.explain();
      default: {
        const never: never = cmd;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  private async start(config: Config, reason: string | null): Promise<void> {
    await this.inflight; // never dispose a session in the middle of a step
    this.session?.dispose();
    this.session = null;
    // Results of the old session not yet posted must not leak into the new run.
    this.outbox = { reports: [], events: [], view: null };
    this.config = config;
    this.status('loading');
    if (config.data === 'mnist' && !this.mnist) {
      this.mnist = decodeMnist(await this.env.fetchBytes(this.dataUrl));
    }
    this.session = new Session(config, this.mnist ?? undefined, {
      checkpoint: this.backend?.name === 'webgpu',
    });
    this.env.post({ type: 'ready', backend: this.backend!, config, problem: this.session.info() });
    if (reason) this.env.post({ type: 'events', events: [{ kind: 'reset', step: 0, reason }] });
    this.status(this.playing ? 'playing' : 'paused');
  }

  /**
   * One explained step while paused (slow motion); ignored while playing. Right after a
   * pause the loop may still be finishing its chunk (or a step budget): wait for it, so the
   * press is neither lost nor interleaved with those steps.
   */
  private async explain(): Promise<void> {
    while (this.loopRunning && !this.playing) await this.env.yieldToEvents();
    if (!this.session || this.playing || this.loopRunning || this.session.stopped) return;
    const s = this.session;
    const before = s.step;
    this.inflight = s.explainStep();
    const { output, explained } = await (this.inflight as ReturnType<Session['explainStep']>);
    this.inflight = null;
    if (this.session !== s) return;
    this.emit(output, s.step - before);
    this.flush();
    if (explained) this.env.post({ type: 'explained', explained });
    if (s.stopped === 'diverged') this.status('diverged');
  }

  private async set(patch: Partial<Config>): Promise<void> {
    if (!this.session) return;
    const needReset = this.session.set(patch);
    this.config = { ...this.session.config, ...patch };
    if (needReset.length > 0) {
      await this.start(this.config, `changed ${needReset.join(', ')} (needs a new problem)`);
      if (this.playing) void this.loop();
      return;
    }
    const out = await this.session.advance(0);
    if (out.events.length) this.env.post({ type: 'events', events: out.events });
  }

  /** Trains while playing (or while a step budget remains), one chunk per event-loop turn. */
  private async loop(): Promise<void> {
    if (this.loopRunning || !this.session) return;
    this.loopRunning = true;
    let failed = false;
    this.rate = { steps: 0, since: this.env.now(), value: this.rate.value };
    this.status(this.playing ? 'playing' : 'paused');
    try {
      while (this.session && !this.session.stopped && (this.playing || this.budget > 0)) {
        const s: Session = this.session;
        const toReport = s.config.every - (s.step % s.config.every);
        const count = this.playing ? toReport : Math.min(this.budget, toReport);
        const before = s.step;
        this.inflight = s.advance(count);
        const out = await this.settle(this.inflight as ReturnType<Session['advance']>);
        this.inflight = null;
        if (this.lost) {
          await this.recover();
          continue;
        }
        if (this.session !== s || !out) break;
        this.budget = Math.max(0, this.budget - (s.step - before));
        this.emit(out, s.step - before);
        await this.env.yieldToEvents();
      }
    } catch (e) {
      failed = true;
      this.playing = false;
      this.budget = 0;
      this.env.post({
        type: 'error',
        message: `training stopped: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      this.loopRunning = false;
      this.flush();
    }
    const s = this.session;
    if (failed) this.status('error');
    else if (s?.stopped === 'diverged') this.status('diverged');
    else {
      if (s?.stopped === 'done') this.playing = false;
      this.status(this.playing ? 'playing' : 'paused');
    }
  }

  /** Selects a backend and watches its GPU device. */
  private async useBackend(pref: Config['backend']): Promise<void> {
    this.unwatch();
    this.backend = await this.env.selectBackend(pref);
    this.lostSignal = signal();
    this.unwatch = this.env.watchDeviceLoss((reason) => {
      this.lost = reason;
      this.lostSignal.fire();
    });
  }

  /** Awaits a chunk; a failure caused by a lost device is left to recover(). */
  private async settle<T>(chunk: Promise<T>): Promise<T | null> {
    try {
      return await Promise.race([chunk, this.lostSignal.promise]);
    } catch (e) {
      // An op on a lost device fails before the device-lost callback arrives: wait briefly.
      const grace = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOST_GRACE_MS));
      if (this.backend?.name === 'webgpu') await Promise.race([this.lostSignal.promise, grace]);
      if (this.lost) return null;
      throw e;
    }
  }

  /**
   * The GPU device was lost mid-run: continue on the next backend from the parameters of
   * the last report (the results since then, at most one report, are lost), and say so.
   */
  private async recover(): Promise<void> {
    const from = this.backend?.name ?? 'webgpu';
    const reason = `the GPU device was lost (${this.lost})`;
    const checkpoint = this.session?.checkpoint ?? null;
    this.lost = null;
    try {
      this.session?.dispose();
    } catch {
      // tensors on a lost device may fail to dispose; they are gone anyway
    }
    this.session = null;
    await this.useBackend('webgl');
    this.session = new Session(this.config!, this.mnist ?? undefined);
    if (checkpoint) this.session.resume(checkpoint);
    const step = this.session.step;
    this.env.post({ type: 'backend', backend: this.backend! });
    this.env.post({
      type: 'events',
      events: [{ kind: 'backend', step, from, to: this.backend!.name, reason }],
    });
  }

  /**
   * Queues a chunk's output and posts it at most every FLUSH_MS (and whenever the loop
   * stops), so small fast runs send a few messages per second, not thousands.
   */
  private emit(out: Awaited<ReturnType<Session['advance']>>, steps: number): void {
    this.outbox.reports.push(...out.reports);
    this.outbox.events.push(...out.events);
    if (out.views.length) this.outbox.view = out.views[out.views.length - 1];
    this.rate.steps += steps;
    if (this.env.now() - this.lastFlush >= FLUSH_MS || this.session?.stopped) this.flush();
  }

  private flush(): void {
    const { view, reports, events } = this.outbox;
    this.outbox = { reports: [], events: [], view: null };
    this.lastFlush = this.env.now();
    if (view) this.env.post({ type: 'clusters', view });
    if (reports.length) this.env.post({ type: 'reports', reports });
    if (events.length) this.env.post({ type: 'events', events });
    const elapsed = (this.env.now() - this.rate.since) / 1000;
    if (elapsed > 0.5) {
      this.rate = { steps: 0, since: this.env.now(), value: this.rate.steps / elapsed };
    }
    this.status(this.playing ? 'playing' : 'paused');
  }

  private status(status: Status): void {
    const step = this.session?.step ?? 0;
    this.env.post({ type: 'status', status, step, stepsPerSecond: this.rate.value });
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
