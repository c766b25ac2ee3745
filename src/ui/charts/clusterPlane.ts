import { line, scaleLinear } from 'd3';
import type { ScaleLinear } from 'd3';
import { clusterIds, clusterLegend } from './clusterLegend';
import type { Extent, Polyline } from '../../engine/protocol';
import type { G } from './frame';
import { drawAxes, plotRect, scaleMargin, setupFrame } from './frame';
import { drawLegend, legendBand } from './legend';
import type { LegendItem } from './legend';
import type { Coords } from './marks';
import { coordsOf, shapeOf, symbolPath } from './marks';
import { clusterColor } from './palette';

export type { Extent, Polyline } from '../../engine/protocol';
export { heatmapPixels, heatmapPlacement, HEATMAP_COLORS } from './heatmap';

/**
 * The input plane of a 2-D dataset. Coordinates as two arrays {x, y} or interleaved {xy}
 * (the engine's ClusterView.points.xy); label = class (shape), cluster = GC cluster id
 * (colour; absent before the first clustering: all grey), duplicate[i] = 1 marks a
 * duplicated point (ringed).
 */
export interface PlaneData {
  points: Coords & {
    label: ArrayLike<number>;
    cluster?: ArrayLike<number>;
    duplicate?: ArrayLike<number>;
  };
  boundaries: {
    /** The current decision boundary (solid). */
    current: Polyline[];
    /** The boundary after one step along each cluster's mean gradient (dashed, cluster colour). */
    perCluster?: { cluster: number; lines: Polyline[] }[];
  };
  extent: Extent;
  /** Indices of points to ring boldly: the mini-batch of an explained step. */
  highlight?: ArrayLike<number>;
}

/** Colour of points not yet clustered. */
export const UNCLUSTERED_COLOR = '#8a8a8a';

/** Colour of the mini-batch rings (Okabe–Ito vermillion, apart from the cluster colours). */
export const BATCH_COLOR = '#d55e00';

export interface PlaneOptions {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** Point radius in px. */
  radius: number;
  /** Cluster colours get legend entries up to this many clusters. */
  maxLegendClusters: number;
  /** Text size in px; margins and legend grow with it (default CHART_FONT, 11). */
  fontSize?: number;
  /**
   * Clusters the legend keeps room for before the first re-clustering (GC's K; 0: none), so
   * that the plot neither moves nor shrinks when they arrive.
   */
  plannedClusters?: number;
}

export const defaults: PlaneOptions = {
  width: 360,
  height: 360,
  xLabel: 'x₁',
  yLabel: 'x₂',
  radius: 3.5,
  maxLegendClusters: 8,
};

const MARGIN = { right: 12, bottom: 34, left: 44 };

/**
 * The legend's entries; with `planned` > 0 before the first re-clustering, as they will be
 * once the planned clusters come (the room the legend keeps from the start).
 */
function legendItems(d: PlaneData, o: PlaneOptions, planned = 0): LegendItem[] {
  const clusters = d.points.cluster
    ? clusterIds(d.points.cluster)
    : Array.from({ length: planned }, (_, i) => i);
  const labels = [...new Set(Array.from(d.points.label))].sort((a, b) => a - b);
  const items: LegendItem[] = labels.map((l) => ({
    label: `class ${l}`,
    color: '#666',
    symbol: symbolPath(shapeOf(l), 0, 0, 4),
  }));
  if (duplicateCount(d) > 0) {
    items.push({
      label: 'duplicated',
      color: '#000',
      symbol: symbolPath('circle', 0, 0, 5),
      hollow: true,
    });
  }
  if (d.highlight?.length) {
    items.push({
      label: 'mini-batch',
      color: BATCH_COLOR,
      symbol: symbolPath('circle', 0, 0, 5),
      hollow: true,
    });
  }
  items.push({ label: 'decision boundary', color: '#000' });
  if (d.boundaries.perCluster?.length || (!d.points.cluster && planned > 0)) {
    items.push({ label: "after one cluster's step", color: '#666', dash: '5 3' });
  }
  return [...items, ...clusterLegend(clusters, o.maxLegendClusters)];
}

function duplicateCount(d: PlaneData): number {
  return Array.from(d.points.duplicate ?? []).filter((v) => v).length;
}

/** "Input plane: N points, K clusters, D duplicated; ..." */
export function summarize(d: PlaneData): string {
  const { n } = coordsOf(d.points);
  const dup = duplicateCount(d);
  if (!d.points.cluster) {
    return `Input plane: ${n} points, not yet clustered, ${dup} duplicated; current decision boundary`;
  }
  const k = clusterIds(d.points.cluster).length;
  const per = d.boundaries.perCluster?.length ?? 0;
  return (
    `Input plane: ${n} points in ${k} clusters, ${dup} duplicated; ` +
    `current decision boundary and ${per} per-cluster step boundaries`
  );
}

/** Top margin (legend rows) for these data and options; the heatmap canvas goes at plotArea. */
function marginFor(d: PlaneData, o: PlaneOptions) {
  const m = scaleMargin(MARGIN, o.fontSize);
  const band = legendBand(
    legendItems(d, o, o.plannedClusters),
    o.width - m.left - m.right,
    o.fontSize,
  );
  return { ...m, top: band.top, legendY: band.y };
}

