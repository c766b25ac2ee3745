import { expect, test } from './fixtures';
import { gvp, waitForReports } from './gvp';

// Blobs in 2-D, K = 4: the data view has something to show before the first re-clustering.
const BLOBS = 'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&pool=64&backend=cpu';

test('2-D data: the plane is drawn before Play, in grey, and takes its clusters once run', async ({
  page,
}) => {
  await page.goto(`/?${BLOBS}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const plane = page.getByTestId('chart-cluster-plane');
  const title = page.locator('.cluster-title');
  await expect(title).toHaveText('Gradient Clustering: not yet run');
  // One path per class, both grey (no cluster yet); the sizes chart waits, empty.
  await expect(plane.locator('.points path')).toHaveCount(2);
  const fills = await plane
    .locator('.points path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  expect(new Set(fills)).toEqual(new Set(['#8a8a8a']));
  await expect(page.getByTestId('chart-cluster-sizes').locator('rect')).toHaveCount(0);
  expect(await gvp(page, (g) => [g.step, g.reports().length])).toEqual([0, 1]);

  await page.getByTestId('play').click();
  await waitForReports(page, 3);
  await expect(title).toHaveText(/^Gradient Clustering at step \d+: K = 4$/);
  await expect(page.getByTestId('chart-cluster-sizes').locator('.bars rect')).toHaveCount(4);
  const colours = await plane
    .locator('.points path')
    .evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
  expect(colours).not.toContain('#8a8a8a');
});

test('2-D data without GC: the plane says it is the data at step 0, with no clusters', async ({
  page,
}) => {
  await page.goto(`/?${BLOBS}&est=sgb,sg2b`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await expect(page.locator('.cluster-title')).toHaveText(
    'The data at step 0 (GC off: no clusters)',
  );
  await expect(page.getByTestId('chart-cluster-plane').locator('.points path')).toHaveCount(2);
  await expect(page.getByTestId('chart-cluster-sizes')).toHaveCount(0);
});
