/** Point shapes as SVG path data, so that many points can share one <path>. */

/** Shapes cycled by class label (0: circle, 1: square, ...). */
export const SHAPES = ['circle', 'square', 'triangle', 'diamond'] as const;
export type Shape = (typeof SHAPES)[number];

/** The shape of class `label` (cycles for more than 4 classes). */
export function shapeOf(label: number): Shape {
  return SHAPES[((Math.floor(label) % SHAPES.length) + SHAPES.length) % SHAPES.length];
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** Path data of a shape of radius r centred on (x, y); coordinates rounded to 0.01 px. */
export function symbolPath(shape: Shape, x: number, y: number, r: number): string {
  const [a, b, c] = [r2(x), r2(y), r2(r)];
  switch (shape) {
    case 'circle':
      return `M${r2(x + r)},${b}A${c},${c},0,1,1,${r2(x - r)},${b}A${c},${c},0,1,1,${r2(x + r)},${b}Z`;
    case 'square':
      return `M${r2(x - r * 0.85)},${r2(y - r * 0.85)}h${r2(1.7 * r)}v${r2(1.7 * r)}h${r2(-1.7 * r)}Z`;
    case 'triangle':
      return `M${a},${r2(y - r * 1.1)}L${r2(x + r)},${r2(y + r * 0.7)}H${r2(x - r)}Z`;
    case 'diamond':
      return `M${a},${r2(y - r * 1.2)}L${r2(x + r)},${b}L${a},${r2(y + r * 1.2)}L${r2(x - r)},${b}Z`;
    default: {
      const never: never = shape;
      return never;
    }
  }
}

/** 2-D coordinates, either as two arrays or interleaved [x0, y0, x1, y1, ...]. */
export type Coords = { x: ArrayLike<number>; y: ArrayLike<number> } | { xy: ArrayLike<number> };

/** Number of points and an accessor for point i. */
export function coordsOf(c: Coords): { n: number; at: (i: number) => [number, number] } {
  if ('xy' in c) return { n: c.xy.length >> 1, at: (i) => [c.xy[2 * i], c.xy[2 * i + 1]] };
  return { n: Math.min(c.x.length, c.y.length), at: (i) => [c.x[i], c.y[i]] };
}
