import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../rng';
import type { Activation, DenseLayer, LossKind, NetworkSpec } from './network';

/**
 * A network owns its variables (house rule 3: explicit lifetime, `dispose()`).
 * Layer l computes h_l = act_l(h_(l-1) @ W_l + b_l), W_l of shape [in][out].
 */
export class Network {
  constructor(
    readonly layers: DenseLayer[],
    readonly loss: LossKind,
  ) {}

  get inputDim(): number {
    return this.layers[0].weight.shape[0];
  }

  get outputDim(): number {
    return this.layers[this.layers.length - 1].weight.shape[1];
  }

  /** Snapshot of the weights as plain numbers (the CLI's model format). */
  async toSpec(): Promise<NetworkSpec> {
    const layers: NetworkSpec['layers'] = [];
    for (const l of this.layers) {
      layers.push({
        weight: (await l.weight.array()) as number[][],
        bias: l.bias ? ((await l.bias.array()) as number[]) : null,
        activation: l.activation,
        trainable: l.trainable,
      });
    }
    return { layers, loss: this.loss };
  }

  /** An independent copy with the same values (e.g. the SVRG snapshot θ~). */
  clone(): Network {
    const layers = this.layers.map((l) =>
      makeLayer(l.weight.clone(), l.bias ? l.bias.clone() : null, l.activation, l.trainable),
    );
    return new Network(layers, this.loss);
  }

  /** Overwrite this network's values with another's of the same shape. */
  assign(other: Network): void {
    this.layers.forEach((l, i) => {
      l.weight.assign(other.layers[i].weight);
      if (l.bias) l.bias.assign(other.layers[i].bias!);
    });
  }

  /** All parameters flattened in layer order (weight row-major, then bias). Inside tidy. */
  flat(): tf.Tensor1D {
    return tf.concat(
      this.layers.flatMap((l) => [tf.reshape(l.weight, [-1]), ...(l.bias ? [l.bias] : [])]),
    ) as tf.Tensor1D;
  }

  /** Sets every parameter from a flat vector in the order of flat(). */
  setFlat(values: Float32Array): void {
    let at = 0;
    const take = (v: tf.Variable) => {
      v.assign(tf.tensor(values.subarray(at, at + v.size), v.shape));
      at += v.size;
    };
    tf.tidy(() =>
      this.layers.forEach((l) => [l.weight, ...(l.bias ? [l.bias] : [])].forEach(take)),
    );
  }

  dispose(): void {
    for (const l of this.layers) {
      l.weight.dispose();
      l.bias?.dispose();
    }
  }
}

/** Wraps tensors in variables; the initial tensors are disposed (TFJS-NOTES 5). */
function makeLayer(
  w: tf.Tensor2D,
  b: tf.Tensor1D | null,
  activation: Activation,
  trainable: boolean,
): DenseLayer {
  const weight = tf.variable(w, trainable);
  const bias = b ? tf.variable(b, trainable) : null;
  w.dispose();
  b?.dispose();
  return { weight, bias, activation, trainable };
}

/** Builds a network from plain numbers; the caller validated the shapes. */
export function networkFromSpec(spec: NetworkSpec): Network {
  const layers = spec.layers.map((l) =>
    makeLayer(
      tf.tensor2d(l.weight),
      l.bias ? tf.tensor1d(l.bias) : null,
      l.activation,
      l.trainable,
    ),
  );
  return new Network(layers, spec.loss);
}

export type ModelKind = 'linear' | 'mlp' | 'rf';

export interface Architecture {
  kind: ModelKind;
  inputDim: number;
  /** mlp: hidden widths; rf: one width (the number of random features); linear: ignored. */
  hidden: readonly number[];
  outputs: number;
  loss: LossKind;
}

/** Seeded normal matrix with entries N(0, scale^2), shape [rows][cols]. */
function normalMatrix(rows: number, cols: number, scale: number, rng: Rng): tf.Tensor2D {
  const v = new Float32Array(rows * cols);
  for (let i = 0; i < v.length; i++) v[i] = rng.normal() * scale;
  return tf.tensor2d(v, [rows, cols]);
}

/** Random features: columns drawn N(0, I) then scaled to unit norm (paper §4.2). */
function unitColumns(rows: number, cols: number, rng: Rng): tf.Tensor2D {
  return tf.tidy(() => {
    const w = normalMatrix(rows, cols, 1, rng);
    return tf.div(w, tf.norm(w, 'euclidean', 0, true)) as tf.Tensor2D;
  });
}

/**
 * Seeded initialisation.
 * - linear: one layer [in][C] with bias, W ~ N(0, 1/in), b = 0.
 * - mlp: ReLU hidden layers with He init W ~ N(0, 2/in), b = 0; linear output layer N(0, 1/in).
 * - rf: fixed random first layer with unit-norm columns, no bias, ReLU, not trainable;
 *   trainable second layer [h][C], no bias, W ~ N(0, 1/h).
 */
export function initNetwork(arch: Architecture, rng: Rng): Network {
  const { kind, inputDim, outputs, loss } = arch;
  const layers: DenseLayer[] = [];
  if (kind === 'rf') {
    const h = arch.hidden[0];
    layers.push(makeLayer(unitColumns(inputDim, h, rng), null, 'relu', false));
    layers.push(makeLayer(normalMatrix(h, outputs, Math.sqrt(1 / h), rng), null, 'linear', true));
    return new Network(layers, loss);
  }
  const widths = kind === 'mlp' ? [...arch.hidden] : [];
  let fanIn = inputDim;
  for (const w of widths) {
    layers.push(
      makeLayer(normalMatrix(fanIn, w, Math.sqrt(2 / fanIn), rng), tf.zeros([w]), 'relu', true),
    );
    fanIn = w;
  }
  const out = normalMatrix(fanIn, outputs, Math.sqrt(1 / fanIn), rng);
  layers.push(makeLayer(out, tf.zeros([outputs]), 'linear', true));
  return new Network(layers, loss);
}
