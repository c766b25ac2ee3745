import { format, max, range, scaleBand, scaleLinear, sum } from 'd3';
import { drawAxes, scaleMargin, setupFrame } from './frame';
import type { G } from './frame';
import { INK, clusterColor } from './palette';

/** Cluster sizes: sizes[k] = N_k, the number of pool examples in GC cluster k. */
export interface BarsData {
  sizes: ArrayLike<number>;
}

export interface BarsOptions {
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  /** Dashed line at N/K, the size every cluster would have if they were equal. */
  showUniform: boolean;
  /** At most this many x tick labels. */
  maxTicks: number;
  /** Text size in px; margins grow with it (default CHART_FONT, 11). */
  fontSize?: number;
}

export const defaults: BarsOptions = {
  width: 360,
  height: 200,
  xLabel: 'cluster',
  yLabel: 'examples',
  showUniform: true,
  maxTicks: 12,
};

const MARGIN = { top: 12, right: 12, bottom: 34, left: 48 };

/** "Cluster sizes, K clusters of N examples: smallest a, largest b" (+ each size when K <= 8). */
export function summarize(d: BarsData): string {
  const sizes = Array.from(d.sizes);
  if (!sizes.length) return 'Cluster sizes: no clusters yet';
  const n = sum(sizes);
  const head = `Cluster sizes, ${sizes.length} clusters of ${n} examples: smallest ${Math.min(...sizes)}, largest ${Math.max(...sizes)}`;
  return sizes.length <= 8 ? `${head} (${sizes.map((s, k) => `${k}: ${s}`).join(', ')})` : head;
}

/** Evenly spaced tick ids, at most maxTicks of them. */
export function tickIds(k: number, maxTicks: number): number[] {
  const stepBy = Math.max(1, Math.ceil(k / Math.max(1, maxTicks)));
  return range(0, k, stepBy);
}

/** Draws the bars into svg, replacing its content. Bars in cluster-id order, cluster colours. */
export function render(svg: SVGSVGElement, data: BarsData, options: Partial<BarsOptions> = {}) {
  const o: BarsOptions = { ...defaults, ...options };
  const f = setupFrame(svg, {
    ...o,
    margin: scaleMargin(MARGIN, o.fontSize),
    summary: summarize(data),
  });
  const sizes = Array.from(data.sizes, (v) => (Number.isFinite(v) ? Math.max(0, v) : 0));
  const ids = range(sizes.length);
  const x = scaleBand<number>()
    .domain(ids)
    .range([0, f.innerWidth])
    .padding(sizes.length > 64 ? 0 : 0.15);
  const y = scaleLinear()
    .domain([0, max(sizes) || 1])
    .range([f.innerHeight, 0])
    .nice();
  const xTickValues = tickIds(sizes.length, o.maxTicks);
  drawAxes(f, x, y, { xLabel: o.xLabel, yLabel: o.yLabel, xTickValues, yFormat: '~s' });
  const bars = f.plot.append('g').attr('class', 'bars');
  sizes.forEach((s, k) => {
    bars
      .append('rect')
      .attr('x', x(k) ?? 0)
      .attr('y', y(s))
      .attr('width', Math.max(0.5, x.bandwidth()))
      .attr('height', f.innerHeight - y(s))
      .attr('fill', clusterColor(k))
      .append('title')
      .text(`cluster ${k}: ${s}`);
  });
  const mean = sum(sizes) / Math.max(1, sizes.length);
  if (o.showUniform && sizes.length) drawUniform(f.plot, y(mean), f.innerWidth, mean);
}

function drawUniform(g: G, py: number, width: number, value: number): void {
  g.append('line')
    .attr('class', 'uniform')
    .attr('x2', width)
    .attr('y1', py)
    .attr('y2', py)
    .attr('stroke', INK.reference)
    .attr('stroke-dasharray', '6 4');
  g.append('text')
    .attr('x', width - 4)
    .attr('y', py - 4)
    .attr('text-anchor', 'end')
    .attr('fill', INK.reference)
    .text(`N/K = ${format('.3~g')(value)}`);
}
