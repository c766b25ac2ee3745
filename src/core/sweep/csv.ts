/**
 * A sweep as CSV: `#` comment lines (`# sweep: <URL query>`, `# runs: <count of the whole
 * sweep>`, `# shard: I/N` for one shard), then a header and one row per run (result.ts,
 * rowColumns): the varied keys, seed, steps, loss, acc, testAcc, `<EST> variance mean`,
 * `<EST> variance max`, `<EST> normalizedVariance mean`, `<EST> normalizedVariance max` per
 * estimator, `bSimple mean`, `bSimple max`, the sampled protocol's when measured, `diverged`.
 * Read it with pandas' `read_csv(path, comment='#')`.
 *
 * The core has no D3 (house rule 1): callers pass d3-dsv's csvFormat / csvParse.
 */
import { APP } from '../run/export';
import { rowColumns, runRow, type SweepResult } from './result';

export type CsvFormat = (rows: Record<string, unknown>[], columns: string[]) => string;
export type CsvParse = (text: string) => Record<string, string>[] & { columns: string[] };

/** `#` lines of a sweep CSV. Only whole-line comments hold a '#' (never a cell). */
function metaLines(sweepQuery: string, runs: number, shard?: string): string[] {
  return [
    `# ${APP} sweep`,
    `# sweep: ${sweepQuery.replace(/[#\r\n]/g, '')}`,
    `# runs: ${runs}`,
    ...(shard ? [`# shard: ${shard}`] : []),
  ];
}

export function sweepCsv(result: SweepResult, csvFormat: CsvFormat): string {
  const sampled = result.runs.some((r) => r.summary?.sampled);
  const columns = rowColumns(result.sweep.keys, sampled);
  const rows = result.runs.map(runRow);
  return `${[...metaLines(result.sweep.query, result.sweep.runs, result.shard), csvFormat(rows, columns)].join('\n')}\n`;
}

/** A sweep CSV read back: its metadata and rows as text (cells exactly as written). */
export interface SweepCsv {
  query: string;
  runs: number;
  shard?: string;
  columns: string[];
  rows: Record<string, string>[];
}

export function readSweepCsv(text: string, csvParse: CsvParse): SweepCsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta = new Map<string, string>();
  for (const l of lines) {
    const m = l.match(/^# (sweep|runs|shard): (.*)$/);
    if (m) meta.set(m[1], m[2]);
  }
  const query = meta.get('sweep');
  const runs = Number(meta.get('runs'));
  if (query === undefined || !Number.isInteger(runs))
    throw new Error('not a sweep CSV (no "# sweep:" and "# runs:" lines)');
  const parsed = csvParse(lines.filter((l) => !l.startsWith('#')).join('\n'));
  return { query, runs, shard: meta.get('shard'), columns: parsed.columns, rows: [...parsed] };
}

/** Writes rows read by readSweepCsv back out (merge). */
export function sweepCsvOf(csv: SweepCsv, csvFormat: CsvFormat): string {
  return `${[...metaLines(csv.query, csv.runs, csv.shard), csvFormat(csv.rows, csv.columns)].join('\n')}\n`;
}
