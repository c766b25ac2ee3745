/**
 * Time to a preset's first report headless on WASM (not part of npm test; speed targets live
 * in benchmarks, never in timed tests): building the session (data, model, pool) and
 * measureFirst, as the worker does on load, after one warm-up run of the same.
 *   npx tsx scripts/claims/first-report.ts [PRESET=fig3-mnist]
 */
import { parse } from '../../src/core/config/codec';
import { Session } from '../../src/engine/session';
import { useNodeBackend } from '../../cli/run';
import { loadMnist } from '../../cli/loadMnist';

async function once(query: string) {
  const { config } = parse(query);
  const digits = config.data === 'mnist' ? loadMnist() : undefined;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const s = new Session(config, digits);
  const out = await s.measureFirst();
  const cpu = process.cpuUsage(cpu0);
  s.dispose();
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, out };
}

async function main() {
  const preset = process.argv[2] ?? 'fig3-mnist';
  await useNodeBackend('wasm');
  await once(`preset=${preset}`); // warm-up: WASM kernels compiled, shapes seen
  for (const seed of [1, 2, 3]) {
    const { ms, cpuMs, out } = await once(`preset=${preset}&seed=${seed}`);
    const ids = Object.keys(out.reports[0]?.estimators ?? {}).join(', ');
    console.log(
      `${preset} seed ${seed}: first report in ${ms.toFixed(0)} ms (${cpuMs.toFixed(0)} ms cpu): ${ids}`,
    );
  }
}

void main();
