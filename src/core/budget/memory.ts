/**
 * Memory a run's tensors take, estimated from its shape (shape.ts) by following what the
 * Session keeps and what each phase builds inside its tidy (counts of float32 / int32
 * values, 4 bytes each). With P the pool, B the batch, T the test set, K the clusters, d the
 * trainable scalars, F = sum over trainable layers of I'_l + O_l (per-example factor floats),
 * W = sum of the layer widths O_l and C the classes:
 *
 *   persistent  parameters + momentum (d) + data (N + P + T) x (inputs + label)
 *               + SVRG snapshot: parameters + P (F + 1 + C) + 2d
 *   step        B (inputs + 1) + B (3W + 2C) + 4d
 *   measure     P (F + 1 + C) held factors, then the largest of: the exact statistics in
 *               one tidy (P F squares + 8d, SG 7d each, GC 2.5 P F + 10d + one chunk, SVRG
 *               P F + 15d), the sampled protocol (10d per estimator + its largest chunk of
 *               estimates), the test set's
 *               forward pass (T W)
 *   GC refresh  the held factors, then the largest of: clustering (4 K F + (2L + 6) blocks of
 *               min(P K, 2^22)), the projection (5 P^2: Gram matrices), the 2-D boundary maps
 *   SVRG take   P F + 4d + P W (the snapshot's moments and forward tape)
 *
 * peak = persistent + the largest phase. Checked against tf.memory() on the CPU backend
 * (test/core/budget/memory.test.ts: within 2x over a grid of shapes).
 */
import { ESTIMATOR_NAMES } from '../config/schema';
import { layerSums, type RunShape } from './shape';

const BYTES = 4;
/** Chunk bounds of the measurement code (clusterVariance, sampled, clusteringSteps). */
const CHUNK_FLOATS = 2 ** 23;
const BLOCK_FLOATS = 2 ** 22;
/** Decision-boundary grid of the 2-D cluster view (engine/clusterView.ts GRID_RES^2). */
const GRID_CELLS = 48 * 48;
/** The MNIST digits decoded in the JavaScript heap (10,000 x 784 float32). */
const MNIST_HOST_BYTES = 10_000 * 784 * 4;

export interface Part {
  part: string;
  bytes: number;
}

export interface MemoryEstimate {
  /** Tensors alive for the whole run. */
  persistent: Part[];
  /** Extra tensors at the peak of each phase; the largest sets the peak. */
  phases: Part[];
  peakBytes: number;
  /** The largest single tensor (WebGPU buffers and WebGL textures cap it). */
  largestTensorBytes: number;
  /** JavaScript arrays holding the data (besides the tensors). */
  hostBytes: number;
}

/** Which estimators and protocols a configuration measures. */
function measured(shape: RunShape) {
  const c = shape.config;
  const on = new Set(c.est.map((e) => ESTIMATOR_NAMES[e]));
  const sg2b = on.has('SG-2B') && (c.repl || 2 * c.bs <= shape.pool);
  return {
    sg: (on.has('SG-B') ? 1 : 0) + (sg2b ? 1 : 0),
    gc: on.has('GC'),
    svrg: on.has('SVRG'),
    exact: c.stats !== 'sampled',
    sampled: c.stats !== 'exact',
    count: on.size,
  };
}

/** One chunk of GC's cluster sums: gathered rows, products and their squares. */
function chunkFloats(perItem: number, items: number, product: number): number {
  return Math.min(3 * CHUNK_FLOATS, 3 * Math.max(perItem, product) * items);
}

/**
 * The largest chunk of the sampled protocol over the trainable layers: tc estimates at once,
 * tc = min(T, 2^23 / max(I'O, m (I' + O))) with m = 2B (SG-2B) or K, each gathering m rows of
 * factors (twice for SVRG) and forming I' x O sums, deviations and squares.
 */
