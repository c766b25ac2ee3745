/**
 * The e2e tests' `test`: Playwright's, with one automatic fixture that fails a test on any
 * Content-Security-Policy violation (build/csp.ts), in the page or its workers: Chromium's
 * "Refused to …" console errors and every `securitypolicyviolation` event are collected from
 * every page of the test's context. Pages from another browser use watchCsp themselves.
 */
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';

export { expect };

const VIOLATION = /Content Security Policy|Content-Security-Policy/i;

/** Collects CSP violations reported by a page and its workers into `into`. */
export function watchCsp(page: Page, into: string[]): void {
  const onConsole = (m: ConsoleMessage) => {
    if (VIOLATION.test(m.text())) into.push(m.text());
  };
  page.on('console', onConsole);
  page.on('worker', (w) => w.on('console', onConsole));
}

/** Logs each securitypolicyviolation event (the console watcher picks it up). */
function reportViolations(): void {
  const log = (e: SecurityPolicyViolationEvent) =>
    console.error(
      `Content Security Policy violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`,
    );
  document.addEventListener('securitypolicyviolation', log);
}

export const test = base.extend<{ cspGuard: void }>({
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(reportViolations);
      context.pages().forEach((p) => watchCsp(p, violations));
      context.on('page', (p) => watchCsp(p, violations));
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});
