import { expect, test } from './fixtures';
import { PRESETS } from '../src/core/config/presets';

// Every preset of the paper's figures loads and streams reports (on the CPU backend, so that
// the MNIST preset stays quick on a 2-core CI machine; WebGPU is covered in app.spec.ts).
for (const preset of PRESETS) {
  test(`preset ${preset.name} loads and streams reports`, async ({ page }) => {
    test.setTimeout(150_000); // fig3-mnist: ~50 s to the first reports on 2 busy cores
    await page.goto(`/?preset=${preset.name}&backend=cpu&autoplay=1`);
    await expect(page.getByTestId('preset-caption')).toContainText(preset.claim.slice(0, 30));
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (window as unknown as { gvp: { reports(): unknown[] } }).gvp.reports().length,
          ),
        { timeout: 120_000 },
      )
      .toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('url-problems')).toHaveCount(0);
  });
}

test('README screenshot of the playground', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?preset=fig8-dup90&backend=cpu&autoplay=1');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { gvp: { step: number } }).gvp.step), {
      timeout: 50_000,
    })
    .toBeGreaterThanOrEqual(200);
  await page.screenshot({ path: 'test-results/playground.png', fullPage: false });
});
