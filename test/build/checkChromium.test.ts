import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function check(...paths: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['scripts/check-chromium.mjs', ...paths],
      { cwd: ROOT },
      (err, _o, e) => resolve({ code: err ? Number(err.code ?? 1) : 0, stderr: e }),
    ),
  );
}

describe('npm test without Chromium', () => {
  it('stops at once with one line naming the install command', async () => {
    const r = await check('/no/such/chromium');
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'npm test needs Chromium for the e2e tests: install it with `apt-get install -y chromium`',
    ]);
    expect(await check(process.execPath)).toEqual({ code: 0, stderr: '' });
  });

  it('runs before npm test and npm run test:e2e', () => {
    const { scripts } = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8'));
    expect(scripts.pretest).toBe('node scripts/check-chromium.mjs');
    expect(scripts['pretest:e2e']).toBe('node scripts/check-chromium.mjs');
  });
});
