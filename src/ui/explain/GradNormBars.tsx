import { shapeOf, symbolPath } from '../charts/marks';
import { BATCH_COLOR } from '../charts/clusterPlane';
import { num } from './stages';

const H = 48;
const GLYPH = 12;

/** ‖g_i‖ of each mini-batch example as a bar (in the order drawn), its class shape below. */
export function GradNormBars({ norms, labels }: { norms: Float32Array; labels: Int32Array }) {
  const finite = Array.from(norms).filter(Number.isFinite);
  const max = Math.max(...finite, 1e-30);
  const w = Math.max(3, Math.min(14, Math.floor(240 / Math.max(norms.length, 1))));
  const height = (n: number) => (Number.isFinite(n) ? (H * Math.max(n, 0)) / max : 0);
  return (
    <svg
      width={norms.length * w}
      height={H + GLYPH}
      viewBox={`0 0 ${norms.length * w} ${H + GLYPH}`}
      role="img"
      aria-label={`Per-example gradient norms of ${norms.length} examples, largest ${num(max)}`}
      data-testid="explain-bars"
    >
      {Array.from(norms, (n, i) => (
        <g key={i}>
          <rect x={i * w + 1} width={w - 2} y={H - height(n)} height={height(n)} fill={BATCH_COLOR}>
            <title>{`example ${i + 1}: ‖g_i‖ = ${num(n)}`}</title>
          </rect>
          <path
            d={symbolPath(shapeOf(labels[i]), i * w + w / 2, H + GLYPH / 2, Math.min(w / 2 - 1, 4))}
            fill="#555"
          />
        </g>
      ))}
    </svg>
  );
}
