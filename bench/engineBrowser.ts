/**
 * Chromium half of `npm run bench`: the built app (vite preview on 127.0.0.1) trains the
 * fig3-mnist model in its worker on each backend; steps/s are read from window.gvp.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import type { BackendResult } from './engineNode';

const PORT = 4175;
const QUERY = 'preset=fig3-mnist&pool=512&gcEvery=1000000&svrgEvery=1000000&autoplay=1';

async function startServer(): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error('vite preview did not start (run `npm run build` first)');
}

const read = (page: Page) =>
  page.evaluate(() => {
    const g = (
      window as unknown as { gvp: { step: number; backend: string | null; status: string } }
    ).gvp;
    return { step: g.step, backend: g.backend, status: g.status };
  });

/** Steps per second after `warm` steps, over `seconds`; null if it never got going. */
async function stepsPerSecond(page: Page, url: string, warm: number, seconds: number) {
  await page.goto(url);
  const deadline = Date.now() + 90_000;
  while ((await read(page)).step < warm) {
    if (Date.now() > deadline || (await read(page)).status === 'error') return null;
    await page.waitForTimeout(250);
  }
  const a = await read(page);
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const b = await read(page);
  return { rate: ((b.step - a.step) * 1000) / (Date.now() - t0), backend: b.backend };
}

const EMPTY: BackendResult = {
  backend: '',
  where: 'chromium',
  stepsPerSecond: 0,
  measurementMs: null,
  measurementOverStep: null,
  fitStepsPerSecond: null,
  oursOverFit: null,
  syncReadbacks: null,
  kernelsPerStep: null,
};

/** One backend in a fresh page: plain training, then training with a measurement every step. */
async function benchOne(
  browser: Browser,
  backend: string,
  seconds: number,
): Promise<BackendResult> {
  const page = await browser.newPage();
  try {
    const base = `http://127.0.0.1:${PORT}/?${QUERY}&backend=${backend}`;
    const train = await stepsPerSecond(page, `${base}&est=&every=1000000`, 3, seconds);
    const measured = await stepsPerSecond(page, `${base}&every=1`, 2, seconds);
    if (!train || !measured || train.backend !== backend) {
      return {
        ...EMPTY,
        backend,
        stepsPerSecond: train?.rate ?? 0,
        note: `did not run on ${backend} (got ${train?.backend ?? 'nothing'})`,
      };
    }
    const stepMs = 1000 / train.rate;
    const measurementMs = 1000 / measured.rate - stepMs;
    return {
      ...EMPTY,
      backend,
      stepsPerSecond: train.rate,
      measurementMs,
      measurementOverStep: measurementMs / stepMs,
      note: 'steps/s from window.gvp',
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Training steps/s and ms per exact measurement on each browser backend. */
export async function benchBrowser(
  backends: readonly string[],
  seconds: number,
): Promise<BackendResult[]> {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const out: BackendResult[] = [];
  try {
    for (const backend of backends) {
      try {
        out.push(await benchOne(browser, backend, seconds));
        process.stderr.write(`${JSON.stringify(out.at(-1))}\n`);
      } catch (e) {
        const note = `failed on ${backend}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
        out.push({ ...EMPTY, backend, note });
      }
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return out;
}
