/**
 * Presets reproduce the paper's figures in miniature (DESIGN §4); names are stable URL values.
 * Captions are our own words; section numbers refer to Faghri et al. 2020 (arXiv 2007.04532).
 *
 * Each preset carries its claims as data (core/claims): the sentence on screen (`claim`) sits
 * next to the checks that test it (`claims`), and the checks' own sentences are generated from
 * them (claims/describe.ts). test/claims/ runs every preset on WASM over the seeds and checks
 * every claim. Presets leave K = B (k unset) unless a claim needs otherwise.
 */
import { claim, ratio, stat } from '../claims/build';
import type { RunClaim } from '../claims/types';
import type { Config } from './schema';

export interface Preset {
  name: string;
  title: string;
  /** The paper's claim this preset illustrates, as the runs show it (checked by `claims`). */
  claim: string;
  /** What to watch for in the charts. */
  lookFor: string;
  paperSection: string;
  config: Partial<Config>;
  /** The checks behind `claim`: each holds on every one of its seeds (test/claims/). */
  claims: readonly RunClaim[];
}

/** Random-features student on the teacher problem of §4.2, as in Fig. 8 (lr 0.01, B = 10). */
const RF_DUP = {
  data: 'teacher',
  model: 'rf',
  n: 200,
  dim: 20,
  th: 20,
  hidden: [400],
  lr: 0.01,
  bs: 10,
  dupPts: 5,
  gcEvery: 50,
  every: 10,
} as const;

const rfDup = (dup: number): Partial<Config> => ({ ...RF_DUP, hidden: [...RF_DUP.hidden], dup });

