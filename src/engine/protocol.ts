/**
 * The one typed boundary between the UI and the engine (house rule 7). Every message is a
 * discriminated union member with a `type` tag; bulk arrays are transferred, and reports
 * carry only the points that are new since the last message.
 */
import type { ConfigProblem } from '../core/config/codec';
import type { Config } from '../core/config/schema';
import type { EngineEvent, EstimatorPoint, Report } from '../core/run/records';
import type { RunSummary } from '../core/run/summary';
import type { EstimatorId } from '../core/stats/types';
import type { SpeedProbeResult } from '../core/train/speedProbe';
import type { Extent, Polyline } from './contourLines';

export type { Extent, Polyline };

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Human-readable adapter, e.g. 'swiftshader (software)'. */
  adapter: string;
  software: boolean;
  /** Why each more preferred backend was not used. */
  fallbacks: { backend: string; reason: string }[];
}

/** A 2-D dataset's measurement pool: inputs (N x 2 interleaved), labels, duplicate marks. */
export interface PlanePoints {
  xy: Float32Array;
  label: Int32Array;
  duplicate: Uint8Array;
}

/** The current model's predicted P(class 1) on a res x res grid over `extent`, 2-D data. */
export interface CurrentBoundary {
  res: number;
  extent: Extent;
  current: Float32Array;
  /** Its P = 0.5 boundary, traced by the engine (contourLines.ts). */
  lines: { current: Polyline[] };
}

/**
 * 2-D data before any re-clustering: the pool and the model's boundary at `step`, so that the
 * plane is on screen from the start (sent once per run; no random draw, no effect on reports).
 */
export interface PlaneView {
  step: number;
  points: PlanePoints;
  boundaries: CurrentBoundary;
}

/** Gradient Clustering state for the cluster views, sent with each GC refresh. */
export interface ClusterView {
  step: number;
  K: number;
  assignment: Int32Array;
  sizes: Int32Array;
  /** Per-example gradients on their top-2 principal directions, N x 2 interleaved. */
  projection: Float32Array;
  /** 2-D datasets: the pool's points. */
  points?: PlanePoints;
  /**
   * 2-D datasets: the current boundary, and the model's P(class 1) after one step along each
   * cluster's mean gradient (Fig. 1), with their P = 0.5 lines.
   */
  boundaries?: CurrentBoundary & {
    perCluster: Float32Array[];
    lines: { current: Polyline[]; perCluster: Polyline[][] };
  };
  /** MNIST: a few digits per cluster, 784 bytes each, with their cluster ids. */
  digits?: { pixels: Uint8Array; cluster: Int32Array };
}

/** One SGD step taken apart for explained slow motion (engine/explain.ts). */
export interface ExplainedStep {
  /** The step taken: θ_step → θ_step+1. */
  step: number;
  lr: number;
  batch: {
    /** Training-set indices of the mini-batch, and their positions in the pool (-1: not in it). */
    indices: Int32Array;
    poolIndex: Int32Array;
    labels: Int32Array;
    /** Per-example loss l_i and gradient norm ‖g_i‖ at θ_step. */
    losses: Float32Array;
    gradNorms: Float32Array;
    /**
     * Each g_i projected on u1 = g/‖g‖ and u2 = the part of ĝ_B orthogonal to g (unit
     * length), B x 2 interleaved. Linear: the points' mean is ĝ_B's projection and g sits at
     * (‖g‖, 0). All y are 0 when ĝ_B is parallel to g.
     */
    plane: Float32Array;
  };
  /** ‖ĝ_B‖, the mini-batch mean gradient; ‖g‖, the pool's; and the cosine between them. */
  meanGradNorm: number;
  poolGradNorm: number;
  cosine: number;
  /** Exact statistics of the selected estimators at θ_step. */
  estimators: Partial<Record<EstimatorId, EstimatorPoint>>;
  /** ‖θ_step+1 − θ_step‖ and the batch's mean loss before and after the update. */
  updateNorm: number;
  lossBefore: number;
  lossAfter: number;
  /** False when any value above is not finite (the step diverged). */
  finite: boolean;
}

export type Status = 'loading' | 'paused' | 'playing' | 'diverged' | 'error';

