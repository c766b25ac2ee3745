import { scaleLinear } from 'd3';
import { clusterIds, clusterLegend } from './clusterLegend';
import type { PlaneOptions } from './clusterPlane';
import { drawAxes } from './frame';
import { legendFrame } from './legend';
import type { Coords } from './marks';
import { coordsOf, symbolPath } from './marks';
import { clusterColor } from './palette';
import { safeLinearDomain } from './scales';

/**
 * Per-example gradients on their top-2 principal directions, coloured by GC cluster.
 * Coordinates as {px, py}, or interleaved {xy} (the engine's ClusterView.projection).
 */
export type ProjectionData = (
  { px: ArrayLike<number>; py: ArrayLike<number> } | { xy: ArrayLike<number> }
) & {
  cluster: ArrayLike<number>;
};

/** The same options as the 2-D plane's scatter. */
export type ProjectionOptions = PlaneOptions;

export const defaults: ProjectionOptions = {
  width: 360,
  height: 320,
  xLabel: 'principal direction 1',
  yLabel: 'principal direction 2',
  radius: 2.5,
  maxLegendClusters: 8,
};

const MARGIN = { right: 12, bottom: 34, left: 48 };

function coords(d: ProjectionData): Coords {
  return 'xy' in d ? { xy: d.xy } : { x: d.px, y: d.py };
}

/** The domain widened by 5% on each side, so that no dot sits on an axis. */
function padded([lo, hi]: [number, number]): [number, number] {
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

/** "Gradient projection: N examples in K clusters". */
export function summarize(d: ProjectionData): string {
  const { n } = coordsOf(coords(d));
  const k = clusterIds(d.cluster).length;
  return `Per-example gradients on their top-2 principal directions: ${n} examples in ${k} clusters`;
}

/** Draws the scatter into svg, replacing its content: one path of dots per cluster. */
export function render(
  svg: SVGSVGElement,
  data: ProjectionData,
  options: Partial<ProjectionOptions> = {},
) {
  const o: ProjectionOptions = { ...defaults, ...options };
  const items = clusterLegend(clusterIds(data.cluster), o.maxLegendClusters);
  const { f, legend } = legendFrame(svg, o, MARGIN, items, summarize(data));
  const { n, at } = coordsOf(coords(data));
  const xs = Array.from({ length: n }, (_, i) => at(i)[0]);
  const ys = Array.from({ length: n }, (_, i) => at(i)[1]);
  const x = scaleLinear()
    .domain(padded(safeLinearDomain([xs])))
    .range([0, f.innerWidth])
    .nice();
  const y = scaleLinear()
    .domain(padded(safeLinearDomain([ys])))
    .range([f.innerHeight, 0])
    .nice();
  drawAxes(f, x, y, { xLabel: o.xLabel, yLabel: o.yLabel, xFormat: '.2~g', yFormat: '.2~g' });
  const byCluster = new Map<number, string[]>();
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) continue;
    const parts = byCluster.get(data.cluster[i]) ?? [];
    parts.push(symbolPath('circle', x(xs[i]), y(ys[i]), o.radius));
    byCluster.set(data.cluster[i], parts);
  }
  const layer = f.plot.append('g').attr('class', 'points').attr('fill-opacity', 0.8);
  for (const [k, parts] of [...byCluster].sort((a, b) => a[0] - b[0])) {
    layer
      .append('path')
      .attr('data-cluster', k)
      .attr('fill', clusterColor(k))
      .attr('d', parts.join(''));
  }
  legend();
}
