import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

const CPU = `${SMALL}&backend=cpu`;

async function ready(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.locator('body').click({ position: { x: 2, y: 2 } }); // focus the page, not a field
}

const stepNow = (page: Page) => gvp(page, (g) => g.step);

test('keyboard shortcuts drive a real run and never fire while typing', async ({ page }) => {
  await ready(page, CPU);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stepNow(page)).toBe(1);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => stepNow(page)).toBe(2);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => stepNow(page)).toBe(12);

  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('playing');
  await waitForReports(page, 10);
  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const paused = await stepNow(page);
  expect(paused).toBeGreaterThan(12);

  // Typing an "r" (or Space) in a text field edits the field; it does not reset or play.
  const lr = page.locator('#f-lr');
  await lr.fill('');
  await lr.type('0.1 r');
  await page.waitForTimeout(500);
  expect(await stepNow(page)).toBe(paused);
  expect(await gvp(page, (g) => g.status)).toBe('paused');
  await lr.fill('0.1');
  await lr.press('Enter');

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('r');
  // The new run is ready (its data built) once the status is paused again at step 0.
  await expect.poll(() => gvp(page, (g) => [g.step, g.status])).toEqual([0, 'paused']);
  expect(await gvp(page, (g) => g.reports().length)).toBeLessThanOrEqual(1);

  await page.keyboard.press('1');
  await expect(page.locator('#preset-select')).toHaveValue('fig1-gc2d');
  await expect(page.getByTestId('preset-caption')).toBeVisible();
  expect(await gvp(page, (g) => [g.config.model, g.config.backend])).toEqual(['linear', 'cpu']);

  await page.keyboard.press('Shift+?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Shift + →');
  await expect(help).toContainText('Pin the current run');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('lecture mode: L toggles a projector layout that survives a reload', async ({ page }) => {
  await ready(page, CPU);
  const base = await page.locator('.app').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await expect(page.locator('[data-field=seed]')).toHaveCount(1);
  await page.keyboard.press('l');
  await expect(page.locator('.app')).toHaveClass(/lecture/);
  await expect(page).toHaveURL(/lecture=1/);
  await page.reload();
  await expect(page.locator('.app')).toHaveClass(/lecture/);
  const big = await page.locator('.app').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  expect(big).toBeGreaterThanOrEqual(1.5 * base);
  // Essentials only: batch size and learning rate stay, the seed and the backend go.
  await expect(page.locator('[data-field=bs]')).toHaveCount(1);
  await expect(page.locator('[data-field=seed]')).toHaveCount(0);
  await expect(page.locator('[data-field=backend]')).toHaveCount(0);
  // Chart text is drawn at the lecture size (20 px), not zoomed; two charts side by side.
  const chart = page.getByTestId('chart-variance');
  await expect
    .poll(() =>
      chart
        .locator('.tick text')
        .first()
        .evaluate((t) => parseFloat(getComputedStyle(t).fontSize)),
    )
    .toBeGreaterThanOrEqual(20);
  const [a, b] = await Promise.all(
    ['chart-variance', 'chart-nv'].map(async (id) => (await page.getByTestId(id).boundingBox())!),
  );
  expect(b.y).toBeLessThan(a.y + a.height); // one row
  expect(b.x).toBeGreaterThan(a.x + a.width);
  await page.getByTestId('lecture').click();
  await expect(page.locator('.app')).not.toHaveClass(/lecture/);
  await expect(page).not.toHaveURL(/lecture=1/);
});

test('pin run: ghosts labelled with what changed, at most three, cleared one by one', async ({
  page,
}) => {
  await ready(page, CPU);
  await page.getByTestId('step').click();
  await page.keyboard.press('Shift+ArrowRight');
  await waitForReports(page, 3);
  await page.keyboard.press('p');
  const pinned = page.getByTestId('pinned-run');
  await expect(pinned).toHaveCount(1);
  await expect(pinned).toContainText('same settings');
  // The batch slider is logarithmic (a position is not a batch size): type B in its box.
  await page.locator('#f-bs').fill('16');
  await page.locator('#f-bs').press('Enter');
  await expect(pinned).toContainText('bs 8 → 16');
  const variance = page.getByTestId('chart-variance');
  await expect(variance.locator('.legend')).toContainText('pinned: bs 8 → 16');
  await expect(variance.locator('.ghosts path.line').first()).toHaveAttribute(
    'stroke-dasharray',
    /\d/,
  );
  await page.getByTestId('pin').click();
  await page.getByTestId('pin').click();
  await expect(pinned).toHaveCount(3);
  await expect(page.getByTestId('pin')).toBeDisabled();
  await page.getByRole('button', { name: /Clear pinned run 2/ }).click();
  await expect(pinned).toHaveCount(2);
  await expect(page.getByTestId('pin')).toBeEnabled();
});

