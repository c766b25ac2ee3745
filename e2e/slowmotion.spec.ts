import { expect, test } from '@playwright/test';
import { gvp, waitForReports } from './gvp';

// Blobs in 2-D with GC on, so the plane (and its mini-batch rings) is shown.
const BLOBS = 'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64';

test('explained slow motion: one step at a time, narrated, the mini-batch ringed', async ({
  page,
}) => {
  await page.goto(`/?${BLOBS}&backend=cpu&autoplay=1`);
  await waitForReports(page, 2);
  await expect(page.getByTestId('chart-cluster-plane')).toBeVisible();
  await page.getByTestId('explain-toggle').click(); // pauses the run
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const start = await gvp(page, (g) => g.step);

  const stages = page.getByTestId('explain-stages');
  for (const k of [1, 2]) {
    await page.getByTestId('explain-next').click();
    await expect.poll(() => gvp(page, (g) => g.step)).toBe(start + k);
    await expect(stages).toContainText(`Step ${start + k - 1}: SGD draws B = 8`);
  }
  await page.waitForTimeout(500);
  expect(await gvp(page, (g) => g.step)).toBe(start + 2); // exactly one step per press

  // Five stages, finite numbers in each, highlighted one after the other.
  await expect(stages.locator('li')).toHaveCount(5);
  for (const text of await stages.locator('li').allTextContents())
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  await expect(stages.locator('li[aria-current=step]')).toHaveAttribute('data-stage', 'batch');
  await expect(stages.locator('li[aria-current=step]')).toHaveAttribute('data-stage', 'examples');
  await expect(stages.locator('li[aria-current=step]')).toHaveAttribute('data-stage', 'update', {
    timeout: 10_000,
  });
  await expect(page.getByTestId('explain-bars').locator('rect')).toHaveCount(8);
  await expect(stages.locator('li[data-stage=variance]')).toContainText(/SG-B: variance \d/);

  // The 2-D view rings exactly the B examples of the batch (all in the pool here).
  await expect(page.getByTestId('chart-cluster-plane').locator('.batch circle')).toHaveCount(8);

  // → takes the next explained step; the stages start again at ①.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => gvp(page, (g) => g.step)).toBe(start + 3);
  await expect(stages.locator('li[aria-current=step]')).toHaveAttribute('data-stage', 'batch');

  // Leaving slow motion removes the rings and leaves the run paused.
  await page.getByTestId('explain-toggle').click();
  await expect(page.getByTestId('chart-cluster-plane').locator('.batch circle')).toHaveCount(0);
  expect(await gvp(page, (g) => g.status)).toBe('paused');
});
