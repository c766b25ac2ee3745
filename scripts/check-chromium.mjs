#!/usr/bin/env node
/**
 * `npm test` (and `npm run test:e2e`) start here: without a Chromium for the e2e tests, stop
 * at once with one line naming the install command, instead of failing minutes later.
 * The browsers looked for are e2e/chromium.ts's: Playwright's own Chromium, else Debian's
 * /usr/bin/chromium. Paths given as arguments are checked instead (for tests).
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const candidates =
  process.argv.length > 2
    ? process.argv.slice(2)
    : [chromium.executablePath(), '/usr/bin/chromium'];
if (!candidates.some((p) => p && existsSync(p))) {
  process.stderr.write(
    'npm test needs Chromium for the e2e tests: install it with `apt-get install -y chromium`\n',
  );
  process.exit(1);
}
