/**
 * The sentence of a claim, generated from its data so that what the screen says and what the
 * test checks cannot drift apart.
 */
import type { Config } from '../config/schema';
import type { Aggregation, Quantity, RunClaim, StatName, StatRef } from './types';

const STAT: Record<StatName, string> = {
  variance: 'variance',
  normalizedVariance: 'normalized variance',
  normalizedVarianceAuthors: "normalized variance (authors' formula)",
};

const AGG: Record<Aggregation, string> = {
  mean: 'late mean (last 70 % of training)',
  max: 'maximum over training',
};

function statText(r: StatRef): string {
  return `${r.estimator}${r.sampled ? ' (sampled)' : ''} ${STAT[r.statistic]}`;
}

/** e.g. "GC / SG-2B variance, late mean (last 70 % of training)". */
export function describeQuantity(q: Quantity): string {
  switch (q.kind) {
    case 'stat':
      return `${statText(q.of)}, ${AGG[q.of.aggregate]}`;
    case 'ratio': {
      const { num, den } = q;
      if (
        num.aggregate === den.aggregate &&
        num.statistic === den.statistic &&
        !!num.sampled === !!den.sampled
      ) {
        const tag = num.sampled ? ' (sampled)' : '';
        return `${num.estimator} / ${den.estimator}${tag} ${STAT[num.statistic]}, ${AGG[num.aggregate]}`;
      }
      if (num.estimator === den.estimator && num.statistic === den.statistic) {
        return `${statText(num)}: ${AGG[num.aggregate]} / ${AGG[den.aggregate]}`;
      }
      return `${statText(num)} (${AGG[num.aggregate]}) / ${statText(den)} (${AGG[den.aggregate]})`;
    }
    case 'duplicates':
      return q.measure === 'together'
        ? 'share of the duplicated points whose copies all sit in one cluster, late mean over the re-clusterings'
        : 'share of the duplicated points whose copies fill a cluster by themselves, late mean over the re-clusterings';
    case 'mixedClusters':
      return 'share of the examples in clusters holding both classes (each ≥ 10 % of the cluster), late mean over the re-clusterings';
  }
}

function patchText(patch: Partial<Config>): string {
  return Object.entries(patch)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`)
    .join(', ');
}

/** e.g. "GC / SG-2B variance, late mean (last 70 % of training) < 0.6 after 1000 steps, on each of seeds 1, 2, 3". */
export function describeClaim(c: RunClaim): string {
  const what = c.versus
    ? `${describeQuantity(c.quantity)}, this run / the same with ${patchText(c.versus)},`
    : describeQuantity(c.quantity);
  return `${what} ${c.comparison} ${c.threshold} after ${c.steps} steps, on each of seeds ${c.seeds.join(', ')}`;
}
