/**
 * Runs presets' claims headless on WASM (as `npm run experiment` does) and evaluates them:
 * shared by the claims suites (test/claims/) and scripts/claims/report.ts.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { observeRun } from './runSession';
import { describeClaim } from '../src/core/claims/describe';
import {
  claimValue,
  evaluateClaim,
  type ClaimOutcome,
  type RunObservation,
} from '../src/core/claims/evaluate';
import { claimConfigs } from '../src/core/claims/runs';
import type { RunClaim } from '../src/core/claims/types';
import { parse, serialize } from '../src/core/config/codec';
import type { Preset } from '../src/core/config/presets';
import type { Config } from '../src/core/config/schema';

export async function useWasm(): Promise<void> {
  tf.env().set('PROD', true); // IS_TEST's kernel leak check would also time the WASM kernels
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not start');
}

export interface ClaimResult {
  claim: RunClaim;
  sentence: string;
  outcome: ClaimOutcome;
}

/** Every claim of a preset over its seeds; runs shared between claims are made once. */
export async function checkPreset(preset: Preset): Promise<ClaimResult[]> {
  const { config: base, problems } = parse(`preset=${preset.name}`);
  if (problems.length) throw new Error(`${preset.name}: ${problems[0].message}`);
  const cache = new Map<string, Promise<RunObservation>>();
  const observe = (c: Config) => {
    const key = serialize(c);
    if (!cache.has(key)) cache.set(key, observeRun(c));
    return cache.get(key)!;
  };
  const results: ClaimResult[] = [];
  for (const claim of preset.claims) {
    const values: (number | null)[] = [];
    for (const seed of claim.seeds) {
      const { main, versus } = claimConfigs(base, preset.claims, claim, seed);
      const run = await observe(main);
      values.push(claimValue(claim, run, versus ? await observe(versus) : undefined));
    }
    results.push({ claim, sentence: describeClaim(claim), outcome: evaluateClaim(claim, values) });
  }
  return results;
}

/** One line per claim: the sentence, the values per seed, mean ± spread. */
export function formatResults(results: readonly ClaimResult[]): string {
  return results
    .map(({ sentence, outcome }) => {
      const vals = outcome.values.map((v) => (v === null ? 'n/a' : v.toPrecision(3))).join(', ');
      return `${outcome.holds ? 'holds' : 'FAILS'}: ${sentence} [${vals}; ${outcome.mean.toPrecision(3)} ± ${outcome.spread.toPrecision(2)}]`;
    })
    .join('\n');
}
