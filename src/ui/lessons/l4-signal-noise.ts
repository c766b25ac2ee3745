import { around, lastEvent, latest, mean, nv, num, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

const FLIP_AT = 200;
/** Measurements averaged either side of the flip, and steps skipped right after it. */
const WINDOW = 5;
const SETTLE = 20;

/** NV of SG-B just before the label flip and a little after it, with the variance ratio. */
function acrossFlip(run: LiveRun) {
  const e = lastEvent(run, 'change', 'noise');
  if (!e) return null;
  const before = around(run, e.step, WINDOW).before;
  const after = run.reports.filter((r) => r.step >= e.step + SETTLE).slice(0, WINDOW);
  if (before.length < WINDOW || after.length < WINDOW) return null;
  const nvOf = (rs: typeof before) => mean(rs.map((r) => nv(r, 'SG-B') ?? NaN));
  const vOf = (rs: typeof before) => mean(rs.map((r) => variance(r, 'SG-B') ?? NaN));
  const lossOf = (rs: typeof before) => mean(rs.map((r) => r.loss));
  return {
    e,
    nv: [nvOf(before), nvOf(after)],
    v: vOf(after) / vOf(before),
    loss: [lossOf(before), lossOf(after)],
    span: [before[0].step, after.at(-1)!.step],
  };
}

function reveal(run: LiveRun) {
  const f = acrossFlip(run);
  if (!f || !f.nv.every(Number.isFinite)) return null;
  const d = f.nv[1] - f.nv[0];
  const choice = d > 0.02 ? 'rises' : d < -0.02 ? 'falls' : 'same';
  return {
    choice,
    evidence: `SG-B's normalized variance averaged ${num(f.nv[0])} over the ${WINDOW} measurements before the flip and ${num(f.nv[1])} over ${WINDOW} measurements after it (from step ${f.e.step + SETTLE}).`,
  };
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  const a = nv(r, 'SG-B');
  if (!r || a === null) return [];
  const side = (x: number) =>
    x > 0.5 ? 'above 0.5: noise outweighs signal' : 'below 0.5: signal outweighs noise';
  const out = [
    `Step ${r.step}: SG-B's normalized variance is ${num(a)}, ${side(a)} on average over coordinates.`,
  ];
  const b = nv(r, 'SG-2B');
  if (b !== null) out.push(`Doubling the batch (SG-2B) brings it to ${num(b)}.`);
  const f = acrossFlip(run);
  if (f)
    out.push(
      `Since the labels were flipped at step ${f.e.step} (noise ${f.e.from} → ${f.e.to}): variance ${times(f.v)}, normalized variance ${num(f.nv[0])} → ${num(f.nv[1])}, training loss ${num(f.loss[0])} → ${num(f.loss[1])} (means over ${WINDOW} measurements either side).`,
    );
  return out;
}

export const lesson: Lesson = {
  slug: 'signal-and-noise',
  title: 'Signal and noise: normalized variance',
  summary: 'Noise power against signal power, the 0.5 line, why the paper draws 1, label noise.',
  setup: 'data=circles&n=512&hidden=16,16&bs=8&lr=0.05&est=sgb,sg2b&every=10',
  source: 'Faghri et al. 2020, §4 (normalized variance), §4.1 (Fig. 3, Fig. 6)',
  prose: [
    'A variance of $10^{-4}$ means nothing on its own: it is negligible next to a gradient of size 1 and enormous next to one of size $10^{-3}$. Normalized variance compares, coordinate by coordinate, the noise power $V_j$ of the estimate with its signal power $g_j^2$: the variance divided by the estimate’s second moment $\\mathbb{E}[\\hat g_j^2] = V_j + g_j^2$, averaged over coordinates. Its inverse is a signal-to-noise ratio.',
    'This ratio lies between 0 and 1. At 0.5, $V_j = g_j^2$: noise and signal carry the same power, the dashed line on the chart. Above it, noise dominates and a mini-batch step is more random than informative in a typical coordinate.',
    'The paper reads 1 as the line where noise equals signal and shows values above 1. Its numbers come from sampled estimates: variance and second moment from $T$ mini-batch draws, the mean from a separate set of draws, which inflates the ratio by about $1 + 1/T$ and lets sampling noise carry it past 1. The playground computes the exact ratio, which cannot exceed 1, and its noise-equals-signal point is 0.5.',
    'The paper finds that normalized variance follows how hard optimisation is better than the variance does: it stays low while accuracy climbs quickly and is high when progress is slow (§4.1). Label noise is one source of it: an example with a wrong label pulls against the others, so per-example gradients disagree more, and the signal they share shrinks.',
  ],
  formulas: [
    {
      tex: '\\mathrm{NV} = \\frac{1}{d}\\sum_{j=1}^{d} \\frac{V_j}{V_j + g_j^2} = \\frac{1}{d}\\sum_{j=1}^{d} \\frac{V_j}{\\mathbb{E}\\big[\\hat g_{B,j}^2\\big]}',
      caption: 'Normalized variance: noise power over total power, per coordinate, averaged.',
    },
    {
      tex: 'V_j = g_j^2 \\iff \\frac{V_j}{V_j + g_j^2} = \\frac{1}{2}, \\qquad \\mathrm{SNR}_j = \\frac{g_j^2}{V_j} = \\frac{1}{\\mathrm{NV}_j} - 1',
      caption: 'Where noise equals signal, and the signal-to-noise ratio of one coordinate.',
    },
  ],
  question: {
    prompt: `At step ${FLIP_AT}, 30% of the training labels are flipped to the other class. What happens to the normalized variance of SG-B?`,
    choices: [
      { id: 'rises', text: 'It rises: noise gains on the signal' },
      { id: 'same', text: 'It stays where it was' },
      { id: 'falls', text: 'It falls' },
    ],
    expected: 'rises',
    trigger: { at: FLIP_AT, patch: { noise: 0.3 }, says: 'label noise 0 → 0.3' },
    within: FLIP_AT + SETTLE + 10 * WINDOW + 10,
    reveal,
  },
  actions: [
    { label: 'Clean labels again', patch: { noise: 0 } },
    { label: 'B = 64', patch: { bs: 64 } },
    { label: 'Over-parametrised random features', query: 'preset=fig4-overparam' },
  ],
  notice,
};
