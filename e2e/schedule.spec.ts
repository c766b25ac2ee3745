import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL } from './gvp';

/** Steps the paused run by ten (Shift + →) until it reaches `step`. */
async function stepTo(page: Page, step: number): Promise<void> {
  while ((await gvp(page, (g) => g.step)) < step) {
    const before = await gvp(page, (g) => g.step);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => gvp(page, (g) => g.step)).toBe(before + 10);
  }
}

const rows = (page: Page) =>
  gvp(page, (g) =>
    g.reports().map((r) => ({ step: r.step, loss: r.loss, estimators: r.estimators })),
  );

test('a mid-run change lands in the link, and the link replays the run exactly', async ({
  page,
  context,
}) => {
  await page.goto(`/?${SMALL}&backend=wasm&est=sgb,sg2b`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await stepTo(page, 10);
  await page.locator('#f-lr').fill('0.2');
  await page.locator('#f-lr').press('Enter');
  await expect(page).toHaveURL(/at=10:lr=0\.2/);
  await stepTo(page, 20);
  const live = (await rows(page)).filter((r) => r.step <= 20);
  const link = page.url();

  const replay = await context.newPage();
  await replay.goto(link);
  await expect.poll(() => gvp(replay, (g) => g.status)).toBe('paused');
  expect(await gvp(replay, (g) => g.config.lr)).toBe(0.05); // the start, not the change
  await stepTo(replay, 20);
  expect((await rows(replay)).filter((r) => r.step <= 20)).toEqual(live);
  expect(await gvp(replay, (g) => g.config.lr)).toBe(0.2); // applied at step 10

  // Starting afresh keeps the settings in effect and drops the schedule.
  await expect(replay.getByTestId('schedule-note')).toContainText('step 10: lr → 0.2');
  await replay.getByRole('button', { name: 'Start afresh from the current settings' }).click();
  await expect(replay).not.toHaveURL(/at=/);
  await expect(replay).toHaveURL(/lr=0\.2/);
  await expect.poll(() => gvp(replay, (g) => g.step)).toBe(0);
});
