import type { LegendItem } from './legend';
import { symbolPath } from './marks';
import { clusterColor } from './palette';

/** Sorted distinct cluster ids present in `cluster`. */
export function clusterIds(cluster: ArrayLike<number>): number[] {
  return [...new Set(Array.from(cluster))].sort((a, b) => a - b);
}

/** One dot per cluster while there are at most `max`; otherwise a single note. */
export function clusterLegend(ids: readonly number[], max: number): LegendItem[] {
  if (ids.length <= max) {
    return ids.map((k) => ({
      label: `cluster ${k}`,
      color: clusterColor(k),
      symbol: symbolPath('circle', 0, 0, 4),
    }));
  }
  return [
    {
      label: `${ids.length} clusters (colours as in the bars)`,
      color: '#666',
      symbol: symbolPath('circle', 0, 0, 4),
    },
  ];
}
