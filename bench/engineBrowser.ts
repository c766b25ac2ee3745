/**
 * Chromium half of `npm run bench`: builds the bench page (bench/browser/, its own Vite config)
 * into dist-bench/, serves it with `vite preview` on 127.0.0.1:4175 and, for each backend, runs
 * the shared measurements (engineMeasure.ts) in a dedicated Web Worker of headless Chromium,
 * on the app's own Session and backend selection. One fresh page and worker per backend, with a
 * time budget: a backend that fails or runs out of time gets a row with the reason and every
 * figure it finished before that.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import type { BackendResult, BenchSizes } from './engineMeasure';
import type { BenchMessage } from './browser/bench.worker';

const CONFIG = 'bench/browser/vite.config.ts';
const PAGE = '/bench/browser/index.html';

export interface BrowserOptions {
  outDir: string;
  port: number;
  /** Skip the build and serve outDir as it is. */
  build: boolean;
  budgetMs: number;
  /** Date.now() by which every backend must have finished (each gets what is left). */
  deadline: number;
}

function buildBenchPage(outDir: string): void {
  try {
    execFileSync('npx', ['vite', 'build', '--config', CONFIG, '--outDir', outDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(
      `vite build of the bench page failed: ${err.stderr?.toString() ?? err.message}`,
    );
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** `vite preview` of a build (the bench page's by default; bench/sweepBrowser.ts serves the app's). */
export async function startServer(
  outDir: string,
  port: number,
  config: string = CONFIG,
  page: string = PAGE,
): Promise<ChildProcess> {
  if (!(await portFree(port))) {
    throw new Error(`port ${port} is in use (another vite preview?); set BENCH_PORT`);
  }
  const args = ['vite', 'preview', '--config', config, '--outDir', outDir];
  const server = spawn('npx', [...args, '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true, // its own process group, so that stopServer ends npx and vite together
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}${page}`)).ok) return server;
    } catch {
      // not up yet
    }
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  stopServer(server);
  throw new Error(`vite preview did not start on port ${port}`);
}

export function stopServer(server: ChildProcess): void {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

const emptyRow = (backend: string): BackendResult => ({
  backend,
  where: 'chromium',
  stepsPerSecond: null,
  measurementMs: null,
  measurementOverStep: null,
  fitStepsPerSecond: null,
  oursOverFit: null,
  syncReadbacks: null,
  kernelsPerStep: null,
});

/** One backend in a fresh page and worker, within `budgetMs`. */
async function benchOne(
  browser: Browser,
  url: string,
  backend: string,
  sizes: BenchSizes,
  budgetMs: number,
): Promise<BackendResult> {
  const page = await browser.newPage();
  const t0 = Date.now();
  let phase = 'page';
  let last: BackendResult | null = null;
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)} s`;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('crash', () => errors.push('the page crashed'));
  try {
    await page.exposeFunction('__benchProgress', (m: BenchMessage) => {
      if (m.kind !== 'progress') return;
      phase = m.phase;
      if (m.row) last = m.row;
      process.stderr.write(`  chromium ${backend}: ${m.phase} (${elapsed()})\n`);
    });
    await page.goto(url);
    const run = page.evaluate(
      ([b, s]) =>
        (window as unknown as { runBench(b: string, s: unknown): Promise<BenchMessage> }).runBench(
          b,
          s,
        ),
      [backend, sizes] as const,
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, budgetMs - (Date.now() - t0)));
    });
    const reply = await Promise.race([run, timeout]).finally(() => clearTimeout(timer));
    if (reply === 'timeout') {
      const note = `stopped at its ${Math.round(budgetMs / 1000)} s budget, during ${phase}`;
      return { ...(last ?? emptyRow(backend)), note };
    }
    if (reply.kind === 'done') return reply.row;
    const why = reply.kind === 'error' ? reply.error : 'no result';
    return { ...(last ?? emptyRow(backend)), note: `failed during ${phase}: ${why}` };
  } catch (e) {
    const why = [e instanceof Error ? e.message.split('\n')[0] : String(e), ...errors].join('; ');
    return { ...(last ?? emptyRow(backend)), note: `failed during ${phase}: ${why}` };
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Every figure of the Node half, per browser backend; `onRow` gets each row as it finishes.
 * Rejects only if the page cannot be built or served, or Chromium does not launch.
 */
export async function benchBrowser(
  backends: readonly string[],
  sizes: BenchSizes,
  options: BrowserOptions,
  onRow: (row: BackendResult) => void,
): Promise<BackendResult[]> {
  if (options.build) {
    process.stderr.write(`chromium: building the bench page into ${options.outDir}/…\n`);
    buildBenchPage(options.outDir);
  }
  const server = await startServer(options.outDir, options.port);
  const out: BackendResult[] = [];
  try {
    const url = `http://127.0.0.1:${options.port}${PAGE}`;
    for (const backend of backends) {
      const budget = Math.min(options.budgetMs, options.deadline - Date.now());
      if (budget < 5000) {
        const row = { ...emptyRow(backend), note: 'not run: the total time budget was spent' };
        out.push(row);
        onRow(row);
        continue;
      }
      process.stderr.write(`chromium ${backend}…\n`);
      // A fresh browser per backend: a stuck or lost GPU process cannot spill into the next.
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      });
      try {
        const row = await benchOne(browser, url, backend, sizes, budget);
        out.push(row);
        onRow(row);
      } finally {
        await browser.close().catch(() => {});
      }
    }
  } finally {
    stopServer(server);
  }
  return out;
}
