/**
 * Headless experiments: runs the same Session as the browser worker, in Node on the tfjs
 * WASM backend (or CPU: the configuration's `backend` key, see useNodeBackend), and writes
 * every report and event as JSON (and optionally CSV).
 *
 *   npm run experiment -- (--preset NAME | --config "QUERY STRING") [--steps N]
 *                         --out FILE.json [--csv FILE.csv]
 *
 * Bad arguments (or a configuration with problems): exit 2 with one line on stderr.
 */
import { writeFileSync } from 'node:fs';
import { parse, serialize } from '../src/core/config/codec';
import type { Config } from '../src/core/config/schema';
import type { EngineEvent, Report } from '../src/core/run/records';
import { Session } from '../src/engine/session';
import { runCli, useNodeBackend } from './run';
import { flagHelp, InputError, parseFlags, requireFlags, type FlagTable } from './args';
import { loadMnist } from './loadMnist';
import { progressBar } from './progress';
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
    help: 'where to write {config, backend, reports, events}',
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

async function run(config: Config) {
  const session = new Session(config, config.data === 'mnist' ? loadMnist() : undefined);
  const reports: Report[] = [];
  const events: EngineEvent[] = [];
  const progress = progressBar(config.steps, 'steps');
  try {
    while (!session.stopped) {
      const out = await session.advance(config.every);
      reports.push(...out.reports);
      events.push(...out.events);
      progress(session.step);
    }
  } finally {
    session.dispose();
  }
  return { reports, events };
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    process.stdout.write(USAGE);
    return;
  }
  requireFlags(flags, ['out']);
  const config = configOf(flags);
  const backend = await useNodeBackend(config.backend);
  const { reports, events } = await run(config);
  const record: RunRecord = {
    exportedAt: new Date().toISOString(),
    preset: flags.preset ?? null,
    query: serialize(config),
    config,
    backend,
    reports,
    events,
  };
  writeFileSync(flags.out!, runJson(record));
  if (flags.csv) writeFileSync(flags.csv, runCsv(record));
  const diverged = events.find((e) => e.kind === 'diverged');
  if (diverged) process.stderr.write(`experiment: the run diverged at step ${diverged.step}\n`);
}

runCli('experiment', main);
