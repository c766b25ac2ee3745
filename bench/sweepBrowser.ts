/**
 * Chromium half of `npm run bench:sweep`: the same 16-run sweep in the app's own sweep view
 * (built into dist-sweepbench/, served by vite preview), per tfjs backend, run one after
 * another (the page told navigator.hardwareConcurrency = 1, so the pool has one worker) and as
 * a sweep (the machine's cores). Timed from the Run click to the last run, read through
 * window.gvp.sweep. Each side has a time budget; a side that runs out reports the runs it
 * finished (run-steps/s over those) with a note.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { startServer, stopServer } from './engineBrowser';

export interface BrowserSweepRow {
  backend: string;
  mode: string;
  workers: number | null;
  runsDone: number;
  seconds: number | null;
  runStepsPerSecond: number | null;
  note?: string;
}

interface Options {
  query: string;
  steps: number;
  backends: readonly string[];
  outDir: string;
  port: number;
  build: boolean;
  budgetMs: number;
}

type SweepGvp = { sweep: { status: string; done: number; total: number; workers: number } };

async function timeSweep(
  page: Page,
  budgetMs: number,
): Promise<{ ms: number; done: number; workers: number; finished: boolean }> {
  await page.getByTestId('sweep-run').click();
  const t0 = Date.now();
  const read = () =>
    page.evaluate(() => {
      const s = (window as unknown as { gvp: SweepGvp }).gvp.sweep;
      return { status: s.status, done: s.done, workers: s.workers };
    });
  for (;;) {
    const s = await read();
    if (s.status === 'done' || Date.now() - t0 > budgetMs)
      return {
        ms: Date.now() - t0,
        done: s.done,
        workers: s.workers,
        finished: s.status === 'done',
      };
    await page.waitForTimeout(100);
  }
}

async function benchSide(
  url: string,
  backend: string,
  cores: number | null,
  o: Options,
): Promise<BrowserSweepRow> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const mode = cores === 1 ? 'one after another' : 'sweep (worker pool)';
  try {
    const page = await browser.newPage();
    if (cores !== null)
      await page.addInitScript(
        `Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => ${cores} })`,
      );
    await page.goto(url);
    const t = await timeSweep(page, o.budgetMs);
    const rate = t.done > 0 ? (t.done * o.steps) / (t.ms / 1000) : null;
    return {
      backend,
      mode,
      workers: t.workers,
      runsDone: t.done,
      seconds: Number((t.ms / 1000).toPrecision(4)),
      runStepsPerSecond: rate === null ? null : Number(rate.toPrecision(4)),
      ...(t.finished
        ? {}
        : {
            note: `stopped at its ${Math.round(o.budgetMs / 1000)} s budget after ${t.done} runs`,
          }),
    };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return {
      backend,
      mode,
      workers: null,
      runsDone: 0,
      seconds: null,
      runStepsPerSecond: null,
      note: `failed: ${why}`,
    };
  } finally {
    await browser.close().catch(() => {});
  }
}

/** Both sides for every backend; `onRow` gets each row as it finishes. */
export async function benchSweepBrowser(
  o: Options,
  onRow: (r: BrowserSweepRow) => void,
): Promise<BrowserSweepRow[]> {
  if (o.build) {
    process.stderr.write(`chromium: building the app into ${o.outDir}/…\n`);
    execFileSync('npx', ['vite', 'build', '--outDir', o.outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  }
  const server = await startServer(o.outDir, o.port, 'vite.config.ts', '/');
  const rows: BrowserSweepRow[] = [];
  try {
    for (const backend of o.backends) {
      const url = `http://127.0.0.1:${o.port}/?view=sweep&${o.query}&backend=${backend}`;
      for (const cores of [1, null]) {
        const row = await benchSide(url, backend, cores, o);
        rows.push(row);
        onRow(row);
      }
    }
  } finally {
    stopServer(server);
  }
  return rows;
}
