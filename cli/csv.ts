import { ESTIMATORS } from '../src/core/stats/types';
import type { Report } from '../src/engine/protocol';

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

/** CSV of the reports: one row per report, empty cells for absent values; config first. */
export function reportsToCsv(reports: readonly Report[], query: string): string {
  const cols: string[] = [...BASE];
  for (const id of ESTIMATORS) cols.push(`${id} variance`, `${id} normalizedVariance`);
  for (const id of ESTIMATORS)
    cols.push(`${id} sampled variance`, `${id} sampled normalizedVariance`);
  const cell = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = reports.map((r) => {
    const out = BASE.map((k) => cell(r[k]));
    for (const group of [r.estimators, r.sampled ?? {}]) {
      for (const id of ESTIMATORS)
        out.push(cell(group[id]?.variance), cell(group[id]?.normalizedVariance));
    }
    return out.join(',');
  });
  return [`# config: ${query}`, cols.join(','), ...rows].join('\n') + '\n';
}
