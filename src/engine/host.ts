import { lockPatch } from '../core/train/scaling';
import { applyPatch, checkConfig } from '../core/config/patch';
import { withChange } from '../core/config/schedule';
import { isHot, type Config } from '../core/config/schema';
import { decodeMnist, type MnistData } from '../core/data/mnist';
import { Outbox } from './outbox';
import { RateMeter, SliceSizer } from './pacing';
import { BackendSlot } from './backendSlot';
import type { HostEnv } from './hostEnv';
import { plainError } from './plainError';
import type { Command, EngineMessage, Status } from './protocol';
import { Session } from './session';

/**
 * The engine side of the protocol. It owns the run's configuration (house rule 11): commands
 * are intents, checked against the schema and applied here, and every applied configuration
 * is echoed (`ready` for a new run, `config` for a hot change). While playing it trains in
 * short slices (pacing.ts), so Pause and Reset act within one slice, and posts only new
 * reports/events/views (outbox.ts). Any failure leaves a state from which Reset or a new
 * configuration starts a fresh run.
 */
export class EngineHost {
  private session: Session | null = null;
  /** The configuration in effect now (hot changes included). */
  private config: Config | null = null;
  /**
   * The run's starting configuration with its change schedule: changes made mid-run are
   * recorded in it (`at`), so Reset and a shared link replay the run exactly.
   */
  private started: Config | null = null;
  private readonly backend: BackendSlot;
  private dataUrl = '';
  private mnist: MnistData | null = null;
  /** The last configuration command applied (echoed so the UI can drop its pending edits). */
  private seq = 0;

