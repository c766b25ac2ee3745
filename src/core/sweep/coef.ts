/**
 * The over-parametrisation coefficient of a configuration (paper §4.2):
 *
 *   coef = P / N,   P = trainable parameters, N = training-set size.
 *
 * P counts what SGD trains (DESIGN §2): linear [I+1]·C; MLP Σ_l (w_{l−1}+1)·w_l with w_0 = I and
 * the output layer (w_L+1)·C; RF h·C (the random first layer is fixed and has no bias), with
 * I the input dimension and C the classes (2 for the toy sets and the teacher, 10 for MNIST).
 * The paper's RF model has one output, so its h/N is our coef for C = 1; with our two-class
 * softmax, coef = 2h/N.
 *
 * A sweep over coef sets either N (P fixed; the paper keeps h = 1000 and varies N) or the hidden
 * widths (N fixed): coefBy = 'n' | 'hidden'.
 */
import type { Config } from '../config/schema';

export const COEF_BY = ['n', 'hidden'] as const;
export type CoefBy = (typeof COEF_BY)[number];

const MNIST_PIXELS = 784;
const MNIST_CLASSES = 10;
const MAX_WIDTH = 4096;

/** Input dimension I of the configuration's data. */
export function inputDim(c: Config): number {
  return c.data === 'mnist' ? MNIST_PIXELS : c.data === 'teacher' ? c.dim : 2;
}

/** Classes C of the configuration's data. */
export function classes(c: Config): number {
  return c.data === 'mnist' ? MNIST_CLASSES : 2;
}

/** Trainable parameters P for the given hidden widths. */
export function trainableParams(c: Config, hidden: readonly number[] = c.hidden): number {
  const C = classes(c);
  if (c.model === 'rf') return hidden[0] * C;
  const widths = c.model === 'mlp' ? hidden : [];
  let fanIn = inputDim(c);
  let p = 0;
  for (const w of widths) {
    p += (fanIn + 1) * w;
    fanIn = w;
  }
  return p + (fanIn + 1) * C;
}

export function coefOf(c: Config): number {
  return trainableParams(c) / c.n;
}

/** Hidden widths with the first at `w`, the others in the base's proportions (each ≥ 1). */
function scaled(base: readonly number[], w: number): number[] {
  return base.map((b, i) => (i === 0 ? w : Math.max(1, Math.round((w * b) / base[0]))));
}

/** The first width in 1..4096 whose P is closest to `target` (P grows with it: bisection). */
function widthFor(c: Config, target: number): number {
  let lo = 1;
  let hi = MAX_WIDTH;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (trainableParams(c, scaled(c.hidden, mid)) < target) lo = mid;
    else hi = mid;
  }
  const gap = (w: number) => Math.abs(trainableParams(c, scaled(c.hidden, w)) - target);
  return gap(lo) <= gap(hi) ? lo : hi;
}

/**
 * The configuration with coef ≈ `coef`: N = round(P / coef), or hidden widths scaled so that
 * P ≈ coef · N. The caller validates the result (N and widths have ranges). Throws only for a
 * model without hidden widths asked to set them (a caller's mistake, checked in spec.ts).
 */
export function withCoef(c: Config, coef: number, by: CoefBy): Config {
  if (by === 'n') return { ...c, n: Math.max(1, Math.round(trainableParams(c) / coef)) };
  if (c.model === 'linear') throw new Error('a linear model has no hidden width to set');
  return { ...c, hidden: scaled(c.hidden, widthFor(c, coef * c.n)) };
}
