/**
 * The resource budget of a run (issue 15): its estimated memory and time (memory.ts,
 * work.ts) against a device (device.ts), and what to do when it does not fit. Pure.
 *
 *   - one training step longer than STEP_SECONDS: refused (nothing but B and the widths
 *     sets it; pausing waits for a step);
 *   - generating the data longer than DATA_SECONDS, or its arrays too large: n is scaled
 *     down; refused when even n = 8 is too much (the teacher's test set costs 1000 dim th);
 *   - peak memory or the largest tensor over the device's limits: the pool is scaled down
 *     first, then n; refused when pool 16 and n 8 still do not fit (the model is too large);
 *   - the first measurement (SVRG snapshot + GC refresh + measurement, CHUNK_SECONDS) too
 *     long: the pool, then n, scaled down as well, when that is enough; when even pool 16
 *     and n 8 are too slow (a large test set through a large model), the run goes ahead and
 *     the notice says how long a measurement takes.
 * A scaled configuration comes with a notice giving the figures as asked and as scaled.
 */
import type { Config } from '../config/schema';
import type { DeviceBudget } from './device';
import { bytes, count, seconds } from './format';
import { estimateMemory, type MemoryEstimate } from './memory';
import { layerSums, runShape, type RunShape } from './shape';
import { estimateWork, type WorkEstimate } from './work';

export const STEP_SECONDS = 10;
export const CHUNK_SECONDS = 60;
export const DATA_SECONDS = 5;
const MIN_POOL = 16;
const MIN_N = 8;

export interface RunEstimate {
  shape: RunShape;
  memory: MemoryEstimate;
  work: WorkEstimate;
  seconds: { step: number; firstChunk: number; data: number };
}

export function estimateRun(config: Config, device: DeviceBudget): RunEstimate {
  const shape = runShape(config);
  const work = estimateWork(shape);
  return {
    shape,
    memory: estimateMemory(shape),
    work,
    seconds: {
      step: work.stepFlops / device.flopsPerSecond,
      firstChunk: work.firstChunkFlops / device.flopsPerSecond,
      data: work.dataOps / device.jsOpsPerSecond,
    },
  };
}

type Key = 'step' | 'data' | 'host' | 'peak' | 'tensor' | 'chunk';
interface Excess {
  key: Key;
  have: number;
  limit: number;
}

function excesses(e: RunEstimate, device: DeviceBudget): Excess[] {
  const all: Excess[] = [
    { key: 'step', have: e.seconds.step, limit: STEP_SECONDS },
    { key: 'data', have: e.seconds.data, limit: DATA_SECONDS },
    { key: 'host', have: e.memory.hostBytes, limit: device.hostBytes },
    { key: 'peak', have: e.memory.peakBytes, limit: device.memoryBytes },
    { key: 'tensor', have: e.memory.largestTensorBytes, limit: device.maxTensorBytes },
    { key: 'chunk', have: e.seconds.firstChunk, limit: CHUNK_SECONDS },
  ];
  return all.filter((x) => x.have > x.limit);
}

/** One figure in words, e.g. "peak memory 8.6 GB (this device's budget on cpu: 4.3 GB)". */
function describe(x: Excess, device: DeviceBudget): string {
  const on = device.name;
  switch (x.key) {
    case 'step':
      return `one training step about ${seconds(x.have)} on ${on} (at most ${seconds(x.limit)})`;
    case 'data':
      return `generating the data about ${seconds(x.have)} (at most ${seconds(x.limit)})`;
    case 'host':
      return `the data's arrays ${bytes(x.have)} (at most ${bytes(x.limit)})`;
    case 'peak':
      return `peak memory ${bytes(x.have)} (the budget on ${on}: ${bytes(x.limit)})`;
    case 'tensor':
      return `a single tensor of ${bytes(x.have)} (${on} allows ${bytes(x.limit)})`;
    case 'chunk':
      return `the first measurement about ${seconds(x.have)} on ${on} (at most ${seconds(x.limit)})`;
  }
}

