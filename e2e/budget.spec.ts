/**
 * The resource budget in the browser (issue 15): the three configurations that sat in
 * `loading` for minutes or took gigabytes now give a notice with the figures and a run that
 * starts (the time to the first ready state is recorded as an annotation, not asserted: speed
 * belongs to benchmarks; the aim is 10 s).
 */
import { expect, test } from './fixtures';
import { gvp } from './gvp';

const CASES = [
  {
    url: 'data=teacher&n=60000&dim=2000&th=10000&hidden=4096,4096,4096,4096,4096,4096&pool=60000&bs=4096',
    notice: /Not started: too large for this device: one training step about/,
    data: 'blobs', // refused, and no run to keep: the defaults start
    scaled: false,
  },
  {
    url: 'n=1e9&hidden=100000&pool=60000&backend=cpu',
    notice: /Scaled to fit this device: pool 60000 → \d+\. As asked: peak memory/,
    data: 'blobs',
    scaled: true,
  },
  {
    url: 'data=mnist&n=1e9&hidden=100000&pool=60000&backend=cpu',
    notice: /Scaled to fit this device: pool 8000 → \d+/,
    data: 'mnist',
    scaled: true,
  },
];

for (const c of CASES) {
  test(`over the budget: a notice and a run (${c.url.slice(0, 40)}…)`, async ({ page }) => {
    test.setTimeout(120_000);
    const t0 = Date.now();
    await page.goto(`/?${c.url}`);
    await expect
      .poll(() => gvp(page, (g) => g.status), { timeout: 90_000, intervals: [100] })
      .toMatch(/^(paused|playing)$/);
    test
      .info()
      .annotations.push({ type: 'time to a run (ms)', description: String(Date.now() - t0) });
    await expect(page.getByTestId('url-problems')).toContainText(c.notice);
    const config = await gvp(page, (g) => g.config);
    expect(config.data).toBe(c.data);
    if (c.data !== 'blobs' || c.url.includes('pool=60000&backend'))
      expect(config.pool).toBeLessThan(60000);
  });
}
