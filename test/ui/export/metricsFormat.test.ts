import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../src/core/config/codec';
import { ESTIMATORS } from '../../../src/core/stats/types';
import type { EngineEvent, Report } from '../../../src/core/run/records';
import {
  APP,
  csvColumns,
  eventText,
  runCsv,
  runJson,
  type RunRecord,
} from '../../../src/core/run/export';
import { summarizeRun } from '../../../src/core/run/summary';

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines), '#' lines skipped. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (lineStart && !quoted && c === '#') {
      i = text.indexOf('\n', i); // like pandas read_csv(comment='#') on a whole-line comment
      if (i < 0) break;
      continue;
    }
    lineStart = false;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      lineStart = true;
    } else cell += c;
  }
  return rows;
}

const point = (v: number) => ({ variance: v, normalizedVariance: v / 10 });
const report = (step: number, extra: Partial<Report> = {}): Report => ({
  step,
  epoch: step / 8,
  lr: 0.1,
  loss: 1 / (step + 1),
  acc: 0.5,
  testAcc: 0.25,
  gradNorm2: 2,
  meanExampleGradNorm2: 3,
  bSimple: null,
  estimators: { 'SG-B': point(4), 'SG-2B': point(2), GC: point(1), SVRG: point(0.5) },
  ...extra,
});

const config = parse('data=xor&hidden=8,8&bs=8').config;
const events: EngineEvent[] = [
  { kind: 'gc', step: 0, objective: 1.5 },
  { kind: 'change', step: 3, field: 'lr', from: '0.1', to: '0.2' },
  { kind: 'backend', step: 4, from: 'webgpu', to: 'cpu', reason: 'device "lost", #2\nagain' },
  { kind: 'svrg', step: 4 },
  { kind: 'done', step: 9 },
];
const run: RunRecord = {
  exportedAt: '2026-01-02T03:04:05.000Z',
  preset: 'fig8-dup90',
  query: serialize(config),
  config,
  backend: 'cpu',
  reports: [
    report(0),
    report(2, { sampled: { 'SG-B': point(5) } }),
    report(4, { loss: NaN, bSimple: 7 }),
    report(6),
  ],
  events,
};

describe('metrics export format (shared by the experiment CLI and the browser)', () => {
  it('JSON: {app, exportedAt, preset, query, config, backend, reports, events, summary}', () => {
    const json = JSON.parse(runJson(run));
    expect(Object.keys(json)).toEqual([
      'app',
      'exportedAt',
      'preset',
      'query',
      'config',
      'backend',
      'reports',
      'events',
      'summary',
    ]);
    expect(json.app).toBe(APP);
    expect(parse(json.query).config).toEqual(config);
    expect(json.config).toEqual(config);
    expect(json.reports).toHaveLength(4);
    expect(json.reports[2].loss).toBeNull(); // JSON has no NaN
    expect(json.events).toEqual(events);
    // The run summary, as summarizeRun computes it (late window: steps ≥ 0.3 × 6).
    const summary = summarizeRun(run.reports)!;
    expect(json.summary.estimators).toEqual(summary.estimators);
    expect(json.summary).toMatchObject({ steps: 6, reports: 4, bSimple: { mean: 7, max: 7 } });
    expect(json.summary.loss).toBe(1 / 7);
    expect(JSON.parse(runJson({ ...run, reports: [] })).summary).toBeNull();
  });

  it('CSV: the configuration in # lines, then one row per report, every cell in its column', () => {
    const text = runCsv(run);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `# ${APP} run export`,
      `# config: ${run.query}`,
      '# backend: cpu',
      '# preset: fig8-dup90',
      '# exported: 2026-01-02T03:04:05.000Z',
    ]);
    // Then the run summary, named as a sweep's CSV columns.
    const summary = lines.filter((l) => l.startsWith('# summary '));
    expect(lines.slice(5, 5 + summary.length)).toEqual(summary);
    expect(summary.slice(0, 3)).toEqual([
      '# summary steps: 6',
      '# summary reports: 4',
      `# summary loss: ${1 / 7}`,
    ]);
    expect(summary).toContain('# summary SG-B variance mean: 4');
    expect(summary).toContain('# summary SG-2B normalizedVariance max: 0.2');
    expect(summary).toContain('# summary bSimple max: 7');
    expect(summary).toContain('# summary SG-B sampled variance max: 5');
    // '#' only starts comment lines, so pandas' comment='#' never cuts a data line short.
    expect(lines.filter((l) => !l.startsWith('#')).join('\n')).not.toContain('#');

    const [header, ...rows] = readCsv(text);
    expect(header).toEqual(csvColumns());
    expect(header.slice(0, 3)).toEqual(['step', 'epoch', 'lr']);
    expect(header).toContain('SVRG normalizedVariance');
    expect(header).toContain('SG-B sampled variance');
    expect(header.at(-1)).toBe('events');
    for (const r of rows) expect(r).toHaveLength(header.length);
    const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);
    // Four report rows, then one row for the event after the last report.
    expect(col('step')).toEqual(['0', '2', '4', '6', '9']);
    expect(col('loss')).toEqual(['1', String(1 / 3), 'NaN', String(1 / 7), '']);
    expect(col('bSimple')).toEqual(['', '', '7', '', '']);
    expect(col('SG-B variance').slice(0, 4)).toEqual(['4', '4', '4', '4']);
    expect(col('GC normalizedVariance')[0]).toBe('0.1');
    expect(col('SG-B sampled variance')).toEqual(['', '5', '', '', '']);
    expect(col('SG-2B sampled variance')).toEqual(['', '', '', '', '']);
    expect(col('events')).toEqual([
      'gc@0 objective 1.5',
      '',
      `change@3 lr 0.1 → 0.2 | backend@4 webgpu → cpu: device "lost", no.2\nagain | svrg@4`,
      '',
      'done@9',
    ]);
  });

  it('every event appears exactly once, after every report at or before its step', () => {
    const [header, ...rows] = readCsv(runCsv({ ...run, events: [...events].reverse() }));
    const cells = rows.map((r) => r[header.length - 1]).filter((c) => c !== '');
    const listed = cells.flatMap((c) => c.split(' | '));
    expect(listed).toHaveLength(events.length);
    // Out of order, events are neither dropped nor repeated.
    expect(new Set(listed)).toEqual(new Set(events.map(eventText)));
  });

  it('no events, no reports: just the metadata and the header', () => {
    const text = runCsv({ ...run, preset: null, reports: [], events: [] });
    expect(text).not.toContain('# preset');
    expect(readCsv(text)).toEqual([csvColumns()]);
    expect(csvColumns()).toHaveLength(9 + 4 * ESTIMATORS.length + 1);
  });
});
