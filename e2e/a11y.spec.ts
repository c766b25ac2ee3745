import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gvp, SMALL, waitForReports } from './gvp';

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  return bad.map(
    (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

for (const [name, view] of [
  ['the playground', ''],
  ['lecture mode', '&lecture=1'],
  ['an embed', '&embed=1'],
]) {
  test(`axe: no serious or critical violations in ${name}`, async ({ page }) => {
    await page.goto(`/?${SMALL}&backend=cpu&autoplay=1${view}`);
    await waitForReports(page, 3);
    await page.waitForTimeout(300); // charts drawn
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe: the dialogs (shortcuts, export, embed link) have no serious violations', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
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

test('keyboard only: Tab reaches play and a slider; keys operate them', async ({ page }) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const focusedTestId = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
  for (let i = 0; i < 40 && (await focusedTestId()) !== 'play'; i++)
    await page.keyboard.press('Tab');
  expect(await focusedTestId()).toBe('play');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none'); // visible focus
  await page.keyboard.press('Enter');
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('playing');
  await page.keyboard.press('Enter'); // the same button is now Pause... focus stays on the bar
  const slider = page.getByRole('slider', { name: 'Batch size B' });
  for (let i = 0; i < 60; i++) {
    if (await slider.evaluate((e) => e === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(slider).toBeFocused();
  const before = await gvp(page, (g) => g.config.bs as number);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => gvp(page, (g) => g.config.bs as number)).toBeGreaterThan(before);
});

test('the axe check is live: an unlabelled control is caught', async ({ page }) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('main')!.prepend(input);
  });
  expect((await seriousViolations(page)).join('\n')).toMatch(/critical label/);
});
