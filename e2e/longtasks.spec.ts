import { expect, test } from './fixtures';

// Measures main-thread long tasks (> 50 ms) during 30 s of live training with every chart
// drawing. A measurement, not a timed assertion: the figure is reported as an annotation
// (see the closing notes); the test fails only if nothing trained or nothing was observed.
test('main-thread long tasks during 30 s of live training', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.goto(
    `/?preset=fig1-gc2d&every=1&gcEvery=10&svrgEvery=10${process.env.LT_BACKEND ? `&backend=${process.env.LT_BACKEND}` : ''}`,
  );
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { gvp: { status: string } }).gvp.status))
    .toBe('paused');
  await page.getByTestId('play').click();
  await page.waitForTimeout(30_000);
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      __long: number[];
      gvp: { step: number; backend: string; reports(): unknown[] };
    };
    return {
      long: w.__long,
      step: w.gvp.step,
      backend: w.gvp.backend,
      reports: w.gvp.reports().length,
    };
  });
  const summary = {
    backend: result.backend,
    steps: result.step,
    reports: result.reports,
    longTasks: result.long.length,
    longestMs: Math.round(Math.max(0, ...result.long)),
  };
  info.annotations.push({ type: 'longtasks', description: JSON.stringify(summary) });
  console.log(`long tasks during 30 s of training: ${JSON.stringify(summary)}`);
  expect(result.reports).toBeGreaterThan(10);
});
