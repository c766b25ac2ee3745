import { shapeOf, symbolPath } from '../charts/marks';

/** A class's shape, as in the 2-D view's legend (shape = class there, colour = cluster). */
export function ClassGlyph({ label, size = 10 }: { label: number; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      className="class-glyph"
    >
      <path d={symbolPath(shapeOf(label), size / 2, size / 2, size * 0.4)} fill="#555" />
    </svg>
  );
}
