/**
 * Validation of the gradstats JSON inputs (model, data, assignment, snapshot). Every check
 * fails with an InputError naming the file and the field, e.g.
 * `model.json: layers[1].weight has 5 rows but layer 0 outputs 4`.
 * Numbers must be finite and within float32 range (JSON has no NaN/Infinity, but 1e999
 * parses to Infinity and 1e39 overflows float32).
 */
import type { Activation, LossKind, NetworkSpec } from '../src/core/model/network';
import type { Clusters } from '../src/core/stats/types';
import { InputError } from './args';

export { readJson } from './files';

const FLOAT32_MAX = 3.4028234663852886e38;
const ACTIVATIONS: readonly Activation[] = ['relu', 'linear'];
const LOSSES: readonly LossKind[] = ['softmax-cross-entropy', 'logistic'];

/** The training data: inputs N x I and labels (class indices, or ±1 for logistic). */
export interface DataSet {
  x: number[][];
  y: number[];
}

type Fail = (field: string, message: string) => InputError;

function failFor(file: string): Fail {
  return (field, message) => new InputError(`${file}: ${field ? `${field} ` : ''}${message}`);
}

/** A short rendering of a bad value for messages. */
function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** Throws `field is missing` for an absent key. */
function present(v: unknown, fail: Fail, field: string): void {
  if (v === undefined) throw fail(field, 'is missing');
}

function object(v: unknown, fail: Fail, field: string): Record<string, unknown> {
  present(v, fail, field);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw fail(field, `must be a JSON object, got ${show(v)}`);
  }
  return v as Record<string, unknown>;
}

function finite(v: unknown, fail: Fail, field: string): number {
  present(v, fail, field);
  if (typeof v !== 'number') throw fail(field, `must be a number, got ${show(v)}`);
  if (!Number.isFinite(v)) throw fail(field, `is not finite (${v})`);
  if (Math.abs(v) > FLOAT32_MAX) throw fail(field, `is ${v}, outside the float32 range`);
  return v;
}

function vector(v: unknown, fail: Fail, field: string): number[] {
  present(v, fail, field);
  if (!Array.isArray(v)) throw fail(field, `must be an array of numbers, got ${show(v)}`);
  if (v.length === 0) throw fail(field, 'is empty');
  v.forEach((e, i) => finite(e, fail, `${field}[${i}]`));
  return v as number[];
}

/** A non-empty rectangular matrix of finite numbers, rows x cols. */
function matrix(v: unknown, fail: Fail, field: string): number[][] {
  present(v, fail, field);
  if (!Array.isArray(v)) throw fail(field, `must be an array of rows, got ${show(v)}`);
  if (v.length === 0) throw fail(field, 'has no rows');
  const rows = v.map((r, i) => vector(r, fail, `${field}[${i}]`));
  rows.forEach((r, i) => {
    if (r.length !== rows[0].length) {
      throw fail(`${field}[${i}]`, `has ${r.length} entries but ${field}[0] has ${rows[0].length}`);
    }
  });
  return rows;
}

function oneOf<T extends string>(v: unknown, values: readonly T[], fail: Fail, field: string): T {
  present(v, fail, field);
  if (typeof v !== 'string' || !values.includes(v as T)) {
    throw fail(field, `must be one of ${values.map((s) => `"${s}"`).join(', ')}, got ${show(v)}`);
  }
  return v as T;
}

/** One layer; `bias` absent means null and `trainable` absent means true. */
function layer(v: unknown, fail: Fail, field: string): NetworkSpec['layers'][number] {
  const l = object(v, fail, field);
  const weight = matrix(l.weight, fail, `${field}.weight`);
  const out = weight[0].length;
  let bias: number[] | null = null;
  if (l.bias !== undefined && l.bias !== null) {
    bias = vector(l.bias, fail, `${field}.bias`);
    if (bias.length !== out) {
      throw fail(`${field}.bias`, `has ${bias.length} entries but the weight has ${out} columns`);
    }
  }
  const activation = oneOf(l.activation, ACTIVATIONS, fail, `${field}.activation`);
  const trainable = l.trainable ?? true;
  if (typeof trainable !== 'boolean') {
    throw fail(`${field}.trainable`, `must be true or false, got ${show(trainable)}`);
  }
  return { weight, bias, activation, trainable };
}

/** Validates a model: layer shapes chain, the loss fits the output, something is trainable. */
export function validateModel(raw: unknown, file: string): NetworkSpec {
  const fail = failFor(file);
  const m = object(raw, fail, 'top level');
  present(m.layers, fail, 'layers');
  if (!Array.isArray(m.layers) || m.layers.length === 0) {
    throw fail('layers', `must be a non-empty array, got ${show(m.layers)}`);
  }
  const layers = m.layers.map((l, i) => layer(l, fail, `layers[${i}]`));
  layers.forEach((l, i) => {
    const prevOut = i > 0 ? layers[i - 1].weight[0].length : l.weight.length;
    if (l.weight.length !== prevOut) {
      throw fail(
        `layers[${i}].weight`,
        `has ${l.weight.length} rows but layer ${i - 1} outputs ${prevOut}`,
      );
    }
  });
  const loss = oneOf(m.loss, LOSSES, fail, 'loss');
  const outputs = layers[layers.length - 1].weight[0].length;
  if (loss === 'logistic' && outputs !== 1) {
    throw fail(
      `layers[${layers.length - 1}].weight`,
      `has ${outputs} columns but the logistic loss needs exactly 1 output`,
    );
  }
  if (loss === 'softmax-cross-entropy' && outputs < 2) {
    throw fail(
      `layers[${layers.length - 1}].weight`,
      'has 1 column but the softmax loss needs at least 2 outputs (use "logistic")',
    );
  }
  if (!layers.some((l) => l.trainable)) throw fail('layers', 'has no trainable layer (d = 0)');
  return { layers, loss };
}