// prettier-ignore
export const PRESETS: readonly Preset[] = [
  {
    name: 'fig1-gc2d', title: 'Fig. 1 — Gradient Clustering in 2-D', paperSection: '§3, Fig. 1',
    claim: 'Once the classifier separates the two blobs, the examples far from the boundary — on both sides, far apart in input space — have nearly the same (tiny) gradient, and Gradient Clustering puts them in one cluster, whatever their class. Sampling one example per cluster then estimates the gradient with far less variance than SG-B. (The paper trains with full-batch gradient descent; here SGD with B = 4 and momentum, so that GC with K = B = 4 can be compared with SG-B.)',
    lookFor: 'In the cluster view, a colour holding points of both classes (circles and crosses); each dashed line is where one cluster alone would move the boundary. GC far below SG-B.',
    config: { data: 'blobs', model: 'linear', n: 200, bs: 4, k: 4, lr: 1, mom: 0.9, gcEvery: 20, every: 5 },
    claims: [
      claim({ kind: 'mixedClusters' }, '>', 0.5, 500),
      claim(ratio('GC', 'SG-B'), '<', 0.4, 500),
    ],
  },
  {
    name: 'fig3-mnist', title: 'Fig. 3 — MLP on MNIST', paperSection: '§4.1, Fig. 3',
    claim: 'An MLP trained on 1024 MNIST digits, every statistic measured over all 1024. As in the paper, the variance falls as training converges, and SVRG ends far below SG-2B once the loss nears zero. SG-2B sits at 0.43 of SG-B, not half: SGD draws its 128 examples without replacement from only N = 1024 = 8B digits, and (N - 2B)/(2(N - B)) = 0.43 (half when N is much larger than B). Normalized variance stays below 1, as the paper reports, but above 0.5: on average the noise power exceeds the signal\'s in each coordinate. The paper\'s GC below SG-2B does not reproduce at this scale: here GC is no better than SG-B.',
    lookFor: 'SG-B and SG-2B falling together on the log scale; SVRG dropping after each snapshot; GC near or above SG-B. The first report comes before the first clustering, so GC joins from the second point.',
    config: { data: 'mnist', model: 'mlp', hidden: [128, 128], n: 1024, pool: 1024, bs: 128, lr: 0.02, mom: 0.5, wd: 5e-4, gcIters: 10, gcEvery: 200, svrgEvery: 200, every: 50 },
    claims: [
      claim(ratio(stat('SG-B'), stat('SG-B', 'variance', 'max')), '<', 0.7, 600),
      claim(ratio('SVRG', 'SG-2B'), '<', 0.3, 600),
      claim(ratio('SG-2B', 'SG-B'), '>', 0.42, 600),
      claim(ratio('SG-2B', 'SG-B'), '<', 0.44, 600),
      claim(stat('SG-B', 'normalizedVariance'), '>', 0.5, 600),
      claim(ratio('GC', 'SG-B'), '>', 0.9, 600),
    ],
  },
  {
    name: 'fig4-overparam', title: 'Fig. 4 — over-parametrised random features', paperSection: '§4.2, Fig. 4',
    claim: 'With the student\'s width fixed (h = 400 random features), the gradient variance depends on how over-parametrised the model is, h/N: with N = 100 training examples (h/N = 4) the late variance is a small fraction of what it is with N = 1000 (h/N = 0.4), where the model cannot fit every example.',
    lookFor: 'Change the training-set size n at this width (n=1000 gives h/N = 0.4) and compare the variance level. Changing the width instead changes d, the number of coordinates the variance is averaged over, so the levels are not comparable (agg=total plots the sum over coordinates).',
    config: { data: 'teacher', model: 'rf', n: 100, dim: 20, th: 20, hidden: [400], bs: 10, lr: 0.05, every: 10, gcEvery: 50 },
    claims: [claim(stat('SG-B'), '<', 0.2, 1000, { versus: { n: 1000 } })],
  },
  {
    name: 'fig6-labelnoise', title: 'Fig. 6 — corrupted labels', paperSection: '§4.1, Fig. 6',
    claim: 'The paper finds, on CIFAR-10, that flipping 10% of the labels removes the sudden jumps of GC\'s variance. That finding does not reproduce at this scale: on this random-features problem GC stays about as close to SG-B with flipped labels as without. What the runs do show is that flipped labels keep the variance of every estimator high: the flipped examples cannot be fit, so their gradients stay large.',
    lookFor: 'Compare with noise=0 (the slider changes it mid-run): the variance curves settle about twice as low.',
    config: { data: 'teacher', model: 'rf', n: 300, dim: 20, th: 20, hidden: [300], bs: 10, lr: 0.05, noise: 0.1, every: 10, gcEvery: 50 },
    claims: [claim(stat('SG-B'), '>', 1.4, 1000, { versus: { noise: 0 } })],
  },
  {
    name: 'fig8-dup10', title: 'Fig. 8 — duplicates 10%', paperSection: '§4.3, Fig. 8',
    claim: 'Copies of a point have identical gradients, and GC keeps all copies of each duplicated point in one cluster. With 10% of the set made of copies (5 points, 4 copies each), those clusters also hold other examples, and GC sits between SG-B and SG-2B: a little below SG-B.',
    lookFor: 'GC slightly below SG-B and above SG-2B.',
    config: rfDup(0.1),
    claims: [
      claim(ratio('GC', 'SG-B'), '<', 1, 1000),
      claim(ratio('GC', 'SG-2B'), '>', 1, 1000),
      claim({ kind: 'duplicates', measure: 'together' }, '>', 0.9, 1000),
    ],
  },
  {
    name: 'fig8-dup50', title: 'Fig. 8 — duplicates 50%', paperSection: '§4.3, Fig. 8',
    claim: 'The more of the set the duplicates make up, the larger GC\'s advantage over SG-B: with half the set made of copies, GC\'s variance relative to SG-B is lower than with 10%.',
    lookFor: 'GC well below SG-B, approaching SG-2B; one cluster per duplicated point in the cluster sizes.',
    config: rfDup(0.5),
    claims: [
      claim(ratio('GC', 'SG-B'), '<', 0.8, 1000),
      claim(ratio('GC', 'SG-B'), '<', 0.9, 1000, { versus: { dup: 0.1 } }),
      claim({ kind: 'duplicates', measure: 'together' }, '>', 0.9, 1000),
    ],
  },
  {
    name: 'fig8-dup90', title: 'Fig. 8 — duplicates 90%', paperSection: '§4.3, Fig. 8',
    claim: 'With 90% duplicates GC keeps each point\'s 36 copies in one cluster — where nothing else shares it, the copies add no variance at all (§3) — and beats even SG-2B, which averages twice as many examples.',
    lookFor: 'GC variance below SG-2B; in the cluster sizes, a few large clusters made of the duplicated points\' copies.',
    config: rfDup(0.9),
    claims: [
      claim(ratio('GC', 'SG-2B'), '<', 0.5, 1000),
      claim({ kind: 'duplicates', measure: 'together' }, '>', 0.9, 1000),
    ],
  },
];
