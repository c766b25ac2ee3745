import type { Config } from '../core/config/schema';
import { subset, type Dataset } from '../core/data/dataset';
import { withDuplicates } from '../core/data/duplicates';
import { flipLabels } from '../core/data/labelNoise';
import { mnistSplit } from '../core/data/mnist';
import { measurementPool } from '../core/data/pool';
import { gaussianInputs, teacherLabels, teacherProblem } from '../core/data/teacher';
import { TOY2D, isToy2dName } from '../core/data/toy2d';
import { Rng } from '../core/rng';

/** Seeds of the independent random streams of one run, all derived from config.seed. */
export function streams(seed: number) {
  const root = new Rng(seed);
  return {
    data: root.fork(),
    test: root.fork(),
    dup: root.fork(),
    noise: root.fork(),
    pool: root.fork(),
    init: root.fork(),
    batches: root.fork(),
    gc: root.fork(),
    sampled: root.fork(),
  };
}

/** The data of one run, as plain arrays (the device copies live in DeviceData). */
export interface Problem {
  /** Training set with duplicates but before label noise. */
  clean: Dataset;
  /** Training set as trained on (label noise applied). */
  train: Dataset;
  test: Dataset;
  isDuplicate: Uint8Array;
  flipped: Uint8Array;
  /** Indices of the training examples in the measurement pool (sorted). */
  pool: Int32Array;
  /** The seed of the label-noise stream, kept so a hot noise change is reproducible. */
  noiseSeed: number;
}

/** Test-set size for generated datasets. */
const GENERATED_TEST = 1000;

function baseData(config: Config, rng: ReturnType<typeof streams>, mnist?: Dataset) {
  if (config.data === 'mnist') {
    if (!mnist) throw new Error('the MNIST digits are not loaded');
    return mnistSplit(mnist, config.n, rng.data);
  }
  if (config.data === 'teacher') {
    const { data, teacher } = teacherProblem(config.n, config.dim, config.th, rng.data);
    const x = gaussianInputs(GENERATED_TEST, config.dim, rng.test);
    const test = {
      ...data,
      x,
      y: teacherLabels(teacher, x),
      n: GENERATED_TEST,
      name: 'teacher-test',
    };
    return { train: data, test };
  }
  if (!isToy2dName(config.data)) throw new Error(`unknown dataset ${config.data}`);
  const make = TOY2D[config.data];
  return { train: make(config.n, rng.data), test: make(GENERATED_TEST, rng.test) };
}

/**
 * Builds the seeded problem of a configuration: dataset and test set, duplicates
 * (DESIGN §2.3), then label noise on the training set, then the measurement pool.
 */
export function buildProblem(config: Config, mnist?: Dataset): Problem {
  const rng = streams(config.seed);
  const { train: base, test } = baseData(config, rng, mnist);
  const dup = withDuplicates(base, config.dup, config.dupPts, rng.dup);
  const noiseSeed = Math.floor(rng.noise.next() * 2 ** 31);
  const { y, flipped } = flipLabels(
    dup.data.y,
    dup.data.numClasses,
    config.noise,
    new Rng(noiseSeed),
  );
  return {
    clean: dup.data,
    train: { ...dup.data, y },
    test,
    isDuplicate: dup.isDuplicate,
    flipped,
    pool: measurementPool(dup.data.n, config.pool, rng.pool),
    noiseSeed,
  };
}

/** The same problem with a new label-noise level (a hot change: inputs and pool unchanged). */
export function relabel(problem: Problem, noise: number): Problem {
  const { clean } = problem;
  const { y, flipped } = flipLabels(clean.y, clean.numClasses, noise, new Rng(problem.noiseSeed));
  return { ...problem, train: { ...clean, y }, flipped };
}

/** The pool as its own dataset. */
export function poolData(problem: Problem): Dataset {
  return subset(problem.train, problem.pool, 'pool');
}

/** 2-D datasets: the pool's inputs (N x 2 interleaved), labels and duplicate marks. */
export function poolPlane(problem: Problem) {
  const { train, pool, isDuplicate } = problem;
  const xy = new Float32Array(pool.length * 2);
  pool.forEach((i, k) => xy.set(train.x.subarray(2 * i, 2 * i + 2), 2 * k));
  return {
    xy,
    label: Int32Array.from(pool, (i) => train.y[i]),
    duplicate: Uint8Array.from(pool, (i) => isDuplicate[i]),
  };
}

/** Digits shown per cluster, and clusters shown, in the MNIST cluster view. */
const DIGITS_PER_CLUSTER = 8;
const DIGIT_CLUSTERS = 6;

/**
 * MNIST: up to 8 pool digits from each of the 6 largest clusters, as 0..255 bytes
 * (784 per digit), with their cluster ids.
 */
export function poolDigits(problem: Problem, assignment: Int32Array) {
  const { train, pool } = problem;
  const members = new Map<number, number[]>();
  assignment.forEach((k, i) => {
    if (!members.has(k)) members.set(k, []);
    members.get(k)!.push(i);
  });
  const largest = [...members.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, DIGIT_CLUSTERS);
  const picks = largest.flatMap(([k, members]) =>
    members.slice(0, DIGITS_PER_CLUSTER).map((i) => [k, i]),
  );
  const pixels = new Uint8Array(picks.length * train.dim);
  picks.forEach(([, i], j) => {
    const row = train.x.subarray(pool[i] * train.dim, (pool[i] + 1) * train.dim);
    for (let p = 0; p < train.dim; p++) pixels[j * train.dim + p] = Math.round(row[p] * 255);
  });
  return { pixels, cluster: Int32Array.from(picks, ([k]) => k) };
}
