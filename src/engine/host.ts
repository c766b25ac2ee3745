import type { ConfigProblem } from '../core/config/codec';
import type { Config } from '../core/config/schema';
import { decodeMnist, type MnistData } from '../core/data/mnist';
import { Outbox } from './outbox';
import { RunConfig } from './runConfig';
import { RateMeter, SliceSizer, SLOW_MEASUREMENT_MS } from './pacing';
import { BackendSlot } from './backendSlot';
import { deviceFor, fallbackConfig, gateHot, gateRun, type Gate } from './budgetGate';
import type { HostEnv } from './hostEnv';
import { plainError } from './plainError';
import type { BackendName, Command, EngineMessage, Status } from './protocol';
import { Session } from './session';
import { statusLine } from './statusLine';

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
  private readonly cfg = new RunConfig();
  private readonly backend: BackendSlot;
  private dataUrl = '';
  private mnist: MnistData | null = null;

  private playing = false;
  /** The last run failed and none has started since. */
  private errored = false;
  private budget = 0;
  private loopRunning = false;
  /** What a new run is warming up (compiling kernels) for, or null. */
  private warming: string | null = null;
  /** The next training slice is the run's first (its kernels compile on the way). */
  private firstSlice = false;
  /** The session's work in progress: never dispose a session in the middle of a step. */
  private inflight: Promise<unknown> = Promise.resolve();
  private readonly sizer = new SliceSizer();
  private readonly rate = new RateMeter();
  /**
   * The slowest slice ending in a measurement this run (ms; a re-clustering or an SVRG snapshot
   * may come with only some), and the step measured now.
   */
  private slowestMeasuredSliceMs = 0;
  private measuring: number | null = null;
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
      this.env.post({ type: 'pong', id: cmd.id, memory: this.env.tensorMemory?.() });
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
        if (cmd.plan) this.backend.setPlan(cmd.plan);
        return this.load(cmd.config, cmd.seq, null);
      case 'backend-plan':
        return this.replan(cmd.plan);
      case 'load':
        return this.load(cmd.config, cmd.seq, 'a new configuration');
      case 'reset':
        this.playing = false;
        if (this.cfg.start) await this.start(this.cfg.start, 'reset by the user');
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
    const { config, problems } = this.cfg.load(raw, seq);
    this.playing = false;
    if (problems.length) this.env.post(this.cfg.echo(problems, config, config));
    await this.start(config, reason);
  }

  /**
   * The UI's probe ranked the backends: `auto` follows the new order from the next run on, and
   * a run not yet started moves at once (nothing is lost at step 0).
   */
  private async replan(plan: BackendName[]): Promise<void> {
    const moves = this.backend.setPlan(plan);
    const s = this.session;
    if (!moves || !s || s.step > 0 || this.playing || this.cfg.current?.backend !== 'auto') return;
    await this.start(this.cfg.start!, `${plan[0]} trains fastest on this device (measured)`);
  }

  /** Hot fields apply to the running session; any other change restarts the run. */
  private async set(patch: Partial<Config>, seq: number): Promise<void> {
    if (!this.cfg.current) return;
    const { config, problems, changed, cold, restart } = this.cfg.patch(patch, seq);
    if (cold.length > 0 || !this.session) {
      if (problems.length) this.env.post(this.cfg.echo(problems, config, restart));
      await this.start(restart, `changed ${cold.join(', ')} (needs new data or a new model)`);
      if (this.playing) void this.loop();
      return;
    }
    const refusal = gateHot(config, changed, this.device());
    if (refusal) {
      // Over the budget: the run goes on as it was, and the UI shows why.
      this.env.post(this.cfg.echo([...problems, refusal]));
      return;
    }
    const before = this.session.config;
    this.session.set(config); // as the session applies it (B ≤ N_train)
    this.cfg.changed(before, this.session.config, this.session.step);
    this.outbox.events(this.session.drainEvents());
    this.outbox.flush();
    this.env.post(this.cfg.echo(problems));
  }

  /** Disposes the current run and starts `config` (reselecting the backend if it changed). */
  private async start(asked: Config, reason: string | null): Promise<void> {
    this.budget = 0; // steps queued for the old run are not the new run's
    await this.inflight;
    // The resource budget, before the current run is touched when the backend stays.
    const early = this.backend.needs(asked.backend) ? null : this.gate(asked);
    if (early?.kind === 'refused' && this.session) return this.keep(early.problem);
    this.disposeSession();
    this.outbox.clear(); // results of the old run not yet posted must not leak into the new one
    this.errored = false;
    this.warm('building the data and the model');
    if (this.backend.needs(asked.backend)) await this.backend.select(asked.backend);
    const gate = early ?? this.gate(asked);
    const config = gate.kind === 'run' ? gate.config : fallbackConfig(asked);
    const problems = gate.kind === 'run' ? gate.problems : [gate.problem];
    if (problems.length) this.env.post(this.cfg.echo(problems, config, config));
    if (config.data === 'mnist' && !this.mnist) {
      this.mnist = decodeMnist(await this.env.fetchBytes(this.dataUrl));
    }
    const backend = this.backend.info!;
    this.session = new Session(config, this.mnist ?? undefined, {
      checkpoint: backend.name === 'webgpu',
    });
    this.cfg.began(this.session.config); // as the session applies it (B ≤ N_train)
    this.env.post({
      type: 'ready',
      backend,
      config: this.session.config,
      start: this.session.config,
      info: this.session.info(),
      reason,
      seq: this.cfg.seq,
    });
    if (reason) this.outbox.events([{ kind: 'reset', step: 0, reason }]);
    // The first report right away, before the first (slow) Gradient Clustering.
    const s = this.session;
    this.warm('first measurement');
    const first = await this.track(s.measureFirst());
    this.warming = null;
    this.firstSlice = true;
    if (this.backend.lost) return this.recover();
    if (first && this.session === s) this.outbox.add(first);
    this.outbox.flush();
    const plane = await this.track(s.planeView());
    if (plane && this.session === s) this.env.post({ type: 'plane', view: plane });
  }

  /** The device this run would use, as the budget sees it. */
  private device() {
    return deviceFor(this.backend.info!, this.env.deviceLimits?.() ?? {});
  }

  private gate(config: Config): Gate {
    return gateRun(config, this.device());
  }

  /** A run refused by the budget: the current one goes on, and the UI shows why. */
  private keep(problem: ConfigProblem): void {
    this.env.post(this.cfg.echo([problem]));
    this.status();
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
        // Steps asked while paused leave the status paused, so more steps can be asked.
        if (this.firstSlice) this.warm('first training steps', this.playing ? 'playing' : 'paused');
        else if (count === toReport && this.slowestMeasuredSliceMs >= SLOW_MEASUREMENT_MS) {
          this.measuring = before + count; // say so: no message comes for a while
          this.status();
        }
        const out = await this.track(s.advance(count));
        [this.firstSlice, this.warming, this.measuring] = [false, null, null];
        if (this.backend.lost) {
          await this.recover();
          continue;
        }
        if (this.session !== s || !out) break;
        const taken = s.step - before;
        const ms = this.env.now() - t0;
        if (out.reports.length > 0)
          this.slowestMeasuredSliceMs = Math.max(this.slowestMeasuredSliceMs, ms);
        this.sizer.observe(taken, ms, out.reports.length + out.views.length > 0);
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
    const backend = await this.backend.select('webgl', this.cfg.current!.backend);
    this.session = new Session(this.cfg.current!, this.mnist ?? undefined);
    if (checkpoint) this.session.resume(checkpoint);
    const step = this.session.step;
    this.env.post({ type: 'backend', backend });
    this.outbox.events([{ kind: 'backend', step, from, to: backend.name, reason }]);
    this.outbox.flush();
  }

  /** The session applied scheduled changes (`at=`): echo the configuration now in effect. */
  private echoScheduled(s: Session): void {
    if (s === this.session && this.cfg.follow(s.config)) this.env.post(this.cfg.echo());
  }

  /** Disposes the session; tensors on a lost device or a broken backend may fail to dispose. */
  private disposeSession(): void {
    try {
      this.session?.dispose();
    } catch {
      // gone with the device (or the backend) anyway
    }
    this.session = null;
    this.slowestMeasuredSliceMs = 0;
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

  /** Says what a new run is compiling kernels for (the UI shows it instead of a 0 rate). */
  private warm(phase: string, state: Status = 'loading'): void {
    this.warming = phase;
    this.status(state);
  }

  private statusMessage(state?: Status): EngineMessage {
    const { errored, playing, session: run, warming, measuring } = this;
    const stepsPerSecond = this.rate.value();
    return statusLine({ state, errored, playing, run, stepsPerSecond, warming, measuring });
  }

  private status(state?: Status): void {
    this.env.post(this.statusMessage(state));
  }
}
