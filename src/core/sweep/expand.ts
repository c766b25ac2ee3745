/**
 * A sweep's runs, in a fixed order: the first key's values (outer), the second key's, then
 * seeds base.seed … base.seed + S − 1 (inner). Run i is the same run on every machine, so a
 * sweep splits into deterministic, independent shards: shard I of N (1 ≤ I ≤ N) takes runs
 * I, I+N, I+2N, … counting from 1 (indices I−1, I−1+N, … from 0).
 */
import { parse, serialize } from '../config/codec';
import type { Config } from '../config/schema';
import { COEF } from './axis';
import { withCoef } from './coef';
import type { SweepSpec } from './spec';

export interface SweepRun {
  /** Position in the whole sweep, from 0. */
  index: number;
  /** The varied keys' values of this run (a coef value as asked; the config holds N or h). */
  varied: Record<string, number>;
  seed: number;
  /** The full configuration of the run, and the URL query that reproduces it. */
  config: Config;
  query: string;
}

/** Sets one varied key. `hidden` sets every hidden layer (RF: the number of features). */
function setKey(c: Config, key: string, value: number): Config {
  if (key === 'hidden') return { ...c, hidden: c.hidden.map(() => value) };
  return { ...c, [key]: value };
}

/** Every combination of the varied values, in sweep order. */
function combinations(spec: SweepSpec): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const axis of spec.axes)
    out = out.flatMap((v) => axis.values.map((x) => ({ ...v, [axis.key]: x })));
  return out;
}

/** The configuration of one point: the other keys first, then coef (it depends on them). */
function configOf(spec: SweepSpec, varied: Record<string, number>): Config {
  let c = spec.base;
  for (const [k, v] of Object.entries(varied)) if (k !== COEF) c = setKey(c, k, v);
  if (COEF in varied) c = withCoef(c, varied[COEF], spec.coefBy);
  return c;
}

const describe = (varied: Record<string, number>) =>
  Object.entries(varied)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/**
 * Every run of the sweep. A point whose configuration falls outside the schema's ranges (e.g.
 * coef asking for N below 8) is clamped as the URL codec would, and named in `problems`.
 */
export function expandSweep(spec: SweepSpec): { runs: SweepRun[]; problems: string[] } {
  const runs: SweepRun[] = [];
  const problems: string[] = [];
  for (const varied of combinations(spec)) {
    const wanted = { ...configOf(spec, varied), view: 'playground' as const };
    // Through the codec: its ranges and cross-field checks apply to every run.
    const checked = parse(serialize(wanted));
    for (const p of checked.problems) problems.push(`at ${describe(varied)}: ${p.message}`);
    for (let s = 0; s < spec.seeds; s++) {
      const config = { ...checked.config, seed: spec.base.seed + s };
      runs.push({
        index: runs.length,
        varied,
        seed: config.seed,
        config,
        query: serialize(config),
      });
    }
  }
  return { runs, problems };
}

export interface Shard {
  /** 1-based: shard `index` of `count`. */
  index: number;
  count: number;
}

/** Parses `I/N`; null with a message when it is not 1 ≤ I ≤ N. */
export function parseShard(raw: string): { shard: Shard | null; problem?: string } {
  const m = raw.trim().match(/^(\d+)\/(\d+)$/);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!m || !(count >= 1) || !(index >= 1 && index <= count) || !Number.isSafeInteger(count))
    return { shard: null, problem: `shard '${raw}' is not I/N with 1 ≤ I ≤ N (e.g. 1/4)` };
  return { shard: { index, count } };
}

/** The runs of one shard: indices index−1, index−1+count, … */
export function shardRuns<T>(runs: readonly T[], shard: Shard): T[] {
  return runs.filter((_, i) => i % shard.count === shard.index - 1);
}
