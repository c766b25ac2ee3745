import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, waitForReports } from './gvp';

// Blobs in 2-D with GC on: the plane with its clusters is the data view. B = 8, K = 4.
const BLOBS =
  'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=4&svrgEvery=10&pool=64&backend=cpu';
const CHARTS = ['chart-variance', 'chart-nv', 'chart-loss', 'chart-accuracy'];

/** SCREEN_SHOTS=1 keeps a picture of each layout under test-results/ (to look at, not to test). */
async function keep(page: Page, name: string) {
  if (process.env.SCREEN_SHOTS) await page.screenshot({ path: `test-results/screen-${name}.png` });
}

/** The run is reporting and the plane (after the first re-clustering) is drawn. */
async function running(page: Page, query: string) {
  await page.goto(`/?${query}&autoplay=1`);
  await waitForReports(page, 3);
  await expect.poll(() => gvp(page, (g) => g.clusters()?.K)).toBe(4);
  await expect(page.getByTestId('chart-cluster-plane')).toBeVisible();
  await page.getByTestId('pause').click(); // still charts: nothing is redrawn while measured
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.waitForTimeout(600); // the charts redraw at their final size in their own tasks
}

/** The element's box lies inside the first screen (the page scrolled to its top). */
async function expectOnScreen(page: Page, el: Locator, what: string) {
  const box = (await el.boundingBox())!;
  const { width, height } = page.viewportSize()!;
  expect(box, what).not.toBeNull();
  expect(box.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, `${what}: bottom edge`).toBeLessThanOrEqual(height + 0.5);
}

async function expectAllOnScreen(page: Page, ids: readonly string[]) {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  for (const id of ids) await expectOnScreen(page, page.getByTestId(id), id);
}

const fontPx = (el: Locator) => el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

test('1440 × 900: the data view, the cluster sizes and the four charts fit on one screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await running(page, BLOBS);
  await expectAllOnScreen(page, ['chart-cluster-plane', 'chart-cluster-sizes', ...CHARTS]);
  // The settings sit beside them, grouped data → model → optimiser → estimators.
  const legends = await page.locator('form[aria-label=Settings] legend').allTextContents();
  expect(legends.slice(0, 4)).toEqual(['Data', 'Model', 'Optimiser', 'Estimators']);
  await expectOnScreen(page, page.locator('[data-field=data]'), 'the first setting');
  // Slow motion narrates right under the plane, not a screen away.
  const plane = (await page.getByTestId('chart-cluster-plane').boundingBox())!;
  const strip = (await page.getByTestId('explain-toggle').boundingBox())!;
  expect(strip.y - (plane.y + plane.height)).toBeLessThan(60);
  expect(strip.x).toBeLessThan(plane.x + plane.width);
  await expectOnScreen(page, page.getByTestId('explain-toggle'), 'slow motion');
  await keep(page, '1440');
  await page.getByTestId('explain-toggle').click();
  await page.getByTestId('explain-next').click();
  const stages = page.getByTestId('explain-stages');
  await expect(stages.locator(':scope > li')).toHaveCount(5);
  const narration = (await stages.boundingBox())!;
  expect(narration.y - (plane.y + plane.height)).toBeLessThan(120);
  expect(narration.x).toBeLessThan(plane.x + plane.width);
  await keep(page, '1440-slowmotion');
  await page.getByTestId('explain-toggle').click();

  // Folding the settings away gives the charts the width; unfolding brings them back.
  const before = (await page.getByTestId('chart-variance').boundingBox())!.width;
  await page.getByTestId('side-toggle').click();
  await expect(page.locator('#f-lr')).toBeHidden();
  await expect
    .poll(async () => (await page.getByTestId('chart-variance').boundingBox())!.width)
    .toBeGreaterThan(before + 60);
  await expectAllOnScreen(page, ['chart-cluster-plane', ...CHARTS]);
  await page.getByTestId('side-toggle').click();
  await expect(page.locator('#f-lr')).toBeVisible();
});

test('1440 × 900 with a lesson open: the lesson scrolls in its box, the variance charts stay on screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?lesson=5&backend=cpu&autoplay=1');
  await expect(page.getByTestId('lesson')).toBeVisible();
  await waitForReports(page, 3);
  await page.waitForTimeout(600);
  const body = page.locator('.lesson-body');
  const scrolls = await body.evaluate((e) => e.scrollHeight > e.clientHeight);
  expect(scrolls, 'the lesson text is longer than its box here').toBe(true);
  // The preset's caption folds (the lesson explains the run); loss and accuracy are a
  // scroll away at this height.
  await expect(page.getByTestId('preset-caption').locator('summary').first()).toHaveText(
    'What this figure shows',
  );
  await keep(page, '1440-lesson');
  await expectAllOnScreen(page, ['chart-variance', 'chart-nv']);
});

test('390 × 844 (a phone): one column, no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await running(page, BLOBS);
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  let previousBottom = 0;
  for (const id of ['chart-cluster-plane', ...CHARTS]) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(390);
    expect(box.width, `${id} uses the width`).toBeGreaterThan(300);
    expect(box.y, `${id} is below the one before`).toBeGreaterThanOrEqual(previousBottom - 1);
    previousBottom = box.y + box.height;
  }
  // The settings are one tap away.
  await page.getByTestId('side-toggle').click();
  await expect(page.locator('#f-lr')).toBeVisible();
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  await keep(page, '390');
});

test("390 × 844 under a preset's long caption: the plane still takes the width", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?preset=fig1-gc2d&backend=cpu');
  const plane = page.getByTestId('chart-cluster-plane');
  await expect(plane).toBeVisible(); // drawn before Play
  // The first screen has no room left for it: it is drawn at the column's width, to scroll to.
  expect((await page.locator('.cluster-panel').boundingBox())!.y).toBeGreaterThan(844 / 2);
  expect((await plane.boundingBox())!.width).toBeGreaterThan(300);
});

test('lecture mode at 1920 × 1080: every chart (cluster sizes too) on screen, text at least 20 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await running(page, `${BLOBS}&lecture=1`);
  await expect(page.locator('.app')).toHaveClass(/lecture/);
  await expectAllOnScreen(page, ['chart-cluster-plane', 'chart-cluster-sizes', ...CHARTS]);
  for (const id of [...CHARTS, 'chart-cluster-plane']) {
    const chart = page.getByTestId(id);
    for (const part of ['.tick text', '.axis-label', '.legend text']) {
      const text = chart.locator(part).first();
      expect(await fontPx(text), `${id} ${part}`).toBeGreaterThanOrEqual(20);
    }
  }
  await keep(page, 'lecture');

  // The shortcuts dialog scales too.
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Shift+?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  for (const part of ['td', 'kbd', 'h2']) {
    expect(await fontPx(help.locator(part).first()), part).toBeGreaterThanOrEqual(20);
  }
  await keep(page, 'lecture-help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('L on a preset: the lecture layout still fits the screen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/?preset=fig6-labelnoise&backend=cpu&autoplay=1');
  await waitForReports(page, 2);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.keyboard.press('l');
  await expect(page.locator('.app')).toHaveClass(/lecture/);
  await page.waitForTimeout(600);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAllOnScreen(page, CHARTS);
  expect(await fontPx(page.getByTestId('chart-loss').locator('.tick text').first())).toBe(20);
  await keep(page, 'lecture-preset');
});
