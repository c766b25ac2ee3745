import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp } from './gvp';

const COUNT = 7;

/** axe-core's serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const lesson = (page: Page) =>
  page.evaluate(
    () =>
      (
        window as unknown as {
          gvp: { lesson: { index: number; count: number; title: string } | null };
        }
      ).gvp.lesson,
  );

const reportCount = (page: Page) => gvp(page, (g) => g.reports().length);

test('walks every lesson: typeset formulas, a committed prediction, a live run, axe', async ({
  page,
}) => {
  test.setTimeout(480_000);
  await page.goto('/?lesson=1&backend=wasm');
  for (let n = 1; n <= COUNT; n++) {
    await expect(page.getByTestId('lesson-position')).toHaveText(`Lesson ${n} of ${COUNT}`);
    await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
    const info = await lesson(page);
    expect(info?.index).toBe(n);
    expect(info?.count).toBe(COUNT);
    await expect(page.locator('#lesson-title')).toContainText(info!.title);
    expect(await page.locator('.lesson .katex-display').count()).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('lesson')).toBe(String(n));
    // Predict: nothing can be committed before a choice is made.
    const commit = page.getByTestId('lesson-commit');
    await expect(commit).toBeDisabled();
    await page.getByTestId('lesson-question').getByRole('radio').first().check();
    const before = await reportCount(page);
    await commit.click();
    await expect(page.getByTestId('lesson-reveal')).toContainText('You predicted');
    // The run starts and measures.
    await expect.poll(() => gvp(page, (g) => g.status)).toBe('playing');
    await expect.poll(() => reportCount(page), { timeout: 60_000 }).toBeGreaterThan(before + 1);
    await expect(page.getByTestId('lesson-notice')).not.toBeEmpty();
    if (n === 2 || n === 3) {
      // Lesson 2 answers from any measurement; lesson 3 after its trigger at step 150.
      await expect(page.getByTestId('lesson-reveal')).toContainText('The run says:', {
        timeout: 90_000,
      });
      if (n === 3) {
        // The trigger lands on its step exactly: the page steps up to it, then applies it.
        const changes = await gvp(page, (g) =>
          g
            .events()
            .filter((e) => e.kind === 'change')
            .map((e) => JSON.stringify(e)),
        );
        expect(changes.slice(0, 2)).toEqual([
          JSON.stringify({ kind: 'change', step: 150, field: 'bs', from: '8', to: '32' }),
          JSON.stringify({ kind: 'change', step: 150, field: 'lr', from: '0.05', to: '0.2' }),
        ]);
      }
    }
    expect(await seriousViolations(page)).toEqual([]);
    if (n < COUNT) await page.getByTestId('lesson-next').click();
  }
  await expect(page.getByTestId('lesson-next')).toBeDisabled();
});

test('contents menu, previous, and lesson keys in lecture mode', async ({ page }) => {
  await page.goto('/?lesson=4&backend=cpu&lecture=1');
  await expect(page.getByTestId('lesson')).toHaveClass(/slide/);
  await page.getByTestId('lesson-contents').locator('summary').click();
  await page
    .getByTestId('lesson-contents')
    .getByRole('button', { name: /Control variates/ })
    .click();
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 6 of 7');
  expect((await gvp(page, (g) => g.config)).svrgEvery).toBe(100);
  await page.getByTestId('lesson-prev').click();
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 5 of 7');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 6 of 7');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 5 of 7');
  // → is still one training step, not a lesson.
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => gvp(page, (g) => g.step)).toBe(1);
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 5 of 7');
  await page.getByTestId('lesson-close').click();
  await expect(page.getByTestId('lesson')).toHaveCount(0);
  expect(await lesson(page)).toBeNull();
});

test('the landing panel: first visit only, never with a setup in the URL', async ({ page }) => {
  await page.goto('/?preset=fig8-dup90&backend=cpu');
  await expect(page.locator('#root header')).toBeVisible();
  await expect(page.getByTestId('landing')).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByTestId('landing')).toBeVisible();
  await expect(page.getByTestId('card-fig1-gc2d')).toContainText('Fig. 1');
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('landing-course').click();
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 1 of 7');
  await page.goto('/');
  await expect(page.locator('#root header')).toBeVisible();
  await expect(page.getByTestId('landing')).toHaveCount(0); // dismissed for good
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await page.getByTestId('card-fig8-dup90').click();
  await expect.poll(() => gvp(page, (g) => g.config.dup)).toBe(0.9);
  await expect(page.getByTestId('landing')).toHaveCount(0);
  // The course stays reachable from the page's header.
  await page.getByTestId('course').click();
  await expect(page.getByTestId('lesson-position')).toHaveText('Lesson 1 of 7');
});
