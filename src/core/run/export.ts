/**
 * The one export format of a run, shared by the experiment CLI and the browser's "Export"
 * menu, so a file from either reads the same way.
 *
 * JSON: {app, exportedAt, preset, query, config, backend, summary?, costs?, reports, events}; reports
 * and events exactly as the engine sent them (non-finite numbers become null: JSON has no NaN
 * or ∞); `summary` (summary.ts) and `costs` (costs.ts) when the writer adds them, e.g. the
 * experiment CLI.
 *
 * CSV (RFC 4180, UTF-8): `#` comment lines with the metadata (`# config: <URL query>`,
 * `# backend:`, `# preset:`, `# exported:`, `# decimated:` when the page's bounded history
 * left reports out, and the run summary when the record has one, as `# summary <name>: <value>`
 * named as a sweep CSV's columns, summaryColumns.ts), a header, then one row per report: step,
 * epoch, lr, loss, acc, testAcc, gradNorm2, meanExampleGradNorm2, bSimple, clipped (the
 * fraction of steps clipped since the previous row, empty without clipping), each estimator's
 * `variance` and `normalizedVariance`, the same for the sampled protocol with its
 * `normalizedVarianceAuthors` (the authors' code's NV), and `events`.
 * Absent values are empty cells; NaN and ±Infinity are written as `NaN`, `Infinity`,
 * `-Infinity`. The `events` cell lists, as "kind@step detail" joined by " | ", the events not
 * yet listed whose step is at or before the row's step; events after the last report get a
 * final row with only step and events. `#` appears only in the comment lines (replaced by
 * "no." in event text), so pandas' `read_csv(path, comment='#')` and spreadsheets both read it.
 *
 * Hostile text (a preset name or an error message from a URL) can neither add a row nor run
 * as a formula: cells are quoted by d3-dsv's csvFormatRows; a text cell starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe (a spreadsheet shows it as
 * text); a comment line's value has its control characters, line separators, commas,
 * semicolons, quotes and backslashes written as \uXXXX, so it stays one line and one cell.
 */
import { csvFormatRows } from 'd3';
import type { Config } from '../config/schema';
import { ESTIMATORS, type EstimatorId } from '../stats/types';
import type { EngineEvent, Report } from './records';
import type { RunSummary } from './summary';
import { summaryValues } from './summaryColumns';

export const APP = 'gradient-variance-playground';

export interface RunRecord {
  exportedAt: string;
  preset: string | null;
  /** The URL query string that reproduces the run. */
  query: string;
  config: Config;
  backend: string;
  /** The run summary (summarizeRun); null when no report. */
  summary?: RunSummary | null;
  /** Each estimator's cost in gradient evaluations per estimate (costs.ts). */
  costs?: Partial<Record<EstimatorId, number>>;
  reports: readonly Report[];
  events: readonly EngineEvent[];
  /**
   * What a long run's browser export left out (the page keeps a bounded history), in
   * words; absent when every report and event is there (always, from the CLI).
   */
  decimated?: string;
}

export function runJson(run: RunRecord): string {
  return `${JSON.stringify({ app: APP, ...run }, null, 1)}\n`;
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
  'clipped',
] as const;

/** Column names: base quantities, then each estimator's exact and sampled pair, then events. */
export function csvColumns(): string[] {
  const cols: string[] = [...BASE];
  for (const id of ESTIMATORS) cols.push(`${id} variance`, `${id} normalizedVariance`);
  for (const id of ESTIMATORS) {
    cols.push(`${id} sampled variance`, `${id} sampled normalizedVariance`);
    cols.push(`${id} sampled normalizedVarianceAuthors`);
  }
  cols.push('events');
  return cols;
}

/** One event as text, e.g. `change@40 lr 0.05 → 0.1`. Never contains '#' (the comment mark). */
export function eventText(e: EngineEvent): string {
  const detail = (() => {
    switch (e.kind) {
      case 'change':
        return `${e.field} ${e.from} → ${e.to}${e.note ? ` (${e.note})` : ''}`;
      case 'reset':
        return e.reason;
      case 'gc':
        return `objective ${e.objective}`;
      case 'diverged':
        return e.what;
      case 'backend':
        return `${e.from} → ${e.to}: ${e.reason}`;
      case 'lrDrop':
        return `lr ${e.from} → ${e.to}`;
      default:
        return '';
    }
  })();
  return `${e.kind}@${e.step}${detail ? ` ${detail}` : ''}`.replace(/#/g, 'no.');
}

/**
 * A text cell a spreadsheet will not evaluate: a leading = + - @, tab or carriage return
 * gets an apostrophe in front (OWASP's advice against CSV formula injection).
 */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** Characters that could end a comment line, split it into cells, or quote it. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const UNSAFE_IN_COMMENT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029,;"\\]/g;

/** A comment line's value on one line and in one cell: unsafe characters as \uXXXX. */
export function commentValue(s: string): string {
  return s.replace(UNSAFE_IN_COMMENT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** One report's numeric cells, in csvColumns() order (events excluded). */
function reportCells(r: Report): string[] {
  const out = BASE.map((k) => cell(r[k]));
  for (const id of ESTIMATORS)
    out.push(cell(r.estimators[id]?.variance), cell(r.estimators[id]?.normalizedVariance));
  for (const id of ESTIMATORS) {
    const s = r.sampled?.[id];
    out.push(cell(s?.variance), cell(s?.normalizedVariance), cell(s?.normalizedVarianceAuthors));
  }
  return out;
}

/** `summary <name>: <value>` for the run's steps, reports and every measured summary value. */
function summaryLines(s: RunSummary | null | undefined): string[] {
  if (!s) return [];
  const values = { steps: s.steps, reports: s.reports, ...summaryValues(s) };
  return Object.entries(values)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `summary ${k}: ${v}`);
}

export function runCsv(run: RunRecord): string {
  const meta = [
    `${APP} run export`,
    `config: ${run.query.replace(/,/g, '%2C')}`, // commas would split the cell
    `backend: ${run.backend}`,
    ...(run.preset ? [`preset: ${run.preset}`] : []),
    `exported: ${run.exportedAt}`,
    ...(run.decimated ? [`decimated: ${run.decimated}`] : []),
    ...summaryLines(run.summary),
  ].map((line) => `# ${commentValue(line)}`);
  const events = (list: readonly EngineEvent[]) => safeText(list.map(eventText).join(' | '));
  let e = 0;
  const rows = run.reports.map((r) => {
    const from = e;
    while (e < run.events.length && run.events[e].step <= r.step) e++;
    return [...reportCells(r), events(run.events.slice(from, e))];
  });
  const rest = run.events.slice(e);
  if (rest.length) {
    // Events after the last report get a row of their own (only step and events filled).
    const blanks = csvColumns().length - 2;
    rows.push([String(rest.at(-1)!.step), ...Array<string>(blanks).fill(''), events(rest)]);
  }
  return [...meta, csvFormatRows([csvColumns(), ...rows])].join('\n') + '\n';
}
