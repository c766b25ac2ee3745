import type { Report } from '../../core/run/records';
import { latest, num, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

const EVERY = 100;

/** The first complete interval between two snapshots with its first and last measurement. */
function interval(run: LiveRun): { from: number; first: Report; last: Report } | null {
  const snaps = run.events.filter((e) => e.kind === 'svrg').map((e) => e.step);
  for (let i = 0; i + 1 < snaps.length; i++) {
    const inside = run.reports.filter(
      (r) => r.step > snaps[i] && r.step < snaps[i + 1] && (variance(r, 'SVRG') ?? 0) > 0,
    );
    if (inside.length >= 2) return { from: snaps[i], first: inside[0], last: inside.at(-1)! };
  }
  return null;
}

function reveal(run: LiveRun) {
  const s = interval(run);
  if (!s) return null;
  const r = variance(s.last, 'SVRG')! / variance(s.first, 'SVRG')!;
  const choice = r > 1.5 ? 'grows' : r < 1 / 1.5 ? 'shrinks' : 'flat';
  return {
    choice,
    evidence: `After the snapshot at step ${s.from}, SVRG's variance went from ${num(variance(s.first, 'SVRG')!)} (step ${s.first.step}) to ${num(variance(s.last, 'SVRG')!)} (step ${s.last.step}): ${times(r)}.`,
  };
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  const sv = variance(r, 'SVRG');
  const sg = variance(r, 'SG-B');
  if (!r || sv === null || sg === null || sg <= 0) return [];
  const snap = run.events.filter((e) => e.kind === 'svrg').at(-1);
  const out = [
    snap && snap.step === r.step
      ? `Step ${r.step}: a snapshot was just taken, so SVRG is exact here (variance 0).`
      : `Step ${r.step}: SVRG/SG-B = ${num(sv / sg)}${snap ? `, ${r.step - snap.step} steps after the last snapshot` : ''}.`,
  ];
  const worse = run.reports.find(
    (p) => (variance(p, 'SVRG') ?? 0) > (variance(p, 'SG-B') ?? Infinity),
  );
  if (worse)
    out.push(
      `At step ${worse.step} SVRG was worse than plain SG-B: the weights had moved far from the snapshot.`,
    );
  return out;
}

export const lesson: Lesson = {
  slug: 'control-variates',
  title: 'Control variates: SVRG and its snapshot',
  summary: 'Subtract what you can predict: SVRG’s snapshot, and why its advantage fades.',
  setup: `data=circles&n=512&hidden=16,16&bs=8&lr=0.05&est=sgb,svrg&every=10&svrgEvery=${EVERY}`,
  source: 'Johnson & Zhang 2013 (SVRG); Faghri et al. 2020, §4.1, §4.2',
  prose: [
    'A control variate subtracts something whose mean you know and that moves with the noise. SVRG keeps a snapshot $\\tilde\\theta$ of the weights and the full gradient there, $g(\\tilde\\theta)$. For each example of the mini-batch it takes the gradient twice, at $\\theta$ and at $\\tilde\\theta$, averages the differences and adds back $g(\\tilde\\theta)$.',
    'The estimate is unbiased, since the mean that is subtracted is added back exactly. Its variance is that of the differences $g_i(\\theta) - g_i(\\tilde\\theta)$, which are small while $\\theta$ is close to $\\tilde\\theta$. At the snapshot itself the estimate is exact: variance 0, which the log-scale chart cannot draw, so the curve breaks there.',
    'As training moves $\\theta$ away from the snapshot the differences grow, and SVRG’s variance with them, until the next snapshot resets it. If the weights move far enough, SVRG does worse than plain SG-B: it pays for two noisy gradients. The paper finds SVRG strong where the loss goes to almost zero, as on MNIST, and its gain vanishing in over-parametrised models where every estimator’s variance is already small (§4.1, §4.2).',
    'The price: a pass over the whole data set at each snapshot, and two gradients per example.',
  ],
  formulas: [
    {
      tex: '\\hat g_{\\mathrm{SVRG}} = \\frac{1}{B}\\sum_{i \\in \\mathcal{B}} \\big(g_i(\\theta) - g_i(\\tilde\\theta)\\big) + g(\\tilde\\theta), \\qquad \\mathbb{E}\\big[\\hat g_{\\mathrm{SVRG}}\\big] = g(\\theta)',
      caption:
        'The SVRG estimate: the mini-batch’s change since the snapshot, plus the snapshot’s full gradient.',
    },
    {
      tex: 'V_j^{\\mathrm{SVRG}} = \\frac{1}{B}\\,\\operatorname{Var}_i\\big[g_{ij}(\\theta) - g_{ij}(\\tilde\\theta)\\big] \\quad\\text{(with replacement)}, \\qquad \\tilde\\theta = \\theta \\ \\Rightarrow\\ V_j^{\\mathrm{SVRG}} = 0',
      caption: 'Only the differences are noisy; at the snapshot there is no noise at all.',
    },
  ],
  question: {
    prompt: `A snapshot is taken every ${EVERY} steps. Between two snapshots, what does SVRG's variance do?`,
    choices: [
      { id: 'grows', text: 'It grows as the weights move away from the snapshot' },
      { id: 'flat', text: 'It stays where the snapshot put it' },
      { id: 'shrinks', text: 'It shrinks as training converges' },
    ],
    expected: 'grows',
    within: EVERY + 10,
    reveal,
  },
  actions: [
    { label: 'Snapshot every 20 steps', patch: { svrgEvery: 20 } },
    { label: 'Snapshot every 300 steps', patch: { svrgEvery: 300 } },
    { label: 'Larger steps (η = 0.2)', patch: { lr: 0.2 } },
  ],
  notice,
};