/** The largest v in [lo, hi] with ok(v), for ok true below some threshold; null if none. */
function largest(lo: number, hi: number, ok: (v: number) => boolean): number | null {
  if (hi < lo || !ok(lo)) return null;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ok(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type BudgetVerdict =
  /** `notice`: a figure worth saying although nothing was changed (a slow measurement). */
  | { kind: 'fits'; config: Config; estimate: RunEstimate; notice?: string }
  | {
      kind: 'scaled';
      config: Config;
      estimate: RunEstimate;
      changes: { field: 'pool' | 'n' | 'bs'; from: number; to: number }[];
      /** The figures over the limits as asked, e.g. "peak memory 8.6 GB (the budget …)". */
      figures: string;
      notice: string;
    }
  | { kind: 'refused'; reason: string; estimate: RunEstimate };

/** Why a step is slow, in figures: B, the parameters and the flops. */
function stepHint(e: RunEstimate): string {
  const { params } = layerSums(e.shape.layers);
  return `B = ${e.shape.batch} and ${count(params)} parameters: ${count(e.work.stepFlops)} flop per step; lower bs or the hidden widths`;
}

function refuse(e: RunEstimate, xs: Excess[], device: DeviceBudget, hint: string): BudgetVerdict {
  const reason = `too large for this device: ${xs.map((x) => describe(x, device)).join('; ')} — ${hint}`;
  return { kind: 'refused', reason, estimate: e };
}

/** Checks a configuration against a device; scales pool, then n, or refuses (see above). */
export function fitToBudget(config: Config, device: DeviceBudget): BudgetVerdict {
  const first = estimateRun(config, device);
  const xs = excesses(first, device);
  if (xs.length === 0) return { kind: 'fits', config, estimate: first };
  const step = xs.filter((x) => x.key === 'step');
  if (step.length) return refuse(first, step, device, stepHint(first));
  const fitsWith = (c: Config, keys?: Key[]) =>
    !excesses(estimateRun(c, device), device).some((x) => !keys || keys.includes(x.key));
  // n for the data alone, then the pool, then n again for everything.
  const nData = largest(MIN_N, first.shape.n, (n) => fitsWith({ ...config, n }, ['data', 'host']));
  if (nData === null) {
    const smallest = estimateRun({ ...config, n: MIN_N }, device);
    const hint =
      config.data === 'teacher'
        ? `the teacher's ${smallest.shape.test} test examples alone cost ${count(smallest.work.dataOps)} operations; lower th or dim`
        : 'lower n';
    return refuse(first, excesses(smallest, device), device, hint);
  }
  const scaled = shrink(config, nData, fitsWith) ?? shrink(config, nData, (c) => fitsWith(c, HARD));
  if (!scaled) {
    const tiny = estimateRun({ ...config, n: MIN_N, pool: MIN_POOL }, device);
    const hard = excesses(tiny, device).filter((x) => HARD.includes(x.key));
    return refuse(first, hard, device, 'the model itself is too large');
  }
  return scaledVerdict(scaled, first, xs, device);
}

/** Every limit but the first measurement's time. */
const HARD: Key[] = ['step', 'data', 'host', 'peak', 'tensor'];

/** The largest pool (then, at pool 16, the largest n) at most nData with which it fits. */
function shrink(config: Config, nData: number, fits: (c: Config) => boolean): Config | null {
  const withN = { ...config, n: nData };
  const pool = largest(MIN_POOL, Math.min(config.pool, nData), (p) => fits({ ...withN, pool: p }));
  if (pool !== null) return { ...withN, pool };
  const small = { ...withN, pool: MIN_POOL };
  const n = largest(MIN_N, nData, (v) => fits({ ...small, n: v }));
  return n === null ? null : { ...small, n };
}

function scaledVerdict(
  shrunk: Config,
  first: RunEstimate,
  xs: Excess[],
  device: DeviceBudget,
): BudgetVerdict {
  // A batch cannot hold more examples than the training set: B follows a smaller n.
  const scaled = { ...shrunk, bs: Math.min(shrunk.bs, shrunk.n) };
  const estimate = estimateRun(scaled, device);
  const changes: { field: 'pool' | 'n' | 'bs'; from: number; to: number }[] = [];
  if (estimate.shape.pool < first.shape.pool)
    changes.push({ field: 'pool', from: first.shape.pool, to: estimate.shape.pool });
  if (estimate.shape.n < first.shape.n)
    changes.push({ field: 'n', from: first.shape.n, to: estimate.shape.n });
  if (scaled.bs < shrunk.bs) changes.push({ field: 'bs', from: shrunk.bs, to: scaled.bs });
  const chunk = estimate.seconds.firstChunk;
  const slow =
    chunk > CHUNK_SECONDS
      ? `A measurement takes about ${seconds(chunk)} on ${device.name} (more than the ${seconds(CHUNK_SECONDS)} aimed at); pausing waits for it.`
      : '';
  // The same pool and n in effect (e.g. pool 17 → 16 with n = 8): the configuration as asked.
  if (changes.length === 0)
    return { kind: 'fits', config: first.shape.config, estimate: first, notice: slow };
  const now = `peak memory ${bytes(estimate.memory.peakBytes)}, first measurement about ${seconds(chunk)}`;
  const figures = xs.map((x) => describe(x, device)).join('; ');
  const notice =
    `Scaled to fit this device: ${changes.map((c) => `${c.field} ${c.from} → ${c.to}`).join(', ')}. ` +
    `As asked: ${figures}. Now: ${now}.${slow ? ` ${slow}` : ''}`;
  return { kind: 'scaled', config: scaled, estimate, changes, figures, notice };
}
