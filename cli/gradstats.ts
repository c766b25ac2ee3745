/**
 * gradstats: gradient-variance statistics of one model on one data set (DESIGN §2).
 *   npm run gradstats -- --model M.json --data D.json --batch B [options]
 * Prints exactly one JSON object on stdout. Bad input: exit 2 with one line on stderr naming
 * the file and field; unexpected internal errors: exit 1 with one line.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { networkFromSpec, type Network } from '../src/core/model/build';
import { disposePerExample, perExample, type PerExample } from '../src/core/model/backprop';
import type { NetworkSpec } from '../src/core/model/network';
import { Rng } from '../src/core/rng';
import { gradientClustering } from '../src/core/stats/clustering';
import { measure } from '../src/core/stats/measure';
import { readStats } from '../src/core/stats/read';
import type { Clusters, EstimatorStats, GradientStats } from '../src/core/stats/types';
import { runCli, useNodeBackend } from './run';
import { flagHelp, InputError, parseFlags, requireFlags, type Parsed } from './args';
import { checkSampledSize } from './limits';
import {
  readJson,
  validateAssignment,
  validateData,
  validateModel,
  validateSnapshot,
  type DataSet,
} from './validate';

const FLAGS = {
  model: { kind: 'string', metavar: 'M.json', help: 'model: layers [in][out] and loss (required)' },
  data: {
    kind: 'string',
    metavar: 'D.json',
    help: 'data: {"x": N x in, "y": N labels} (required)',
  },
  batch: { kind: 'int', min: 1, metavar: 'B', help: 'mini-batch size B ≥ 1 (required)' },
  'train-size': {
    kind: 'int',
    min: 1,
    metavar: 'N_TRAIN',
    help: 'size of the training set SGD samples from, when the data is a subset of it (default N): the without-replacement correction uses it',
  },
  sampling: {
    kind: 'choice',
    values: ['with-replacement', 'without-replacement'],
    help: 'how a batch is drawn (default without-replacement)',
  },
  assignment: {
    kind: 'string',
    metavar: 'A.json',
    help: 'GC partition {"assignment": [...], "K": K}',
  },
  clusters: { kind: 'int', min: 1, metavar: 'K', help: 'run Gradient Clustering with K clusters' },
  'gc-iters': { kind: 'int', min: 1, max: 1000, metavar: 'I', help: 'GC iterations (default 3)' },
  seed: { kind: 'int', min: 0, max: 2 ** 32 - 1, metavar: 'S', help: 'seed (default 1)' },
  snapshot: {
    kind: 'string',
    metavar: 'S.json',
    help: 'SVRG snapshot θ~, same format as the model',
  },
  mode: {
    kind: 'choice',
    values: ['exact', 'sampled'],
    help: 'closed forms or T draws (default exact)',
  },
  estimates: {
    kind: 'int',
    min: 2,
    max: 100_000,
    metavar: 'T',
    help: 'draws per estimator when sampled (default 50)',
  },
  help: { kind: 'switch', help: 'print this help' },
} as const;

type Flags = Parsed<typeof FLAGS>;

const USAGE = `usage: npm run gradstats -- --model M.json --data D.json --batch B [options]\n
Prints one JSON object: N, NTrain, d, B, meanLoss, gradNorm2, meanExampleGradNorm2, bSimple and
per estimator (SG-B, SG-2B, GC with an assignment or --clusters, SVRG with a snapshot) the
variance and normalizedVariance (DESIGN §2), and in sampled mode normalizedVarianceAuthors (NV as
the authors' code computes it). SG-2B is null when 2B > N_TRAIN without replacement.\n\n${flagHelp(FLAGS)}\n`;

/** Everything the computation needs, validated. */
interface Inputs {
  model: NetworkSpec;
  data: DataSet;
  batch: number;
  replacement: boolean;
  /** N_train (≥ N). */
  population: number;
  assignment?: Clusters;
  clusterCount?: number;
  gcIterations: number;
  snapshot?: NetworkSpec;
  mode: 'exact' | 'sampled';
  estimates: number;
  seed: number;
}

/** Reads and validates the files and cross-checks the flags against N. */
function loadInputs(f: Flags): Inputs {
  requireFlags(f, ['model', 'data', 'batch']);
  if (f.assignment !== undefined && f.clusters !== undefined) {
    throw new InputError('give either --assignment or --clusters, not both');
  }
  if (f['gc-iters'] !== undefined && f.clusters === undefined) {
    throw new InputError('--gc-iters needs --clusters');
  }
  const model = validateModel(readJson(f.model!), f.model!);
  const data = validateData(readJson(f.data!), f.data!, model);
  const n = data.x.length;
  const replacement = f.sampling === 'with-replacement';
  const population = f['train-size'] ?? n;
  if (population < n) {
    throw new InputError(`--train-size ${population} is smaller than the N = ${n} examples given`);
  }
  if (!replacement && f.batch! > population) {
    const what = f['train-size'] === undefined ? `N = ${n} examples` : `--train-size ${population}`;
    throw new InputError(`--batch ${f.batch} exceeds ${what} (without replacement)`);
  }
  if (f.clusters !== undefined && f.clusters > n) {
    throw new InputError(`--clusters ${f.clusters} exceeds N = ${n} examples`);
  }
  if (f.mode === 'sampled') checkSampledSize(model, f.batch!, f.estimates ?? 50);
  return {
    model,
    data,
    batch: f.batch!,
    replacement,
    population,
    assignment: f.assignment
      ? validateAssignment(readJson(f.assignment), f.assignment, n)
      : undefined,
    clusterCount: f.clusters,
    gcIterations: f['gc-iters'] ?? 3,
    snapshot: f.snapshot
      ? validateSnapshot(readJson(f.snapshot), f.snapshot, model, f.model!)
      : undefined,
    mode: f.mode ?? 'exact',
    estimates: f.estimates ?? 50,
    seed: f.seed ?? 1,
  };
}

