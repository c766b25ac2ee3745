/**
 * The soak (issue 15): the built app in headless Chromium on the WASM backend for a set time,
 * cycling the presets, resets, hot changes (lr, measuring every step) and the sampled
 * statistics, while sampling the page's JS heap (--enable-precise-memory-info, after a GC),
 * its DOM nodes, the worker's live tensors (window.gvp.engineMemory), long tasks and
 * steps/s. Prints each sample and then the growth per hour (least-squares slopes after the
 * first minute), the share of time in long tasks, and steps/s on the same setup at the start
 * and at the end; writes them to bench/results/soak.json. Not part of `npm test`.
 *
 *   npm run soak -- [--minutes 10] [--port 4180] [--no-build]
 *
 * Goals: heap < 20 MB/hour, DOM flat, steps/s within 10 % of the start, long tasks < 1 %.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { flagHelp, InputError, parseFlags } from '../cli/args';
import { PRESETS } from '../src/core/config/presets';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

const FLAGS = {
  minutes: { kind: 'int', min: 1, max: 24 * 60, metavar: 'M', help: 'how long (default 10)' },
  port: { kind: 'int', min: 1024, max: 65535, metavar: 'P', help: 'preview port (default 4180)' },
  'no-build': { kind: 'switch', help: 'serve the existing dist/ as it is' },
  help: { kind: 'switch', help: 'show this help' },
} as const;

const SAMPLE_MS = 10_000;
const ACTION_MS = 20_000;
/** The setup whose steps/s is compared at the start and at the end. */
const REFERENCE = 'preset=fig1-gc2d&backend=wasm';

interface Sample {
  t: number;
  heapMB: number;
  dom: number;
  tensors: number | null;
  tensorMB: number | null;
  longTaskMs: number;
  step: number;
  action: string;
}

/** Least-squares slope of y over x (per unit of x). */
function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  return sxx === 0 ? 0 : xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / sxx;
}

async function serve(port: number): Promise<ChildProcess> {
  // Vite's own entry, not npx: killing the child then stops the server itself.
  const vite = 'node_modules/vite/bin/vite.js';
  const args = ['preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'];
  const server = spawn(process.execPath, [vite, ...args], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  server.kill();
  throw new Error(`vite preview did not answer on port ${port}`);
}

/** Everything sampled in the page (after a GC of the main thread). */
async function sample(page: Page, t0: number, action: string): Promise<Sample> {
  const s = await page.evaluate(async () => {
    const w = window as unknown as {
      gc?: () => void;
      __longTaskMs: number;
      gvp: {
        step: number;
        engineMemory(): Promise<{ numTensors: number; numBytes: number } | null>;
      };
    };
    w.gc?.();
    const heap = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory;
    const m = await w.gvp.engineMemory();
    return {
      heap: heap.usedJSHeapSize,
      dom: document.getElementsByTagName('*').length,
      tensors: m?.numTensors ?? null,
      bytes: m?.numBytes ?? null,
      longTaskMs: w.__longTaskMs,
      step: w.gvp.step,
    };
  });
  return {
    t: (Date.now() - t0) / 1000,
    heapMB: s.heap / 2 ** 20,
    dom: s.dom,
    tensors: s.tensors,
    tensorMB: s.bytes === null ? null : s.bytes / 2 ** 20,
    longTaskMs: s.longTaskMs,
    step: s.step,
    action,
  };
}

const status = (page: Page) =>
  page.evaluate(() => (window as unknown as { gvp: { status: string } }).gvp.status);

const stepOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { gvp: { step: number } }).gvp.step);

/**
 * Presses play. After an action that starts a new run, first waits until the page shows it
 * (paused at step 0): the engine handles commands in order, so play goes to the new run.
 */
async function play(page: Page, newRun: boolean): Promise<void> {
  for (let i = 0; i < 600 && newRun; i++) {
    if ((await status(page)) === 'paused' && (await stepOf(page)) === 0) break;
    await page.waitForTimeout(100);
  }
  if ((await status(page)) === 'paused') await page.getByTestId('play').click();
}

