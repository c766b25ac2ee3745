/**
 * Merging the shards of one sweep (JSON records or CSV files) back into the whole: every part
 * must come from the same sweep (same query and size) and, together, hold every run exactly
 * once. The merged record is what the unsharded sweep writes (runs in index order, no shard).
 * Errors name the part and the problem; nothing is guessed.
 */
import { parseShard } from './expand';
import type { SweepCsv } from './csv';
import type { SweepResult } from './result';

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

interface Part {
  name: string;
  query: string;
  runs: number;
}

function sameSweep(parts: readonly Part[]): void {
  if (parts.length === 0) throw new MergeError('nothing to merge');
  const [first] = parts;
  for (const p of parts) {
    if (p.query !== first.query || p.runs !== first.runs)
      throw new MergeError(`${p.name} is from another sweep than ${first.name}`);
  }
}

/** Checks that the indices cover 0..runs−1 exactly once. */
function complete(indices: { name: string; index: number }[], runs: number): void {
  const seen = new Map<number, string>();
  for (const { name, index } of indices) {
    if (!(Number.isInteger(index) && index >= 0 && index < runs))
      throw new MergeError(`${name}: run index ${index} is outside 0..${runs - 1}`);
    const other = seen.get(index);
    if (other !== undefined) throw new MergeError(`run ${index} is in both ${other} and ${name}`);
    seen.set(index, name);
  }
  if (seen.size !== runs) {
    const missing = Array.from({ length: runs }, (_, i) => i).filter((i) => !seen.has(i));
    throw new MergeError(
      `${missing.length} of ${runs} runs are missing (first: run ${missing[0]}); is a shard missing?`,
    );
  }
}

export function mergeResults(parts: readonly { name: string; result: SweepResult }[]): SweepResult {
  sameSweep(
    parts.map((p) => ({ name: p.name, query: p.result.sweep.query, runs: p.result.sweep.runs })),
  );
  const runs = parts.flatMap((p) => p.result.runs.map((r) => ({ name: p.name, run: r })));
  complete(
    runs.map(({ name, run }) => ({ name, index: run.index })),
    parts[0].result.sweep.runs,
  );
  return {
    app: parts[0].result.app,
    sweep: parts[0].result.sweep,
    runs: runs.map((r) => r.run).sort((a, b) => a.index - b.index),
  };
}

/** Row j of shard I/N is run (I−1) + j·N; a part without a shard is the whole sweep. */
function csvIndices(name: string, csv: SweepCsv): number[] {
  if (csv.shard === undefined) return csv.rows.map((_, j) => j);
  const { shard, problem } = parseShard(csv.shard);
  if (!shard) throw new MergeError(`${name}: ${problem}`);
  return csv.rows.map((_, j) => shard.index - 1 + j * shard.count);
}

export function mergeCsv(parts: readonly { name: string; csv: SweepCsv }[]): SweepCsv {
  sameSweep(parts.map((p) => ({ name: p.name, query: p.csv.query, runs: p.csv.runs })));
  const rows = parts.flatMap((p) => {
    const idx = csvIndices(p.name, p.csv);
    return p.csv.rows.map((row, j) => ({ name: p.name, index: idx[j], row }));
  });
  complete(rows, parts[0].csv.runs);
  // Columns: the widest header (a shard without runs may lack the sampled columns).
  const columns = parts.map((p) => p.csv.columns).reduce((a, b) => (b.length > a.length ? b : a));
  return {
    query: parts[0].csv.query,
    runs: parts[0].csv.runs,
    columns,
    rows: rows.sort((a, b) => a.index - b.index).map((r) => r.row),
  };
}
