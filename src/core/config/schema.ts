/**
 * The one configuration schema (DESIGN §4). Every run is fully described by a Config; its
 * query-string form (codec.ts) is the public, shareable interface, so the keys are stable.
 * One declarative table, FIELDS, drives parsing, serialising, clamping, defaults and the UI.
 */

export const DATASETS = ['blobs', 'xor', 'circles', 'spiral', 'teacher', 'mnist'] as const;
export const MODELS = ['linear', 'mlp', 'rf'] as const;
export const STATS_MODES = ['exact', 'sampled', 'both'] as const;
export const ESTIMATOR_KEYS = ['sgb', 'sg2b', 'gc', 'svrg'] as const;
/** Each estimator's URL key and its name in the paper, in reports and on screen. */
export const ESTIMATOR_NAMES = { sgb: 'SG-B', sg2b: 'SG-2B', gc: 'GC', svrg: 'SVRG' } as const;
/** Optimisers (`opt=`): SGD with momentum, or Adam (src/core/train). */
export const OPTIMISERS = ['sgd', 'adam'] as const;
/** The batch-size scaling lock (`lock=`): η fixed, η ∝ B, or η ∝ √B when B changes. */
export const LOCKS = ['off', 'linear', 'sqrt'] as const;
export const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
/** What the page shows: the playground (one run) or a sweep (many runs as curves). */
export const VIEWS = ['playground', 'sweep'] as const;
/** What the NV chart plots: the exact V/(V+g²), or the authors' code's sampled formula. */
export const NV_READINGS = ['exact', 'authors'] as const;
/** The variance chart: mean over the d coordinates (the paper's), or their sum (the trace). */
export const VARIANCE_AGGREGATES = ['mean', 'total'] as const;
/** Charts a view shows (`charts=`); an embed shows only these. */
export const CHART_KEYS = ['variance', 'nv', 'loss', 'acc', 'clusters'] as const;
/** Controls a lecturer may hide (`hide=`), by their URL key. */
// prettier-ignore
export const HIDEABLE = [
  'data', 'n', 'dim', 'th', 'model', 'hidden', 'bs', 'lock', 'opt', 'lr', 'mom', 'wd', 'clip',
  'lrDrop', 'noise', 'dup', 'dupPts',
  'k', 'gcEvery', 'gcIters', 'svrgEvery', 'every', 'stats', 'estim', 'pool', 'est', 'repl',
  'seed', 'backend', 'presets', 'share',
] as const;

/** Lessons of the course (`lesson=1..LESSON_COUNT`; the content lives in src/ui/lessons). */
export const LESSON_COUNT = 7;

/** MNIST digits available for training (10,000 shipped, 2,000 held out for testing). */
export const MNIST_TRAIN_MAX = 8000;

export interface Config {
  data: (typeof DATASETS)[number];
  n: number;
  dim: number;
  th: number;
  model: (typeof MODELS)[number];
  hidden: number[];
  bs: number;
  /** When B changes: keep η (off), scale η ∝ B (linear) or η ∝ √B (sqrt). */
  lock: (typeof LOCKS)[number];
  opt: (typeof OPTIMISERS)[number];
  lr: number;
  mom: number;
  wd: number;
  /** Global-norm clipping threshold of the mini-batch gradient; 0 is off. */
  clip: number;
  /** The step from which η is multiplied by 0.1; 0 is never. */
  lrDrop: number;
  noise: number;
  dup: number;
  dupPts: number;
  /** GC clusters K; null means "the same as the batch size". */
  k: number | null;
  gcEvery: number;
  gcIters: number;
  svrgEvery: number;
  every: number;
  stats: (typeof STATS_MODES)[number];
  estim: number;
  pool: number;
  est: (typeof ESTIMATOR_KEYS)[number][];
  /** Sample mini-batches with replacement (URL 1) or without (URL 0). */
  repl: boolean;
  seed: number;
  steps: number;
  backend: (typeof BACKENDS)[number];
  autoplay: boolean;
  view: (typeof VIEWS)[number];
  lecture: boolean;
  embed: boolean;
  hide: (typeof HIDEABLE)[number][];
  charts: (typeof CHART_KEYS)[number][];
  nv: (typeof NV_READINGS)[number];
  agg: (typeof VARIANCE_AGGREGATES)[number];
  /** The lesson open beside the playground, 1..LESSON_COUNT; 0: none. */
  lesson: number;
  /** Changes the run makes at given steps (`at=`, schedule.ts): a shared demo replays them. */
  at: ScheduledChange[];
}

