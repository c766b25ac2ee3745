import type { Config } from '../config/schema';
import { Rng } from '../rng';
import { streams } from '../run/streams';
import type { Dataset } from './dataset';
import { withDuplicates } from './duplicates';
import { flipLabels } from './labelNoise';
import { mnistSplit } from './mnist';
import { measurementPool } from './pool';
import { gaussianInputs, teacherLabels, teacherProblem } from './teacher';
import { TOY2D, isToy2dName } from './toy2d';

/** The data of one run, as plain arrays (the device copies live in the engine's DeviceData). */
export interface RunData {
  /** Training set with duplicates but before label noise. */
  clean: Dataset;
  /** Training set as trained on (label noise applied). */
  train: Dataset;
  test: Dataset;
  isDuplicate: Uint8Array;
  /** For each training example, the index of the point it copies (duplicates.ts), else -1. */
  sourceOf: Int32Array;
  flipped: Uint8Array;
  /** Indices of the training examples in the measurement pool (sorted). */
  pool: Int32Array;
  /** The seed of the label-noise stream, kept so a hot noise change is reproducible. */
  noiseSeed: number;
}

/** Test-set size for generated datasets. */
export const GENERATED_TEST = 1000;

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
 * Builds the seeded data of a configuration: dataset and test set, duplicates
 * (DESIGN §2.3), then label noise on the training set, then the measurement pool.
 */
export function buildRunData(config: Config, mnist?: Dataset): RunData {
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
    sourceOf: dup.sourceOf,
    flipped,
    pool: measurementPool(dup.data.n, config.pool, rng.pool),
    noiseSeed,
  };
}

/** The same data with a new label-noise level (a hot change: inputs and pool unchanged). */
export function relabel(data: RunData, noise: number): RunData {
  const { clean } = data;
  const { y, flipped } = flipLabels(clean.y, clean.numClasses, noise, new Rng(data.noiseSeed));
  return { ...data, train: { ...clean, y }, flipped };
}
