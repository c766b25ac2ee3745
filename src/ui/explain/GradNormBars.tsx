import { OKABE_ITO } from '../charts/palette';

const classColor = (label: number) => OKABE_ITO[(label + 1) % OKABE_ITO.length];

/** ‖g_i‖ of each mini-batch example as a bar, coloured by class (a glance, not a chart). */
export function GradNormBars({ norms, labels }: { norms: Float32Array; labels: Int32Array }) {
  const max = Math.max(...norms, 1e-30);
  const w = Math.max(3, Math.min(14, Math.floor(240 / Math.max(norms.length, 1))));
  const h = 48;
  return (
    <svg
      width={norms.length * w}
      height={h}
      role="img"
      aria-label={`Per-example gradient norms of ${norms.length} examples, largest ${max.toPrecision(3)}`}
      data-testid="explain-bars"
    >
      {Array.from(norms, (n, i) => (
        <rect
          key={i}
          x={i * w + 1}
          width={w - 2}
          y={h - (h * n) / max}
          height={(h * n) / max}
          fill={classColor(labels[i])}
        />
      ))}
    </svg>
  );
}
