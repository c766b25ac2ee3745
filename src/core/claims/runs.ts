/**
 * Which runs a preset's claims need: per seed, the preset's configuration for the claim's
 * steps, and the same with the claim's `versus` patch. Estimators are measured on the one
 * SGD trajectory and never change it (their random streams are their own), so a run measures
 * only the estimators its claims read — the numbers are those of the full preset.
 */
import { ESTIMATOR_KEYS, ESTIMATOR_NAMES, type Config } from '../config/schema';
import type { EstimatorId } from '../stats/types';
import type { Quantity, RunClaim } from './types';

/** Estimators a quantity reads (GC for the clusters). */
export function estimatorsOf(q: Quantity): EstimatorId[] {
  switch (q.kind) {
    case 'stat':
      return [q.of.estimator];
    case 'ratio':
      return [q.num.estimator, q.den.estimator];
    case 'mixedClusters':
    case 'duplicates':
      return ['GC'];
  }
}

/** The `est` value measuring exactly the given estimators (in schema order). */
export function estKeys(ids: readonly EstimatorId[]): Config['est'] {
  return ESTIMATOR_KEYS.filter((k) => ids.includes(ESTIMATOR_NAMES[k]));
}

/** Statistics modes a set of quantities reads: exact, sampled, or both. */
function modeFor(quantities: readonly Quantity[], base: Config['stats']): Config['stats'] {
  const refs = quantities.flatMap((q) =>
    q.kind === 'stat' ? [q.of] : q.kind === 'ratio' ? [q.num, q.den] : [],
  );
  const sampled = refs.some((r) => r.sampled);
  const exact = refs.some((r) => !r.sampled);
  if (sampled && exact) return 'both';
  if (sampled) return base === 'exact' ? 'sampled' : base;
  if (exact) return base === 'sampled' ? 'both' : base;
  return base;
}

/**
 * The configuration of one run for the given claims (which share steps and `versus`): the
 * preset's configuration (plus the `versus` patch when `versus`), the seed, the steps, and only
 * the estimators and statistics modes the claims read.
 */
export function claimRunConfig(
  base: Config,
  claims: readonly RunClaim[],
  seed: number,
  versus: boolean,
): Config {
  const first = claims[0];
  const patch = versus ? (first.versus ?? {}) : {};
  const quantities = claims.map((c) => c.quantity);
  return {
    ...base,
    ...patch,
    seed,
    steps: first.steps,
    est: estKeys([...new Set(quantities.flatMap(estimatorsOf))]),
    stats: modeFor(quantities, base.stats),
  };
}

/**
 * The run(s) one claim reads on one seed, shared as far as possible with the other claims of
 * the same preset: the main run serves every claim with the same steps; the `versus` run every
 * claim with the same steps and patch.
 */
export function claimConfigs(
  base: Config,
  all: readonly RunClaim[],
  claim: RunClaim,
  seed: number,
): { main: Config; versus?: Config } {
  const sameSteps = all.filter((c) => c.steps === claim.steps);
  const main = claimRunConfig(base, sameSteps, seed, false);
  if (!claim.versus) return { main };
  const key = JSON.stringify(claim.versus);
  const samePatch = sameSteps.filter((c) => JSON.stringify(c.versus ?? null) === key);
  return { main, versus: claimRunConfig(base, samePatch, seed, true) };
}
