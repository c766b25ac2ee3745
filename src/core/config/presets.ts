/**
 * Presets reproduce the paper's figures in miniature (DESIGN §4); names are stable URL values.
 * Captions are our own words; section numbers refer to Faghri et al. 2020 (arXiv 2007.04532).
 */
import type { Config } from './schema';

export interface Preset {
  name: string;
  title: string;
  /** The paper's claim this preset illustrates. */
  claim: string;
  /** What to watch for in the charts. */
  lookFor: string;
  paperSection: string;
  config: Partial<Config>;
}

const RF_DUP = {
  data: 'teacher',
  model: 'rf',
  n: 200,
  dim: 20,
  th: 20,
  hidden: [400],
  lr: 0.01,
  bs: 10,
  k: 10,
  dupPts: 5,
  gcEvery: 50,
  every: 10,
} as const;

// prettier-ignore
export const PRESETS: readonly Preset[] = [
  {
    name: 'fig1-gc2d', title: 'Fig. 1 — Gradient Clustering in 2-D', paperSection: '§3, Fig. 1',
    claim: 'Examples far apart in input space can have similar gradients; clustering by gradient, not by input, gives a low-variance stratified estimate.',
    lookFor: 'Points of both classes share a colour (cluster); each dashed line is where one cluster alone would move the boundary.',
    config: { data: 'blobs', model: 'linear', n: 200, bs: 4, k: 4, lr: 0.1, gcEvery: 20, every: 5 },
  },
  {
    name: 'fig3-mnist', title: 'Fig. 3 — MLP on MNIST', paperSection: '§4.1, Fig. 3',
    claim: 'On MNIST the variance of every estimator falls during training, and normalized variance tracks how hard optimisation is.',
    lookFor: 'Variance decreasing over time; GC between SG-B and SG-2B; SG-2B at half of SG-B.',
    config: { data: 'mnist', model: 'mlp', hidden: [128, 128], n: 8000, pool: 1024, bs: 128, lr: 0.02, mom: 0.5, wd: 5e-4, gcIters: 10, gcEvery: 100, every: 20 },
  },
  {
    name: 'fig4-overparam', title: 'Fig. 4 — over-parametrised random features', paperSection: '§4.2, Fig. 4',
    claim: 'In random-features models the variance depends mainly on the learning rate and on student width over training-set size; it is low when over-parametrised.',
    lookFor: 'Change the hidden width (students features) relative to n and compare the variance level.',
    config: { data: 'teacher', model: 'rf', n: 100, dim: 20, th: 20, hidden: [400], bs: 10, k: 10, lr: 0.05, every: 10, gcEvery: 50 },
  },
  {
    name: 'fig6-labelnoise', title: 'Fig. 6 — corrupted labels', paperSection: '§4.1, Fig. 6',
    claim: 'With a fraction of labels corrupted, the fluctuations of GC variance seen with clean labels disappear (the paper shows CIFAR-10; this is a small analogue).',
    lookFor: 'Compare the GC curve with noise=0.1 against noise=0 (move the slider; it changes mid-run).',
    config: { data: 'teacher', model: 'rf', n: 300, dim: 20, th: 20, hidden: [300], bs: 10, k: 10, lr: 0.05, noise: 0.1, every: 10, gcEvery: 50 },
  },
  {
    name: 'fig8-dup10', title: 'Fig. 8 — duplicates 10%', paperSection: '§4.3, Fig. 8',
    claim: 'When a few points are repeated, GC puts their copies in one cluster, where they add no variance.',
    lookFor: 'GC slightly below SG-B; the cluster view groups the 5 duplicated points.',
    config: { ...RF_DUP, hidden: [...RF_DUP.hidden], dup: 0.1 },
  },
  {
    name: 'fig8-dup50', title: 'Fig. 8 — duplicates 50%', paperSection: '§4.3, Fig. 8',
    claim: 'The more of the set the duplicates make up, the larger GC\'s advantage.',
    lookFor: 'GC well below SG-B, approaching SG-2B.',
    config: { ...RF_DUP, hidden: [...RF_DUP.hidden], dup: 0.5 },
  },
  {
    name: 'fig8-dup90', title: 'Fig. 8 — duplicates 90%', paperSection: '§4.3, Fig. 8',
    claim: 'With 90% duplicates GC exploits the repetition and beats even SG-2B, which uses twice the examples.',
    lookFor: 'GC variance below SG-2B; in the cluster view each duplicated point sits alone in its cluster.',
    config: { ...RF_DUP, hidden: [...RF_DUP.hidden], dup: 0.9 },
  },
];
