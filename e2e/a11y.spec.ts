import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

/** axe-core's serious and critical violations, one line each: impact, rule id, targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function paused(page: Page, query = `${SMALL}&backend=cpu`) {
  await page.goto(`/?${query}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
}

const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Presses Tab until `isThere` holds (at most `max` times); fails if it never does. */
async function tabTo(page: Page, isThere: () => Promise<boolean>, max = 80) {
  for (let i = 0; i < max && !(await isThere()); i++) await page.keyboard.press('Tab');
  expect(await isThere()).toBe(true);
}

/** The focused element's outline (style and width in px): the visible focus ring. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

for (const [name, view, backend] of [
  ['the playground (default backend)', '', ''],
  ['lecture mode', '&lecture=1', '&backend=cpu'],
  ['an embed', '&embed=1', '&backend=cpu'],
]) {
  test(`axe: no serious or critical violations in ${name}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/?${SMALL}${backend}&autoplay=1${view}`);
    await waitForReports(page, 3, 90_000);
    await page.waitForTimeout(300); // charts drawn
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe: a preset, pinned run, hidden curves, URL problems: no serious violations', async ({
  page,
}) => {
  await page.goto(`/?preset=fig8-dup90&n=128&backend=cpu&autoplay=1&bogus=1`);
  await waitForReports(page, 3);
  await expect(page.getByTestId('url-problems')).toBeVisible();
  await expect(page.getByTestId('preset-caption')).toBeVisible();
  await page.getByTestId('pin').click();
  await page.getByTestId('predict').click();
  await expect(page.getByTestId('pinned-run')).toHaveCount(1);
  // Hiding is announced once; the count of waiting measurements is not a live region (it
  // would be read out at every measurement).
  await expect(
    page.getByRole('status').filter({ hasText: /Curves hidden after step/ }),
  ).toHaveCount(1);
  const live = '[aria-live], [role=status], [role=alert], [role=log]';
  expect(await page.getByTestId('predict-note').evaluate((e, s) => !!e.closest(s), live)).toBe(
    false,
  );
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: the dialogs (shortcuts, export, embed link) have no serious violations', async ({
  page,
}) => {
  await paused(page);
  for (const open of ['export-open', 'embed-open']) {
    await page.getByTestId(open).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  }
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Shift+?');
  await expect(page.getByTestId('shortcut-help')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('keyboard only: Tab reaches play and a slider; Enter, Space and arrows operate them', async ({
  page,
}) => {
  await paused(page);
  await tabTo(page, async () => (await focused(page)) === 'play');
  expect(await focusRing(page)).toEqual({ style: 'solid', width: 3 });
  await page.keyboard.press('Enter');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('playing');
  expect(await focused(page)).toBe('pause'); // focus stays on the (now Pause) button
  await page.keyboard.press('Space'); // presses the button once, not also the Space shortcut
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.waitForTimeout(300);
  expect(await gvp(page, (g) => g.status)).toBe('paused');

  const slider = page.getByRole('slider', { name: 'Batch size B' });
  await tabTo(page, () => slider.evaluate((e) => e === document.activeElement));
  expect((await focusRing(page)).width).toBeGreaterThanOrEqual(2);
  const bs = () => gvp(page, (g) => g.config.bs as number);
  const before = await bs();
  const step = await gvp(page, (g) => g.step);
  await page.keyboard.press('ArrowRight');
  await expect.poll(bs).toBe(before + 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(bs).toBe(before - 1);
  await expect(page.getByRole('textbox', { name: 'Batch size B' })).toHaveValue(`${before - 1}`);
  expect(await gvp(page, (g) => g.step)).toBe(step); // → moved the slider, took no step

  // Space toggles a checkbox of the estimators group (named by the group), not play/pause.
  const sgb = page
    .getByRole('group', { name: 'Estimators shown' })
    .getByLabel('SG-B', { exact: true });
  await tabTo(page, () => sgb.evaluate((e) => e === document.activeElement));
  await page.keyboard.press('Space');
  await expect.poll(() => gvp(page, (g) => g.config.est as string[])).not.toContain('sgb');
  expect(await gvp(page, (g) => g.status)).toBe('paused');
});

test('keyboard only: Tab reaches every control, each with a visible focus ring', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}&backend=cpu&autoplay=1`);
  await waitForReports(page, 3);
  await page.getByTestId('pin').click(); // a pinned run brings its ✕ button
  await page.getByTestId('pause').click(); // paused: Step is enabled too
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const total = await page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button, input, select, textarea, a[href], summary, [tabindex]:not([tabindex="-1"])',
    );
    let n = 0;
    for (const e of controls) {
      const usable = e.checkVisibility() && !(e as HTMLButtonElement).disabled;
      if (usable) e.dataset.a11yControl = String(n++);
    }
    return n;
  });
  expect(total).toBeGreaterThan(30);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const reached = new Map<string, { style: string; width: number }>();
  for (let i = 0; i < total + 10; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.dataset.a11yControl,
    );
    if (id !== undefined) reached.set(id, await focusRing(page));
  }
  const missed = await page.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-a11y-control]')]
        .filter((e) => !ids.includes(e.dataset.a11yControl!))
        .map((e) => e.outerHTML.slice(0, 120)),
    [...reached.keys()],
  );
  expect(missed).toEqual([]);
  const noRing = [...reached].filter(([, r]) => r.style === 'none' || r.width < 2);
  expect(noRing).toEqual([]);
});

test('the axe check is live: an unlabelled control is caught', async ({ page }) => {
  await paused(page);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('main')!.prepend(input);
  });
  expect((await seriousViolations(page)).join('\n')).toMatch(/critical label/);
});
