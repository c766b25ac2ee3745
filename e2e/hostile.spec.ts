/**
 * Hostile links, 200 in one page (issue 15, item 5): generated URLs (huge,
 * negative, NaN, ∞, unicode, markup, 10 KB values, repeated and unknown keys), full page and
 * embed. Each gives 0 page errors, 0 injected elements, and a notice naming every field the
 * codec did not take as given (its problems, as the page shows them).
 */
import fc from 'fast-check';
import { parse } from '../src/core/config/codec';
import { FIELDS } from '../src/core/config/schema';
import { expect, test } from './fixtures';

/** Markup that would run or show if interpreted: each leaves a trace we look for. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><gvp-injected></gvp-injected>',
  "'><svg onload=window.__pwned=1>",
  '<script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
];
const VALUES = fc.oneof(
  fc.constantFrom('-5', '0', '-0', 'NaN', 'Infinity', '-Infinity', '1e999', '1e9', '4097', '0x10'),
  fc.constantFrom('64,64,64,64,64,64,64', ',,', 'auto', 'true', 'yes', '😀', '\u202e', '%E0%A4%A'),
  fc.constantFrom(...PAYLOADS),
  fc.string({ maxLength: 8 }),
  fc.constant('9'.repeat(10_000)),
);
const KEYS = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELDS.map((f) => f.key as string)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('zzz', '__proto__', 'preset', '<b>x</b>', 'constructor'),
  },
);
// Hidden or time-consuming runs are kept out: the engine is never waited for here.
const query = fc.array(fc.tuple(KEYS, VALUES), { minLength: 1, maxLength: 6 }).map((pairs) =>
  pairs
    .filter(([k]) => k !== 'autoplay')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&'),
);
const URLS = fc.sample(query, { numRuns: 200, seed: 15 });

test('200 hostile links: no page error, nothing injected, every bad field named', async ({
  page,
}) => {
  test.setTimeout(900_000); // 200 page loads: 7 min on a loaded 2-core machine
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let checked = 0;
  for (const [i, q] of URLS.entries()) {
    const embed = i % 3 === 0;
    const url = `/?${q}&backend=cpu${embed ? '&embed=1' : ''}`;
    const expected = parse(url.slice(1)).problems;
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.locator(embed ? '.embed-bar' : 'header h1').waitFor();
    const notice = page.getByTestId('url-problems');
    if (expected.length === 0) {
      await expect(notice).toHaveCount(0);
    } else {
      const text = (await notice.textContent()) ?? '';
      for (const p of expected.slice(0, 20)) {
        expect(text, url).toContain(embed ? p.key : p.message);
      }
      checked++;
    }
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll('gvp-injected, [onerror], [onload], script:not([src])').length +
        ('__pwned' in window ? 1000 : 0),
    );
    expect(injected, url).toBe(0);
  }
  expect(errors).toEqual([]);
  expect(checked).toBeGreaterThan(120);
});

test('embed=1 shows the link’s problems, compact but visible and announced', async ({ page }) => {
  await page.goto('/?embed=1&bs=-5&lr=NaN&foo=1&backend=cpu');
  const notice = page.getByTestId('url-problems');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(notice.locator('summary')).toHaveText('Settings adjusted: bs, lr, foo');
  await notice.locator('summary').click();
  await expect(notice.getByText('bs=-5 is below the minimum 1; using 1')).toBeVisible();
});