test('predict, then reveal: curves stop at the current step until revealed', async ({ page }) => {
  await page.goto(`/?${CPU}&autoplay=1`);
  await waitForReports(page, 3);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('h');
  await expect(page.getByTestId('predict-note')).toBeVisible();
  const frozen = Number(await page.getByTestId('predict-note').locator('b').textContent());
  const lastX = async () => {
    const label = (await page.getByTestId('chart-nv').getAttribute('aria-label')) ?? '';
    return Number(/iteration (\d+)/.exec(label)?.[1] ?? -1);
  };
  await waitForReports(page, (await gvp(page, (g) => g.reports().length)) + 5);
  await page.waitForTimeout(400); // let the UI render the newest reports
  expect(await lastX()).toBe(frozen);
  await expect(page.getByTestId('predict-note')).toContainText(
    /[1-9]\d* new measurements? waiting/,
  );
  await page.getByTestId('predict').click();
  await expect(page.getByTestId('predict-note')).toHaveCount(0);
  await expect.poll(lastX).toBeGreaterThan(frozen);
});

test('embed=1 shows only the chosen charts and play / reset', async ({ page }) => {
  await page.goto(`/?${CPU}&embed=1&charts=nv,loss&autoplay=1`);
  await waitForReports(page, 3);
  await expect(page.getByTestId('chart-nv')).toBeVisible();
  await expect(page.getByTestId('chart-loss')).toBeVisible();
  await expect(page.getByTestId('chart-variance')).toHaveCount(0);
  await expect(page.getByTestId('chart-accuracy')).toHaveCount(0);
  await expect(page.locator('form[aria-label=Settings]')).toHaveCount(0);
  await expect(page.locator('#preset-select')).toHaveCount(0);
  await expect(page.getByTestId('step')).toHaveCount(0);
  await expect(page.getByTestId('pause')).toBeVisible();
  await expect(page.getByTestId('reset')).toBeVisible();
  await expect(page.getByTestId('backend-badge')).toContainText('CPU');
  const open = page.getByRole('link', { name: /Open in the Gradient Variance Playground/ });
  await expect(open).toHaveAttribute('href', /charts=nv,loss/);
  await expect(open).not.toHaveAttribute('href', /embed=1/);
});

test('embed=1 with a preset names it in one line, its claim one click away', async ({ page }) => {
  await page.goto(`/?preset=fig6-labelnoise&${CPU}&embed=1&charts=nv`);
  const caption = page.getByTestId('embed-caption-line');
  await expect(caption).toContainText('fig6-labelnoise');
  await expect(caption.locator('p')).toBeHidden();
  await caption.locator('summary').click();
  await expect(caption.locator('p')).toContainText('Faghri et al. 2020');
  await expect(page.getByTestId('chart-nv')).toBeInViewport();
});

test('hide= hides controls; the embed-link dialog builds a working link', async ({ page }) => {
  await ready(page, `${CPU}&hide=lr,presets`);
  await expect(page.locator('[data-field=lr]')).toHaveCount(0);
  await expect(page.locator('[data-field=bs]')).toHaveCount(1);
  await expect(page.locator('#preset-select')).toHaveCount(0);
  await page.getByTestId('embed-open').click();
  const dialog = page.getByTestId('embed-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Accuracy' }).uncheck();
  await dialog.getByRole('checkbox', { name: 'Training loss' }).uncheck();
  const url = await dialog.getByTestId('embed-url').inputValue();
  expect(url).toMatch(/embed=1/);
  expect(url).toMatch(/charts=variance,nv,clusters/);
  expect(url).toMatch(/bs=8/);
  await expect(dialog.getByTestId('embed-iframe')).toHaveValue(/^<iframe src="http/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.goto(url);
  await waitForReports(page, 2);
  await expect(page.getByTestId('chart-variance')).toBeVisible();
  await expect(page.getByTestId('chart-nv')).toBeVisible();
  await expect(page.getByTestId('chart-loss')).toHaveCount(0);
  await expect(page.locator('form[aria-label=Settings]')).toHaveCount(0);
});
