import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL } from './gvp';

// Lecture halls have bad Wi-Fi: after one visit the app, its worker, the tfjs WASM binaries
// and the MNIST digits come from the service worker's cache (build/swRuntime.js).
test.use({ serviceWorkers: 'allow' });

const MNIST = 'data=mnist&n=256&hidden=16&bs=16&pool=64&every=2&k=4&gcEvery=10&svrgEvery=10';

/** The precached URLs (paths), read from the page's gvp- cache. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('gvp-'));
    if (names.length !== 1) throw new Error(`expected one gvp- cache, got ${names}`);
    const cache = await caches.open(names[0]);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

/** Loads a run, waits for 3 reports and returns the backend that trained. */
async function runs(page: Page, query: string): Promise<string | null> {
  await page.goto(`/?${query}&autoplay=1`);
  await expect(page.getByRole('heading', { name: 'Gradient Variance Playground' })).toBeVisible();
  // Fails at once on an engine error (e.g. a file that could not be fetched), with its message.
  const progress = async () => {
    const [status, count] = await gvp(page, (g) => [g.status, g.reports().length] as const);
    if (status === 'error') return `error: ${await page.locator('.notice.error').textContent()}`;
    return count >= 3 ? 'three reports' : `${count} reports`;
  };
  await expect.poll(progress, { timeout: 90_000, intervals: [250] }).toBe('three reports');
  return gvp(page, (g) => g.backend);
}

test('works offline after the first visit: app, default backend, WASM and MNIST', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  // First visit, online: the service worker installs (precaching everything) and takes over.
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect(page.getByText('Available offline')).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  const cached = await cachedPaths(page);
  expect(cached).toContain('/index.html');
  expect(cached).toContain('/data/mnist-10k.bin');
  expect(cached.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);
  expect(cached.some((p) => /\/assets\/worker-[\w-]+\.js$/.test(p))).toBe(true);

  await context.setOffline(true);
  // The network is really off, for the page and for the service worker's own fetches: a
  // same-origin file that was not precached goes through the service worker to the network
  // and fails (online, the preview server would answer 404).
  const uncached = await page.evaluate(() =>
    fetch(`./not-precached-${Date.now()}.txt`).then(
      (r) => `reached: HTTP ${r.status}`,
      () => 'failed',
    ),
  );
  expect(uncached).toBe('failed');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Gradient Variance Playground' })).toBeVisible();
  await expect(page.getByText('Available offline')).toBeVisible();

  // The default backend (auto), then WASM: backend=wasm would fall back to another backend if
  // its .wasm binary could not be fetched, so the backend is checked. Then MNIST, whose digits
  // the worker fetches (data/mnist-10k.bin).
  const auto = await runs(page, SMALL);
  expect(auto).not.toBeNull();
  expect(await runs(page, `${SMALL}&backend=wasm`)).toBe('wasm');
  expect(await runs(page, `${MNIST}&backend=cpu`)).toBe('cpu');
  expect(await gvp(page, (g) => g.config.data)).toBe('mnist');
  await expect(page.getByText(/mnist: 256 training examples/i)).toBeVisible();
  await context.setOffline(false);
});

test('a new version waits while the page runs, until "New version: reload" swaps it in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const swFile = join(process.env.E2E_DIST ?? 'dist', 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  const cacheNames = () =>
    page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('gvp-')));
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect(page.getByText('Available offline')).toBeVisible({ timeout: 60_000 });
  const [first] = await cacheNames();
  try {
    // A deploy: the server now has a new sw.js (a new cache name, as any change of bytes gives).
    const next = `${first}-next`;
    const changed = original.replace(first, next);
    expect(changed).not.toBe(original);
    writeFileSync(swFile, changed);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const offer = page.getByRole('button', { name: 'New version: reload' });
    await expect(offer).toBeVisible({ timeout: 60_000 });
    // Installed but waiting: the old cache (this page's files) is still there.
    expect((await cacheNames()).sort()).toEqual([first, next].sort());
    await offer.click();
    await page.waitForEvent('load');
    await expect(page.getByText('Available offline')).toBeVisible({ timeout: 30_000 });
    await expect.poll(cacheNames).toEqual([next]);
    // The reload keeps the setup (it lives in the URL).
    expect(await gvp(page, (g) => [g.config.data, g.config.bs])).toEqual(['xor', 8]);
  } finally {
    writeFileSync(swFile, original);
  }
});