  private playing = false;
  /** The last run failed and none has started since. */
  private errored = false;
  private budget = 0;
  private loopRunning = false;
  /** The session's work in progress: never dispose a session in the middle of a step. */
  private inflight: Promise<unknown> = Promise.resolve();
  private readonly sizer = new SliceSizer();
  private readonly rate = new RateMeter();
  private readonly outbox: Outbox;

  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly env: HostEnv) {
    this.outbox = new Outbox(env, () => this.statusMessage());
    this.backend = new BackendSlot(env);
  }

  /**
   * Commands are handled one at a time, in arrival order; training runs between them. A ping
   * is answered at once, ahead of the queue (the UI's watchdog asks whether we are alive).
   */
  receive(cmd: Command): Promise<void> {
    if (cmd.type === 'ping') {
      this.env.post({ type: 'pong', id: cmd.id });
      return Promise.resolve();
    }
    this.queue = this.queue.then(() => this.handle(cmd));
    return this.queue;
  }

  private async handle(cmd: Command): Promise<void> {
    try {
      await this.dispatch(cmd);
    } catch (e) {
      this.fail(e);
    }
  }

  private async dispatch(cmd: Command): Promise<void> {
    switch (cmd.type) {
      case 'init':
        this.dataUrl = cmd.dataUrl;
        return this.load(cmd.config, cmd.seq, null);
      case 'load':
        return this.load(cmd.config, cmd.seq, 'a new configuration');
      case 'reset':
        this.playing = false;
        if (this.started) await this.start(this.started, 'reset by the user');
        return;
      case 'set':
        return this.set(cmd.patch, cmd.seq);
      case 'play':
        if (!this.session || this.session.stopped) return this.status();
        this.playing = true;
        this.status();
        void this.loop();
        return;
      case 'pause':
        this.playing = false;
        this.budget = 0;
        return this.status();
      case 'step':
        if (!this.session) return;
        this.budget += Math.max(0, Math.floor(cmd.count) || 0);
        void this.loop();
        return;
      case 'explain-step':
        return this.explain();
      case 'ping':
        return; // answered in receive()
      case 'simulate-device-loss':
        return this.env.loseDevice();
      default: {
        const never: never = cmd;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  /** A whole configuration from outside: checked, then a fresh run (problems reported). */
  private async load(raw: Config, seq: number, reason: string | null): Promise<void> {
    const { config, problems } = checkConfig(raw);
    this.seq = seq;
    this.playing = false;
    if (problems.length) this.env.post({ type: 'config', config, start: config, problems, seq });
    await this.start(config, reason);
  }

  /** Hot fields apply to the running session; any other change restarts the run. */
  private async set(patch: Partial<Config>, seq: number): Promise<void> {
    if (!this.config) return;
    // Under the scaling lock a batch-size change carries the scaled lr (lockPatch).
    const { config, problems, changed } = applyPatch(this.config, lockPatch(this.config, patch));
    this.seq = seq;
    const cold = changed.filter((k) => !isHot(k));
    if (cold.length > 0 || !this.session) {
      // A new run from what is in effect now; the old run's schedule does not carry over.
      const next = { ...config, at: cold.includes('at') ? config.at : [] };
      if (problems.length) this.env.post({ type: 'config', config, start: next, problems, seq });
      await this.start(next, `changed ${cold.join(', ')} (needs new data or a new model)`);
      if (this.playing) void this.loop();
      return;
    }
    const before = this.session.config;
    this.session.set(config);
    this.config = this.session.config; // as the session applies it (B ≤ N_train)
    this.started = withChange(this.started!, before, this.config, this.session.step);
    this.outbox.events(this.session.drainEvents());
    this.outbox.flush();
    this.env.post({ type: 'config', config: this.config, start: this.started, problems, seq });
  }

  /** Disposes the current run and starts `config` (reselecting the backend if it changed). */
  private async start(config: Config, reason: string | null): Promise<void> {
    this.budget = 0; // steps queued for the old run are not the new run's
    await this.inflight;
    this.disposeSession();
    this.outbox.clear(); // results of the old run not yet posted must not leak into the new one
    this.config = config;
    this.errored = false;
    this.status('loading');
    if (this.backend.needs(config.backend)) await this.backend.select(config.backend);
    if (config.data === 'mnist' && !this.mnist) {
      this.mnist = decodeMnist(await this.env.fetchBytes(this.dataUrl));
    }
    const backend = this.backend.info!;
    this.session = new Session(config, this.mnist ?? undefined, {
      checkpoint: backend.name === 'webgpu',
    });
    this.config = this.session.config; // as the session applies it (B ≤ N_train)
    this.started = this.config;
    this.env.post({
      type: 'ready',
      backend,
      config: this.config,
      start: this.started,
      info: this.session.info(),
      reason,
      seq: this.seq,
    });
    if (reason) this.outbox.events([{ kind: 'reset', step: 0, reason }]);
    // The first report right away, before the first (slow) Gradient Clustering.
    const s = this.session;
    const first = await this.track(s.measureFirst());
    if (this.backend.lost) return this.recover();
    if (first && this.session === s) this.outbox.add(first);
    this.outbox.flush();
  }

  /**
   * One explained step while paused (slow motion); ignored while playing. Right after a pause
   * the loop may still be finishing its slice: wait for it, so the press is neither lost nor
   * interleaved with those steps.
   */
  private async explain(): Promise<void> {
    while (this.loopRunning && !this.playing) await this.env.yieldToEvents();
    const s = this.session;
    if (!s || this.playing || this.loopRunning || s.stopped) return;
    const result = await this.track(s.explainStep());
    if (this.backend.lost) return this.recover();
    if (!result || this.session !== s) return;
    this.outbox.add(result.output);
    this.echoScheduled(s);
    this.outbox.flush();
    if (result.explained) this.env.post({ type: 'explained', explained: result.explained });
  }

  /** Trains while playing (or while a step budget remains), one slice per event-loop turn. */
  private async loop(): Promise<void> {
    if (this.loopRunning || !this.session) return;
    this.loopRunning = true;
    this.rate.clear();
    try {
      while (this.session && !this.session.stopped && (this.playing || this.budget > 0)) {
        const s: Session = this.session;
        const toReport = s.config.every - (s.step % s.config.every);
        const count = this.sizer.next(this.playing ? toReport : Math.min(this.budget, toReport));
        const [before, t0] = [s.step, this.env.now()];
        const out = await this.track(s.advance(count));
        if (this.backend.lost) {
          await this.recover();
          continue;
        }
        if (this.session !== s || !out) break;
        const taken = s.step - before;
        this.sizer.observe(taken, this.env.now() - t0, out.reports.length + out.views.length > 0);
        this.budget = Math.max(0, this.budget - taken);
        this.rate.add(this.env.now(), s.step);
        this.outbox.add(out);
        this.echoScheduled(s);
        await this.env.yieldToEvents();
      }
      if (this.session?.stopped === 'done') this.playing = false;
    } catch (e) {
      this.fail(e);
    } finally {
      this.loopRunning = false;
      this.rate.clear();
      this.outbox.flush();
    }
  }

  /**
   * Runs a piece of the session's work as the one in flight (start() waits for it before it
   * disposes the session); null when the GPU device was lost meanwhile.
   */
  private track<T>(work: Promise<T>): Promise<T | null> {
    this.inflight = work.then(
      () => undefined,
      () => undefined,
    );
    return this.backend.guard(work);
  }

  /**
   * The GPU device was lost mid-run: continue on the next backend from the parameters of the
   * last report (the results since then, at most one report, are lost), and say so.
   */
  private async recover(): Promise<void> {
    const from = this.backend.info?.name ?? 'webgpu';
    const reason = `the GPU device was lost (${this.backend.lost})`;
    const checkpoint = this.session?.checkpoint ?? null;
    this.inflight = Promise.resolve(); // work on the lost device may never settle: abandon it
    this.disposeSession();
    // The run stays on the fallback until the backend is chosen again.
    const backend = await this.backend.select('webgl', this.config!.backend);
    this.session = new Session(this.config!, this.mnist ?? undefined);
    if (checkpoint) this.session.resume(checkpoint);
    const step = this.session.step;
    this.env.post({ type: 'backend', backend });
    this.outbox.events([{ kind: 'backend', step, from, to: backend.name, reason }]);
    this.outbox.flush();
  }

  /** The session applied scheduled changes (`at=`): echo the configuration now in effect. */
  private echoScheduled(s: Session): void {
    if (s !== this.session || s.config === this.config) return;
    this.config = s.config;
    const msg = { config: s.config, start: this.started!, problems: [], seq: this.seq };
    this.env.post({ type: 'config', ...msg });
  }

  /** Disposes the session; tensors on a lost device or a broken backend may fail to dispose. */
  private disposeSession(): void {
    try {
      this.session?.dispose();
    } catch {
      // gone with the device (or the backend) anyway
    }
    this.session = null;
  }

  /**
   * A failure in a command or in training: say it in plain words and stop. The session is
   * dropped, so Reset, a preset or a new configuration starts a fresh run.
   */
  private fail(e: unknown): void {
    this.errored = true;
    this.playing = false;
    this.budget = 0;
    this.disposeSession();
    this.backend.invalidate(); // a broken backend is selected afresh by the next run
    this.outbox.clear();
    this.env.post({ type: 'error', message: plainError(e) });
    this.status('error');
  }

  private statusMessage(state?: Status): EngineMessage {
    const s = this.session;
    const running = this.playing && !s?.stopped ? 'playing' : 'paused';
    const status: Status =
      state ?? (this.errored ? 'error' : s?.stopped === 'diverged' ? 'diverged' : running);
    return {
      type: 'status',
      status,
      step: s?.step ?? 0,
      stepsPerSecond: this.rate.value(),
    };
  }

  private status(state?: Status): void {
    this.env.post(this.statusMessage(state));
  }
}
