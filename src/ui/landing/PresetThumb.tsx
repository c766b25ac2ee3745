import type { Preset } from '../../core/config/presets';

/**
 * A small schematic picture of a preset's problem (not a result): two blobs for the 2-D
 * Gradient Clustering figure, a digit for MNIST, a random-features network, stacked copies for
 * duplicates, flipped marks for label noise. Decorative: the card's text says it all.
 */
export function PresetThumb({ preset }: { preset: Preset }) {
  return (
    <svg viewBox="0 0 80 48" width="80" height="48" aria-hidden="true" className="thumb">
      <rect x="0.5" y="0.5" width="79" height="47" rx="4" fill="#f4f6f8" stroke="#ccd" />
      {picture(preset)}
    </svg>
  );
}

const BLUE = '#0072b2';
const ORANGE = '#e69f00';

function dots(points: readonly [number, number][], color: string, r = 2.2) {
  return points.map(([x, y], i) => (
    <circle key={`${color}${i}`} cx={x} cy={y} r={r} fill={color} />
  ));
}

function picture(p: Preset) {
  const c = p.config;
  if (c.data === 'mnist')
    return (
      <text x="40" y="36" fontSize="30" textAnchor="middle" fontFamily="serif" fill="#333">
        7
      </text>
    );
  if (c.data === 'blobs')
    return (
      <>
        {dots(
          [
            [14, 14],
            [20, 20],
            [12, 26],
            [24, 12],
            [18, 32],
          ],
          BLUE,
        )}
        {dots(
          [
            [56, 16],
            [62, 24],
            [66, 14],
            [58, 32],
            [68, 30],
          ],
          ORANGE,
        )}
        <line x1="40" y1="4" x2="40" y2="44" stroke="#333" strokeDasharray="3 2" />
      </>
    );
  if ((c.dup ?? 0) > 0) {
    const copies = Math.max(1, Math.round((c.dup ?? 0) * 10));
    return (
      <>
        {Array.from({ length: copies }, (_, i) => (
          <circle
            key={i}
            cx={14 + i * 5}
            cy={24}
            r={4}
            fill={BLUE}
            fillOpacity={0.35}
            stroke={BLUE}
          />
        ))}
        {dots(
          [
            [20, 40],
            [40, 8],
            [60, 38],
            [70, 12],
          ],
          ORANGE,
        )}
      </>
    );
  }
  if ((c.noise ?? 0) > 0)
    return (
      <>
        {dots(
          [
            [12, 12],
            [22, 22],
            [14, 34],
            [30, 14],
          ],
          BLUE,
        )}
        {dots(
          [
            [52, 14],
            [62, 26],
            [70, 36],
            [58, 38],
          ],
          ORANGE,
        )}
        {dots([[24, 36]], ORANGE, 3)}
        {dots([[66, 12]], BLUE, 3)}
      </>
    );
  // Random features: inputs, a wide fixed layer, one output.
  const hidden = [8, 16, 24, 32, 40];
  return (
    <>
      {[16, 32].flatMap((y) =>
        hidden.map((h) => <line key={`${y}-${h}`} x1="12" y1={y} x2="40" y2={h} stroke="#bbb" />),
      )}
      {hidden.map((h) => (
        <line key={`o${h}`} x1="40" y1={h} x2="68" y2="24" stroke={BLUE} />
      ))}
      {dots(
        [
          [12, 16],
          [12, 32],
        ],
        '#333',
      )}
      {dots(
        hidden.map((h) => [40, h] as [number, number]),
        '#777',
      )}
      {dots([[68, 24]], BLUE, 3)}
    </>
  );
}
