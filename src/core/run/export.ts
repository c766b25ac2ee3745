/**
 * The one export format of a run, shared by the experiment CLI and the browser's "Export"
 * menu, so a file from either reads the same way.
 *
 * JSON: {app, exportedAt, preset, query, config, backend, reports, events, summary}; reports and
 * events exactly as the engine sent them (non-finite numbers become null: JSON has no NaN or ∞);
 * summary = summarizeRun(reports) (summary.ts), null without reports.
 *
 * CSV (RFC 4180, UTF-8): `#` comment lines with the metadata (`# config: <URL query>`,
 * `# backend:`, `# preset:`, `# exported:`, then the run summary as `# summary <name>: <value>`
 * with the names of a sweep's CSV columns, summaryColumns.ts), a header, then one row per report: step, epoch,
 * lr, loss, acc, testAcc, gradNorm2, meanExampleGradNorm2, bSimple, each estimator's
 * `variance` and `normalizedVariance`, the same for the sampled protocol, and `events`.
 * Absent values are empty cells; NaN and ±Infinity are written as `NaN`, `Infinity`,
 * `-Infinity`. The `events` cell lists, as "kind@step detail" joined by " | ", the events not
 * yet listed whose step is at or before the row's step; events after the last report get a
 * final row with only step and events. `#` appears only in the comment lines (replaced by
 * "no." in event text), so pandas' `read_csv(path, comment='#')` and spreadsheets both read it.
 */
import type { Config } from '../config/schema';
import { ESTIMATORS } from '../stats/types';
import type { EngineEvent, Report } from './records';
import { summarizeRun } from './summary';
import { summaryValues } from './summaryColumns';

export const APP = 'gradient-variance-playground';

export interface RunRecord {
  exportedAt: string;
  preset: string | null;
  /** The URL query string that reproduces the run. */
  query: string;
  config: Config;
  backend: string;
  reports: readonly Report[];
  events: readonly EngineEvent[];
}

export function runJson(run: RunRecord): string {
  return `${JSON.stringify({ app: APP, ...run, summary: summarizeRun(run.reports) }, null, 1)}\n`;
}

const BASE = [
  'step',
  'epoch',
  'lr',
  'loss',
  'acc',
  'testAcc',
  'gradNorm2',
  'meanExampleGradNorm2',
  'bSimple',
] as const;

/** Column names: base quantities, then each estimator's exact and sampled pair, then events. */
export function csvColumns(): string[] {
  const cols: string[] = [...BASE];
  for (const id of ESTIMATORS) cols.push(`${id} variance`, `${id} normalizedVariance`);
  for (const id of ESTIMATORS)
    cols.push(`${id} sampled variance`, `${id} sampled normalizedVariance`);
  cols.push('events');
  return cols;
}

/** One event as text, e.g. `change@40 lr 0.05 → 0.1`. Never contains '#' (the comment mark). */
export function eventText(e: EngineEvent): string {
  const detail = (() => {
    switch (e.kind) {
      case 'change':
        return `${e.field} ${e.from} → ${e.to}`;
      case 'reset':
        return e.reason;
      case 'gc':
        return `objective ${e.objective}`;
      case 'diverged':
        return e.what;
      case 'backend':
        return `${e.from} → ${e.to}: ${e.reason}`;
      default:
        return '';
    }
  })();
  return `${e.kind}@${e.step}${detail ? ` ${detail}` : ''}`.replace(/#/g, 'no.');
}

/** RFC 4180 quoting where needed. */
function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `# summary <name>: <value>` for the run's steps, reports and every measured summary value. */
function summaryLines(reports: readonly Report[]): string[] {
  const s = summarizeRun(reports);
  if (!s) return [];
  const values = { steps: s.steps, reports: s.reports, ...summaryValues(s) };
  return Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `# summary ${k}: ${v}`);
}

export function runCsv(run: RunRecord): string {
  const meta = [
    `# ${APP} run export`,
    `# config: ${run.query}`,
    `# backend: ${run.backend}`,
    ...(run.preset ? [`# preset: ${run.preset}`] : []),
    `# exported: ${run.exportedAt}`,
    ...summaryLines(run.reports),
  ];
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  let e = 0;
  const rows = run.reports.map((r) => {
    const out = BASE.map((k) => cell(r[k]));
    for (const group of [r.estimators, r.sampled ?? {}]) {
      for (const id of ESTIMATORS)
        out.push(cell(group[id]?.variance), cell(group[id]?.normalizedVariance));
    }
    const since: string[] = [];
    while (e < run.events.length && run.events[e].step <= r.step)
      since.push(eventText(run.events[e++]));
    out.push(quote(since.join(' | ')));
    return out.join(',');
  });
  const rest = run.events.slice(e);
  if (rest.length) {
    // Events after the last report get a row of their own (only step and events filled).
    const blanks = csvColumns().length - 2;
    rows.push(
      [rest.at(-1)!.step, ...Array(blanks).fill(''), quote(rest.map(eventText).join(' | '))].join(
        ',',
      ),
    );
  }
  return [...meta, csvColumns().join(','), ...rows].join('\n') + '\n';
}
