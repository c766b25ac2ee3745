/** Domains that never break a scale: log scales skip y <= 0, NaN and ±Infinity. */

export type ScaleKind = 'log' | 'linear';

/** Whether v can be drawn on a scale of this kind (finite, and > 0 on a log scale). */
export function isDrawable(v: number, kind: ScaleKind): boolean {
  return Number.isFinite(v) && (kind === 'linear' || v > 0);
}

/** Min and max of the drawable values of several arrays, or null when there are none. */
export function drawableExtent(
  arrays: readonly ArrayLike<number>[],
  kind: ScaleKind,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!isDrawable(v, kind)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * A log domain from positive finite values: [1, 10] when there are none, one decade around
 * a single value (v / √10, v · √10) when all are equal, else [min, max].
 */
export function safeLogDomain(values: readonly ArrayLike<number>[]): [number, number] {
  const ext = drawableExtent(values, 'log');
  if (!ext) return [1, 10];
  const [lo, hi] = ext;
  if (lo === hi) return [lo / Math.sqrt(10), hi * Math.sqrt(10)];
  return [lo, hi];
}

/** A linear domain from finite values: [0, 1] when none, ±max(1, |v|)/10 around one value. */
export function safeLinearDomain(values: readonly ArrayLike<number>[]): [number, number] {
  const ext = drawableExtent(values, 'linear');
  if (!ext) return [0, 1];
  const [lo, hi] = ext;
  if (lo === hi) {
    const pad = Math.max(1, Math.abs(lo)) / 10;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** [first, max(last, first + span)] of the finite values, or [0, span] when there are none. */
export function spanDomain(values: readonly ArrayLike<number>[], span: number): [number, number] {
  const ext = drawableExtent(values, 'linear');
  return ext ? [ext[0], Math.max(ext[1], ext[0] + span)] : [0, span];
}

/** The domain for a scale kind. */
export function safeDomain(
  values: readonly ArrayLike<number>[],
  kind: ScaleKind,
): [number, number] {
  return kind === 'log' ? safeLogDomain(values) : safeLinearDomain(values);
}
