import type { EngineEvent } from '../../core/run/records';
import { latest, nearestRatio, num, straddle, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

/** V(2B)/V(B) for sampling without replacement from N: (N − 2B) / (2 (N − B)). */
export function halfFactor(n: number, b: number, replacement: boolean): number {
  return replacement ? 0.5 : (n - 2 * b) / (2 * (n - b));
}

function reveal(run: LiveRun) {
  const r = latest(run);
  const a = variance(r, 'SG-B');
  const b = variance(r, 'SG-2B');
  if (!r || a === null || b === null || a <= 0) return null;
  const ratio = b / a;
  const choice = nearestRatio(ratio, [
    { id: 'same', ratio: 1 },
    { id: 'half', ratio: 0.5 },
    { id: 'quarter', ratio: 0.25 },
  ]);
  return { choice, evidence: `At step ${r.step}, SG-2B/SG-B = ${num(ratio)}.` };
}

/** One sentence per batch-size change: the variance either side and the log–log slope. */
function slopes(run: LiveRun): string[] {
  const changes = run.events.filter(
    (e): e is Extract<EngineEvent, { kind: 'change' }> => e.kind === 'change' && e.field === 'bs',
  );
  return changes.flatMap((e) => {
    const s = straddle(run, e.step);
    const v0 = variance(s?.before, 'SG-B');
    const v1 = variance(s?.after, 'SG-B');
    const [b0, b1] = [Number(e.from), Number(e.to)];
    if (!s || v0 === null || v1 === null || v0 <= 0 || v1 <= 0 || b0 === b1) return [];
    const slope = Math.log(v1 / v0) / Math.log(b1 / b0);
    return [
      `When B went ${b0} → ${b1} (step ${e.step}), SG-B's variance went ${times(v1 / v0)} between steps ${s.before.step} and ${s.after.step}: a slope of ${num(slope)} on log–log axes.`,
    ];
  });
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  const a = variance(r, 'SG-B');
  const b = variance(r, 'SG-2B');
  if (!r || a === null || b === null || a <= 0) return [];
  const { n, bs, repl } = run.config;
  const how = repl ? 'with replacement' : `without replacement, N = ${n}, B = ${bs}`;
  return [
    `Your SG-2B/SG-B is ${num(b / a)} at step ${r.step}; the formula (${how}) gives ${num(halfFactor(n, bs, repl))}.`,
    ...slopes(run),
  ];
}

export const lesson: Lesson = {
  slug: 'batch-size',
  title: 'Batch size: variance falls as 1/B',
  summary: 'Why averaging B examples divides the variance by B, and what doubling the batch buys.',
  setup: 'data=circles&n=512&hidden=16,16&bs=8&lr=0.05&est=sgb,sg2b&every=10',
  source: 'Faghri et al. 2020, §4 (SG-2B as the baseline); DESIGN §2 (finite-population factor)',
  prose: [
    'Averaging more examples averages away more of their disagreement. When the $B$ examples are drawn independently (with replacement), the variance of each coordinate is the spread $v_j$ of the per-example gradients divided by $B$. Double $B$ and the variance halves: on log–log axes, variance against $B$ is a straight line of slope $-1$.',
    'Mini-batches are usually drawn without replacement: no example twice in one batch. The draws are then slightly negatively correlated and the variance falls a little faster, by the finite-population factor $\\frac{N-B}{N-1}$, reaching 0 at $B = N$, where the mini-batch is the whole training set.',
    'SG-2B is the same estimator with twice the examples. Its variance is half that of SG-B (slightly less without replacement), at twice the cost per step. The paper uses it as the bar any cleverer estimator has to clear: doubling the batch is always available.',
    'Change $B$ during the run with the buttons below: each change is marked on the charts, and "What to notice" reads the slope from the measurements either side of it: close to the $-1$ that a sweep over batch sizes draws (a little steeper without replacement, and the weights move a little between the two measurements).',
  ],
  formulas: [
    {
      tex: 'V_j(B) = \\frac{v_j}{B}\\ \\ \\text{(with replacement)}, \\qquad V_j(B) = \\frac{v_j}{B}\\cdot\\frac{N-B}{N-1}\\ \\ \\text{(without)}, \\qquad v_j = \\frac{1}{N}\\sum_{i=1}^{N}(g_{ij} - g_j)^2',
      caption: '$v_j$ is the variance of coordinate $j$ across the $N$ per-example gradients.',
    },
    {
      tex: '\\log V(B) = \\log v - \\log B \\quad\\Longrightarrow\\quad \\frac{d \\log V}{d \\log B} = -1',
      caption: 'With replacement the variance is a line of slope $-1$ on log–log axes.',
    },
    {
      tex: '\\frac{V(2B)}{V(B)} = \\frac{1}{2}\\ \\ \\text{(with replacement)}, \\qquad \\frac{V(2B)}{V(B)} = \\frac{N-2B}{2\\,(N-B)}\\ \\ \\text{(without)}',
      caption: 'What doubling the batch buys, exactly.',
    },
  ],
  question: {
    prompt:
      'SG-2B averages twice as many examples as SG-B, drawn the same way. How does its variance compare?',
    choices: [
      { id: 'same', text: 'About the same: the examples come from the same data' },
      { id: 'half', text: 'About half' },
      { id: 'quarter', text: 'About a quarter' },
    ],
    expected: 'half',
    within: 10,
    reveal,
  },
  actions: [
    { label: 'B = 32', patch: { bs: 32 } },
    { label: 'B = 128', patch: { bs: 128 } },
    { label: 'B = 8', patch: { bs: 8 } },
    {
      label: 'Sample with replacement (restarts)',
      query: 'data=circles&n=512&hidden=16,16&bs=8&lr=0.05&est=sgb,sg2b&every=10&repl=1',
    },
  ],
  sweep: {
    label:
      'See the law over many runs: the batch-size sweep (7 batch sizes × 3 seeds, opens the sweep view)',
    query: 'preset=sweep-batch',
  },
  notice,
};
