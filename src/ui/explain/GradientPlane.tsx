import { useId } from 'react';
import { shapeOf, symbolPath } from '../charts/marks';
import { BATCH_COLOR } from '../charts/clusterPlane';

const W = 220;
const H = 150;
const PAD = 16;

type Pt = [number, number];

/** Equal-aspect map of points into the W x H box (y up), with PAD px to spare. */
function fit(points: readonly Pt[]): (p: Pt) => Pt {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(x1 - x0, y1 - y0, 1e-30);
  const k = Math.min(
    (W - 2 * PAD) / Math.max(x1 - x0, span * 1e-3),
    (H - 2 * PAD) / Math.max(y1 - y0, span * 1e-3),
  );
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return ([x, y]) => [W / 2 + k * (x - cx), H / 2 - k * (y - cy)];
}

/**
 * The batch's per-example gradients seen in one plane of parameter space: → along g (the
 * pool's gradient), ↑ along the part of ĝ_B that g misses. Each shape is one g_i (its class);
 * their mean is ĝ_B (vermillion arrow); g is the black arrow. Exact projections (engine).
 */
export function GradientPlane({
  plane,
  labels,
  poolGradNorm,
}: {
  plane: Float32Array;
  labels: Int32Array;
  poolGradNorm: number;
}) {
  const id = `gp${useId().replace(/[^\w-]/g, '')}`;
  const B = labels.length;
  const pts: Pt[] = Array.from({ length: B }, (_, i) => [plane[2 * i], plane[2 * i + 1]]);
  const mean: Pt = [0, 1].map((c) => pts.reduce((s, p) => s + p[c], 0) / B) as Pt;
  const g: Pt = [poolGradNorm, 0];
  const all = [...pts, mean, g, [0, 0] as Pt];
  if (!all.flat().every(Number.isFinite)) return null;
  const at = fit(all);
  const o = at([0, 0]);
  const arrow = (to: Pt, color: string, name: string, label: string) => {
    const [x, y] = at(to);
    return (
      <g className={name}>
        <line
          x1={o[0]}
          y1={o[1]}
          x2={x}
          y2={y}
          stroke={color}
          strokeWidth={2}
          markerEnd={`url(#${id}-${name})`}
        />
        <text x={x + 4} y={y - 4} fill={color} fontSize={11}>
          {label}
        </text>
      </g>
    );
  };
  return (
    <svg
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      data-testid="explain-plane"
      className="explain-plane"
      aria-label={`${B} per-example gradients, their mean ĝ_B and the pool gradient g, projected on the plane of g and ĝ_B`}
    >
      <defs>
        {[
          ['g', '#000'],
          ['mean', BATCH_COLOR],
        ].map(([name, color]) => (
          <marker
            key={name}
            id={`${id}-${name}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={6}
            markerHeight={6}
            orient="auto"
          >
            <path d="M0,0L10,5L0,10Z" fill={color} />
          </marker>
        ))}
      </defs>
      <line x1={PAD / 2} x2={W - PAD / 2} y1={o[1]} y2={o[1]} stroke="#ccc" strokeDasharray="3 3" />
      {pts.map((p, i) => {
        const [x, y] = at(p);
        return (
          <path
            key={i}
            className="example"
            d={symbolPath(shapeOf(labels[i]), x, y, 3.5)}
            fill="#555"
            fillOpacity={0.75}
          />
        );
      })}
      {arrow(g, '#000', 'g', 'g')}
      {arrow(mean, BATCH_COLOR, 'mean', 'ĝ_B')}
    </svg>
  );
}
