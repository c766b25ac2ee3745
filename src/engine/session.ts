import type * as tf from '@tensorflow/tfjs-core';
import { batchWithin } from '../core/config/codec';
import { dueAt } from '../core/config/schedule';
import { estimatorIds, fieldOf, isHot, type Config } from '../core/config/schema';
import type { Dataset } from '../core/data/dataset';
import { buildRunData, relabel, type RunData } from '../core/data/runData';
import { initNetwork, type Network } from '../core/model/build';
import { disposePerExample, perExample, type PerExample } from '../core/model/backprop';
import { trainableSize } from '../core/model/network';
import { measureReport } from '../core/run/measureReport';
import type { EstimatorId } from '../core/stats/types';
import { streams } from '../core/run/streams';
import { BatchStream } from '../core/train/batches';
import { makeOptimiser } from '../core/train/pick';
import { lockPatch } from '../core/train/scaling';
import { effectiveLr } from '../core/train/schedule';
import { Trainer } from '../core/train/trainer';
import { DeviceData } from './deviceData';
import { LossHealth } from '../core/train/lossHealth';
import { explainUpdate, type ExplainContext } from './explain';
import { refreshClusters, type ClusterState } from './gcRefresh';
import type { ClusterView, ExplainedStep, PlaneView, RunInfo } from './protocol';
import { buildPlaneView } from './clusterView';
import { poolPlane } from '../core/data/poolViews';
import type { EngineEvent, Report } from '../core/run/records';
import { SvrgSnapshot } from './svrgSnapshot';

/** What one call to advance() produced: only new items. */
export interface SessionOutput {
  reports: Report[];
  events: EngineEvent[];
  views: ClusterView[];
}

type Streams = ReturnType<typeof streams>;
/** Receives a step's batch and the update that takes it (see explainStep). */
type ExplainHook = (
  indices: Int32Array,
  batch: { x: tf.Tensor2D; y: tf.Tensor1D },
  update: () => void,
) => Promise<void>;

/**
 * One SGD trajectory with its measurements (DESIGN §2, §2.3). The same code runs in Node
 * (tests, CLI) and in the worker; only the transport around it differs. Owns its tensors.
 */
export class Session {
  step = 0;
  stopped: 'diverged' | 'done' | null = null;
  private data: RunData;
  private readonly device: DeviceData;
  private readonly net: Network;
  private readonly trainer: Trainer;
  private readonly rng: Streams;
  private readonly batches: BatchStream;
  private clusters: ClusterState | null = null;
  private snapshot: SvrgSnapshot | null = null;
  private gcStale = true;
  private svrgStale = true;
  private pending: EngineEvent[] = [];
  private readonly health = new LossHealth();

  /** The parameters at the last report (when checkpointing), to survive a lost GPU device. */
  checkpoint: { step: number; weights: Float32Array } | null = null;

  constructor(
    public config: Config,
    mnist?: Dataset,
    private readonly options: { checkpoint?: boolean } = {},
  ) {
    this.rng = streams(config.seed);
    this.data = buildRunData(config, mnist);
    const limited = batchWithin(config.bs, this.data.train.n);
    if (limited.message) {
      this.config = { ...config, bs: limited.value };
      this.pending.push({
        kind: 'change',
        step: 0,
        field: 'bs',
        from: String(config.bs),
        to: String(limited.value),
        note: limited.message,
      });
    }
    this.device = new DeviceData(this.data);
    const { dim, numClasses } = this.data.train;
    this.net = initNetwork(
      {
        kind: config.model,
        inputDim: dim,
        hidden: config.hidden,
        outputs: numClasses,
        loss: 'softmax-cross-entropy',
      },
      this.rng.init,
    );
    const opt = makeOptimiser(config.opt, this.net, this.hyper());
    this.trainer = new Trainer(this.net, opt, config.clip);
    this.batches = new BatchStream(this.data.train.n, this.rng.batches);
  }

  info(): RunInfo {
    const { train, test, pool } = this.data;
    return {
      dataset: this.config.data,
      trainSize: train.n,
      testSize: test.n,
      poolSize: pool.length,
      inputDim: train.dim,
      classes: train.numClasses,
      parameters: trainableSize(this.net.layers),
    };
  }

  get estimators(): EstimatorId[] {
    return estimatorIds(this.config);
  }

  /**
   * Runs up to `count` training steps, measuring on schedule; stops early on divergence/done.
   * When no report was measured, the training losses of these steps are checked (one small
   * readback), so a diverging run stops within one call whatever the measurement interval.
   */
  async advance(count: number): Promise<SessionOutput> {
    const out: SessionOutput = { reports: [], events: [], views: [] };
    for (let i = 0; i < count && !this.stopped; i++) await this.oneStep(out);
    if (out.reports.length === 0 && !this.stopped && !(await this.health.finite())) {
      this.stopped = 'diverged';
      out.events.push({
        kind: 'diverged',
        step: this.step,
        what: 'the training loss became NaN or infinite',
      });
    }
    out.events.unshift(...this.drainEvents());
    return out;
  }

