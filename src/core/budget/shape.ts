/**
 * The sizes a run's memory and time depend on, derived from its configuration alone (no data
 * is generated): the training, pool and test set sizes, the input dimension, the classes and
 * each dense layer's shape, as the Session builds them (src/core/model/build.ts initNetwork).
 */
import { clustersK, MNIST_TRAIN_MAX, type Config } from '../config/schema';
import { GENERATED_TEST } from '../data/runData';
/** MNIST: 10,000 digits shipped, 8,000 at most for training, 2,000 held out. */
export const MNIST_TEST = 10_000 - MNIST_TRAIN_MAX;
export const MNIST_DIM = 784;

/** One dense layer: W is in x out, with a bias row when `bias`; rf's first layer is fixed. */
export interface LayerShape {
  in: number;
  out: number;
  bias: boolean;
  trainable: boolean;
}

export interface RunShape {
  config: Config;
  /** Training examples N, measurement pool P = min(N, pool), test examples. */
  n: number;
  pool: number;
  test: number;
  inputDim: number;
  classes: number;
  layers: LayerShape[];
  batch: number;
  /** GC clusters actually used: min(K, P). */
  clusters: number;
}

function inputDim(c: Config): number {
  if (c.data === 'mnist') return MNIST_DIM;
  return c.data === 'teacher' ? c.dim : 2;
}

/** The layers of initNetwork: linear [in][C]; mlp ReLU widths then [h][C]; rf fixed [in][h], [h][C]. */
export function layerShapes(c: Config, input: number, classes: number): LayerShape[] {
  if (c.model === 'rf') {
    const h = c.hidden[0];
    return [
      { in: input, out: h, bias: false, trainable: false },
      { in: h, out: classes, bias: false, trainable: true },
    ];
  }
  const widths = c.model === 'mlp' ? c.hidden : [];
  const dims = [input, ...widths, classes];
  return dims.slice(1).map((out, l) => ({ in: dims[l], out, bias: true, trainable: true }));
}

export function runShape(config: Config): RunShape {
  const n = config.data === 'mnist' ? Math.min(config.n, MNIST_TRAIN_MAX) : config.n;
  const pool = Math.min(n, config.pool);
  const input = inputDim(config);
  const classes = config.data === 'mnist' ? 10 : 2;
  return {
    config,
    n,
    pool,
    test: config.data === 'mnist' ? MNIST_TEST : GENERATED_TEST,
    inputDim: input,
    classes,
    layers: layerShapes(config, input, classes),
    batch: config.bs,
    clusters: Math.min(clustersK(config), pool),
  };
}

/** Sums over layers used by the estimates (all counts of float32 values). */
export function layerSums(layers: readonly LayerShape[]) {
  const trainable = layers.filter((l) => l.trainable);
  const rows = (l: LayerShape) => l.in + (l.bias ? 1 : 0);
  return {
    /** Every parameter, fixed ones included. */
    params: layers.reduce((s, l) => s + rows(l) * l.out, 0),
    /** d, the trainable scalars: sum of I'_l x O_l. */
    d: trainable.reduce((s, l) => s + rows(l) * l.out, 0),
    /** Per-example factor floats: sum over trainable layers of I'_l + O_l. */
    factors: trainable.reduce((s, l) => s + rows(l) + l.out, 0),
    /** Per-example layer outputs of a forward pass: sum of O_l. */
    widths: layers.reduce((s, l) => s + l.out, 0),
    /** The largest single layer product I'_l x O_l, and the widest I'_l or O_l. */
    largestLayer: Math.max(...layers.map((l) => rows(l) * l.out)),
    widest: Math.max(...layers.map((l) => Math.max(rows(l), l.out))),
  };
}