/** The pool's per-example factors for the model and (optionally) the snapshot; owns all. */
class Pool {
  private readonly nets: Network[] = [];
  private readonly passes: PerExample[] = [];
  private readonly x: tf.Tensor2D;
  private readonly y: tf.Tensor1D;

  constructor(data: DataSet, loss: NetworkSpec['loss']) {
    this.x = tf.tensor2d(data.x);
    this.y = tf.tensor1d(data.y, loss === 'logistic' ? 'float32' : 'int32');
  }

  pass(spec: NetworkSpec): PerExample {
    const net = networkFromSpec(spec);
    this.nets.push(net);
    const p = perExample(net, this.x, this.y);
    this.passes.push(p);
    return p;
  }

  dispose(): void {
    this.passes.forEach(disposePerExample);
    this.nets.forEach((n) => n.dispose());
    this.x.dispose();
    this.y.dispose();
  }
}

interface Outcome {
  stats: GradientStats<number>;
  clusterSizes?: number[];
  objective?: number;
}

/** Forward/backward over the pool, clustering if asked, then one measurement. */
async function compute(inp: Inputs): Promise<Outcome> {
  const root = new Rng(inp.seed);
  const [clusterRng, drawRng] = [root.fork(), root.fork()];
  const pool = new Pool(inp.data, inp.model.loss);
  try {
    const p = pool.pass(inp.model);
    const snapshot = inp.snapshot ? pool.pass(inp.snapshot).factors : undefined;
    let clusters = inp.assignment;
    let objective: number | undefined;
    if (inp.clusterCount !== undefined) {
      const gc = await gradientClustering(p.factors, inp.clusterCount, {
        iterations: inp.gcIterations,
        rng: clusterRng,
      });
      clusters = { assignment: gc.assignment, K: gc.K };
      objective = gc.objective;
    }
    const device = measure(p, {
      mode: inp.mode,
      batch: inp.batch,
      replacement: inp.replacement,
      population: inp.population,
      clusters,
      snapshot,
      estimates: inp.estimates,
      rng: drawRng,
    });
    const m = await readStats(device);
    const stats = inp.mode === 'sampled' ? { ...m, estimators: m.sampled ?? {} } : m;
    return { stats, clusterSizes: clusters && sizesOf(clusters), objective };
  } finally {
    pool.dispose();
  }
}

function sizesOf({ assignment, K }: Clusters): number[] {
  const sizes = new Array<number>(K).fill(0);
  for (const k of assignment) sizes[k]++;
  return sizes;
}

/** d: trainable scalars, sum over trainable layers of (in + has bias) * out. */
function trainableScalars(spec: NetworkSpec): number {
  return spec.layers
    .filter((l) => l.trainable)
    .reduce((s, l) => s + (l.weight.length + (l.bias ? 1 : 0)) * l.weight[0].length, 0);
}

/** A finite number, or null (with a note) for NaN/Infinity from float32 overflow. */
function num(v: number, notes: Set<string>): number | null {
  if (Number.isFinite(v)) return v;
  notes.add('some statistics are not finite in float32 and are reported as null');
  return null;
}

/** The output object, in the documented field order. */
function report(inp: Inputs, out: Outcome, notes: Set<string>): Record<string, unknown> {
  const { stats } = out;
  const pair = (e: EstimatorStats<number>) => ({
    variance: num(e.variance, notes),
    normalizedVariance: num(e.normalizedVariance, notes),
    ...(e.normalizedVarianceAuthors === undefined
      ? {}
      : { normalizedVarianceAuthors: num(e.normalizedVarianceAuthors, notes) }),
  });
  const est: Record<string, unknown> = { 'SG-B': pair(stats.estimators['SG-B']!) };
  const sg2 = stats.estimators['SG-2B'];
  if (!sg2) {
    notes.add(
      `SG-2B is null: 2B = ${2 * inp.batch} > N_train = ${inp.population} without replacement`,
    );
  }
  est['SG-2B'] = sg2 ? pair(sg2) : null;
  if (stats.estimators.GC) {
    est.GC = { ...pair(stats.estimators.GC), clusterSizes: out.clusterSizes };
    if (out.objective !== undefined) (est.GC as Record<string, unknown>).objective = out.objective;
  }
  if (stats.estimators.SVRG) est.SVRG = pair(stats.estimators.SVRG);
  if (stats.gradNorm2 === 0) notes.add('bSimple is null: ||g||^2 = 0');
  return {
    N: inp.data.x.length,
    NTrain: inp.population,
    d: trainableScalars(inp.model),
    B: inp.batch,
    meanLoss: num(stats.meanLoss, notes),
    gradNorm2: num(stats.gradNorm2, notes),
    meanExampleGradNorm2: num(stats.meanExampleGradNorm2, notes),
    bSimple: stats.gradNorm2 === 0 ? null : num(stats.bSimple, notes),
    estimators: est,
  };
}

/** Runs the CLI; returns the exit code. */
async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  const inp = loadInputs(flags);
  await useNodeBackend('cpu');
  const notes = new Set<string>();
  const json = report(inp, await compute(inp), notes);
  process.stdout.write(`${JSON.stringify(json)}\n`);
  for (const n of notes) process.stderr.write(`gradstats: note: ${n}\n`);
}

runCli('gradstats', main);
