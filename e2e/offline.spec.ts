import { expect, test } from '@playwright/test';
import { gvp, SMALL, waitForReports } from './gvp';

// Lecture halls have bad Wi-Fi: after one visit the app, its worker, the tfjs WASM binaries
// and the MNIST digits come from the service worker's cache.
test('works offline after the first visit', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect(page.getByTestId('offline-ready')).toBeVisible({ timeout: 60_000 });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('gvp-'))!);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain('/data/mnist-10k.bin');
  expect(cached.some((p) => p.endsWith('.wasm'))).toBe(true);

  await context.setOffline(true);
  // The network is really off: a fetch that the service worker does not answer fails.
  const direct = await page.evaluate(() =>
    fetch('http://127.0.0.1:1/').then(
      () => 'reached',
      () => 'failed',
    ),
  );
  expect(direct).toBe('failed');

  for (const query of [
    `${SMALL}&backend=cpu&autoplay=1`,
    `${SMALL}&backend=wasm&autoplay=1`,
    'data=mnist&n=256&hidden=16&bs=16&pool=64&every=2&k=4&gcEvery=10&svrgEvery=10&backend=cpu&autoplay=1',
  ]) {
    await page.goto(`/?${query}`);
    await expect(page.getByRole('heading', { name: 'Gradient Variance Playground' })).toBeVisible();
    await waitForReports(page, 3, 60_000);
    const backend = /backend=(\w+)/.exec(query)![1];
    expect(await gvp(page, (g) => g.backend)).toBe(backend);
  }
  expect(await gvp(page, (g) => g.config.data)).toBe('mnist');
  await context.setOffline(false);
});
