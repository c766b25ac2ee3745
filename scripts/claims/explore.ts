/**
 * Investigates a configuration over several seeds (not part of npm test):
 *   npx tsx scripts/claims/explore.ts "QUERY" [seeds=1,2,3] [steps]
 * Prints, per seed, the wall time, the time to the first report, and the late mean (last 70 %)
 * and max of every estimator's variance and NV, and the ratios the presets' claims use.
 */
import { parse } from '../../src/core/config/codec';
import { summarizeRun, type RunSummary } from '../../src/core/run/summary';
import type { Report } from '../../src/core/run/records';
import { Session } from '../../src/engine/session';
import type { ClusterView } from '../../src/engine/protocol';
import { useNodeBackend } from '../../cli/run';
import { loadMnist } from '../../cli/loadMnist';

async function runOnce(query: string, seed: number, steps: number) {
  const { config, problems } = parse(`${query}&seed=${seed}&steps=${steps}`);
  if (problems.length) console.log('problems:', problems.map((p) => p.message).join('; '));
  const t0 = performance.now();
  const s = new Session(config, config.data === 'mnist' ? loadMnist() : undefined);
  const reports: Report[] = [];
  let first = 0;
  let view: ClusterView | null = null;
  while (!s.stopped) {
    const out = await s.advance(config.every);
    if (!first && out.reports.length) first = performance.now() - t0;
    reports.push(...out.reports);
    if (out.views.length) view = out.views.at(-1)!;
  }
  if (view?.points && process.env.CLUSTERS) {
    const counts = Array.from({ length: view.K }, () => [0, 0]);
    view.assignment.forEach((k, i) => counts[k][view!.points!.label[i]]++);
    console.log(`  clusters at step ${view.step}: ${counts.map((c) => c.join('/')).join(' ')}`);
  }
  s.dispose();
  return { summary: summarizeRun(reports)!, ms: performance.now() - t0, first, reports };
}

function ratios(s: RunSummary) {
  const e = s.estimators;
  const m = (id: 'SG-B' | 'SG-2B' | 'GC' | 'SVRG') => e[id]?.variance.mean ?? NaN;
  return {
    'GC/SGB': m('GC') / m('SG-B'),
    'GC/SG2B': m('GC') / m('SG-2B'),
    'SVRG/SG2B': m('SVRG') / m('SG-2B'),
    'SG2B/SGB': m('SG-2B') / m('SG-B'),
  };
}

async function main() {
  const [query, seedArg = '1,2,3', stepsArg = '500'] = process.argv.slice(2);
  await useNodeBackend('wasm');
  for (const seed of seedArg.split(',').map(Number)) {
    const { summary, ms, first, reports } = await runOnce(query, seed, Number(stepsArg));
    const f = (x: number) => x.toPrecision(3);
    const est = Object.entries(summary.estimators)
      .map(
        ([id, a]) =>
          `${id} v ${f(a.variance.mean)}/${f(a.variance.max)} nv ${f(a.normalizedVariance.mean)}`,
      )
      .join(' | ');
    const r = Object.entries(ratios(summary))
      .map(([k, v]) => `${k} ${f(v)}`)
      .join(' ');
    console.log(
      `seed ${seed}: ${(ms / 1000).toFixed(1)} s (first ${(first / 1000).toFixed(1)} s) loss ${f(summary.loss)} acc ${f(summary.acc)} test ${f(summary.testAcc)}`,
    );
    console.log(`  ${r}`);
    console.log(`  ${est}`);
    if (process.env.TRACE) {
      for (const rep of reports) {
        const e = rep.estimators;
        console.log(
          `   step ${rep.step} GC/SGB ${f((e.GC?.variance ?? NaN) / e['SG-B']!.variance)} GC/SG2B ${f((e.GC?.variance ?? NaN) / (e['SG-2B']?.variance ?? NaN))} loss ${f(rep.loss)}`,
        );
      }
    }
  }
}

void main();
