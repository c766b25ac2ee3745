import type { Page } from '@playwright/test';
import { expect, test, watchCsp } from './fixtures';

import type { ProbeReply } from '../src/engine/protocol';

/** The reply of window.__probeBackend (src/engine/client.ts probeBackend). */
type ProbeResult = Extract<ProbeReply, { ok: true }>;

/** (A B)[i,j] for the probe's 64x64 matmul: sum_k (i+k)(k-j) / 64^2. */
function expectedMatmul(): number[] {
  const out: number[] = [];
  for (const [i, j] of [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ]) {
    let s = 0;
    for (let k = 0; k < 64; k++) s += (i + k) * (k - j);
    out.push(s / 4096);
  }
  return out;
}

async function probe(page: Page, preference: string, loseDevice = false): Promise<ProbeResult> {
  await page.goto('/');
  await page.waitForFunction(() => '__probeBackend' in window);
  const result = await page.evaluate(
    ([pref, lose]) => {
      const w = window as unknown as {
        __probeBackend(p: string, o: { loseDevice: boolean }): Promise<unknown>;
      };
      return w.__probeBackend(pref, { loseDevice: lose });
    },
    [preference, loseDevice] as const,
  );
  const r = result as ProbeResult;
  // Recorded in the list reporter's output: which backend, adapter, fallbacks, timings.
  console.log(`[${preference}] ${JSON.stringify(r)}`);
  return r;
}

function expectValues(r: ProbeResult): void {
  const expected = expectedMatmul();
  expect(r.value).toHaveLength(4);
  r.value.forEach((v, i) => {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeCloseTo(expected[i], 3);
  });
}

test('auto picks WebGPU on the SwiftShader software adapter', async ({ page }) => {
  const r = await probe(page, 'auto');
  expect(r.info.name).toBe('webgpu');
  expect(r.info.software).toBe(true);
  expect(r.info.adapter).toMatch(/swiftshader/i);
  expect(r.info.fallbacks).toEqual([]);
  expectValues(r);
});

test('forced cpu works', async ({ page }) => {
  const r = await probe(page, 'cpu');
  expect(r.info).toMatchObject({ name: 'cpu', fallbacks: [] });
  expectValues(r);
});

test('forced wasm initialises from the .wasm binary Vite emitted', async ({ page }) => {
  const wasmFetches: string[] = [];
  page.on('response', (res) => {
    if (res.url().endsWith('.wasm')) wasmFetches.push(`${res.status()} ${res.url()}`);
  });
  const r = await probe(page, 'wasm');
  expect(r.info).toMatchObject({ name: 'wasm', fallbacks: [] });
  expect(r.info.adapter).toMatch(/WebAssembly/);
  expect(wasmFetches.some((f) => f.startsWith('200 '))).toBe(true);
  expectValues(r);
});

test('forced webgl works or falls back with a stated reason', async ({ page }) => {
  const r = await probe(page, 'webgl');
  if (r.info.name === 'webgl') {
    expect(r.info.adapter).toMatch(/WebGL/);
  } else {
    expect(r.info.fallbacks[0].backend).toBe('webgl');
    expect(r.info.fallbacks[0].reason).toMatch(/\S+.*\(requested\)$/);
  }
  expectValues(r);
});

test('a lost WebGPU device is reported and a new backend is selected', async ({ page }) => {
  const r = await probe(page, 'webgpu', true);
  expect(r.info.name).toBe('webgpu');
  expect(r.lost?.reason).toBe('destroyed');
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(r.lost?.recovered.name);
});

test('without --enable-unsafe-webgpu, auto falls back and says why', async ({ playwright }) => {
  const launch = test.info().project.use.launchOptions ?? {};
  const args = (launch.args ?? []).filter((a) => a !== '--enable-unsafe-webgpu');
  const browser = await playwright.chromium.launch({ ...launch, args });
  try {
    const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
    const violations: string[] = [];
    watchCsp(page, violations);
    const r = await probe(page, 'auto');
    expect(r.info.name).not.toBe('webgpu');
    expect(r.info.fallbacks[0].backend).toBe('webgpu');
    expect(r.info.fallbacks[0].reason).toMatch(/navigator\.gpu|adapter/);
    expectValues(r);
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
  }
});