function sampledChunk(shape: RunShape, svrg: boolean): number {
  const c = shape.config;
  const m = Math.max(2 * shape.batch, shape.clusters);
  let worst = 0;
  for (const l of shape.layers.filter((x) => x.trainable)) {
    const rows = l.in + (l.bias ? 1 : 0);
    const perEstimate = Math.max(rows * l.out, m * (rows + l.out));
    const tc = Math.min(c.estim, Math.max(1, Math.floor(CHUNK_FLOATS / perEstimate)));
    worst = Math.max(worst, tc * ((svrg ? 5.5 : 2.75) * m * (rows + l.out) + 5 * rows * l.out));
  }
  return worst;
}

function measurePhase(shape: RunShape, held: number): number {
  const { pool: P, test: T, clusters: K } = shape;
  const s = layerSums(shape.layers);
  const m = measured(shape);
  const maxLayerFactors = s.widest * 2;
  let exact = P * s.factors + 8 * s.d + 7 * s.d * m.sg;
  if (m.gc)
    exact += 2.5 * P * s.factors + 10 * s.d + chunkFloats(maxLayerFactors, P / K, s.largestLayer);
  if (m.svrg) exact += P * s.factors + 15 * s.d;
  const sampled = m.count * 10 * s.d + sampledChunk(shape, m.svrg);
  const test = T * (s.widths + shape.classes);
  return held + Math.max(m.exact ? exact : 0, m.sampled ? sampled : 0, test);
}

function clusterPhase(shape: RunShape, held: number): number {
  const { pool: P, clusters: K } = shape;
  const s = layerSums(shape.layers);
  const trainable = shape.layers.filter((l) => l.trainable).length;
  const clustering = 4 * K * s.factors + (2 * trainable + 6) * Math.min(P * K, BLOCK_FLOATS);
  const projection = 5 * P * P;
  const plane = shape.inputDim === 2 && shape.config.data !== 'teacher';
  const boundaries = plane
    ? (K + 1) * GRID_CELLS + 2 * P * s.factors + 4 * s.params + 2 * GRID_CELLS * s.widths
    : 0;
  return held + P + Math.max(clustering, projection, boundaries);
}

export function estimateMemory(shape: RunShape): MemoryEstimate {
  const { n, pool: P, test: T, batch: B, inputDim: I, classes: C, clusters: K } = shape;
  const s = layerSums(shape.layers);
  const m = measured(shape);
  const held = P * (s.factors + 1 + C);
  const persistent: Part[] = [
    { part: 'parameters', bytes: s.params },
    { part: 'momentum', bytes: s.d },
    { part: 'data', bytes: (n + P + T) * (I + 1) },
    { part: 'SVRG snapshot', bytes: m.svrg ? s.params + held + 2 * s.d : 0 },
  ].map(({ part, bytes }) => ({ part, bytes: bytes * BYTES }));
  const phases: Part[] = [
    { part: 'training step', bytes: B * (I + 1) + B * (3 * s.widths + 2 * C) + 4 * s.d },
    { part: 'measurement', bytes: measurePhase(shape, held) },
    { part: 'GC refresh', bytes: m.gc ? clusterPhase(shape, held) : 0 },
    { part: 'SVRG snapshot', bytes: m.svrg ? P * s.factors + 4 * s.d + P * s.widths : 0 },
  ].map(({ part, bytes }) => ({ part, bytes: bytes * BYTES }));
  const total = (parts: Part[]) => parts.reduce((t, p) => t + p.bytes, 0);
  const largest = Math.max(
    n * I,
    T * I,
    P * s.widest,
    B * s.widest,
    s.largestLayer,
    m.gc ? Math.max(P * P, Math.min(P * K, BLOCK_FLOATS)) : 0,
  );
  const teacher = shape.config.data === 'teacher' ? shape.config.dim * shape.config.th : 0;
  return {
    persistent,
    phases,
    peakBytes: total(persistent) + Math.max(...phases.map((p) => p.bytes)),
    largestTensorBytes: largest * BYTES,
    hostBytes:
      BYTES * ((n + T) * (I + 1) + teacher) +
      (shape.config.data === 'mnist' ? MNIST_HOST_BYTES : 0),
  };
}