/** Steps per second on the reference setup, over `seconds`. */
async function referenceRate(page: Page, seconds: number): Promise<number> {
  await page.goto(`/?${REFERENCE}`);
  await play(page, true);
  await page.waitForTimeout(3000); // warm-up (first GC refresh and measurement)
  const [s0, t0] = [await stepOf(page), Date.now()];
  await page.waitForTimeout(seconds * 1000);
  return ((await stepOf(page)) - s0) / ((Date.now() - t0) / 1000);
}

/** The k-th action of the cycle; returns its name. */
async function act(page: Page, k: number): Promise<string> {
  const kind = k % 5;
  if (kind === 0 || kind === 3) {
    const preset = PRESETS[(k >> 1) % PRESETS.length].name;
    await page.locator('#preset-select').selectOption(preset);
    await play(page, true);
    return `preset ${preset}`;
  }
  if (kind === 1) {
    const lr = (0.01 + 0.01 * (k % 7)).toFixed(2);
    await page;
    await page.locator('#f-lr').fill(lr);
    await page.keyboard.press('Enter');
    await page.locator('#f-every').fill(k % 2 ? '1' : '10');
    await page.keyboard.press('Enter');
    return `hot lr=${lr}, every=${k % 2 ? 1 : 10}`;
  }
  if (kind === 2) {
    const stats = k % 4 === 2 ? 'both' : 'exact';
    await page.locator('#f-stats').selectOption(stats);
    await play(page, false);
    return `stats=${stats}`;
  }
  await page.getByTestId('reset').click();
  await play(page, true);
  return 'reset';
}

async function main(argv: readonly string[]): Promise<void> {
  const flags = parseFlags(argv, FLAGS);
  if (flags.help) {
    process.stdout.write(
      `usage: npm run soak -- [--minutes M] [--port P] [--no-build]\n${flagHelp(FLAGS)}\n`,
    );
    return;
  }
  const minutes = flags.minutes ?? 10;
  const port = flags.port ?? 4180;
  if (!flags['no-build'] && spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0)
    throw new Error('npm run build failed');
  const server = await serve(port);
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
  try {
    const page = await browser.newPage({ baseURL: `http://127.0.0.1:${port}` });
    page.on('pageerror', (e) => console.log(`page error: ${e.message}`));
    await page.addInitScript(() => {
      const w = window as unknown as { __longTaskMs: number };
      w.__longTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTaskMs += e.duration;
      }).observe({ type: 'longtask', buffered: true });
    });
    const loadStart = loadavg()[0];
    const rateStart = await referenceRate(page, 20);
    console.log(`steps/s on ${REFERENCE} at the start: ${rateStart.toFixed(1)}`);
    const t0 = Date.now();
    const samples: Sample[] = [];
    let [k, nextAction, nextSample] = [0, 0, 0];
    let last = 'start';
    while (Date.now() - t0 < minutes * 60_000) {
      const now = Date.now() - t0;
      if (now >= nextAction) {
        last = await act(page, k++);
        nextAction += ACTION_MS;
      }
      if (now >= nextSample) {
        const s = await sample(page, t0, last);
        samples.push(s);
        console.log(
          `${s.t.toFixed(0).padStart(5)} s  heap ${s.heapMB.toFixed(1)} MB  DOM ${s.dom}  tensors ${s.tensors} (${s.tensorMB?.toFixed(1)} MB)  long tasks ${(s.longTaskMs / 1000).toFixed(1)} s  step ${s.step}  [${s.action}]`,
        );
        nextSample += SAMPLE_MS;
      }
      await page.waitForTimeout(500);
    }
    const rateEnd = await referenceRate(page, 20);
    const load = { start: loadStart, end: loadavg()[0] };
    report(samples, { start: rateStart, end: rateEnd }, load, (Date.now() - t0) / 1000);
  } finally {
    await browser.close();
    server.kill();
  }
}

