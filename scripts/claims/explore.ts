/**
 * Investigates a configuration over several seeds (not part of npm test):
 *   npx tsx scripts/claims/explore.ts "QUERY" [seeds=1,2,3] [steps=500]
 * Prints, per seed, wall and CPU time, the ratios the presets' claims use (late mean over the
 * last 70 % of training), each estimator's late mean / max of variance and late-mean NV, and
 * the mixed-cluster share on 2-D data. TRACE=1 also prints every report.
 */
import { parse } from '../../src/core/config/codec';
import type { RunSummary } from '../../src/core/run/summary';
import { useNodeBackend } from '../../cli/run';
import { observeRun } from '../../cli/runSession';

const f = (x: number | undefined) => (x === undefined ? 'n/a' : x.toPrecision(3));

function ratios(s: RunSummary): string {
  const m = (id: 'SG-B' | 'SG-2B' | 'GC' | 'SVRG') => s.estimators[id]?.variance.mean ?? NaN;
  const sgb = s.estimators['SG-B'];
  return [
    `GC/SGB ${f(m('GC') / m('SG-B'))}`,
    `GC/SG2B ${f(m('GC') / m('SG-2B'))}`,
    `SVRG/SG2B ${f(m('SVRG') / m('SG-2B'))}`,
    `SG2B/SGB ${f(m('SG-2B') / m('SG-B'))}`,
    `SGB mean/max ${f(sgb ? sgb.variance.mean / sgb.variance.max : NaN)}`,
  ].join(' ');
}

async function main() {
  const [query, seedArg = '1,2,3', stepsArg = '500'] = process.argv.slice(2);
  await useNodeBackend('wasm');
  for (const seed of seedArg.split(',').map(Number)) {
    const { config, problems } = parse(`${query}&seed=${seed}&steps=${stepsArg}`);
    if (problems.length) console.log('problems:', problems.map((p) => p.message).join('; '));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const run = await observeRun(config);
    const cpu = process.cpuUsage(cpu0);
    const s = run.summary;
    console.log(
      `seed ${seed}: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu; loss ${f(s.loss)} acc ${f(s.acc)} test ${f(s.testAcc)}${run.mixedClusters === undefined ? '' : ` mixed ${f(run.mixedClusters)}`}`,
    );
    console.log(`  ${ratios(s)}`);
    const est = Object.entries(s.estimators).map(
      ([id, a]) =>
        `${id} v ${f(a.variance.mean)}/${f(a.variance.max)} nv ${f(a.normalizedVariance.mean)}`,
    );
    console.log(`  ${est.join(' | ')}`);
    if (!process.env.TRACE) continue;
    for (const r of run.reports) {
      const e = r.estimators;
      const v = (id: 'SG-B' | 'SG-2B' | 'GC' | 'SVRG') => e[id]?.variance;
      console.log(
        `   step ${r.step} SGB ${f(v('SG-B'))} GC/SGB ${f((v('GC') ?? NaN) / v('SG-B')!)} nv ${f(e['SG-B']?.normalizedVariance)} loss ${f(r.loss)}`,
      );
    }
  }
}

void main();
