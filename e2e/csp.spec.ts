import { expect, test, watchCsp } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

// WebGPU and WebGL run under the policy in every other spec (the guard is automatic).
test('the built app sends a strict CSP and nosniff, and runs under it (WASM, CPU)', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const res = await page.goto(`/?${SMALL}&backend=wasm&autoplay=1`);
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("worker-src 'self'");
  expect(csp.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(res!.headers()['x-content-type-options']).toBe('nosniff');
  const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
  expect(await meta.getAttribute('content')).toBe(csp);
  await waitForReports(page, 2);
  expect(await gvp(page, (g) => g.backend)).toBe('wasm');
  await page.goto(`/?${SMALL}&backend=cpu&autoplay=1`);
  await waitForReports(page, 2);
  expect(await gvp(page, (g) => g.backend)).toBe('cpu');
  // The exports (PNG draws an SVG blob on a canvas) run under the policy too.
  await page
    .getByRole('button', { name: /export/i })
    .first()
    .click();
  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /variance.*PNG|PNG/ })
    .first()
    .click();
  expect((await download).suggestedFilename()).toMatch(/\.png$/);
});

test('an inline script is refused and the violation is seen (the guard works)', async ({
  browser,
}) => {
  // A context of its own: the automatic guard watches only the test's default context.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    const page = await context.newPage();
    const seen: string[] = [];
    watchCsp(page, seen);
    await page.goto('/?embed=1');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(await page.evaluate(() => 'inlineRan' in window || '__inlineRan' in window)).toBe(false);
    expect(seen.join('\n')).toMatch(/script-src/);
  } finally {
    await context.close();
  }
});
