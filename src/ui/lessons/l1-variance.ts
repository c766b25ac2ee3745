import { latest, num, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

/** Steps the first question waits for before comparing the variance with the start. */
const AFTER = 300;

function reveal(run: LiveRun) {
  const first = run.reports.find((r) => r.step === 0);
  const last = latest(run);
  const v0 = variance(first, 'SG-B');
  const v1 = variance(last, 'SG-B');
  if (!last || last.step < AFTER || v0 === null || v1 === null || v0 <= 0) return null;
  const r = v1 / v0;
  const choice = r < 0.5 ? 'falls' : r > 2 ? 'rises' : 'same';
  return {
    choice,
    evidence: `SG-B's variance went from ${num(v0)} at step 0 to ${num(v1)} at step ${last.step}: ${times(r)}.`,
  };
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  const v = variance(r, 'SG-B');
  if (!r || v === null) return [];
  const out = [
    `Step ${r.step}: the average variance of SG-B is ${num(v)} per coordinate, with B = ${run.config.bs}.`,
  ];
  if (run.parameters !== null && r.gradNorm2 > 0) {
    const miss = Math.sqrt(run.parameters * v);
    out.push(
      `Over all d = ${run.parameters} weights a mini-batch gradient misses g by √(d·variance) = ${num(miss)} (root mean square), while ‖g‖ = ${num(Math.sqrt(r.gradNorm2))}: an error of ${num((100 * miss) / Math.sqrt(r.gradNorm2))}% of the gradient's length.`,
    );
  }
  return out;
}

export const lesson: Lesson = {
  slug: 'what-is-gradient-variance',
  title: 'What gradient variance is',
  summary: 'The mini-batch gradient as an estimate of the full gradient, and how far off it lands.',
  setup: 'data=blobs&model=linear&n=200&bs=4&lr=0.1&est=sgb,sg2b&every=10&k=4',
  source: 'Faghri et al. 2020, §1 and §4 (average variance)',
  prose: [
    'Training minimises the mean loss over the $N$ training examples, $L(\\theta) = \\frac{1}{N}\\sum_i \\ell_i(\\theta)$. Its gradient $g$ is the average of the $N$ per-example gradients $g_i$. Computing all of them for every step is expensive, so SGD averages only a random mini-batch of $B$ of them, $\\hat g_B$, and steps along that instead.',
    'Picture walking down a valley blindfolded. You cannot see the slope, so at every step you ask $B$ passers-by which way is down and follow the average of their answers. On average over all the groups you could have asked, the answer is exactly the true slope $g$; any one group points a little off. How far off, on average, is the gradient variance.',
    'The gradient has one coordinate per weight, $d$ in all. For each coordinate $j$ the playground measures $V_j$, the variance of $\\hat g_{B,j}$ over the possible mini-batches, and plots their mean over coordinates, the "average variance" of the paper. It is the expected squared distance between $\\hat g_B$ and $g$, divided by $d$.',
    'None of the estimators on the charts trains the model. The network follows one SGD trajectory, and at each measurement the playground asks: had we drawn a mini-batch here, how noisy would it have been? Every value is computed exactly from all per-example gradients of the measurement pool, not estimated from a few draws.',
  ],
  formulas: [
    {
      tex: '\\hat g_B = \\frac{1}{B}\\sum_{i \\in \\mathcal{B}} g_i, \\qquad \\mathbb{E}\\big[\\hat g_B\\big] = g = \\frac{1}{N}\\sum_{i=1}^{N} g_i',
      caption: 'The mini-batch mean is an unbiased estimate of the full gradient.',
    },
    {
      tex: 'V_j = \\mathbb{E}\\big[(\\hat g_{B,j} - g_j)^2\\big], \\qquad \\text{variance} = \\frac{1}{d}\\sum_{j=1}^{d} V_j = \\frac{1}{d}\\,\\mathbb{E}\\,\\big\\|\\hat g_B - g\\big\\|^2',
      caption: 'Per-coordinate variances, and the average over coordinates that the charts show.',
    },
  ],
  question: {
    prompt:
      'A linear classifier learns to separate two blobs of points. As it learns, what happens to the variance of the mini-batch gradient (SG-B)?',
    choices: [
      { id: 'falls', text: 'It falls well below where it started' },
      { id: 'same', text: 'It stays about where it started' },
      { id: 'rises', text: 'It rises' },
    ],
    expected: 'falls',
    within: AFTER + 10,
    reveal,
  },
  actions: [
    { label: 'Ask one passer-by (B = 1)', patch: { bs: 1 } },
    { label: 'Ask 16 (B = 16)', patch: { bs: 16 } },
    { label: 'Back to B = 4', patch: { bs: 4 } },
  ],
  notice,
};