/** The plot area in SVG px: where to put the heatmap canvas under the SVG. */
export function plotArea(d: PlaneData, options: Partial<PlaneOptions> = {}) {
  const o = { ...defaults, ...options };
  return plotRect({ ...o, margin: marginFor(d, o) });
}

/** Draws the plane into svg, replacing its content. The background is left transparent. */
export function render(svg: SVGSVGElement, data: PlaneData, options: Partial<PlaneOptions> = {}) {
  const o: PlaneOptions = { ...defaults, ...options };
  const margin = marginFor(data, o);
  const f = setupFrame(svg, { ...o, margin, summary: summarize(data) });
  const [[x0, x1], [y0, y1]] = data.extent;
  const x = scaleLinear().domain([x0, x1]).range([0, f.innerWidth]);
  const y = scaleLinear().domain([y0, y1]).range([f.innerHeight, 0]);
  drawAxes(f, x, y, { xLabel: o.xLabel, yLabel: o.yLabel });
  drawPoints(f.plot, data, x, y, o.radius);
  drawBoundaries(f.plot, data, x, y);
  drawHighlight(f.plot, data, x, y, o.radius);
  drawLegend(f.svg, legendItems(data, o), margin.left, margin.legendY, f.innerWidth, o.fontSize);
}

/** One path per (cluster, class): fill = cluster colour, shape = class; rings on duplicates. */
function drawPoints(g: G, d: PlaneData, x: Sc, y: Sc, r: number): void {
  const { n, at } = coordsOf(d.points);
  const groups = new Map<string, string[]>();
  const rings = new Set<string>();
  for (let i = 0; i < n; i++) {
    const [px, py] = at(i);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const k = d.points.cluster?.[i] ?? -1;
    const key = `${k} ${d.points.label[i]}`;
    const parts = groups.get(key) ?? [];
    parts.push(symbolPath(shapeOf(d.points.label[i]), x(px), y(py), r));
    groups.set(key, parts);
    if (d.points.duplicate?.[i]) rings.add(symbolPath('circle', x(px), y(py), r + 3));
  }
  const layer = g
    .append('g')
    .attr('class', 'points')
    .attr('stroke', '#fff')
    .attr('stroke-width', 0.5);
  const sorted = [...groups.entries()].sort((a, b) => compareKeys(a[0], b[0]));
  for (const [key, parts] of sorted) {
    const k = Number(key.split(' ')[0]);
    layer
      .append('path')
      .attr('data-key', key)
      .attr('fill', k < 0 ? UNCLUSTERED_COLOR : clusterColor(k))
      .attr('d', parts.join(''));
  }
  if (rings.size) {
    g.append('path')
      .attr('class', 'duplicates')
      .attr('fill', 'none')
      .attr('stroke', '#000')
      .attr('stroke-width', 1.25)
      .attr('d', [...rings].join(''));
  }
}

type Sc = ScaleLinear<number, number>;

/**
 * Bold rings around the highlighted points, one circle per entry (so B rings for a batch of
 * B). Entries at the same coordinates (a point drawn twice, or copies of a duplicated point)
 * get concentric rings, each 3 px wider, so none hides another.
 */
function drawHighlight(g: G, d: PlaneData, x: Sc, y: Sc, r: number): void {
  if (!d.highlight?.length) return;
  const { n, at } = coordsOf(d.points);
  const layer = g
    .append('g')
    .attr('class', 'batch')
    .attr('fill', 'none')
    .attr('stroke', BATCH_COLOR)
    .attr('stroke-width', 2.5);
  const stacked = new Map<string, number>();
  for (const i of Array.from(d.highlight)) {
    if (i < 0 || i >= n) continue;
    const [px, py] = at(i);
    if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
    const key = `${px} ${py}`;
    const below = stacked.get(key) ?? 0;
    stacked.set(key, below + 1);
    layer
      .append('circle')
      .attr('cx', x(px))
      .attr('cy', y(py))
      .attr('r', r + 4.5 + 3 * below);
  }
}

function compareKeys(a: string, b: string): number {
  const [ka, la] = a.split(' ').map(Number);
  const [kb, lb] = b.split(' ').map(Number);
  return ka - kb || la - lb;
}

/** Per-cluster boundaries dashed in their colours, then the current boundary solid on top. */
function drawBoundaries(g: G, d: PlaneData, x: Sc, y: Sc): void {
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  const toD = (lines: Polyline[]) => lines.map((l) => path(l) ?? '').join('');
  const layer = g.append('g').attr('class', 'boundaries').attr('fill', 'none');
  for (const { cluster, lines } of d.boundaries.perCluster ?? []) {
    layer
      .append('path')
      .attr('class', 'cluster-boundary')
      .attr('data-cluster', cluster)
      .attr('stroke', clusterColor(cluster))
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '5 3')
      .attr('d', toD(lines));
  }
  layer
    .append('path')
    .attr('class', 'current-boundary')
    .attr('stroke', '#000')
    .attr('stroke-width', 2)
    .attr('d', toD(d.boundaries.current));
}
