/**
 * Checks presets' claims as the claims suites do and prints each claim's values per seed,
 * mean ± spread, and the CPU time (not part of npm test; docs/CLAIMS.md quotes its output):
 *   npx tsx scripts/claims/report.ts [PRESET...]      (default: every preset)
 */
import { checkPreset, formatResults, useWasm } from '../../cli/checkClaims';
import { PRESETS } from '../../src/core/config/presets';

async function main() {
  await useWasm();
  const names = process.argv.slice(2);
  for (const preset of PRESETS.filter((p) => names.length === 0 || names.includes(p.name))) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const results = await checkPreset(preset);
    const cpu = process.cpuUsage(cpu0);
    const secs = (cpu.user + cpu.system) / 1e6;
    console.log(
      `## ${preset.name} (${secs.toFixed(1)} s cpu, ${((performance.now() - t0) / 1000).toFixed(1)} s wall)`,
    );
    console.log(formatResults(results));
  }
}

void main();
