import { csvParseRows } from 'd3';
import fc from 'fast-check';
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
  safeText,
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
  it('JSON: {app, exportedAt, preset, query, config, backend, reports, events}', () => {
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
    ]);
    expect(json.app).toBe(APP);
    expect(parse(json.query).config).toEqual(config);
    expect(json.config).toEqual(config);
    expect(json.reports).toHaveLength(4);
    expect(json.reports[2].loss).toBeNull(); // JSON has no NaN
    expect(json.events).toEqual(events);
  });

  it('CSV: the configuration in # lines, then one row per report, every cell in its column', () => {
    const text = runCsv(run);
    const lines = text.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      `# ${APP} run export`,
      `# config: ${run.query.replace(/,/g, '%2C')}`,
      '# backend: cpu',
      '# preset: fig8-dup90',
      '# exported: 2026-01-02T03:04:05.000Z',
    ]);
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
    // base (with clipped), 2 exact + 3 sampled (with the authors' NV) per estimator, events
    expect(csvColumns()).toHaveLength(10 + 5 * ESTIMATORS.length + 1);
  });
});

describe('a decimated history says so in the file', () => {
  it('CSV: a # decimated: line; JSON: a decimated field; absent when all is there', () => {
    const note = 'reports up to step 99: 10 of 100 kept (first and last ...)';
    const csv = runCsv({ ...run, decimated: note });
    expect(csv.split('\n')).toContain(`# decimated: ${note}`);
    expect(JSON.parse(runJson({ ...run, decimated: note })).decimated).toBe(note);
    expect(runCsv(run)).not.toContain('# decimated');
    expect(JSON.parse(runJson(run))).not.toHaveProperty('decimated');
  });
});

describe('hostile text in the CSV', () => {
  const injection = 'x\n1,2,3\n=HYPERLINK("http://evil.example","click")';

  it("the issue's injected preset stays on its comment line, one cell, no formula", () => {
    const text = runCsv({ ...run, preset: injection });
    const lines = text.split('\n');
    const preset = lines.filter((l) => l.startsWith('# preset:'));
    expect(preset).toHaveLength(1);
    expect(preset[0]).not.toMatch(/[,;"]/);
    // Nothing but comment lines before the header, and the header is the one we wrote.
    const firstData = lines.findIndex((l) => !l.startsWith('#'));
    expect(lines[firstData]).toBe(csvColumns().join(','));
    expect(readCsv(text)[0]).toEqual(csvColumns());
    expect(text).not.toMatch(/^=/m);
  });

  it('text cells starting with = + - @ tab or CR are neutralised, numbers are not', () => {
    for (const s of ['=1+1', '+1', '-cmd', '@SUM(A1)', '\tx', '\rx'])
      expect(safeText(s)).toBe(`'${s}`);
    for (const s of ['change@3', 'a=b', '', 'gc@0 objective -1']) expect(safeText(s)).toBe(s);
  });

  it('any event text and preset: rows keep their columns, no cell starts a formula', () => {
    const text = fc.string({ unit: 'grapheme-composite', maxLength: 60 });
    const anyEvent = fc.oneof(
      fc.record({ kind: fc.constant('reset' as const), step: fc.nat(20), reason: text }),
      fc.record({
        kind: fc.constant('backend' as const),
        step: fc.nat(20),
        from: text,
        to: text,
        reason: text,
      }),
      fc.record({
        kind: fc.constant('change' as const),
        step: fc.nat(20),
        field: text,
        from: text,
        to: text,
      }),
    );
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 6 }), text, (evs, preset) => {
        const sorted = [...evs].sort((a, b) => a.step - b.step);
        const out = runCsv({ ...run, preset, events: sorted });
        const body = out
          .split('\n')
          .filter((l) => l.startsWith('#'))
          .every((l) => !/[,;"\r]/.test(l));
        expect(body).toBe(true);
        const [header, ...rows] = csvParseRows(
          out
            .split('\n')
            .filter((l) => !l.startsWith('# '))
            .join('\n'),
        );
        expect(header).toEqual(csvColumns());
        for (const r of rows.filter((r) => r.length > 1)) {
          expect(r).toHaveLength(header.length);
          for (const c of r) if (!/^-?(\d|Infinity)/.test(c)) expect(c).not.toMatch(/^[=+\-@\t\r]/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the run summary, when the writer adds it: in the JSON, and as # summary lines named as a sweep CSV's columns", () => {
    const summary = summarizeRun(run.reports)!;
    const json = JSON.parse(runJson({ ...run, summary }));
    expect(json.summary.estimators).toEqual(summary.estimators);
    expect(json.summary).toMatchObject({ steps: 6, reports: 4, bSimple: { mean: 7, max: 7 } });
    const lines = runCsv({ ...run, summary }).split('\n');
    const own = lines.filter((l) => l.startsWith('# summary '));
    expect(lines.slice(5, 5 + own.length)).toEqual(own);
    expect(own.slice(0, 3)).toEqual([
      '# summary steps: 6',
      '# summary reports: 4',
      `# summary loss: ${1 / 7}`,
    ]);
    expect(own).toContain('# summary SG-B variance mean: 4');
    expect(own).toContain('# summary SG-2B normalizedVariance max: 0.2');
    expect(own).toContain('# summary bSimple max: 7');
    expect(own).toContain('# summary SG-B sampled variance max: 5');
    expect(runCsv(run)).not.toContain('# summary');
  });
});
