import { temperature } from '../../core/train/scaling';
import { lastEvent, latest, nearestRatio, num, straddle, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

const SWITCH_AT = 150;

/** The SG-B variance either side of the last batch-size change, with the rates used. */
function acrossChange(run: LiveRun) {
  const e = lastEvent(run, 'change', 'bs');
  const s = e ? straddle(run, e.step) : null;
  const v0 = variance(s?.before, 'SG-B');
  const v1 = variance(s?.after, 'SG-B');
  if (!e || !s || v0 === null || v1 === null || v0 <= 0) return null;
  return { e, s, ratio: v1 / v0, b0: Number(e.from), b1: Number(e.to) };
}

function reveal(run: LiveRun) {
  const c = acrossChange(run);
  if (!c) return null;
  const choice = nearestRatio(c.ratio, [
    { id: 'quarter', ratio: 0.25 },
    { id: 'same', ratio: 1 },
    { id: 'up', ratio: 4 },
  ]);
  return {
    choice,
    evidence: `Across the change (steps ${c.s.before.step} → ${c.s.after.step}), SG-B's variance went ${times(c.ratio)}, while η went ${c.s.before.lr} → ${c.s.after.lr}.`,
  };
}

function notice(run: LiveRun): string[] {
  const r = latest(run);
  if (!r) return [];
  const out: string[] = [];
  const t = temperature({ ...run.config, lr: r.lr });
  if (t)
    out.push(
      `Temperature now: η/B = ${num(t.perBatch)} (η = ${r.lr}, B = ${run.config.bs})${run.config.mom > 0 ? `; with momentum η/(B(1−μ)) = ${num(t.withMomentum)}` : ''}.`,
    );
  else out.push('Adam is on: its steps are scaled per coordinate, so η/B is not its temperature.');
  const c = acrossChange(run);
  if (c) {
    const [l0, l1] = [c.s.before.lr, c.s.after.lr];
    const step = (l1 / l0) ** 2 * c.ratio;
    out.push(
      `When B went ${c.b0} → ${c.b1}, the gradient's variance went ${times(c.ratio)} and η went ${times(l1 / l0)}: the noise of one step, η²V, went ${times(step)}; per epoch (${times(c.b0 / c.b1)} as many steps) ${times((step * c.b0) / c.b1)}.`,
    );
  }
  if (r.clipped !== undefined)
    out.push(`${num(100 * r.clipped)}% of the steps since the last measurement were clipped.`);
  return out;
}

export const lesson: Lesson = {
  slug: 'temperature',
  title: 'Temperature: η/B and the scaling rules',
  summary: 'SGD’s noise scales with η/B; the linear and square-root rules; Adam and clipping.',
  setup: 'data=circles&n=512&hidden=16,16&bs=8&lr=0.05&lock=linear&est=sgb&every=10',
  source:
    'Goyal et al. 2017 (linear scaling), Hoffer et al. 2017 (square-root scaling), Kingma & Ba 2015 (Adam)',
  prose: [
    'An SGD step is $-\\eta\\,\\hat g_B$: the true gradient step $-\\eta g$ plus a random part $-\\eta(\\hat g_B - g)$ whose variance is $\\eta^2 V$, and $V \\propto 1/B$. Over many small steps the random parts add up like a random walk, and what sets the size of the jiggle for a given amount of progress is the ratio $\\eta/B$, the temperature of SGD: gradient descent plus noise whose strength is $\\eta/B$.',
    'Change $B$ without touching $\\eta$ and you change the temperature. The linear scaling rule moves $\\eta$ in proportion to $B$, keeping $\\eta/B$ and with it the noise per epoch; the square-root rule moves $\\eta$ with $\\sqrt{B}$, keeping $\\eta^2/B$, the noise of each single step. The scaling lock (beside the batch size) applies either rule whenever $B$ changes.',
    'With momentum $\\mu$ every gradient keeps acting on later steps with weights $\\mu, \\mu^2, \\dots$, so the effective step is $\\eta/(1-\\mu)$ and the temperature $\\eta/(B(1-\\mu))$. The readout under the batch size shows both.',
    'The lock moves $\\eta$, not the gradient. The variance on the charts is that of the mini-batch gradient at the current weights, which depends on $B$ and not on $\\eta$. Two more knobs change the step but not what is measured: Adam divides each coordinate by a running estimate of its root mean square, so each weight moves by about $\\eta$ or less per step whatever the gradient’s scale; clipping shortens any mini-batch gradient longer than $c$ to length $c$. The statistics stay those of the raw, unclipped mini-batch gradients.',
  ],
  formulas: [
    {
      tex: '\\theta_{t+1} = \\theta_t - \\eta\\,g - \\eta\\,(\\hat g_B - g), \\qquad \\operatorname{Var}\\big[\\eta\\,\\hat g_{B,j}\\big] = \\eta^2 V_j \\propto \\frac{\\eta^2}{B}',
      caption: 'Each step is the gradient step plus noise of variance $\\eta^2 V$.',
    },
    {
      tex: 'T = \\frac{\\eta}{B}\\ \\ \\text{(SGD)}, \\qquad T = \\frac{\\eta}{B\\,(1-\\mu)}\\ \\ \\text{(momentum } \\mu\\text{)}',
      caption: 'The temperature shown beside the batch size.',
    },
    {
      tex: '\\text{linear: } \\eta \\propto B \\ \\ (\\eta/B \\text{ fixed}), \\qquad \\text{square root: } \\eta \\propto \\sqrt{B} \\ \\ (\\eta^2/B \\text{ fixed})',
      caption: 'The two scaling rules of the lock.',
    },
    {
      tex: '\\hat g \\leftarrow \\hat g \\cdot \\min\\!\\Big(1, \\frac{c}{\\|\\hat g\\|}\\Big), \\qquad \\theta \\leftarrow \\theta - \\eta\\,\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}\\ \\ \\text{(Adam)}',
      caption:
        'Clipping by global norm, and Adam’s step with its bias-corrected running means $\\hat m$ of the gradient and $\\hat v$ of its square.',
    },
  ],
  question: {
    prompt: `The lock is on (linear). At step ${SWITCH_AT} the batch grows from 8 to 32, and η from 0.05 to 0.2, so η/B stays at 0.00625. What happens to the variance of the mini-batch gradient (SG-B)?`,
    choices: [
      { id: 'quarter', text: 'It falls to about a quarter' },
      { id: 'same', text: 'It stays the same: the temperature did not change' },
      { id: 'up', text: 'It rises: η is four times larger' },
    ],
    expected: 'quarter',
    trigger: { at: SWITCH_AT, patch: { bs: 32 }, says: 'B 8 → 32, η follows B (lock: linear)' },
    within: SWITCH_AT + 20,
    reveal,
  },
  actions: [
    { label: 'Lock off', patch: { lock: 'off' } },
    { label: 'Lock: square root', patch: { lock: 'sqrt' } },
    { label: 'B = 8', patch: { bs: 8 } },
    { label: 'B = 128', patch: { bs: 128 } },
    { label: 'Momentum 0.9', patch: { mom: 0.9 } },
    { label: 'Adam, η = 0.005', patch: { opt: 'adam', lr: 0.005 } },
    { label: 'Clip at ‖ĝ‖ = 0.05', patch: { clip: 0.05 } },
  ],
  notice,
};
