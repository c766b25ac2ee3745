import { expect, test } from './fixtures';

interface LongTask {
  /** ms after Play was pressed (negative: before). */
  at: number;
  ms: number;
}

// Measures main-thread long tasks (> 50 ms) over 30 s of live training with every chart
// drawing (fig1-gc2d at every=1, re-clustering and SVRG snapshots every 10 steps); the goal
// is none. A measurement, not a timed assertion (it depends on the machine's load): the
// figures are reported as an annotation and in the log, and the test fails only if nothing
// trained. Tasks that start after Play count; the page's start-up is listed apart.
test('main-thread long tasks during 30 s of live training', async ({ page }, info) => {
  test.setTimeout(90_000);
  await page.goto(
    `/?preset=fig1-gc2d&every=1&gcEvery=10&svrgEvery=10${process.env.LT_BACKEND ? `&backend=${process.env.LT_BACKEND}` : ''}`,
  );
  await page.evaluate(() => {
    const w = window as unknown as { __long: { start: number; ms: number }[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { gvp: { status: string } }).gvp.status))
    .toBe('paused');
  const playedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('play').click();
  await page.waitForTimeout(30_000);
  const result = await page.evaluate(() => {
    const w = window as unknown as {
      __long: { start: number; ms: number }[];
      gvp: { step: number; backend: string; reports(): unknown[] };
    };
    return {
      long: w.__long,
      step: w.gvp.step,
      backend: w.gvp.backend,
      reports: w.gvp.reports().length,
    };
  });
  const tasks: LongTask[] = result.long.map((t) => ({
    at: Math.round(t.start - playedAt),
    ms: Math.round(t.ms),
  }));
  const training = tasks.filter((t) => t.at >= 0);
  const summary = {
    backend: result.backend,
    steps: result.step,
    reports: result.reports,
    longTasks: training.length,
    longestMs: Math.max(0, ...training.map((t) => t.ms)),
    training,
    beforePlay: tasks.filter((t) => t.at < 0),
  };
  info.annotations.push({ type: 'longtasks', description: JSON.stringify(summary) });
  console.log(`long tasks during 30 s of training: ${JSON.stringify(summary)}`);
  expect(result.reports).toBeGreaterThan(10);
});
