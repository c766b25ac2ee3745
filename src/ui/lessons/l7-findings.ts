import type { Report } from '../../core/run/records';
import { lastEvent, mean, num, times, variance } from './live';
import type { Lesson, LiveRun } from './types';

const DROP_AT = 600;
/** The plateau averaged before the drop, and the window after it (steps from the drop). */
const PLATEAU = 100;
const AFTER: [number, number] = [20, 60];

/** Mean training loss of the measurements with from <= step < to (null if none). */
function meanLoss(reports: readonly Report[], from: number, to: number): number | null {
  const inside = reports.filter((r) => r.step >= from && r.step < to);
  return inside.length ? mean(inside.map((r) => r.loss)) : null;
}

/** The loss level in the PLATEAU steps before the drop and in the AFTER window after it. */
function levels(run: LiveRun) {
  const e = lastEvent(run, 'lrDrop');
  if (!e || (run.reports.at(-1)?.step ?? 0) < e.step + AFTER[1]) return null;
  const before = meanLoss(run.reports, e.step - PLATEAU, e.step);
  const after = meanLoss(run.reports, e.step + AFTER[0], e.step + AFTER[1] + 1);
  return before === null || after === null ? null : { e, before, after };
}

function reveal(run: LiveRun) {
  const f = levels(run);
  if (!f) return null;
  const r = f.after / f.before;
  const choice = r < 0.97 ? 'lower' : r > 1.03 ? 'rises' : 'same';
  return {
    choice,
    evidence: `Mean training loss: ${num(f.before)} over the ${PLATEAU} steps before the drop, ${num(f.after)} from ${AFTER[0]} to ${AFTER[1]} steps after it (${times(r)}).`,
  };
}

function notice(run: LiveRun): string[] {
  const e = lastEvent(run, 'lrDrop');
  const r = run.reports.at(-1);
  if (!r) return [];
  if (!e) {
    const c = run.config;
    const later = c.lrDrop > 0 ? `, until step ${c.lrDrop}; then ${c.lr / 10}` : '';
    return [`Step ${r.step}: η = ${r.lr}${later}. Training loss ${num(r.loss)}.`];
  }
  const out = [
    `At the drop (step ${e.step}) η went ${e.from} → ${e.to}, so the noise of each step, η²V, fell a hundredfold at once: V belongs to the weights and cannot jump.`,
  ];
  const atDrop = run.reports.find((p) => p.step >= e.step);
  const v0 = variance(atDrop, 'SG-B');
  const v1 = variance(r, 'SG-B');
  if (atDrop && r.step > atDrop.step && v0 !== null && v1 !== null && v0 > 0)
    out.push(
      `Since then (step ${atDrop.step} → ${r.step}) the gradient's variance V itself went ${times(v1 / v0)} as the weights moved.`,
    );
  const f = levels(run);
  if (f)
    out.push(
      `The training loss ${f.after < f.before ? 'fell' : 'rose'} from ${num(f.before)} (mean over the ${PLATEAU} steps before the drop) to ${num(f.after)} (${AFTER[0]}–${AFTER[1]} steps after).`,
    );
  return out;
}

export const lesson: Lesson = {
  slug: 'what-the-paper-found',
  title: 'What the paper found, and what this playground cannot show',
  summary:
    'Variance over training, learning rate, over-parametrisation; the limits of a small model.',
  setup: `data=teacher&model=rf&n=300&dim=20&th=20&hidden=100&bs=10&lr=0.5&noise=0.1&lrDrop=${DROP_AT}&est=sgb,sg2b&every=10&charts=loss,variance,nv,acc`,
  source: 'Faghri et al. 2020, §4.1 (Fig. 3), §4.2 (Fig. 4, Fig. 5), §5',
  prose: [
    'Variance over training. For an MLP on MNIST the variance of every estimator falls as training converges, and normalized variance stays low (§4.1, Fig. 3). For ResNets on CIFAR-10 and ImageNet the paper sees the opposite: variance and normalized variance grow during training, most of all after each learning-rate drop. The authors’ reading is that as training goes on, the gradient of each example becomes more its own.',
    'Learning rate and over-parametrisation. Across hundreds of random-features models, the variance depended mainly on two things: the learning rate (larger rates went with lower variance, Fig. 4a) and the ratio of the student’s features to the number of training examples (variance is low when that ratio is large, Fig. 4b, 4c). Below a ratio of about 5, normalized variance sat above the paper’s noise line (Fig. 5).',
    'Why does the loss often fall right after a learning-rate drop? The gradient’s variance belongs to the weights, so it cannot jump when $\\eta$ does. What jumps is the noise of each step, $\\eta^2 V$, which falls a hundredfold, and the weights settle deeper into the valley they were rattling around in. The paper argues that lower variance alone does not explain the fall (§4.2); this lesson lets you watch both numbers at the drop.',
    'What this playground cannot show. Its models are small enough to train in a browser: there is no ResNet, no CIFAR-10 or ImageNet, no data augmentation. The growth of variance during training on those benchmarks, GC’s fluctuations on CIFAR-10 and the lack of gradient structure on ImageNet are reported here from the paper, not reproduced. The fig3-mnist preset runs the paper’s MNIST setting in miniature: 8,000 digits and an MLP with two hidden layers of 128 units.',
  ],
  formulas: [
    {
      tex: '\\eta \\to \\frac{\\eta}{10}: \\qquad \\operatorname{Var}\\big[\\eta\\,\\hat g_{B,j}\\big] = \\eta^2 V_j \\ \\to\\ \\frac{\\eta^2}{100}\\, V_j',
      caption: 'A tenfold drop in the learning rate cuts the noise of each step a hundredfold.',
    },
    {
      tex: '\\text{over-parametrisation} = \\frac{h_s}{N}',
      caption:
        'The random-features student’s width $h_s$ over the training-set size $N$ (Fig. 4, 5).',
    },
  ],
  question: {
    prompt: `A random-features model takes large steps (η = 0.5) on labels of which 10% are wrong, and its loss bounces up and down. At step ${DROP_AT} η drops to 0.05. In the ${AFTER[1]} steps after the drop, the training loss…`,
    choices: [
      { id: 'lower', text: 'settles below the level it was bouncing around' },
      { id: 'same', text: 'stays around that level' },
      { id: 'rises', text: 'rises' },
    ],
    expected: 'lower',
    within: DROP_AT + AFTER[1] + 10,
    reveal,
  },
  actions: [
    { label: 'Fig. 4: over-parametrised random features', query: 'preset=fig4-overparam' },
    {
      label: 'Under-parametrised (25 features)',
      query: 'preset=fig4-overparam&hidden=25',
    },
    { label: 'Fig. 3: an MLP on MNIST', query: 'preset=fig3-mnist' },
  ],
  notice,
};
