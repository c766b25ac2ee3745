/** Rolling statistics for the smoothed curves (mean with a ±1 std band, as in the paper). */

export interface Rolling {
  mean: Float64Array;
  std: Float64Array;
}

/**
 * Centred rolling mean and population std over `window` points: point i averages indices
 * [i - floor((w-1)/2), i + ceil((w-1)/2)], clipped at the ends. Non-finite values are skipped
 * (a window with none gives NaN); `keep` can skip more (e.g. y <= 0 on a log scale).
 * Two passes per window, O(n·w), for accuracy over values spanning many decades.
 * Window <= 1 returns a copy with std 0. Never mutates y.
 */
export function rollingMeanStd(
  y: ArrayLike<number>,
  window: number,
  keep: (v: number) => boolean = Number.isFinite,
): Rolling {
  const n = y.length;
  const mean = new Float64Array(n);
  const std = new Float64Array(n);
  const w = Math.max(1, Math.floor(window));
  const before = Math.floor((w - 1) / 2);
  const after = w - 1 - before;
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - before);
    const b = Math.min(n - 1, i + after);
    let count = 0;
    let sum = 0;
    for (let j = a; j <= b; j++) {
      if (keep(y[j])) {
        sum += y[j];
        count++;
      }
    }
    if (count === 0) {
      mean[i] = NaN;
      std[i] = NaN;
      continue;
    }
    const m = sum / count;
    let ss = 0;
    for (let j = a; j <= b; j++) if (keep(y[j])) ss += (y[j] - m) ** 2;
    mean[i] = m;
    std[i] = Math.sqrt(ss / count);
  }
  return { mean, std };
}