/** One scheduled change: at training step `step`, field `key` takes `value` (its URL form). */
export interface ScheduledChange {
  step: number;
  key: keyof Config;
  value: string;
}

export type Group = 'data' | 'model' | 'optimiser' | 'estimators' | 'measurement' | 'run' | 'view';

type Kind =
  | { kind: 'enum'; choices: readonly string[] }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'float'; min: number; max: number; log?: boolean }
  | { kind: 'intList'; min: number; max: number; maxLength: number }
  | { kind: 'set'; choices: readonly string[]; labels?: Readonly<Record<string, string>> }
  | { kind: 'bool' }
  | { kind: 'optionalInt'; min: number; max: number }
  | { kind: 'schedule' };

export type Field = Kind & {
  key: keyof Config;
  label: string;
  tooltip: string;
  group: Group;
  /** Changes mid-run without a reset (recorded as an event); otherwise the run restarts. */
  hot: boolean;
};

const BIG = 1_000_000;

/** Every field, in URL and UI order. Defaults live in DEFAULTS below. */
// prettier-ignore
export const FIELDS: readonly Field[] = [
  { key: 'data', kind: 'enum', choices: DATASETS, group: 'data', hot: false, label: 'Dataset', tooltip: 'The training data: 2-D toy sets, the random-features teacher (§4.2), or real MNIST digits.' },
  { key: 'n', kind: 'int', min: 8, max: 60000, group: 'data', hot: false, label: 'Training-set size', tooltip: 'Number of training examples N.' },
  { key: 'dim', kind: 'int', min: 2, max: 2000, group: 'data', hot: false, label: 'Input dimension', tooltip: 'Teacher problem: dimension of the Gaussian inputs.' },
  { key: 'th', kind: 'int', min: 1, max: 10000, group: 'data', hot: false, label: 'Teacher hidden units', tooltip: 'Teacher problem: number of random ReLU features of the teacher.' },
  { key: 'noise', kind: 'float', min: 0, max: 1, group: 'data', hot: true, label: 'Label noise', tooltip: 'Fraction of training labels flipped to a different, random class.' },
  { key: 'dup', kind: 'float', min: 0, max: 0.95, group: 'data', hot: false, label: 'Duplicated fraction', tooltip: 'Fraction of the training set made of copies of a few points (§4.3).' },
  { key: 'dupPts', kind: 'int', min: 1, max: 1000, group: 'data', hot: false, label: 'Duplicated points', tooltip: 'How many distinct points the duplicates are copies of.' },
  { key: 'model', kind: 'enum', choices: MODELS, group: 'model', hot: false, label: 'Model', tooltip: 'Linear classifier, ReLU MLP, or random features (fixed first layer).' },
  { key: 'hidden', kind: 'intList', min: 1, max: 4096, maxLength: 6, group: 'model', hot: false, label: 'Hidden widths', tooltip: 'MLP: widths of the hidden layers, e.g. 64,64. RF: the number of random features.' },
  { key: 'bs', kind: 'int', min: 1, max: 4096, group: 'optimiser', hot: true, label: 'Batch size B', tooltip: 'Examples per SGD step; SG-B averages B gradients, SG-2B averages 2B.' },
  { key: 'lock', kind: 'enum', choices: LOCKS, group: 'optimiser', hot: true, label: 'Scale lr with B', tooltip: 'When the batch size changes: keep the learning rate (off), scale it with B (linear, η/B fixed) or with √B (sqrt).' },
  { key: 'opt', kind: 'enum', choices: OPTIMISERS, group: 'optimiser', hot: true, label: 'Optimiser', tooltip: 'SGD with momentum, or Adam (β1 0.9, β2 0.999); switching mid-run starts the optimiser\'s state afresh. The statistics are always those of the raw mini-batch gradients.' },
  { key: 'lr', kind: 'float', min: 1e-5, max: 10, log: true, group: 'optimiser', hot: true, label: 'Learning rate', tooltip: 'Step size η (Adam: roughly how far each weight moves per step).' },
  { key: 'mom', kind: 'float', min: 0, max: 0.999, group: 'optimiser', hot: true, label: 'Momentum', tooltip: 'Heavy-ball momentum of SGD (Adam uses its own β1 = 0.9).' },
  { key: 'wd', kind: 'float', min: 0, max: 0.1, group: 'optimiser', hot: true, label: 'Weight decay', tooltip: 'L2 penalty added to the gradient.' },
  { key: 'clip', kind: 'float', min: 0, max: 1000, group: 'optimiser', hot: true, label: 'Clip gradient norm', tooltip: 'Scale the mini-batch gradient down to this global norm when it is longer (0: off). The statistics stay those of the unclipped gradients.' },
  { key: 'lrDrop', kind: 'int', min: 0, max: 10_000_000, group: 'optimiser', hot: true, label: 'Drop lr ×0.1 at step', tooltip: 'From this step on the learning rate is ten times smaller (0: never).' },
  { key: 'est', kind: 'set', choices: ESTIMATOR_KEYS, labels: ESTIMATOR_NAMES, group: 'estimators', hot: true, label: 'Estimators shown', tooltip: 'Which gradient estimators to measure and plot.' },
  { key: 'k', kind: 'optionalInt', min: 2, max: 4096, group: 'estimators', hot: true, label: 'GC clusters K', tooltip: 'Number of Gradient Clustering clusters (default: the batch size).' },
  { key: 'gcEvery', kind: 'int', min: 1, max: BIG, group: 'estimators', hot: true, label: 'Re-cluster every', tooltip: 'Steps between Gradient Clustering updates.' },
  { key: 'gcIters', kind: 'int', min: 1, max: 50, group: 'estimators', hot: true, label: 'GC iterations', tooltip: 'Assignment/update iterations per re-clustering.' },
  { key: 'svrgEvery', kind: 'int', min: 1, max: BIG, group: 'estimators', hot: true, label: 'SVRG snapshot every', tooltip: 'Steps between SVRG snapshots of the parameters.' },
  { key: 'every', kind: 'int', min: 1, max: BIG, group: 'measurement', hot: true, label: 'Measure every', tooltip: 'Steps between measurements of the gradient statistics.' },
  { key: 'stats', kind: 'enum', choices: STATS_MODES, group: 'measurement', hot: true, label: 'Statistics', tooltip: 'Exact closed forms, the paper\'s sampled protocol, or both.' },
  { key: 'estim', kind: 'int', min: 2, max: 1000, group: 'measurement', hot: true, label: 'Estimates per measurement T', tooltip: 'Sampled protocol: mini-batch estimates drawn per measurement (paper: 50).' },
  { key: 'pool', kind: 'int', min: 16, max: 60000, group: 'measurement', hot: false, label: 'Measurement pool', tooltip: 'Examples over which the statistics are measured (a fixed subset when N is larger).' },
  { key: 'repl', kind: 'bool', group: 'measurement', hot: false, label: 'With replacement', tooltip: 'Estimators draw mini-batches with replacement (otherwise without).' },
  { key: 'seed', kind: 'int', min: 0, max: 2 ** 31 - 1, group: 'run', hot: false, label: 'Seed', tooltip: 'Same seed and settings give the same run.' },
  { key: 'steps', kind: 'int', min: 0, max: 10_000_000, group: 'run', hot: true, label: 'Stop after steps', tooltip: 'Pause automatically after this many steps (0: run until paused).' },
  { key: 'at', kind: 'schedule', group: 'run', hot: false, label: 'Change schedule', tooltip: 'Changes the run makes at given steps, e.g. 300:bs=64,600:lr=0.01 (recorded as you change settings mid-run; replayed by Reset and by a shared link).' },
  { key: 'backend', kind: 'enum', choices: BACKENDS, group: 'run', hot: false, label: 'Backend', tooltip: 'Where training runs: auto tries WebGPU, WebGL, WASM, then CPU.' },
  { key: 'autoplay', kind: 'bool', group: 'view', hot: true, label: 'Autoplay', tooltip: 'Start training as soon as the page loads.' },
  { key: 'view', kind: 'enum', choices: VIEWS, group: 'view', hot: true, label: 'View', tooltip: 'The playground (one run, live) or a sweep (many runs summarised as the paper\'s curves).' },
  { key: 'lecture', kind: 'bool', group: 'view', hot: true, label: 'Lecture mode', tooltip: 'Projector layout: bigger fonts, thicker lines.' },
  { key: 'embed', kind: 'bool', group: 'view', hot: true, label: 'Embed', tooltip: 'Show only the charts and play/reset.' },
  { key: 'hide', kind: 'set', choices: HIDEABLE, group: 'view', hot: true, label: 'Hidden controls', tooltip: 'Controls hidden from the panel.' },
  { key: 'charts', kind: 'set', choices: CHART_KEYS, group: 'view', hot: true, label: 'Charts shown', tooltip: 'Which charts the page (or an embed) shows.' },
  { key: 'nv', kind: 'enum', choices: NV_READINGS, group: 'view', hot: true, label: 'Normalized variance', tooltip: 'exact: V/(V+g²) per coordinate, averaged; in [0, 1], noise power = signal power at 0.5. authors: the authors\' code\'s formula on T sampled estimates (stats=sampled or both): Σ(ĝ−Ē)²/(Σĝ²+1e-7) with Ē from T separate draws; about (1+1/T)× the exact value, and the paper\'s text reads 1 as noise = signal.' },
  { key: 'agg', kind: 'enum', choices: VARIANCE_AGGREGATES, group: 'view', hot: true, label: 'Variance as', tooltip: 'mean: averaged over the d trainable coordinates, as the paper plots it (comparable only at equal d). total: summed over the coordinates (the trace of the covariance, d × mean), comparable across model sizes.' },
  { key: 'lesson', kind: 'int', min: 0, max: LESSON_COUNT, group: 'view', hot: true, label: 'Lesson', tooltip: 'The lesson of the course shown beside the playground (0: none).' },
];

