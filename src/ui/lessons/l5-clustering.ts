import { geomean, latest, num, variance } from './live';
import type { Lesson, LiveRun } from './types';

/** Measurements whose GC / SG-2B ratios the reveal averages, and the step it waits for. */
const WINDOW = 5;
const FROM = 100;

function ratios(run: LiveRun, id: 'SG-B' | 'SG-2B'): number[] {
  return run.reports.flatMap((r) => {
    const gc = variance(r, 'GC');
    const other = variance(r, id);
    return r.step >= FROM && gc !== null && other !== null && other > 0 ? [gc / other] : [];
  });
}

function reveal(run: LiveRun) {
  const rs = ratios(run, 'SG-2B');
  if (rs.length < WINDOW) return null;
  const g = geomean(rs.slice(-WINDOW));
  const choice = g < 0.8 ? 'gc' : g > 1.25 ? 'sg2b' : 'same';
  return {
    choice,
    evidence: `GC/SG-2B averaged ${num(g)} (geometric mean) over the last ${WINDOW} measurements, up to step ${latest(run)!.step}.`,
  };
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  const gc = variance(r, 'GC');
  const b = variance(r, 'SG-B');
  const b2 = variance(r, 'SG-2B');
  if (!r || gc === null || b === null || b <= 0) return [];
  const out = [
    `Step ${r.step}: GC/SG-B = ${num(gc / b)}${b2 ? ` and GC/SG-2B = ${num(gc / b2)}` : ''}, with K = ${run.config.k ?? run.config.bs} clusters re-computed every ${run.config.gcEvery} steps.`,
  ];
  if (run.config.dup > 0)
    out.push(
      `${num(100 * run.config.dup)}% of the ${run.config.n} training examples are copies of ${run.config.dupPts} points; copies of one point have identical gradients.`,
    );
  return out;
}

export const lesson: Lesson = {
  slug: 'gradient-clustering',
  title: 'Stratified sampling and Gradient Clustering',
  summary: 'Draw one example per cluster of similar gradients; duplicates then cost nothing.',
  setup: 'preset=fig8-dup90&est=sgb,sg2b,gc',
  source: 'Faghri et al. 2020, §3 (Prop. 3.1, Eq. 2, GC), §4.3 (Fig. 8), Fig. 1',
  prose: [
    'Uniform sampling treats every example alike. If you knew that the gradients fall into groups, you could do better: split the $N$ examples into $K$ strata, draw one example from each, and weight it by the size $N_k$ of its stratum. For any split at all, the estimate is still unbiased.',
    'Its variance is a sum over strata of $N_k^2$ times the spread of the gradients inside the stratum (Proposition 3.1). Examples whose gradients agree cost nothing once they share a stratum, so the best split is a clustering of the gradients, and a weighted one: a cluster’s spread counts $N_k$ times, which pushes big clusters to be tight. Minimising the variance and minimising this weighted clustering objective are the same problem (Eq. 2).',
    'Gradient Clustering (GC) finds such clusters cheaply. In a dense layer each example’s gradient is an outer product of the layer’s input and the gradient at its output, so cluster centres are kept as rank-one products and every distance comes from a few matrix products, without ever forming a per-example gradient (§3.2). In a 2-D problem (Fig. 1) two points far apart in the plane can share a cluster because their gradients agree.',
    'Duplicates are the extreme case: copies of one point have identical gradients. Put all copies of a point in one cluster with nothing else and they add no variance at all; uniform sampling keeps paying for them (§4.3, Fig. 8).',
  ],
  formulas: [
    {
      tex: '\\hat g_{\\mathrm{GC}} = \\frac{1}{N}\\sum_{k=1}^{K} N_k\\, g_{j_k, k}, \\qquad j_k \\sim \\mathcal{U}\\{1, \\dots, N_k\\}, \\qquad \\mathbb{E}\\big[\\hat g_{\\mathrm{GC}}\\big] = g',
      caption: 'One example from each cluster $k$, weighted by the cluster’s size $N_k$.',
    },
    {
      tex: '\\mathbb{V}\\big[\\hat g_{\\mathrm{GC}}\\big] = \\frac{1}{N^2}\\sum_{k=1}^{K} N_k^2\\, \\mathbb{V}\\big[g_{\\cdot, k}\\big]',
      caption:
        'Proposition 3.1: $\\mathbb{V}[g_{\\cdot,k}]$ is the spread (trace of the covariance) of the gradients in cluster $k$.',
    },
    {
      tex: '\\min_{a}\\ \\sum_{k=1}^{K} N_k^2\\, \\mathbb{V}\\big[g_{\\cdot, k}\\big] = \\min_{a,\\, C}\\ \\sum_{k=1}^{K} N_k \\sum_{i:\\, a_i = k} \\big\\| g_i - C_k \\big\\|^2',
      caption:
        'The theorem behind GC: the lowest-variance split is a weighted clustering of the gradients, with centres $C_k$.',
    },
  ],
  question: {
    prompt:
      '90% of this training set is made of copies of just 5 points. GC draws one example from each of K = 10 gradient clusters; SG-2B averages 20 examples drawn uniformly. Which has the lower variance?',
    choices: [
      { id: 'gc', text: 'GC, with half as many examples' },
      { id: 'same', text: 'About the same' },
      { id: 'sg2b', text: 'SG-2B: twice the examples' },
    ],
    expected: 'gc',
    within: FROM + 10 * WINDOW,
    reveal,
  },
  actions: [
    { label: 'Fig. 1: clusters in 2-D', query: 'preset=fig1-gc2d' },
    { label: '50% duplicates', query: 'preset=fig8-dup50&est=sgb,sg2b,gc' },
    { label: '10% duplicates', query: 'preset=fig8-dup10&est=sgb,sg2b,gc' },
    { label: 'Back to 90%', query: 'preset=fig8-dup90&est=sgb,sg2b,gc' },
  ],
  notice,
};
