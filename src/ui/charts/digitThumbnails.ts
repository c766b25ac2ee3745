import { clusterIds } from './clusterLegend';
import { setupFrame } from './frame';
import type { G } from './frame';
import { clusterColor } from './palette';

/** MNIST digits shown per cluster: `side`² bytes per digit (0 = paper, 255 = ink). */
export interface DigitData {
  pixels: Uint8Array;
  /** cluster[i] = GC cluster of digit i. */
  cluster: ArrayLike<number>;
}

export interface DigitOptions {
  width: number;
  height: number;
  /** Digits per cluster row. */
  perCluster: number;
  /** Cluster rows, lowest ids first. */
  maxClusters: number;
  /** Grey levels drawn (ink is quantised to this many opacities). */
  levels: number;
  /** Image side in pixels. */
  side: number;
}

export const defaults: DigitOptions = {
  width: 360,
  height: 300,
  perCluster: 8,
  maxClusters: 6,
  levels: 4,
  side: 28,
};

const LABEL_WIDTH = 78;
const GAP = 4;

/**
 * One digit as SVG path data, one string per grey level 1..levels (index level-1; byte v has
 * level ceil(v·levels/256), 0 = paper): each row's
 * runs of equal level become one rectangle 'M x y h w v 1 h -w z' in pixel units.
 */
export function digitPaths(
  pixels: Uint8Array,
  index: number,
  side: number,
  levels: number,
): string[] {
  const out = Array.from({ length: levels }, () => '');
  const base = index * side * side;
  const levelAt = (i: number) => Math.min(levels, Math.ceil((pixels[base + i] * levels) / 256));
  for (let r = 0; r < side; r++) {
    let c = 0;
    while (c < side) {
      const lv = levelAt(r * side + c);
      let end = c + 1;
      while (end < side && levelAt(r * side + end) === lv) end++;
      if (lv > 0) out[lv - 1] += `M${c} ${r}h${end - c}v1h${c - end}z`;
      c = end;
    }
  }
  return out;
}

/** One digit as RGBA (ImageData layout), ink in `rgb` with alpha = pixel value, for a canvas. */
export function digitRGBA(
  pixels: Uint8Array,
  index: number,
  side = 28,
  rgb: [number, number, number] = [0, 0, 0],
) {
  const out = new Uint8ClampedArray(side * side * 4);
  for (let i = 0; i < side * side; i++) {
    out.set([rgb[0], rgb[1], rgb[2], pixels[index * side * side + i] ?? 0], 4 * i);
  }
  return out;
}

/** Digit indices of the first `perCluster` digits of each of the first `maxClusters` clusters. */
export function digitLayout(
  d: DigitData,
  o: Pick<DigitOptions, 'perCluster' | 'maxClusters' | 'side'>,
) {
  const count = Math.min(d.cluster.length, Math.floor(d.pixels.length / (o.side * o.side)));
  const ids = clusterIds(Array.from(d.cluster).slice(0, count)).slice(0, o.maxClusters);
  return ids.map((k) => {
    const digits: number[] = [];
    for (let i = 0; i < count && digits.length < o.perCluster; i++)
      if (d.cluster[i] === k) digits.push(i);
    return { cluster: k, digits };
  });
}

/** Draws rows of digit thumbnails (one row per cluster) into svg, replacing its content. */
export function render(svg: SVGSVGElement, data: DigitData, options: Partial<DigitOptions> = {}) {
  const o: DigitOptions = { ...defaults, ...options };
  const rows = digitLayout(data, o);
  const summary = rows.length
    ? `Example digits of ${rows.length} clusters: ${rows.map((r) => `cluster ${r.cluster} (${r.digits.length})`).join(', ')}`
    : 'Example digits: none yet';
  const f = setupFrame(svg, { ...o, margin: { top: 4, right: 4, bottom: 4, left: 4 }, summary });
  const cell = Math.max(
    4,
    Math.min(
      (f.innerWidth - LABEL_WIDTH) / o.perCluster,
      f.innerHeight / Math.max(1, rows.length),
    ) - GAP,
  );
  rows.forEach((row, r) => {
    const g = f.plot
      .append('g')
      .attr('class', 'cluster-row')
      .attr('transform', `translate(0,${r * (cell + GAP)})`);
    g.append('rect')
      .attr('width', 10)
      .attr('height', 10)
      .attr('y', cell / 2 - 5)
      .attr('fill', clusterColor(row.cluster));
    g.append('text')
      .attr('x', 14)
      .attr('y', cell / 2)
      .attr('dy', '0.32em')
      .text(`cluster ${row.cluster}`);
    row.digits.forEach((i, j) =>
      drawDigit(
        g.append('g'),
        data.pixels,
        i,
        o,
        LABEL_WIDTH + j * (cell + GAP),
        cell,
        clusterColor(row.cluster),
      ),
    );
  });
}

/** One thumbnail at x: a frame in the cluster colour, then the digit scaled to cell px. */
function drawDigit(
  g: G,
  pixels: Uint8Array,
  index: number,
  o: DigitOptions,
  x: number,
  cell: number,
  frame: string,
): void {
  g.attr('class', 'digit').attr('transform', `translate(${x},0)`);
  g.append('rect')
    .attr('width', cell)
    .attr('height', cell)
    .attr('fill', '#fff')
    .attr('stroke', frame);
  const ink = g.append('g').attr('transform', `scale(${cell / o.side})`);
  digitPaths(pixels, index, o.side, o.levels).forEach((d, lv) => {
    if (d)
      ink
        .append('path')
        .attr('fill', '#000')
        .attr('fill-opacity', (lv + 1) / o.levels)
        .attr('d', d);
  });
}
