import { hsl } from 'd3';
import type { EstimatorId } from '../../core/stats/types';

/** Okabe & Ito (2008) colour-blind-safe palette, in its published order. */
export const OKABE_ITO = [
  '#000000', // black
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#F0E442', // yellow
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
] as const;

/** One fixed colour per estimator, the same in every chart. */
export const ESTIMATOR_COLORS: Readonly<Record<EstimatorId, string>> = {
  'SG-B': '#0072B2',
  'SG-2B': '#56B4E9',
  GC: '#D55E00',
  SVRG: '#009E73',
};

/** Train / test curves of the loss and accuracy chart. */
export const SPLIT_COLORS = { train: '#000000', test: '#CC79A7' } as const;

/** Neutral greys for axes, reference lines and markers. */
export const INK = { axis: '#444444', grid: '#dddddd', reference: '#666666', marker: '#888888' };

/** Cluster order: strongest contrast first; yellow last as it is faint on white. */
const CLUSTER_BASE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#000000',
  '#F0E442',
];
/** Lightness shifts for the 2nd..8th cycle of 8 clusters (64 distinct colours). */
const CLUSTER_SHADES = [0, -0.9, 0.7, -1.6, 1.3, -0.45, 0.35, -1.25];

/**
 * Colour of cluster k: the 8 base colours, then darker/brighter variants of them for
 * k >= 8 (64 distinct colours, then repeats). Pure: same k, same colour everywhere.
 */
export function clusterColor(k: number): string {
  const i = ((Math.floor(k) % 64) + 64) % 64;
  const base = CLUSTER_BASE[i % 8];
  const shade = CLUSTER_SHADES[Math.floor(i / 8)];
  if (shade === 0) return base;
  const c = hsl(base);
  if (base === '#000000') return hsl(0, 0, 0.09 * Math.floor(i / 8)).formatHex(); // greys
  return (shade > 0 ? c.brighter(shade) : c.darker(-shade)).formatHex();
}

/**
 * Default colour of a line-chart series: the estimator's colour for an EstimatorId, the split's
 * for ids starting with 'train' / 'test', else the Okabe–Ito colour at the series index.
 */
export function seriesColor(id: string, index: number): string {
  if (id in ESTIMATOR_COLORS) return ESTIMATOR_COLORS[id as EstimatorId];
  if (id.startsWith('train')) return SPLIT_COLORS.train;
  if (id.startsWith('test')) return SPLIT_COLORS.test;
  return OKABE_ITO[(index + 1) % OKABE_ITO.length];
}
