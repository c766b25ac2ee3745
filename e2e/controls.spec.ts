import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

// Issue 12, items 3, 4 and 6: presets survive view keys and slider moves, the batch slider
// fits N and logs one change per drag, event ticks, steps/s, export headings, embeds, Space.

const changes = (page: Page, field: string) =>
  gvp(page, (g) => g.events()).then(
    (events) =>
      events.filter((e) => e.kind === 'change' && (e as { field?: string }).field === field).length,
  );

test('a preset survives L and a slider move: "(modified: …)", its caption and preset= kept', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?preset=fig6-labelnoise&autoplay=1');
  const caption = page.getByTestId('preset-caption');
  await expect(caption).toBeVisible();
  await waitForReports(page, 2);

  await page.keyboard.press('l');
  await expect.poll(() => gvp(page, (g) => g.config.lecture)).toBe(true);
  await expect(page).toHaveURL(/[?&]preset=fig6-labelnoise(&|$)/);
  await expect(page).toHaveURL(/lecture=1/);
  await expect(caption).toBeVisible();
  await page.keyboard.press('l');
  await expect.poll(() => gvp(page, (g) => g.config.lecture)).toBe(false);

  // What the caption tells the student to do: noise=0 with the slider, mid-run.
  await page.getByRole('slider', { name: 'Label noise' }).fill('0');
  await expect(page.getByTestId('preset-modified')).toContainText(
    'fig6-labelnoise (modified: noise 0.1 → 0)',
  );
  await expect(caption).toBeVisible();
  await expect(page.locator('#preset-select')).toHaveValue('fig6-labelnoise');
  await expect(page).toHaveURL(/[?&]preset=fig6-labelnoise&/);
  await expect(page).toHaveURL(/noise/);

  // The exported chart says what it is: chart, preset (modified) and step.
  await page.getByTestId('pause').click();
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const step = await gvp(page, (g) => g.step);
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'SVG of variance' }).click(),
  ]);
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain(`Variance — fig6-labelnoise (modified) — step ${step}</text>`);
  await page.keyboard.press('Escape');

  // A reload keeps the preset, its caption and the change.
  await page.goto(page.url());
  await expect(caption).toBeVisible();
  await expect(page.locator('#preset-select')).toHaveValue('fig6-labelnoise');
  await expect(page.getByTestId('preset-modified')).toContainText('noise 0.1 → 0');
});

test('the batch slider ends at N, a drag is one change event, GC / SVRG are ticks', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(`/?${SMALL}&autoplay=1`); // n=64, bs=8, GC and SVRG every 10 steps
  await waitForReports(page, 3);
  const slider = page.getByRole('slider', { name: 'Batch size B' });
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  const before = await changes(page, 'bs');
  // From the thumb (B = 8 sits mid-track on a log scale over 1 … 64) past the right end.
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width / 2 + i * box.width, y);
  await page.mouse.up();
  await expect.poll(() => gvp(page, (g) => g.config.bs)).toBe(64); // N, not 4096
  await expect(page.locator('#f-bs')).toHaveValue('64');
  await expect.poll(() => changes(page, 'bs'), { timeout: 20_000 }).toBe(before + 1);
  await waitForReports(page, 8);
  expect(await changes(page, 'bs')).toBe(before + 1);

  // The variance chart: the change is a full-height line, GC and SVRG short x-axis ticks.
  // Read in one go: the chart redraws (a legend row more or less changes its plot's height).
  const chart = page.getByTestId('chart-variance');
  await expect(chart.locator('.marker-change path')).toHaveCount(1); // drawn in its turn
  const drawn = await chart.evaluate((svg) => ({
    // The plot's height: the x axis sits at translate(0, height).
    xAxis: svg.querySelector('.x-axis')?.getAttribute('transform') ?? '',
    d: Object.fromEntries(
      ['change', 'gc', 'svrg'].map((k) => [
        k,
        svg.querySelector(`.marker-${k} path`)?.getAttribute('d') ?? '',
      ]),
    ),
  }));
  const spans = (kind: string) =>
    [...drawn.d[kind].matchAll(/M[^,]+,([^V]+)V([^M]+)/g)].map((m) => Number(m[2]) - Number(m[1]));
  const height = Number(/translate\(0,\s*([\d.]+)\)/.exec(drawn.xAxis)?.[1]);
  expect(height).toBeGreaterThan(20);
  const change = spans('change');
  expect(change.length).toBeGreaterThanOrEqual(1);
  expect(Math.min(...change)).toBeGreaterThanOrEqual(height - 1);
  for (const kind of ['gc', 'svrg']) {
    const ticks = spans(kind);
    expect(ticks.length).toBeGreaterThan(0);
    expect(Math.max(...ticks)).toBeLessThanOrEqual(10);
  }
});

test('the steps/s readout agrees with the step counter over 5 s (±30 %)', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(`/?${SMALL}&autoplay=1`);
  await waitForReports(page, 3);
  await page.waitForTimeout(2500); // the readout's 2 s window fills
  const s0 = await gvp(page, (g) => g.step);
  const t0 = Date.now();
  const shown: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.waitForTimeout(1000);
    shown.push(Number(await page.getByTestId('rate').locator('b').textContent()));
  }
  const measured = ((await gvp(page, (g) => g.step)) - s0) / ((Date.now() - t0) / 1000);
  const mean = shown.reduce((a, b) => a + b, 0) / shown.length;
  console.log(
    `steps/s shown ${mean.toFixed(1)} (${shown.join(', ')}), measured ${measured.toFixed(1)}`,
  );
  expect(measured).toBeGreaterThan(0);
  expect(mean).toBeGreaterThan(measured * 0.7);
  expect(mean).toBeLessThan(measured * 1.3);
});

test('the embed builder: a 16:9 frame, steps= in the link, an optional caption', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await page.getByTestId('embed-open').click();
  const dialog = page.getByTestId('embed-dialog');
  const iframe = dialog.getByTestId('embed-iframe');
  await expect(iframe).toHaveValue(
    /^<iframe src="http[^"]*steps=2000[^"]*" width="960" height="540"/,
  );
  await expect(dialog.getByTestId('embed-url')).toHaveValue(/steps=2000/);
  await dialog.getByTestId('embed-steps').fill('500');
  await expect(dialog.getByTestId('embed-url')).toHaveValue(/steps=500/);
  await dialog.getByTestId('embed-caption').check();
  await expect(iframe).toHaveValue(
    /<figcaption>Gradient Variance Playground \(live\)<\/figcaption>/,
  );
});

test('Space after clicking a header button plays / pauses; it still types in a text box', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.getByTestId('lecture').click();
  await expect.poll(() => gvp(page, (g) => g.config.lecture)).toBe(true);
  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('playing');
  expect(await gvp(page, (g) => g.config.lecture)).toBe(true); // not pressed again
  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  expect(await gvp(page, (g) => g.config.lecture)).toBe(true);

  const lr = page.locator('#f-lr');
  await lr.click();
  await lr.press('End');
  await lr.press('Space');
  await expect(lr).toHaveValue(/ $/);
  expect(await gvp(page, (g) => g.status)).toBe('paused');
});
