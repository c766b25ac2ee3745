/**
 * Headless sweeps: many runs of the playground's Session, each summarised as the paper does,
 * in parallel on a pool of worker threads (WASM backend by default).
 *
 *   npm run sweep -- (--preset NAME | --sweep "SWEEP QUERY" | --base "QUERY" --vary KEY=VALUES
 *                    [--vary KEY2=VALUES]) [--seeds S] [--steps N] [--coef-by n|hidden]
 *                    [--shard I/N] [--workers W] --out FILE.json|FILE.csv
 *   npm run sweep -- --merge PART… --out FILE.json|FILE.csv
 *
 * Bad input exits 2 with one line on stderr; a progress bar is drawn when stderr is a terminal.
 */
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { csvFormat, csvParse } from 'd3';
import { nodeDevice } from '../src/core/budget/device';
import { fitToBudget } from '../src/core/budget/fit';
import { parseSweep } from '../src/core/sweep/codec';
import { readSweepCsv, sweepCsv, sweepCsvOf } from '../src/core/sweep/csv';
import {
  expandSweep,
  parseShard,
  shardRuns,
  type Shard,
  type SweepRun,
} from '../src/core/sweep/expand';
import { mergeCsv, mergeResults, MergeError } from '../src/core/sweep/merge';
import { SWEEP_PRESETS, sweepPreset } from '../src/core/sweep/presets';
import {
  runResult,
  skippedResult,
  sweepJson,
  sweepResult,
  type SweepResult,
  type SweepRunResult,
} from '../src/core/sweep/result';
import { checkSpec, MAX_SEEDS, type SweepSpec } from '../src/core/sweep/spec';
import { flagHelp, InputError, parseFlags, requireFlags, type FlagTable } from './args';
import { runCli, useNodeBackend } from './run';
import { progressBar } from './progress';
import { runSweep } from './sweepPool';

const FLAGS = {
  preset: {
    kind: 'string',
    metavar: 'NAME',
    help: `a sweep preset (${SWEEP_PRESETS.map((p) => p.name).join(', ')})`,
  },
  sweep: {
    kind: 'string',
    metavar: 'QUERY',
    help: "a whole sweep as its URL query (the sweep view's address, or a record's sweep.query)",
  },
  base: {
    kind: 'string',
    metavar: 'QUERY',
    help: 'the base configuration, a playground URL query, e.g. "data=teacher&model=rf"',
  },
  vary: {
    kind: 'list',
    max: 2,
    metavar: 'KEY=VALUES',
    help: 'a varied key: V1,V2,… or a log range LO..HI:COUNT (twice: one line per value of the second)',
  },
  seeds: {
    kind: 'int',
    min: 1,
    max: MAX_SEEDS,
    metavar: 'S',
    help: 'seeds per point: base seed … seed+S−1 (default 3)',
  },
  steps: {
    kind: 'int',
    min: 1,
    max: 10_000_000,
    metavar: 'N',
    help: "training steps per run (default: the base's steps, else 500)",
  },
  'coef-by': {
    kind: 'choice',
    values: ['n', 'hidden'] as const,
    help: 'what a coef (parameters / N) axis sets (default n)',
  },
  shard: {
    kind: 'string',
    metavar: 'I/N',
    help: 'run only shard I of N: runs I, I+N, … (1 ≤ I ≤ N)',
  },
  workers: {
    kind: 'int',
    min: 1,
    max: 1024,
    metavar: 'W',
    help: 'runs in parallel (default: os.availableParallelism())',
  },
  merge: {
    kind: 'list',
    metavar: 'PART…',
    help: 'merge the shards written by --out into one file',
  },
  out: {
    kind: 'string',
    metavar: 'FILE.json|FILE.csv',
    help: 'where to write the sweep (the extension picks the format)',
  },
  help: { kind: 'switch', help: 'show this help' },
} satisfies FlagTable;

type Flags = ReturnType<typeof parseFlags<typeof FLAGS>>;

const USAGE = `usage: npm run sweep -- (--preset NAME | --sweep QUERY | --base QUERY --vary KEY=VALUES [--vary KEY2=VALUES])
                        [--seeds S] [--steps N] [--coef-by n|hidden] [--shard I/N] [--workers W] --out FILE.json|FILE.csv
       npm run sweep -- --merge PART… --out FILE.json|FILE.csv
${flagHelp(FLAGS)}\n`;

/** The sweep's URL query from --preset, --sweep or --base with --vary. */
function sweepQuery(f: Flags): string {
  const given = (['preset', 'sweep', 'base'] as const).filter((k) => f[k] !== undefined);
  if (given.length !== 1) throw new InputError('give exactly one of --preset, --sweep or --base');
  if (f.base === undefined && f.vary) throw new InputError('--vary goes with --base');
  if (f.preset !== undefined) {
    if (!sweepPreset(f.preset)) {
      const names = SWEEP_PRESETS.map((p) => p.name).join(', ');
      throw new InputError(`--preset ${f.preset} is not a sweep preset (${names})`);
    }
    return `preset=${encodeURIComponent(f.preset)}`;
  }
  if (f.sweep !== undefined) return f.sweep;
  if (!f.vary) throw new InputError('--base needs --vary KEY=VALUES');
  const axes = f.vary.map((v, i) => `vary${i ? i + 1 : ''}=${encodeURIComponent(v)}`);
  return [f.base, ...axes].filter((p) => p !== '').join('&');
}