  /** Events recorded outside a step (hot changes), taken once. */
  drainEvents(): EngineEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }

  /**
   * Explained slow motion: exactly the step advance(1) would take (same batch, same update,
   * same measurements on schedule), also taken apart by explainUpdate.
   */
  async explainStep(): Promise<{ output: SessionOutput; explained: ExplainedStep | null }> {
    const output: SessionOutput = { reports: [], events: [], views: [] };
    let explained: ExplainedStep | null = null;
    if (!this.stopped) {
      await this.oneStep(output, async (indices, b, update) => {
        explained = await explainUpdate(this.explainContext(), indices, b, update);
      });
    }
    const e = explained as ExplainedStep | null;
    if (e && !e.finite && !this.stopped) {
      this.stopped = 'diverged';
      output.events.push({ kind: 'diverged', step: e.step, what: 'a value of the explained step' });
    }
    output.events.unshift(...this.drainEvents());
    return { output, explained: e };
  }

  /** What every exact measurement needs: the pool, the sampling, the estimators' inputs. */
  private statsInputs() {
    const c = this.config;
    return {
      net: this.net,
      pool: this.device.pool,
      batch: c.bs,
      replacement: c.repl,
      // SGD samples from the N_train training examples; the pool only estimates the moments.
      population: this.data.train.n,
      estimators: this.estimators,
      clusters: this.clusters ?? undefined,
      snapshot: this.snapshot?.p.factors,
      snapshotMoments: this.snapshot?.moments,
    };
  }

  private explainContext(): ExplainContext {
    const { pool: poolIndices } = this.data;
    return { ...this.statsInputs(), poolIndices, step: this.step, lr: this.lr() };
  }

  /** The learning rate in effect for the step about to be taken (after any lrDrop). */
  private lr(): number {
    return effectiveLr(this.config.lr, this.config.lrDrop, this.step);
  }

  /** The optimiser's hyper-parameters for the step about to be taken. */
  private hyper() {
    return { lr: this.lr(), momentum: this.config.mom, weightDecay: this.config.wd };
  }

  private async oneStep(out: SessionOutput, explain?: ExplainHook): Promise<void> {
    // The change schedule (`at=`): its changes at this step, before the step's measurement,
    // exactly where a change made by hand at this step lands.
    const due = dueAt(this.config.at, this.step);
    if (Object.keys(due).length) {
      this.set(due);
      out.events.push(...this.drainEvents());
    }
    const c = this.config;
    const wants = new Set(this.estimators);
    const gcDue = wants.has('GC') && (this.gcStale || this.step - this.clusters!.step >= c.gcEvery);
    const svrgDue =
      wants.has('SVRG') && (this.svrgStale || this.step - this.snapshot!.step >= c.svrgEvery);
    const measureDue = this.isMeasureDue();
    if (svrgDue) this.takeSnapshot(out);
    if (gcDue || measureDue) {
      const p = perExample(this.net, this.device.pool.x, this.device.pool.y);
      try {
        if (gcDue) await this.recluster(p, out);
        if (measureDue) await this.measure(p, out);
      } finally {
        disposePerExample(p);
      }
    }
    if (this.stopped) return;
    if (c.lrDrop > 0 && this.step === c.lrDrop) {
      const from = effectiveLr(c.lr, c.lrDrop, this.step - 1);
      out.events.push({ kind: 'lrDrop', step: this.step, from, to: this.lr() });
    }
    this.trainer.optimiser.hyper = this.hyper();
    const indices = this.batches.next(c.bs);
    const b = this.device.batch(indices);
    const update = () => this.health.watch(this.trainer.step(b.x, b.y));
    if (explain) await explain(indices, b, update);
    else update();
    b.x.dispose();
    b.y.dispose();
    this.step++;
    if (c.steps > 0 && this.step >= c.steps) {
      this.stopped = 'done';
      out.events.push({ kind: 'done', step: this.step });
    }
  }

  private takeSnapshot(out: SessionOutput): void {
    this.snapshot?.dispose();
    this.snapshot = SvrgSnapshot.take(this.net, this.device.pool, this.step);
    this.svrgStale = false;
    out.events.push({ kind: 'svrg', step: this.step });
  }

  /**
   * The report at the current step before anything slow: at the start of a run the first
   * Gradient Clustering (seconds on MNIST) waits for the next advance(), so the first report
   * comes without GC and the clusters follow (used by the worker and the headless runs alike).
   * Takes no training step; nothing when no measurement is due.
   */
  async measureFirst(): Promise<SessionOutput> {
    const out: SessionOutput = { reports: [], events: [], views: [] };
    if (this.stopped || !this.isMeasureDue()) return out;
    if (new Set(this.estimators).has('SVRG') && this.svrgStale) this.takeSnapshot(out);
    const p = perExample(this.net, this.device.pool.x, this.device.pool.y);
    try {
      await this.measure(p, out);
    } finally {
      disposePerExample(p);
    }
    out.events.unshift(...this.drainEvents());
    return out;
  }

  /** 2-D data: the plane with the current boundary, for the UI before any clustering. */
  async planeView(): Promise<PlaneView | null> {
    if (this.data.train.dim !== 2) return null;
    return buildPlaneView(this.net, poolPlane(this.data), this.step);
  }

  private async recluster(p: PerExample, out: SessionOutput): Promise<void> {
    const r = await refreshClusters({
      net: this.net,
      p,
      data: this.data,
      config: this.config,
      rng: this.rng.gc,
      step: this.step,
      previous: this.clusters,
    });
    this.clusters = r.clusters;
    this.gcStale = false;
    out.events.push(r.event);
    out.views.push(r.view);
  }

  private async measure(p: PerExample, out: SessionOutput): Promise<void> {
    const c = this.config;
    const { report, finite, weights } = await measureReport(
      {
        ...this.statsInputs(),
        test: this.device.test,
        mode: c.stats,
        checkpoint: this.options.checkpoint,
        estimates: c.estim,
        rng: this.rng.sampled,
        clipped: this.trainer.takeClippedFraction(),
      },
      p,
      { step: this.step, epoch: this.batches.progress(), lr: this.lr() },
    );
    if (finite) {
      out.reports.push(report);
      this.reported = this.step;
      if (weights) this.checkpoint = { step: this.step, weights };
      return;
    }
    this.stopped = 'diverged';
    out.events.push({
      kind: 'diverged',
      step: this.step,
      what: 'the loss or a gradient statistic became NaN or infinite',
    });
  }

  /**
   * Applies the hot fields of a (checked) partial configuration mid-run, without a reset,
   * recording one `change` event each (view fields change silently). A batch-size change under
   * the scaling lock scales lr too (lockPatch). Returns the names of changed fields that need
   * new data or a new model (not applied: the owner restarts).
   */
  set(patch: Partial<Config>): string[] {
    const needReset: string[] = [];
    const locked = lockPatch(this.config, patch);
    for (const [name, asked] of Object.entries(locked) as [keyof Config, unknown][]) {
      const before = this.config[name];
      // B ≤ N_train: SGD cannot draw more examples than the training set holds.
      const limited = name === 'bs' ? batchWithin(asked as number, this.data.train.n) : null;
      const value = limited ? limited.value : asked;
      if (JSON.stringify(before) === JSON.stringify(value)) continue;
      if (!isHot(name)) {
        needReset.push(name);
        continue;
      }
      this.config = { ...this.config, [name]: value };
      if (fieldOf(name)?.group === 'view') continue;
      this.pending.push({
        kind: 'change',
        step: this.step,
        field: name,
        from: show(before),
        to: show(value),
        ...(limited?.message ? { note: limited.message } : {}),
      });
      this.applyHot(name);
    }
    return needReset;
  }

  private applyHot(name: keyof Config): void {
    const c = this.config;
    if (name === 'opt') this.trainer.replaceOptimiser(makeOptimiser(c.opt, this.net, this.hyper()));
    this.trainer.optimiser.hyper = this.hyper();
    this.trainer.clip = c.clip;
    if (name === 'noise') {
      this.data = relabel(this.data, c.noise);
      this.device.relabel(this.data);
    }
    if (name === 'k' || name === 'gcIters' || (name === 'bs' && c.k === null)) this.gcStale = true;
    // Turning an estimator on uses the clusters / snapshot already there, if any.
    if (name === 'est' && !this.clusters) this.gcStale = true;
    if (name === 'est' && !this.snapshot) this.svrgStale = true;
  }

  /**
   * Continues from a checkpoint of another session with the same configuration (after a
   * lost GPU device): parameters and step are restored; momentum buffers, the epoch order,
   * the GC clusters and the SVRG snapshot start afresh.
   */
  resume(checkpoint: { step: number; weights: Float32Array }): void {
    this.net.setFlat(checkpoint.weights);
    this.step = checkpoint.step;
    this.checkpoint = checkpoint;
    this.reported = checkpoint.step; // that report was already sent
  }

  /** The step of the last report sent (never measure the same step twice). */
  private reported = -1;

  private isMeasureDue(): boolean {
    return this.step % this.config.every === 0 && this.step !== this.reported;
  }

  dispose(): void {
    this.device.dispose();
    this.health.dispose();
    this.net.dispose();
    this.trainer.dispose();
    this.snapshot?.dispose();
  }
}

function show(v: unknown): string {
  return Array.isArray(v) ? v.join(',') : String(v);
}
