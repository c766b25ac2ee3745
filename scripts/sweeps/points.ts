/**
 * Prints a sweep record's points (mean over seeds, [min, max]) for a few columns, with the
 * log–log slope of each, and checks a sweep preset's claims when the record is one.
 * Investigation aid, not part of npm test:
 *   npx tsx scripts/sweeps/points.ts FILE.json ["COLUMN" …]
 */
import { readFileSync } from 'node:fs';
import { evaluate, meanOf } from '../../src/core/sweep/claims';
import { sweepPoints } from '../../src/core/sweep/points';
import { logSlope } from '../../src/core/sweep/reference';
import type { SweepResult } from '../../src/core/sweep/result';

const [file, ...asked] = process.argv.slice(2);
const result = JSON.parse(readFileSync(file, 'utf8')) as SweepResult;
const columns = asked.length
  ? asked
  : [
      'SG-B variance mean',
      'SG-2B variance mean / SG-B variance mean',
      'GC variance mean / SG-B variance mean',
      'SG-B normalizedVariance mean',
      'bSimple mean',
      'loss',
    ];
const points = sweepPoints(result.sweep.keys, result.runs);
const f = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : String(v));
console.log(['x', 'series', ...columns].join('\t'));
for (const p of points)
  console.log([p.x, p.series, ...columns.map((c) => f(meanOf(p, c)))].join('\t'));
for (const c of columns.filter((c) => !c.includes(' / '))) {
  const series = [...new Set(points.map((p) => p.series))];
  const slopes = series.map((s) =>
    f(
      logSlope(
        points.filter((p) => p.series === s),
        c,
      )?.slope ?? NaN,
    ),
  );
  console.log(`slope of ${c}: ${slopes.join(', ')}`);
}
const name = process.env.PRESET;
if (name) {
  const { sweepPreset } = await import('../../src/core/sweep/presets');
  for (const claim of sweepPreset(name)?.claims ?? []) {
    const v = evaluate(claim.check, points, result.runs);
    console.log(`${v.pass ? 'PASS' : 'FAIL'} ${claim.text}\n     ${v.seen}`);
  }
}