/** Default training-set size per dataset. */
export const DEFAULT_N: Record<Config['data'], number> = {
  blobs: 200,
  xor: 256,
  circles: 256,
  spiral: 400,
  teacher: 500,
  mnist: MNIST_TRAIN_MAX,
};

// prettier-ignore
const DEFAULTS: Config = {
  data: 'blobs', n: DEFAULT_N.blobs, dim: 10, th: 20, model: 'mlp', hidden: [16, 16], bs: 32,
  lock: 'off', opt: 'sgd', lr: 0.05, mom: 0, wd: 0, clip: 0, lrDrop: 0, noise: 0, dup: 0,
  dupPts: 5, k: null, gcEvery: 100, gcIters: 3, svrgEvery: 100, every: 10, stats: 'exact',
  estim: 50, pool: 2048, est: ['sgb', 'sg2b', 'gc', 'svrg'], repl: false, seed: 1, steps: 0,
  backend: 'auto',
  autoplay: false, view: 'playground', lecture: false, embed: false, hide: [],
  charts: ['variance', 'nv', 'loss', 'acc', 'clusters'], nv: 'exact', agg: 'mean', lesson: 0,
  at: [],
};

export function defaultConfig(): Config {
  return copy(DEFAULTS);
}

/** The paper's names of the estimators a configuration selects, in canonical order. */
export function estimatorIds(
  config: Pick<Config, 'est'>,
): (typeof ESTIMATOR_NAMES)[Config['est'][number]][] {
  return config.est.map((e) => ESTIMATOR_NAMES[e]);
}

export function fieldOf(key: string): Field | undefined {
  return FIELDS.find((f) => f.key === key);
}

export function isHot(key: string): boolean {
  return fieldOf(key)?.hot ?? false;
}

/** GC clusters actually used: K, or B when K follows the batch size. */
export function clustersK(config: Config): number {
  return config.k ?? config.bs;
}

/** Deep copy of plain JSON data (configs hold only numbers, strings, booleans, arrays, null). */
export function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