/** The checked spec: any problem in the query, the overrides or a run is an input error. */
function specOf(f: Flags): SweepSpec {
  const { spec, problems } = parseSweep(sweepQuery(f));
  if (problems.length) throw new InputError(problems[0].message);
  const base = { ...spec.base, ...(f.steps ? { steps: f.steps } : {}) };
  const over = checkSpec({
    ...spec,
    base,
    seeds: f.seeds ?? spec.seeds,
    coefBy: f['coef-by'] ?? spec.coefBy,
  });
  if (over.problems.length) throw new InputError(over.problems[0]);
  return over.spec;
}

function formatOf(path: string): 'json' | 'csv' {
  const m = path.toLowerCase().match(/\.(json|csv)$/);
  if (!m) throw new InputError(`--out ${path}: the file name must end in .json or .csv`);
  return m[1] as 'json' | 'csv';
}

/** Checks the output path before any work (the folder exists and is writable). */
function checkOut(path: string): 'json' | 'csv' {
  const format = formatOf(path);
  try {
    accessSync(dirname(path), constants.W_OK);
  } catch {
    throw new InputError(`--out ${path}: cannot write in ${dirname(path)}`);
  }
  return format;
}

/**
 * Runs over this machine's resource budget (src/core/budget, the experiment CLI's check; each of
 * the `workers` gets its share of the memory): skipped, each with the reason.
 */
function overBudget(runs: readonly SweepRun[], workers: number): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of runs) {
    const kind = r.config.backend === 'cpu' ? 'cpu' : 'wasm';
    const v = fitToBudget(r.config, nodeDevice(kind, totalmem() / Math.max(1, workers)));
    if (v.kind === 'refused') out.set(r.index, v.reason);
    if (v.kind === 'scaled') out.set(r.index, `too large for this machine: ${v.figures}`);
  }
  return out;
}

function write(path: string, result: SweepResult): void {
  writeFileSync(path, formatOf(path) === 'json' ? sweepJson(result) : sweepCsv(result, csvFormat));
}

async function runFlags(f: Flags): Promise<void> {
  checkOut(f.out!);
  const spec = specOf(f);
  let shard: Shard | undefined;
  if (f.shard !== undefined) {
    const s = parseShard(f.shard);
    if (!s.shard) throw new InputError(`--shard: ${s.problem}`);
    shard = s.shard;
  }
  const { runs: all, problems } = expandSweep(spec);
  if (problems.length) throw new InputError(problems[0]);
  const mine = shard ? shardRuns(all, shard) : all;
  await useNodeBackend(spec.base.backend); // refuses webgpu/webgl before any work
  const workers = f.workers ?? availableParallelism();
  const skipped = overBudget(mine, workers);
  const runs = mine.filter((r) => !skipped.has(r.index));
  if (runs.length === 0 && mine.length > 0)
    throw new InputError(`no run fits this machine: ${[...skipped.values()][0]}`);
  const done: SweepRunResult[] = [...skipped].map(([i, why]) => skippedResult(all[i], why));
  if (skipped.size) {
    const [i, why] = [...skipped][0];
    process.stderr.write(
      `sweep: skipped ${skipped.size} run(s) this machine cannot hold (run ${i}: ${why})\n`,
    );
  }
  const bar = progressBar(runs.length, 'runs');
  await runSweep(runs, workers, (index, outcome) => {
    done.push(runResult(all[index], outcome));
    bar(done.length - skipped.size);
  });
  write(f.out!, sweepResult(spec, done, shard));
  const diverged = done.filter((r) => r.diverged !== null).map((r) => r.index);
  if (diverged.length)
    process.stderr.write(
      `sweep: ${diverged.length} run(s) diverged (runs ${diverged.join(', ')}); their summaries stop there\n`,
    );
}

function readPart(path: string): { json?: SweepResult; csv?: ReturnType<typeof readSweepCsv> } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`--merge: cannot read ${path}`);
  }
  try {
    if (formatOf(path) === 'csv') return { csv: readSweepCsv(text, csvParse) };
    const json = JSON.parse(text.replace(/^\uFEFF/, '')) as SweepResult;
    if (!json?.sweep?.query || !Array.isArray(json.runs)) throw new Error('not a sweep record');
    return { json };
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--merge: ${path} is not a sweep file (${(e as Error).message})`);
  }
}

function merge(f: Flags): void {
  const others = (Object.keys(f) as (keyof Flags)[]).filter((k) => !['merge', 'out'].includes(k));
  if (others.length)
    throw new InputError(`--merge takes only parts and --out (not --${others[0]})`);
  const out = checkOut(f.out!);
  const parts = f.merge!.map((name) => ({ name, ...readPart(name) }));
  const kinds = new Set(parts.map((p) => (p.json ? 'json' : 'csv')));
  if (kinds.size > 1) throw new InputError('--merge: the parts must be all JSON or all CSV');
  try {
    if (parts[0].json) {
      write(f.out!, mergeResults(parts.map((p) => ({ name: p.name, result: p.json! }))));
      return;
    }
    if (out === 'json') throw new InputError('--merge: CSV parts merge into a CSV file only');
    writeFileSync(
      f.out!,
      sweepCsvOf(mergeCsv(parts.map((p) => ({ name: p.name, csv: p.csv! }))), csvFormat),
    );
  } catch (e) {
    if (e instanceof MergeError) throw new InputError(`--merge: ${e.message}`);
    throw e;
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  requireFlags(flags, ['out']);
  if (flags.merge) merge(flags);
  else await runFlags(flags);
}

runCli('sweep', main);
