/**
 * An independent float64 reference for the training step: mean mini-batch gradient from
 * per-example autodiff gradients (bruteForce.ts), optional global-norm clipping, then SGD with
 * momentum or Adam, on flat parameter vectors. Slow and obvious on purpose.
 */
import type { NetworkSpec } from '../../src/core/model/network';
import { bruteForceGradients } from './bruteForce';

export interface RefHyper {
  opt: 'sgd' | 'adam';
  lr: number;
  mu: number;
  wd: number;
  /** Global-norm threshold; 0 is off. */
  clip: number;
}

/** Trainable parameters in the documented order: per layer, weight row-major, then bias. */
export function flatten(spec: NetworkSpec): number[] {
  return spec.layers
    .filter((l) => l.trainable)
    .flatMap((l) => [...l.weight.flat(), ...(l.bias ?? [])]);
}

export function unflatten(spec: NetworkSpec, theta: readonly number[]): NetworkSpec {
  let k = 0;
  return {
    loss: spec.loss,
    layers: spec.layers.map((l) =>
      l.trainable
        ? {
            ...l,
            weight: l.weight.map((r) => r.map(() => theta[k++])),
            bias: l.bias ? l.bias.map(() => theta[k++]) : null,
          }
        : l,
    ),
  };
}

/**
 * Runs one step per batch in order; returns the final flat parameters, the global norm of each
 * step's unclipped mean gradient and how many steps were clipped.
 */
export function referenceTraining(
  spec: NetworkSpec,
  batches: readonly { x: number[][]; y: number[] }[],
  h: RefHyper,
): { theta: number[]; norms: number[]; clipped: number } {
  let theta = flatten(spec);
  let m = theta.map(() => 0);
  let v = theta.map(() => 0);
  const norms: number[] = [];
  let clipped = 0;
  batches.forEach(({ x, y }, step) => {
    const rows = bruteForceGradients(unflatten(spec, theta), x, y);
    let g = theta.map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);
    const norm = Math.sqrt(g.reduce((s, e) => s + e * e, 0));
    norms.push(norm);
    if (h.clip > 0 && norm > h.clip) {
      g = g.map((e) => (e * h.clip) / norm);
      clipped++;
    }
    const grad = g.map((e, j) => e + h.wd * theta[j]);
    if (h.opt === 'sgd') {
      m = m.map((b, j) => h.mu * b + grad[j]);
      theta = theta.map((t, j) => t - h.lr * m[j]);
      return;
    }
    const t = step + 1;
    m = m.map((b, j) => 0.9 * b + 0.1 * grad[j]);
    v = v.map((b, j) => 0.999 * b + 0.001 * grad[j] * grad[j]);
    theta = theta.map((p, j) => {
      const mHat = m[j] / (1 - 0.9 ** t);
      const vHat = v[j] / (1 - 0.999 ** t);
      return p - (h.lr * mHat) / (Math.sqrt(vHat) + 1e-8);
    });
  });
  return { theta, norms, clipped };
}