/** UI → engine: intents. The engine owns the run's configuration and echoes what it applied. */
export type Command =
  /** Start the engine: select the backend, build the first run. */
  | {
      type: 'init';
      config: Config;
      dataUrl: string;
      seq: number;
      /** The order `auto` tries backends in, fastest first (the UI's probe); default order if absent. */
      plan?: BackendName[];
    }
  /** A new order for `auto` (the probe found a faster backend); a run not yet started moves to it. */
  | { type: 'backend-plan'; plan: BackendName[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  /** A fresh run of the configuration the engine holds. */
  | { type: 'reset' }
  /** A fresh run of a whole new configuration (a preset, a loaded file, a lesson). */
  | { type: 'load'; config: Config; seq: number }
  /**
   * Change some fields: hot ones apply mid-run (a `change` event each), others restart the run
   * (a changed backend is selected first); `config` echoes the result.
   */
  | { type: 'set'; patch: Partial<Config>; seq: number }
  /** Explained slow motion: one ordinary step, answered with an 'explained' message. */
  | { type: 'explain-step' }
  /** Liveness check, answered at once with 'pong' (the UI's watchdog). */
  | { type: 'ping'; id: number }
  /** Test hook: destroy the GPU device to exercise the fallback path. */
  | { type: 'simulate-device-loss' };

/** Engine → UI. */
export type EngineMessage =
  /**
   * A run started: the configuration it runs (after the engine's checks), why it (re)started
   * (null at init), and `seq`, the last configuration command applied.
   */
  | {
      type: 'ready';
      backend: BackendInfo;
      config: Config;
      /** The run's starting configuration with its change schedule (what replays it). */
      start: Config;
      info: RunInfo;
      reason: string | null;
      seq: number;
    }
  /** The configuration after a hot change, and what was not taken as given. */
  | { type: 'config'; config: Config; start: Config; problems: ConfigProblem[]; seq: number }
  /** The run moved to another backend (after a lost GPU device). */
  | { type: 'backend'; backend: BackendInfo }
  | {
      type: 'status';
      status: Status;
      step: number;
      stepsPerSecond: number;
      /** While a new run compiles its kernels: what it is doing (e.g. 'first measurement'). */
      warming?: string;
      /** While a measurement runs in a run whose measurements can take seconds: its step. */
      measuring?: number;
    }
  | { type: 'reports'; reports: Report[] }
  | { type: 'events'; events: EngineEvent[] }
  | { type: 'clusters'; view: ClusterView }
  | { type: 'plane'; view: PlaneView }
  | { type: 'explained'; explained: ExplainedStep }
  /** The answer to a ping, with the worker's tf.memory() (the soak and debugging read it). */
  | { type: 'pong'; id: number; memory?: TensorMemory }
  | { type: 'error'; message: string };

/** Live tensors in the worker: tf.memory()'s counts. */
export interface TensorMemory {
  numTensors: number;
  numBytes: number;
}

export interface RunInfo {
  dataset: string;
  trainSize: number;
  testSize: number;
  poolSize: number;
  inputDim: number;
  classes: number;
  /** Trainable scalars d. */
  parameters: number;
}

/** Arrays to transfer (not copy) with a message. */
export function transferables(msg: EngineMessage): Transferable[] {
  if (msg.type === 'explained') {
    const b = msg.explained.batch;
    const arrays = [b.indices, b.poolIndex, b.labels, b.losses, b.gradNorms, b.plane];
    return [...new Set(arrays.map((a) => a.buffer))] as Transferable[];
  }
  if (msg.type === 'plane') {
    const { points, boundaries } = msg.view;
    return [
      points.xy.buffer,
      points.label.buffer,
      points.duplicate.buffer,
      boundaries.current.buffer,
    ] as Transferable[];
  }
  if (msg.type !== 'clusters') return [];
  const v = msg.view;
  const list: ArrayBufferLike[] = [v.assignment.buffer, v.sizes.buffer, v.projection.buffer];
  if (v.points) list.push(v.points.xy.buffer, v.points.label.buffer, v.points.duplicate.buffer);
  if (v.boundaries)
    list.push(v.boundaries.current.buffer, ...v.boundaries.perCluster.map((g) => g.buffer));
  if (v.digits) list.push(v.digits.pixels.buffer, v.digits.cluster.buffer);
  return [...new Set(list)] as Transferable[];
}

/** UI → sweep worker (sweep.worker.ts): train one run of a sweep to its end. */
export type SweepCommand = { type: 'sweep-run'; index: number; config: Config; dataUrl: string };

/** Sweep worker → UI: a run's outcome (summary as summarizeRun, every report for its curves). */
export type SweepReply =
  | {
      type: 'sweep-done';
      index: number;
      /** The configuration as the session applied it. */
      config: Config;
      backend: BackendName;
      /** Steps trained (fewer than asked when it diverged), and where it diverged. */
      steps: number;
      diverged: number | null;
      summary: RunSummary | null;
      reports: Report[];
    }
  | { type: 'sweep-error'; index: number; message: string };

/** UI → backend probe worker (backendProbe.worker.ts): which backend, and a device-loss drill. */
export interface ProbeRequest {
  preference: 'auto' | BackendName;
  /** Destroy the WebGPU device after the first matmul and report the recovery. */
  loseDevice?: boolean;
  /** Also time the speed probe's training workload (core/train/speedProbe.ts). */
  speed?: boolean;
}

/** Backend probe worker → UI. */
export type ProbeReply =
  | {
      ok: true;
      info: BackendInfo;
      /** Top-left 2x2 of a 64x64 test matmul, row-major. */
      value: number[];
      selectMs: number;
      matmulMs: number;
      lost?: { reason: string; message: string; recovered: BackendInfo };
      speed?: SpeedProbeResult;
    }
  | { ok: false; error: string };
