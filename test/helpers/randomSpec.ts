import { Rng } from '../../src/core/rng';
import type { Activation, LossKind, NetworkSpec } from '../../src/core/model/network';

export interface SpecShape {
  widths: number[]; // input, hidden..., output
  loss: LossKind;
  bias: boolean;
  /** Make the first layer non-trainable (random features). */
  frozenFirst?: boolean;
}

/** A random network in the CLI's plain-number format. */
export function randomSpec(shape: SpecShape, rng: Rng): NetworkSpec {
  const layers: NetworkSpec['layers'] = [];
  for (let l = 0; l + 1 < shape.widths.length; l++) {
    const [i, o] = [shape.widths[l], shape.widths[l + 1]];
    const last = l + 2 === shape.widths.length;
    layers.push({
      weight: Array.from({ length: i }, () => Array.from({ length: o }, () => rng.normal() * 0.7)),
      bias: shape.bias ? Array.from({ length: o }, () => rng.normal() * 0.3) : null,
      activation: (last ? 'linear' : 'relu') as Activation,
      trainable: !(shape.frozenFirst && l === 0),
    });
  }
  return { layers, loss: shape.loss };
}

export function randomData(n: number, dim: number, classes: number, loss: LossKind, rng: Rng) {
  const x = Array.from({ length: n }, () => Array.from({ length: dim }, () => rng.normal()));
  const y = Array.from({ length: n }, () =>
    loss === 'logistic' ? (rng.next() < 0.5 ? -1 : 1) : rng.int(classes),
  );
  return { x, y };
}

/** A copy of a spec with every weight nudged (an SVRG snapshot θ~). */
export function perturb(spec: NetworkSpec, scale: number, rng: Rng): NetworkSpec {
  return {
    loss: spec.loss,
    layers: spec.layers.map((l) => ({
      ...l,
      weight: l.weight.map((r) => r.map((w) => w + rng.normal() * scale)),
      bias: l.bias ? l.bias.map((b) => b + rng.normal() * scale) : null,
    })),
  };
}