/** The lowest heap of each cycle of actions (a new run's empty history), one per window. */
function floors(samples: Sample[]): Sample[] {
  const window = (5 * ACTION_MS) / 1000;
  const out = new Map<number, Sample>();
  for (const s of samples) {
    const k = Math.floor(s.t / window);
    if (!out.has(k) || s.heapMB < out.get(k)!.heapMB) out.set(k, s);
  }
  return [...out.values()];
}

function report(
  samples: Sample[],
  rate: { start: number; end: number },
  load: { start: number; end: number },
  seconds: number,
): void {
  const [rateStart, rateEnd] = [rate.start, rate.end];
  const settled = samples.filter((s) => s.t >= 60);
  const use = settled.length >= 3 ? settled : samples;
  const per = (f: (s: Sample) => number | null) => {
    const pts = use.filter((s) => f(s) !== null);
    return slope(
      pts.map((s) => s.t / 3600),
      pts.map((s) => f(s)!),
    );
  };
  const longTaskShare =
    (samples.at(-1)!.longTaskMs - samples[0].longTaskMs) /
    1000 /
    (samples.at(-1)!.t - samples[0].t);
  const result = {
    minutes: seconds / 60,
    samples: samples.length,
    heapMBPerHour: per((s) => s.heapMB),
    heapFloorMBPerHour: ((f) =>
      slope(
        f.map((s) => s.t / 3600),
        f.map((s) => s.heapMB),
      ))(floors(samples)),
    domNodesPerHour: per((s) => s.dom),
    tensorsPerHour: per((s) => s.tensors),
    tensorMBPerHour: per((s) => s.tensorMB),
    heapMB: {
      first: samples[0].heapMB,
      last: samples.at(-1)!.heapMB,
      max: Math.max(...samples.map((s) => s.heapMB)),
    },
    domNodes: {
      first: samples[0].dom,
      last: samples.at(-1)!.dom,
      max: Math.max(...samples.map((s) => s.dom)),
    },
    longTaskShare,
    stepsPerSecond: { start: rateStart, end: rateEnd, ratio: rateEnd / rateStart },
    loadAverage: load,
  };
  console.log('\nsoak result (growth per hour from least-squares slopes after the first minute):');
  console.log(
    `  JS heap        ${result.heapMBPerHour.toFixed(1)} MB/hour (goal < 20); first ${result.heapMB.first.toFixed(1)} MB, last ${result.heapMB.last.toFixed(1)} MB, max ${result.heapMB.max.toFixed(1)} MB`,
  );
  console.log(
    `  heap floor     ${result.heapFloorMBPerHour.toFixed(1)} MB/hour (the lowest heap of each ${(5 * ACTION_MS) / 1000} s cycle: a new run's empty history)`,
  );
  console.log(
    `  DOM nodes      ${result.domNodesPerHour.toFixed(0)} per hour (goal flat); first ${result.domNodes.first}, last ${result.domNodes.last}, max ${result.domNodes.max}`,
  );
  console.log(
    `  worker tensors ${result.tensorsPerHour.toFixed(1)} per hour, ${result.tensorMBPerHour.toFixed(2)} MB/hour`,
  );
  console.log(`  long tasks     ${(100 * longTaskShare).toFixed(2)} % of the time (goal < 1 %)`);
  console.log(
    `  steps/s        ${rateStart.toFixed(1)} at the start, ${rateEnd.toFixed(1)} at the end (${(100 * (result.stepsPerSecond.ratio - 1)).toFixed(1)} %; goal within 10 %)`,
  );
  console.log(
    `  load average   ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end (long tasks and steps/s follow it)`,
  );
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/soak.json', `${JSON.stringify({ ...result, samples }, null, 1)}\n`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const input = e instanceof InputError;
  process.stderr.write(`soak: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}\n`);
  process.exitCode = input ? 2 : 1;
});
