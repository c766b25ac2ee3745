import { expect, test } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

test('trains on WebGPU and streams finite reports to the charts', async ({ page }) => {
  await page.goto(`/?${SMALL}&backend=webgpu&autoplay=1`);
  await waitForReports(page, 3);
  expect(await gvp(page, (g) => g.backend)).toBe('webgpu');
  await expect(page.getByTestId('backend-badge')).toContainText('WebGPU');
  const reports = await gvp(page, (g) => g.reports());
  for (const r of reports) {
    expect(Number.isFinite(r.loss)).toBe(true);
    for (const id of ['SG-B', 'SG-2B']) expect(r.estimators[id].variance).toBeGreaterThan(0);
    // GC has no clusters until its first clustering, which follows the first report.
    if (r.step > 0) expect(r.estimators.GC.variance).toBeGreaterThan(0);
    // SVRG is exactly 0 at a snapshot step (θ = θ~), positive in between.
    expect(r.estimators.SVRG.variance).toBeGreaterThanOrEqual(0);
  }
  await expect(page.getByTestId('chart-variance').locator('path').first()).toBeVisible();
  await expect.poll(() => gvp(page, (g) => g.clusters()?.K)).toBe(4);
});

test('forcing backend=cpu works', async ({ page }) => {
  await page.goto(`/?${SMALL}&backend=cpu&autoplay=1`);
  await waitForReports(page, 3);
  expect(await gvp(page, (g) => g.backend)).toBe('cpu');
});

test('every backend computes the statistics the CPU backend does (7-layer MLP)', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The deepest network the schema allows (6 hidden layers): sums over layers hit tfjs's
  // per-kernel input limits on WebGPU first. Reports at steps 0, 2 and 4 (after training).
  const deep = 'data=spiral&n=64&hidden=8,8,8,8,8,8&bs=8&every=2&pool=64&k=4&steps=5&seed=4';
  type Row = Record<string, number>;
  const rows = async (backend: string): Promise<{ backend: string | null; rows: Row[] }> => {
    await page.goto(`/?${deep}&backend=${backend}&autoplay=1`);
    await waitForReports(page, 3);
    return gvp(page, (g) => ({
      backend: g.backend,
      rows: g
        .reports()
        .slice(0, 3)
        .map((r) => {
          const e = r.estimators as Record<
            string,
            { variance: number; normalizedVariance: number }
          >;
          const x = r as unknown as Record<string, number>;
          return {
            step: r.step,
            loss: r.loss,
            gradNorm2: x.gradNorm2,
            meanExampleGradNorm2: x.meanExampleGradNorm2,
            sgb: e['SG-B'].variance,
            sgbNV: e['SG-B'].normalizedVariance,
            sg2b: e['SG-2B'].variance,
            svrg: e.SVRG.variance,
          };
        }),
    }));
  };
  const cpu = await rows('cpu');
  expect(cpu.backend).toBe('cpu');
  expect(cpu.rows.map((r) => r.step)).toEqual([0, 2, 4]);
  for (const backend of ['webgpu', 'webgl', 'wasm']) {
    const other = await rows(backend);
    if (other.backend !== backend && backend === 'webgl') continue; // may be unavailable
    expect(other.backend).toBe(backend);
    let worst = 0;
    other.rows.forEach((row, i) => {
      for (const [key, want] of Object.entries(cpu.rows[i])) {
        const got = row[key];
        // float32 on both sides; SVRG is a small difference of nearby gradients (absolute).
        const scale = key === 'svrg' ? Math.max(Math.abs(want), cpu.rows[i].sgb) : Math.abs(want);
        worst = Math.max(worst, Math.abs(got - want) / (scale + 1e-30));
        expect(
          Math.abs(got - want),
          `${backend} step ${row.step} ${key}: ${got} vs ${want}`,
        ).toBeLessThanOrEqual(1e-4 * scale + 1e-7);
      }
    });
    console.log(`${backend} vs cpu: largest relative difference ${worst.toExponential(1)}`);
  }
});

test('a hostile URL shows notices and still runs', async ({ page }) => {
  await page.goto(`/?bs=-5&lr=abc&data=<script>&n=64&hidden=8&every=2&backend=cpu&autoplay=1`);
  const notice = page.getByTestId('url-problems');
  await expect(notice).toContainText('bs=-5');
  await expect(notice).toContainText('lr=abc');
  await expect(notice).toContainText('data=<script>');
  await waitForReports(page, 2);
  await notice.getByRole('button', { name: /dismiss/i }).click();
  await expect(notice).toHaveCount(0);
});

test('a control changes the run and the URL; the URL reproduces the setup', async ({ page }) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const lr = page.locator('#f-lr');
  await lr.fill('0.2');
  await lr.press('Enter');
  await expect(page).toHaveURL(/lr=0\.2/);
  // The batch slider is logarithmic (a position is not a batch size): type B in its box.
  await page.locator('#f-bs').fill('16');
  await page.locator('#f-bs').press('Enter');
  await expect(page).toHaveURL(/bs=16/);
  await page.getByTestId('step').click();
  await expect.poll(() => gvp(page, (g) => g.events().some((e) => e.kind === 'change'))).toBe(true);
  const url = page.url();
  const copy = await page.context().newPage();
  await copy.goto(url);
  await expect.poll(() => gvp(copy, (g) => g.config.lr)).toBe(0.2);
  expect(await gvp(copy, (g) => g.config.bs)).toBe(16);
  expect(await gvp(copy, (g) => g.config)).toEqual(await gvp(page, (g) => g.config));
});

test('a lost WebGPU device: the run continues on the next backend and says so', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}&backend=webgpu&autoplay=1`);
  await waitForReports(page, 3);
  expect(await gvp(page, (g) => g.backend)).toBe('webgpu');
  const before = await gvp(page, (g) => g.reports().length);
  await page.evaluate(() =>
    (window as unknown as { __gvpSimulateDeviceLoss(): void }).__gvpSimulateDeviceLoss(),
  );
  await expect
    .poll(() => gvp(page, (g) => g.events().some((e) => e.kind === 'backend')), { timeout: 30_000 })
    .toBe(true);
  expect(await gvp(page, (g) => g.backend)).not.toBe('webgpu');
  await waitForReports(page, before + 3, 120_000);
  const steps = await gvp(page, (g) => g.reports().map((r) => r.step));
  for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
  await expect(page.getByTestId('backend-badge')).not.toContainText('WebGPU');
});

test('choosing another backend in the controls moves the run to it (URL and engine agree)', async ({
  page,
}) => {
  await page.goto(`/?${SMALL}&backend=cpu`);
  await expect.poll(() => gvp(page, (g) => g.backend)).toBe('cpu');
  await page.locator('#f-backend').selectOption('wasm');
  await expect.poll(() => gvp(page, (g) => g.backend)).toBe('wasm');
  await expect(page).toHaveURL(/backend=wasm/);
  await expect(page.getByTestId('backend-badge')).toContainText(/WASM/i);
  await page.getByTestId('play').click();
  await waitForReports(page, 2);
  expect(await gvp(page, (g) => g.backend)).toBe('wasm');
  // Reset keeps the chosen backend: the engine restarts the configuration it holds.
  await page.getByTestId('reset').click();
  await expect.poll(() => gvp(page, (g) => g.step)).toBe(0);
  expect(await gvp(page, (g) => g.backend)).toBe('wasm');
});
