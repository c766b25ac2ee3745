/**
 * Limits of the gradstats CLI, checked before anything is allocated, so an absurd request
 * exits 2 with one line instead of hanging or dying out of memory:
 *   - sampled mode draws T index sets per estimator, SG-2B's of 2B: 2·B·T indices at most
 *     MAX_DRAWS (64 MiB of int32);
 *   - one sampled estimate gathers its 2B examples' factors, 2B × (I'_l + O_l) floats for
 *     the widest layer l: at most MAX_GATHER_FLOATS (512 MiB of float32).
 * Exact mode uses closed forms: no per-draw memory, so no limit on B there.
 */
import type { NetworkSpec } from '../src/core/model/network';
import { InputError } from './args';

export const MAX_DRAWS = 2 ** 24;
export const MAX_GATHER_FLOATS = 2 ** 27;

const fmt = (v: number) => v.toLocaleString('en');

/** Floats per example of the widest trainable layer: I' (inputs + bias) + O. */
function widestLayer(model: NetworkSpec): number {
  return Math.max(
    ...model.layers.map((l) => l.weight.length + (l.bias ? 1 : 0) + l.weight[0].length),
  );
}

/** Throws when a sampled measurement of this size would not fit (see the file comment). */
export function checkSampledSize(model: NetworkSpec, batch: number, estimates: number): void {
  const draws = 2 * batch * estimates;
  if (draws > MAX_DRAWS)
    throw new InputError(
      `--batch ${fmt(batch)} × --estimates ${fmt(estimates)} needs ${fmt(draws)} sampled indices (2·B·T for SG-2B); at most ${fmt(MAX_DRAWS)}`,
    );
  const floats = 2 * batch * widestLayer(model);
  if (floats > MAX_GATHER_FLOATS)
    throw new InputError(
      `--batch ${fmt(batch)}: one sampled SG-2B estimate gathers ${fmt(floats)} floats (2B × the widest layer's inputs and outputs); at most ${fmt(MAX_GATHER_FLOATS)}`,
    );
}
