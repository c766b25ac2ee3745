import { expect, type Page } from '@playwright/test';

/** The parts of `window.gvp` (src/ui/gvp.ts, README) the e2e tests read. */
export interface Gvp {
  backend: string | null;
  status: string;
  step: number;
  config: Record<string, unknown>;
  reports(): { step: number; loss: number; estimators: Record<string, { variance: number }> }[];
  events(): { kind: string }[];
  clusters(): { K: number; sizes: number[] } | null;
}

/** Evaluates fn(window.gvp) in the page (fn must not close over test variables). */
export async function gvp<T>(page: Page, fn: (g: Gvp) => T): Promise<T> {
  return page.evaluate(`(${fn.toString()})(window.gvp)`) as Promise<T>;
}

export async function waitForReports(page: Page, count: number, timeout = 45_000) {
  await expect
    .poll(() => gvp(page, (g) => g.reports().length), { timeout, intervals: [250] })
    .toBeGreaterThanOrEqual(count);
}

/** A tiny problem that trains fast on any backend. */
export const SMALL = 'data=xor&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64';
