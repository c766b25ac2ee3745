/**
 * Where a value sits on a slider. Linear fields map value = position. Log fields (lr) use
 * position = log10(value). Integer log fields (the batch size) use STEPS equal steps in
 * ln(value) between min and max, each rounded to an integer: value = round(min·(max/min)^(p/STEPS)),
 * so 1, 2, 4 … 4096 are as far apart as 1 … 2 and a drag moves B by a constant factor.
 */

export interface SliderScale {
  min: number;
  max: number;
  step: number;
  toPosition(value: number): number;
  fromPosition(position: number): number;
}

/** Positions of an integer log slider (one step ≈ 1/40 of a doubling over 1 … 4096). */
export const INT_LOG_STEPS = 480;

/** An integer log scale over [min, max] (min ≥ 1); a single value when max ≤ min. */
export function intLogScale(min: number, max: number): SliderScale {
  const lo = Math.max(1, Math.round(min));
  const hi = Math.max(lo, Math.round(max));
  const span = Math.log(hi / lo);
  return {
    min: 0,
    max: span > 0 ? INT_LOG_STEPS : 0,
    step: 1,
    toPosition: (v) => {
      if (span === 0) return 0;
      const p = Math.round((INT_LOG_STEPS * Math.log(Math.min(hi, Math.max(lo, v)) / lo)) / span);
      return Math.min(INT_LOG_STEPS, Math.max(0, p));
    },
    fromPosition: (p) => {
      const t = span > 0 ? Math.min(1, Math.max(0, p / INT_LOG_STEPS)) : 0;
      return Math.min(hi, Math.max(lo, Math.round(lo * Math.exp(t * span))));
    },
  };
}

/** log10 positions for a float log field, in 200 steps; values kept to 2 significant digits. */
export function floatLogScale(min: number, max: number): SliderScale {
  const [a, b] = [Math.log10(min), Math.log10(max)];
  return {
    min: a,
    max: b,
    step: (b - a) / 200,
    toPosition: (v) => Math.log10(v),
    fromPosition: (p) => Number((10 ** p).toPrecision(2)),
  };
}

/** value = position; integer fields step by 1, float fields in 200 steps. */
export function linearScale(min: number, max: number, integer: boolean): SliderScale {
  return {
    min,
    max,
    step: integer ? 1 : (max - min) / 200,
    toPosition: (v) => v,
    fromPosition: (p) => p,
  };
}

/**
 * The value one arrow key press away from `value` (direction +1 or −1): the nearest position
 * that gives a different value, so that on an integer log slider a press moves B by 1 where
 * positions are denser than integers, and by one position (a few %) where they are sparser.
 */
export function arrowStep(scale: SliderScale, value: number, direction: 1 | -1): number {
  const step = direction * scale.step;
  for (let p = scale.toPosition(value) + step; p >= scale.min && p <= scale.max; p += step) {
    const next = scale.fromPosition(p);
    if (direction > 0 ? next > value : next < value) return next;
  }
  return value;
}
