/**
 * Sweep presets: the paper's curves in miniature. Each is a sweep URL query (codec.ts) and its
 * claims as data (claims.ts), checked by test/sweep/presets.test.ts on the preset as written
 * (or on `test`, a smaller version, when named). Captions are our words; sections refer to
 * Faghri et al. 2020 (arXiv 2007.04532).
 */
import { col, type Claim } from './claims';

export interface SweepPreset {
  name: string;
  title: string;
  paperSection: string;
  /** What the curves show, and what this scale does not reproduce. */
  caption: string;
  /** The sweep, as a URL query (without view=sweep). */
  query: string;
  claims: Claim[];
  /** Query keys the claims test overrides to fit the CI budget (fewer steps or seeds). */
  test?: string;
}

const sgb = col('SG-B', 'variance', 'mean');
const gcOverSgb = `${col('GC', 'variance', 'mean')} / ${sgb}`;
const gcOverSg2b = `${col('GC', 'variance', 'mean')} / ${col('SG-2B', 'variance', 'mean')}`;
const nv = col('SG-B', 'normalizedVariance', 'mean');

/** The random-features teacher–student problem of §4.2 (inputs in 20 dimensions). */
const RF = 'data=teacher&model=rf&dim=20&th=20';

// prettier-ignore
export const SWEEP_PRESETS: readonly SweepPreset[] = [
  {
    name: 'sweep-batch', title: 'Variance against the batch size B', paperSection: '§2 (SG-B, SG-2B); B_simple: McCandlish et al. 2018',
    caption: 'The variance of a mini-batch mean of B independent draws is the per-example variance over B: on log–log axes, a line of slope −1 (dashed), and SG-2B sits at exactly half of SG-B. At step 0 every B measures the same parameters, so the maximum over the run follows the law exactly; later each B follows its own trajectory and the late mean only roughly. B_simple (dotted) is the batch size at which the mini-batch noise has the power of the gradient itself; it grows as a run converges. Random features, N = 512, 300 steps, 3 seeds, with replacement (without, SG-2B/SG-B is (N−2B)/(2(N−B)), 0.33 at B = 128).',
    query: `${RF}&n=512&hidden=200&lr=0.05&est=sgb,sg2b&repl=1&steps=300&vary=bs:2..128:7&seeds=3`,
    claims: [
      { text: 'At the start, where every B measures the same parameters, SG-B\'s variance falls as 1/B: the maximum over the run has log–log slope −1 (±0.05).', check: { kind: 'slope', column: col('SG-B', 'variance', 'max'), min: -1.05, max: -0.95 } },
      { text: 'Along training the late mean follows the law roughly (slope between −1.2 and −0.9): small batches end at noisier points.', check: { kind: 'slope', column: sgb, min: -1.2, max: -0.9 } },
      { text: 'SG-2B has half the variance of SG-B, at every B (with replacement, exactly ½).', check: { kind: 'sgRatio', stat: 'variance', agg: 'mean', tol: 1e-4 } },
      { text: 'B_simple grows as the run converges: larger batches end nearer the minimum, where ‖g‖² is small, so the late B_simple rises at least 5× over the sweep.', check: { kind: 'ends', column: 'bSimple mean', direction: 'up', factor: 5 } },
    ],
  },
  {
    name: 'sweep-fig4', title: 'Fig. 4 — variance against over-parametrisation, two learning rates', paperSection: '§4.2, Fig. 4',
    caption: 'Random-features students (h = 200 fixed features) trained on N examples, N set by the over-parametrisation coefficient coef = trainable parameters / N = 2h/N (two outputs; the paper\'s h/N has one). As in the paper, variance is low in the over-parametrised regime and lower with the larger learning rate, and the gap between learning rates widens as coef grows. 500 steps, B = 10, 3 seeds; the paper trains hundreds of models at h = 1000.',
    query: `${RF}&hidden=200&bs=10&gcEvery=50&steps=500&vary=coef:0.5..8:5&vary2=lr:0.01,0.1&seeds=3`,
    claims: [
      { text: 'Over-parametrised models have low variance: at both learning rates, SG-B\'s late variance falls at least 2× from coef 0.5 to 8 (3–5× at lr 0.01, 40–120× at 0.1 on seeds 1–3 and 101–103).', check: { kind: 'ends', column: sgb, direction: 'down', factor: 2 } },
      { text: 'At every coef, the larger learning rate gives the lower variance.', check: { kind: 'seriesOrder', column: sgb, direction: 'down' } },
      { text: 'The gap between the learning rates grows with over-parametrisation (at least 3× wider at coef 8 than at 0.5).', check: { kind: 'gapGrows', column: sgb, factor: 3 } },
    ],
  },
  {
    name: 'sweep-fig5', title: 'Fig. 5 — normalized variance against over-parametrisation', paperSection: '§4.2, Fig. 5',
    caption: 'Normalized variance V/(V + g²) per coordinate, averaged: 0.5 is where noise and signal have equal power. Over a range where the variance itself falls 5–8× (lr 0.01) to 200–400× (lr 0.1), the normalized variance barely moves and stays above 0.5: the noise shrinks with the gradient. The paper reports normalized variance falling below its noise = signal line for over-parametrised models; at this scale (h = 400, N from 800 to 50, 500 steps, 3 seeds, with replacement) it does not.',
    query: `${RF}&hidden=400&bs=10&est=sgb,sg2b&repl=1&steps=500&vary=coef:1..16:5&vary2=lr:0.01,0.1&seeds=3&sweepY=nv`,
    claims: [
      { text: 'Noise dominates per coordinate everywhere: SG-B\'s normalized variance stays above 0.5 at every point.', check: { kind: 'level', column: nv, above: 0.5 } },
      { text: 'The variance falls at least 3× from coef 1 to 16 at both learning rates…', check: { kind: 'ends', column: sgb, direction: 'down', factor: 3 } },
      { text: '…while the normalized variance changes by less than 1.5× over the same range.', check: { kind: 'ends', column: nv, direction: 'flat', factor: 1.5 } },
    ],
  },
  {
    name: 'sweep-fig8', title: 'Fig. 8 — duplicates: GC against SG-B and SG-2B', paperSection: '§4.3, Fig. 8',
    caption: 'Five points copied to make up 0 %, 50 % or 90 % of the training set, across over-parametrisation (h = 200, N from 800 to 50, lr 0.01 as in the paper, B = K = 10, 500 steps, 3 seeds). GC puts the copies of a point in one cluster, where they add no variance: the more duplicates, the larger its advantage, and at 90 % it beats SG-2B (twice the examples) at every coef. Without duplicates the paper finds GC between SG-B and SG-2B; here it stays above SG-2B, and often above SG-B.',
    query: `${RF}&hidden=200&bs=10&lr=0.01&dupPts=5&gcEvery=50&steps=500&vary=coef:0.5..8:5&vary2=dup:0,0.5,0.9&seeds=3`,
    claims: [
      { text: 'The more duplicates, the lower GC\'s variance relative to SG-B, at every coef.', check: { kind: 'seriesOrder', column: gcOverSgb, direction: 'down' } },
      { text: 'With 90 % duplicates GC beats SG-2B at every coef (below 0.7× its variance).', check: { kind: 'level', column: gcOverSg2b, below: 0.7, where: { series: [0.9] } } },
      { text: 'With 90 % duplicates, GC\'s advantage does not shrink with over-parametrisation (GC/SG-B at coef 8 at most half its value at 0.5).', check: { kind: 'ends', column: gcOverSgb, direction: 'down', factor: 2, where: { series: [0.9] } } },
      { text: 'Without duplicates GC gains little: it stays above SG-2B at every coef.', check: { kind: 'level', column: gcOverSg2b, above: 1, where: { series: [0] } } },
    ],
  },
  {
    name: 'sweep-noise', title: 'Label noise', paperSection: '§4.1, Fig. 6',
    caption: 'A share of the training labels flipped to the other class (x axis; linear, it starts at 0). Noisy labels are a source of gradient variance: the late variance of SG-B rises with the share, the training loss ends higher and test accuracy lower. Two CIFAR-10 findings of the paper do not reproduce at this scale: corrupted labels removing the fluctuations of GC\'s variance, and GC\'s advantage being clearer with them — here GC loses ground to SG-B as labels get noisier. Random features, N = 300, h = 300, 500 steps, 3 seeds.',
    query: `${RF}&n=300&hidden=300&bs=10&gcEvery=50&steps=500&vary=noise:0,0.05,0.1,0.2,0.3&seeds=3`,
    claims: [
      { text: 'SG-B\'s late variance rises at least 1.8× from clean labels to 30 % flipped.', check: { kind: 'ends', column: sgb, direction: 'up', factor: 1.8 } },
      { text: 'The training loss ends at least 1.5× higher with 30 % flipped labels.', check: { kind: 'ends', column: 'loss', direction: 'up', factor: 1.5 } },
      { text: 'Test accuracy ends lower with noisy labels (at least 1.1× lower at 30 %).', check: { kind: 'ends', column: 'testAcc', direction: 'down', factor: 1.1 } },
      { text: 'GC loses ground with noisy labels: GC/SG-B is at least 1.2× higher at 30 % flipped than with clean labels.', check: { kind: 'ends', column: gcOverSgb, direction: 'up', factor: 1.2 } },
    ],
  },
];

export function sweepPreset(name: string): SweepPreset | undefined {
  return SWEEP_PRESETS.find((p) => p.name === name);
}
