import { readFileSync, writeFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { gvp, SMALL, waitForReports } from './gvp';

const QUERY = `${SMALL}&backend=cpu`;

async function pausedWithReports(page: Page) {
  await page.goto(`/?${QUERY}&autoplay=1`);
  await waitForReports(page, 4);
  await page.getByTestId('pause').click();
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.waitForTimeout(300); // the last reports reach the UI
}

async function save(
  page: Page,
  click: () => Promise<void>,
): Promise<{ d: Download; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { d, text: readFileSync(path!, 'utf8') };
}

test('metrics as CSV and JSON: every report and event, with the configuration', async ({
  page,
}) => {
  await pausedWithReports(page);
  const reports = await gvp(page, (g) => g.reports());
  const events = await gvp(page, (g) => g.events());
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');

  const csv = await save(page, () =>
    dialog.getByRole('button', { name: 'Metrics as CSV' }).click(),
  );
  expect(csv.d.suggestedFilename()).toMatch(/^gvp-xor-step\d+\.csv$/);
  const lines = csv.text.trim().split('\n');
  expect(lines).toContain(`# backend: cpu`);
  const configLine = lines.find((l) => l.startsWith('# config: '))!;
  expect(configLine).toContain('data=xor');
  expect(configLine).toContain('bs=8');
  const table = lines.filter((l) => !l.startsWith('#'));
  const header = table[0].split(',');
  expect(header.slice(0, 2)).toEqual(['step', 'epoch']);
  const rows = table.slice(1).filter((l) => l.split(',')[1] !== ''); // report rows
  expect(rows).toHaveLength(reports.length);
  const lossCol = header.indexOf('loss');
  const sgb = header.indexOf('SG-B variance');
  const eventsCol = header.indexOf('events');
  expect(eventsCol).toBe(header.length - 1);
  rows.forEach((row, i) => {
    const cells = row.split(',');
    expect(Number(cells[0])).toBe(reports[i].step);
    expect(Number(cells[lossCol])).toBeCloseTo(reports[i].loss, 6);
    expect(Number.isFinite(Number(cells[sgb]))).toBe(true);
    for (const c of cells.slice(0, lossCol + 1)) expect(Number.isFinite(Number(c))).toBe(true);
  });
  // Every event is listed once, as kind@step, in the events column (the last cell).
  expect(events.length).toBeGreaterThan(0);
  const listed = table
    .slice(1)
    .map((l) => l.slice(l.split(',', eventsCol).join(',').length + 1).replace(/^"|"$/g, ''))
    .filter((c) => c !== '')
    .flatMap((c) => c.split(' | '));
  expect(listed.map((t) => t.split(' ')[0])).toEqual(
    events.map((e) => `${e.kind}@${(e as { step?: number }).step}`),
  );
  await expect(dialog.getByTestId('export-status')).toHaveText(/^Saved gvp-xor-step\d+\.csv$/);

  const json = await save(page, () =>
    dialog.getByRole('button', { name: 'Metrics as JSON' }).click(),
  );
  const parsed = JSON.parse(json.text);
  expect(parsed.app).toBe('gradient-variance-playground');
  expect(parsed.config).toMatchObject({ data: 'xor', bs: 8, backend: 'cpu' });
  expect(parsed.query).toContain('data=xor');
  expect(parsed.backend).toBe('cpu');
  expect(parsed.reports).toHaveLength(reports.length);
  expect(parsed.reports).toEqual(reports);
  expect(parsed.events).toEqual(events);
});

test('the dialog: keyboard opens it, focus moves in, Escape closes it and focus returns', async ({
  page,
}) => {
  await page.goto(`/?${QUERY}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  const opener = page.getByTestId('export-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export and import' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  for (const name of ['Metrics as CSV', 'Metrics as JSON', 'SVG of variance', 'Download JSON'])
    await expect(dialog.getByRole('button', { name })).toBeVisible();
  await expect(dialog.getByLabel(/Load configuration/)).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('each chart as SVG (with legend and axis labels) and as a 1920 px PNG', async ({ page }) => {
  await pausedWithReports(page);
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  const svg = await save(page, () =>
    dialog.getByRole('button', { name: 'SVG of variance' }).click(),
  );
  expect(svg.d.suggestedFilename()).toMatch(/-variance\.svg$/);
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const label of ['iteration', 'variance (1/d) Σ_j V_j', 'SG-B', 'SG-2B', 'GC', 'SVRG'])
    expect(svg.text).toContain(`>${label}<`);
  expect(svg.text).toMatch(/<path class="line"[^>]*style="[^"]*stroke:/); // styles inlined
  const nv = await save(page, () => dialog.getByRole('button', { name: 'SVG of nv' }).click());
  expect(nv.text).toContain('noise power = signal power');
  // Well-formed XML, a <title> first, then the white background.
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      first: root.firstElementChild?.tagName,
      title: root.querySelector(':scope > title')?.textContent,
      bg: root.querySelector(':scope > rect')?.getAttribute('fill'),
      axisLabels: [...root.querySelectorAll('.axis-label')].map((t) => t.textContent),
    };
  }, svg.text);
  expect(parsed.error).toBeNull();
  expect(parsed.first).toBe('title');
  expect(parsed.title).toMatch(/^Variance/i);
  expect(parsed.bg).toBe('#ffffff');
  expect(parsed.axisLabels).toEqual(['iteration', 'variance (1/d) Σ_j V_j']);

  // The 2-D plane keeps the heat map drawn on the canvas under it, as an embedded PNG.
  const plane = await save(page, () =>
    dialog.getByRole('button', { name: 'SVG of cluster-plane' }).click(),
  );
  expect(plane.text).toMatch(/<image [^>]*href="data:image\/png;base64,[A-Za-z0-9+/=]{200,}"/);

  const [png] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'PNG of accuracy' }).click(),
  ]);
  const bytes = readFileSync((await png.path())!);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.readUInt32BE(16)).toBe(1920); // IHDR width
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(400); // height, aspect kept
  expect(bytes.length).toBeGreaterThan(10_000); // drawn, not blank

  const [planePng] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'PNG of cluster-plane' }).click(),
  ]);
  const planeBytes = readFileSync((await planePng.path())!);
  expect(planeBytes.subarray(1, 4).toString()).toBe('PNG'); // the embedded image did not taint
  expect(planeBytes.readUInt32BE(16)).toBe(1920);
});

test('configuration as JSON: download, edit, load; bad files are refused with a reason', async ({
  page,
}, info) => {
  await page.goto(`/?${QUERY}`);
  await expect.poll(() => gvp(page, (g) => g.status)).toBe('paused');
  await page.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  const file = await save(page, () =>
    dialog.getByRole('button', { name: 'Download JSON' }).click(),
  );
  const saved = JSON.parse(file.text);
  expect(saved.config).toMatchObject({ data: 'xor', bs: 8, hidden: [8] });

  const edited = info.outputPath('edited.json');
  writeFileSync(edited, JSON.stringify({ ...saved, config: { ...saved.config, bs: 16, lr: 0.2 } }));
  await dialog.getByTestId('config-file').setInputFiles(edited);
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/bs=16/);
  await expect(page).toHaveURL(/lr=0\.2/);
  await expect.poll(() => gvp(page, (g) => g.config.bs)).toBe(16);

  const bad = info.outputPath('bad.json');
  await page.getByTestId('export-open').click();
  writeFileSync(bad, '{"bs": 32,');
  await dialog.getByTestId('config-file').setInputFiles(bad);
  await expect(dialog.getByTestId('config-file-error')).toContainText('bad.json: not valid JSON');
  const big = info.outputPath('big.json');
  writeFileSync(big, JSON.stringify({ pad: 'x'.repeat(70_000) }));
  await dialog.getByTestId('config-file').setInputFiles(big);
  await expect(dialog.getByTestId('config-file-error')).toContainText('too large');
  await expect(dialog.getByTestId('config-file')).toHaveValue(''); // the same file can be retried
  const other = info.outputPath('other.json');
  writeFileSync(other, JSON.stringify({ app: 'another-app', config: { bs: 32 } }));
  await dialog.getByTestId('config-file').setInputFiles(other);
  await expect(dialog.getByTestId('config-file-error')).toHaveText(
    'other.json: made by "another-app", not by gradient-variance-playground',
  );
  expect(await gvp(page, (g) => g.config.bs)).toBe(16); // nothing lost
  await expect(page).toHaveURL(/bs=16/);

  const clamped = info.outputPath('clamped.json');
  writeFileSync(clamped, JSON.stringify({ config: { ...saved.config, bs: 99999, colour: 'red' } }));
  await dialog.getByTestId('config-file').setInputFiles(clamped);
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId('url-problems');
  await expect(notice).toContainText('bs');
  await expect(notice).toContainText('colour');
  // 99999 is clamped to the schema's 4096, and the run takes B ≤ N_train (n = 64 here).
  await expect.poll(() => gvp(page, (g) => g.config.bs)).toBe(64);
});