/** Validates data against a model: x is N x I with I = the first layer's inputs, labels fit. */
export function validateData(raw: unknown, file: string, model: NetworkSpec): DataSet {
  const fail = failFor(file);
  const o = object(raw, fail, 'top level');
  const x = matrix(o.x, fail, 'x');
  const inputs = model.layers[0].weight.length;
  if (x[0].length !== inputs) {
    throw fail('x', `has ${x[0].length} columns but the model's layers[0] takes ${inputs} inputs`);
  }
  present(o.y, fail, 'y');
  if (!Array.isArray(o.y)) throw fail('y', `must be an array of labels, got ${show(o.y)}`);
  const y = o.y as unknown[];
  if (y.length !== x.length) throw fail('y', `has ${y.length} labels but x has ${x.length} rows`);
  const classes = model.layers[model.layers.length - 1].weight[0].length;
  y.forEach((v, i) => {
    const label = finite(v, fail, `y[${i}]`);
    if (model.loss === 'logistic') {
      if (label !== 1 && label !== -1) {
        throw fail(`y[${i}]`, `is ${label} but logistic labels must be -1 or +1`);
      }
    } else if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw fail(`y[${i}]`, `is ${label} but labels must be integers 0..${classes - 1}`);
    }
  });
  return { x, y: y as number[] };
}

/**
 * Validates `{"assignment": [N ints 0..K-1], "K": K}`; K defaults to max + 1. K is at most N
 * (clusters may be empty, but there are never more clusters than examples), so a K of 1e9
 * or an index of 2e9 is refused before anything of size K is allocated.
 */
export function validateAssignment(raw: unknown, file: string, n: number): Clusters {
  const fail = failFor(file);
  const o = object(raw, fail, 'top level');
  present(o.assignment, fail, 'assignment');
  if (!Array.isArray(o.assignment)) {
    throw fail('assignment', `must be an array of cluster indices, got ${show(o.assignment)}`);
  }
  const a = o.assignment as unknown[];
  if (a.length !== n) throw fail('assignment', `has ${a.length} entries but the data has N = ${n}`);
  if (o.K !== undefined) {
    if (typeof o.K !== 'number' || !Number.isSafeInteger(o.K) || o.K < 1) {
      throw fail('K', `must be an integer ≥ 1, got ${show(o.K)}`);
    }
    if (o.K > n) throw fail('K', `is ${o.K} but the data has N = ${n} examples (K ≤ N)`);
  }
  const K = (o.K as number | undefined) ?? n;
  a.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw fail(`assignment[${i}]`, `must be an integer ≥ 0, got ${show(v)}`);
    }
    if (v >= K) {
      const why = o.K === undefined ? `N = ${n} (need 0..${n - 1})` : `K = ${K} (need 0..${K - 1})`;
      throw fail(`assignment[${i}]`, `is ${v} but ${why}`);
    }
  });
  const ints = a as number[];
  return {
    assignment: Int32Array.from(ints),
    K: (o.K as number | undefined) ?? ints.reduce((m, v) => Math.max(m, v + 1), 0),
  };
}

/** Validates an SVRG snapshot: a model of exactly the same architecture as `model`. */
export function validateSnapshot(
  raw: unknown,
  file: string,
  model: NetworkSpec,
  modelFile: string,
): NetworkSpec {
  const fail = failFor(file);
  const snap = validateModel(raw, file);
  if (snap.loss !== model.loss)
    throw fail('loss', `is "${snap.loss}" but ${modelFile} has "${model.loss}"`);
  if (snap.layers.length !== model.layers.length) {
    throw fail(
      'layers',
      `has ${snap.layers.length} layers but ${modelFile} has ${model.layers.length}`,
    );
  }
  const dims = (w: number[][]) => `${w.length}x${w[0].length}`;
  snap.layers.forEach((s, i) => {
    const m = model.layers[i];
    const f = `layers[${i}]`;
    if (dims(s.weight) !== dims(m.weight)) {
      throw fail(`${f}.weight`, `is ${dims(s.weight)} but ${modelFile} has ${dims(m.weight)}`);
    }
    if ((s.bias === null) !== (m.bias === null)) {
      const has = (b: number[] | null) => (b ? 'present' : 'null');
      throw fail(`${f}.bias`, `is ${has(s.bias)} but ${has(m.bias)} in ${modelFile}`);
    }
    if (s.activation !== m.activation || s.trainable !== m.trainable) {
      const what = s.activation !== m.activation ? 'activation' : 'trainable';
      throw fail(`${f}.${what}`, `is ${show(s[what])} but ${modelFile} has ${show(m[what])}`);
    }
  });
  return snap;
}
