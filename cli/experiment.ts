/**
 * Headless experiments: runs the same Session as the browser worker, in Node on the tfjs
 * WASM backend (or CPU: the configuration's `backend` key, see useNodeBackend), and writes
 * every report and event as JSON (and optionally CSV), with the run summary (run/summary.ts:
 * per estimator, the late mean over the last 70 % of training and the max over the run) and
 * each estimator's cost in gradient evaluations per estimate (run/costs.ts).
 *
 *   npm run experiment -- (--preset NAME | --config "QUERY STRING") [--steps N]
 *                         --out FILE.json [--csv FILE.csv]
 *
 * Bad arguments (or a configuration with problems): exit 2 with one line on stderr.
 */
import { writeFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { resolve } from 'node:path';
import { nodeDevice } from '../src/core/budget/device';
import { fitToBudget } from '../src/core/budget/fit';
import { parse, serialize } from '../src/core/config/codec';
import type { Config } from '../src/core/config/schema';
import { costInputs, estimatorCosts } from '../src/core/run/costs';
import { summarizeRun } from '../src/core/run/summary';
import { runCli, useNodeBackend } from './run';
import { flagHelp, InputError, parseFlags, requireFlags, type FlagTable } from './args';
import { checkWritable } from './files';
import { runSession } from './runSession';
import { runCsv, runJson, type RunRecord } from '../src/core/run/export';

const FLAGS = {
  preset: { kind: 'string', metavar: 'NAME', help: 'start from a preset (e.g. fig8-dup90)' },
  config: {
    kind: 'string',
    metavar: 'QUERY',
    help: 'the playground URL query, e.g. "data=xor&bs=16" (backend=cpu: the CPU backend; default WASM)',
  },
  steps: {
    kind: 'int',
    min: 1,
    max: 10_000_000,
    metavar: 'N',
    help: "training steps (default: the config's steps, else 500)",
  },
  out: {
    kind: 'string',
    metavar: 'FILE.json',
    help: 'where to write {config, backend, summary, costs, reports, events}',
  },
  csv: { kind: 'string', metavar: 'FILE.csv', help: 'also write the reports as CSV' },
  help: { kind: 'switch', help: 'show this help' },
} satisfies FlagTable;

const USAGE = `usage: npm run experiment -- (--preset NAME | --config "QUERY") [--steps N] --out FILE.json [--csv FILE.csv]\n${flagHelp(FLAGS)}\n`;

/** The configuration the flags ask for; any parsing problem is an input error. */
function configOf(flags: ReturnType<typeof parseFlags<typeof FLAGS>>): Config {
  if ((flags.preset === undefined) === (flags.config === undefined)) {
    throw new InputError('give exactly one of --preset or --config');
  }
  const query =
    flags.preset !== undefined ? `preset=${encodeURIComponent(flags.preset)}` : flags.config!;
  const { config, problems } = parse(query);
  if (problems.length > 0)
    throw new InputError(`${flags.preset ? '--preset' : '--config'}: ${problems[0].message}`);
  const steps = flags.steps ?? (config.steps > 0 ? config.steps : 500);
  return { ...config, steps };
}

/** A one-line progress bar on stderr, only when stderr is a terminal. */
function progress(step: number, total: number): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const done = Math.round((width * step) / total);
  process.stderr.write(`\r[${'#'.repeat(done)}${'.'.repeat(width - done)}] ${step}/${total} steps`);
  if (step >= total) process.stderr.write('\n');
}

/**
 * The resource budget (src/core/budget) of this machine: a run that does not fit is refused
 * before anything is allocated, with the figures and what would fit; no silent scaling.
 */
function checkBudget(config: Config): void {
  const device = nodeDevice(config.backend === 'cpu' ? 'cpu' : 'wasm', totalmem());
  const v = fitToBudget(config, device);
  if (v.kind === 'refused') throw new InputError(v.reason);
  if (v.kind === 'scaled') {
    const fit = v.changes.map((c) => `${c.field}=${c.to}`).join('&');
    throw new InputError(`too large for this machine: ${v.figures}; with ${fit} it would fit`);
  }
  if (v.notice) process.stderr.write(`experiment: note: ${v.notice}\n`);
}

/** Both output paths writable, and different, before any training (a bad --csv costs nothing). */
function checkOutputs(out: string, csv: string | undefined): void {
  checkWritable('out', out);
  if (csv === undefined) return;
  checkWritable('csv', csv);
  if (resolve(csv) === resolve(out)) throw new InputError('--csv and --out name the same file');
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  requireFlags(flags, ['out']);
  const config = configOf(flags);
  checkOutputs(flags.out!, flags.csv);
  checkBudget(config);
  const backend = await useNodeBackend(config.backend);
  const run = await runSession(config, { onProgress: (step) => progress(step, config.steps) });
  const { reports, events } = run;
  const record: RunRecord = {
    exportedAt: new Date().toISOString(),
    preset: flags.preset ?? null,
    query: serialize(run.config),
    config: run.config,
    backend,
    summary: summarizeRun(reports),
    costs: estimatorCosts(costInputs(run.config)),
    reports,
    events,
  };
  writeFileSync(flags.out!, runJson(record));
  if (flags.csv) writeFileSync(flags.csv, runCsv(record));
  const diverged = events.find((e) => e.kind === 'diverged');
  if (diverged) process.stderr.write(`experiment: the run diverged at step ${diverged.step}\n`);
}

runCli('experiment', main);
