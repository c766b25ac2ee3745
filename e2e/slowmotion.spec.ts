import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { gvp, waitForReports } from './gvp';

// Blobs in 2-D with GC on, so the plane (and its mini-batch rings) is shown. B = 8.
const BLOBS =
  'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64&backend=cpu';
const STAGES = ['batch', 'examples', 'mean', 'variance', 'update'];

test('explained slow motion: one step at a time, narrated, the mini-batch ringed', async ({
  page,
}) => {
  await page.goto(`/?${BLOBS}&autoplay=1`);
  await waitForReports(page, 2);
  const plane = page.getByTestId('chart-cluster-plane');
  await expect(plane).toBeVisible();
  await page.getByTestId('explain-toggle').click(); // pauses the run
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const start = await gvp(page, (g) => g.step);

  const stages = page.getByTestId('explain-stages');
  const current = stages.locator('li[aria-current=step]');
  for (const k of [1, 2]) {
    await page.getByTestId('explain-next').click();
    await expect.poll(() => gvp(page, (g) => g.step)).toBe(start + k);
    await expect(stages).toContainText(`Step ${start + k - 1}: SGD takes the next B = 8`);
    if (k === 1) await expect(current).toHaveAttribute('data-stage', 'batch');
  }
  await page.waitForTimeout(500);
  expect(await gvp(page, (g) => g.step)).toBe(start + 2); // exactly one step per press

  // The stages are highlighted one after the other, ① to ⑤, one at a time.
  for (const id of STAGES) await expect(current).toHaveAttribute('data-stage', id);
  await expect(stages.locator('li.active')).toHaveCount(1);

  // Five stages, each with finite numbers; B entries in the batch, the bars and the picture.
  await expect(stages.locator(':scope > li')).toHaveCount(5);
  for (const id of STAGES) {
    const text = await stages.locator(`li[data-stage=${id}]`).textContent();
    expect(text).not.toMatch(/NaN|Infinity|undefined|not finite/);
  }
  for (const id of ['mean', 'variance', 'update']) {
    await expect(stages.locator(`li[data-stage=${id}]`)).toContainText(/= \d|variance \d/);
  }
  await expect(page.getByTestId('explain-batch').locator('li')).toHaveCount(8);
  await expect(page.getByTestId('explain-bars').locator('rect')).toHaveCount(8);
  await expect(page.getByTestId('explain-plane').locator('path.example')).toHaveCount(8);
  await expect(stages.locator('li[data-stage=variance]')).toContainText(/SG-B: variance \d/);
  await expect(stages.locator('li[data-stage=variance]')).toContainText(/GC: variance \d/);

  // The 2-D view rings exactly the B examples of the batch (all in the pool here).
  await expect(plane.locator('.batch circle')).toHaveCount(8);
  await expect(plane.locator('.legend')).toContainText('mini-batch');

  // Clicking a stage holds it.
  await stages.locator('li[data-stage=mean] h4 button').click();
  await expect(current).toHaveAttribute('data-stage', 'mean');

  // → takes the next explained step; the stages start again at ①.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => gvp(page, (g) => g.step)).toBe(start + 3);
  await expect(stages).toContainText(`Step ${start + 2}: SGD takes the next B = 8`);
  await expect(current).toHaveAttribute('data-stage', 'batch');
  await expect(plane.locator('.batch circle')).toHaveCount(8);

  // The strip passes axe: no serious or critical violations.
  const { violations } = await new AxeBuilder({ page }).include('section.explain').analyze();
  expect(
    violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')}`,
      ),
  ).toEqual([]);

  // Leaving slow motion removes the rings and leaves the run paused.
  await page.getByTestId('explain-toggle').click();
  await expect(plane.locator('.batch circle')).toHaveCount(0);
  await expect(page.getByTestId('explain-stages')).toHaveCount(0);
  expect(await gvp(page, (g) => g.status)).toBe('paused');
  expect(await gvp(page, (g) => g.step)).toBe(start + 3);
});
