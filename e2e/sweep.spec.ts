import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A small sweep: 3 batch sizes × 2 seeds, 20 steps each, on the toy XOR problem. */
const SWEEP =
  'view=sweep&data=xor&n=64&hidden=8&every=5&k=4&pool=64&steps=20&vary=bs:4,8,16&seeds=2';

interface SweepGvp {
  view: string;
  sweep: {
    status: string;
    total: number;
    done: number;
    workers: number;
    query: string;
    runs(): {
      index: number;
      varied: { bs: number };
      summary: { estimators: Record<string, { variance: { mean: number } }> };
    }[];
  };
}

async function sweepGvp<T>(page: Page, fn: (g: SweepGvp) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.gvp)`) as Promise<T>;
}

test('a small sweep in Chromium: runs stream in, the plot draws, the export holds every run', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/?${SWEEP}`);
  await expect(page.getByTestId('sweep-status')).toHaveText('6 runs to do');
  await page.getByTestId('sweep-run').click();
  await expect.poll(() => sweepGvp(page, (g) => g.sweep.status), { timeout: 120_000 }).toBe('done');
  expect(await sweepGvp(page, (g) => [g.view, g.sweep.total, g.sweep.done])).toEqual([
    'sweep',
    6,
    6,
  ]);
  expect(await sweepGvp(page, (g) => g.sweep.workers)).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('sweep-status')).toContainText('6 / 6 runs · done in');

  // The plot: one line per estimator, a dot and bar per B, the −1 slope and B_simple.
  const chart = page.getByTestId('chart-sweep');
  await expect(chart.locator('.series')).toHaveCount(4);
  await expect(chart.locator('.hit')).toHaveCount(12);
  await expect(chart.locator('.slope')).toHaveCount(1);
  await expect(chart.locator('.vline')).toHaveCount(1);
  await expect(chart).toHaveAttribute('aria-label', /SG-B .* to .*; SG-2B/);

  // SG-B's variance falls with B on these runs (the recorded summaries).
  const runs = await sweepGvp(page, (g) => g.sweep.runs());
  const mean = (b: number) => {
    const v = runs
      .filter((r) => r.varied.bs === b)
      .map((r) => r.summary.estimators['SG-B'].variance.mean);
    return v.reduce((a, x) => a + x, 0) / v.length;
  };
  expect(mean(4)).toBeGreaterThan(mean(16));

  // No serious or critical accessibility violation in the view with its plot.
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  // Hover a point: its runs' curves and links into the playground.
  await chart.locator('.hit').first().hover();
  await expect(page.getByTestId('sweep-runs')).toBeVisible();
  await expect(page.getByTestId('sweep-run-link')).toHaveCount(2);
  const href = await page.getByTestId('sweep-run-link').first().getAttribute('href');
  expect(href).toMatch(/data=xor.*bs=4.*steps=20/);
  expect(href).not.toContain('view=sweep');

  // Export: CSV and JSON (every run), SVG (the plot).
  const save = async (name: string) => {
    const [d] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
    return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
  };
  const csv = await save('CSV');
  expect(csv.name).toMatch(/^gvp-sweep-bs-6runs\.csv$/);
  const lines = csv.text.trim().split('\n');
  expect(lines[1]).toMatch(/^# sweep: .*vary=bs:4,8,16/);
  const table = lines.filter((l) => !l.startsWith('#'));
  expect(table[0].split(',').slice(0, 7)).toEqual([
    'bs',
    'seed',
    'steps',
    'loss',
    'acc',
    'testAcc',
    'SG-B variance mean',
  ]);
  expect(table).toHaveLength(7);
  const json = JSON.parse((await save('JSON')).text);
  expect(json.runs).toHaveLength(6);
  expect(json.runs.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
  const byIndex = [...runs].sort((a, b) => a.index - b.index);
  expect(json.runs.map((r: { summary: unknown }) => r.summary)).toEqual(
    byIndex.map((r) => r.summary),
  );
  const svg = await save('SVG');
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.text).toContain('class="series"');
  expect(svg.text).not.toContain('class="hit"');
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'PNG', exact: true }).click(),
  ]);
  const png = readFileSync((await pngDownload.path())!);
  expect(pngDownload.suggestedFilename()).toBe('gvp-sweep-bs-6runs.png');
  expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1920); // projector width, as every chart export

  // Click a point: its first run opens in the playground.
  await chart.locator('.hit').first().click();
  await expect(page).toHaveURL(/bs=4/);
  await expect(page).not.toHaveURL(/view=sweep/);
  await expect(page.getByTestId('tab-sweep')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the sweep lives in the URL; a preset shows its caption and claims; cancel stops it', async ({
  page,
}) => {
  await page.goto('/?view=sweep&preset=sweep-batch');
  await expect(page.getByTestId('sweep-caption')).toContainText('slope −1');
  await expect(page.getByTestId('sweep-claim')).toHaveCount(4);
  await expect(page).toHaveURL(/vary=bs:2..128:7/);
  await expect(page.getByLabel('values').first()).toHaveValue('2..128:7');
  await page.getByLabel('values').first().fill('8,16');
  await expect(page).toHaveURL(/vary=bs:8,16($|&)/);
  await expect(page.getByTestId('sweep-status')).toHaveText('6 runs to do');
  await page.getByTestId('sweep-run').click();
  await page.getByTestId('sweep-cancel').click();
  await expect(page.getByTestId('sweep-status')).toContainText('cancelled');
  await page.getByLabel('values').first().fill('8,x');
  await expect(page.getByTestId('sweep-problems')).toContainText('bs: x is not a number; ignored');
});
