import * as tf from '@tensorflow/tfjs-core';
import { addAll } from '../linalg';
import type { LayerFactors } from '../model/network';
import type { Rng } from '../rng';
import { assignPacked, readPacked, type Centres } from './clusteringSteps';
import { repairEmpty } from './clusteringRepair';

/**
 * k-means++ seeding in gradient space (Arthur & Vassilvitskii 2007), entirely on the device:
 * seeds are examples, and a singleton's rank-1 centre a_s d_s^T is exactly g_s, so
 *   D_i = min over seeds s of ||g_i - g_s||^2,  ||g_i - g_s||^2 = s_i + s_s - 2 sum_l (a_il·a_sl)(d_il·d_sl)
 * and the next seed is drawn with probability D_i / sum_j D_j (uniformly when all D = 0).
 * Distances below SAME_TOL (s_i + s_s) count as 0: float32 cancellation, i.e. a copy of a seed.
 */
const SAME_TOL = 1e-6;

/** ||g_i - g_s||^2 for all i (N) against the example picked by idx (int32, shape [1]). */
function distanceToExample(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  idx: tf.Tensor1D,
): tf.Tensor1D {
  const cross = addAll(
    layers.map(({ a, d }) =>
      tf.mul(
        tf.matMul(a, tf.gather(a, idx), false, true),
        tf.matMul(d, tf.gather(d, idx), false, true),
      ),
    ),
  );
  const both = tf.add(self, tf.gather(self, idx)); // s_i + s_s
  const dist = tf.sub(both, tf.mul(2, tf.reshape(cross, [-1])));
  return tf.where(
    tf.lessEqual(dist, tf.mul(SAME_TOL, both)),
    tf.zerosLike(dist),
    dist,
  ) as tf.Tensor1D;
}

/**
 * The next seed given the running D (N): inverse-CDF draw with u in (0, 1]:
 * idx = #{j : cumsum(D)_j < u * sum D} (the first j whose cumulative mass reaches u * sum D),
 * or floor(u' N) when sum D = 0. Returns int32 [1].
 */
function drawSeed(minDist: tf.Tensor1D, u: number, uniform: number): tf.Tensor1D {
  const n = minDist.shape[0];
  const cumulative = tf.cumsum(minDist);
  const total = tf.reshape(tf.slice(cumulative, [n - 1], [1]), []);
  const below = tf.sum(tf.cast(tf.less(cumulative, tf.mul(u, total)), 'int32'));
  const drawn = tf.minimum(below, tf.scalar(n - 1, 'int32'));
  return tf.reshape(tf.where(tf.greater(total, 0), drawn, tf.scalar(uniform, 'int32')), [1]);
}

/** K seed example indices (int32, K) by k-means++; K rounds of small device ops, no readback. */
export function seedIndices(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  k: number,
  rng: Rng,
): tf.Tensor1D {
  const n = self.shape[0];
  const seeds: tf.Tensor1D[] = [tf.tensor1d([rng.int(n)], 'int32')];
  let minDist: tf.Tensor1D | null = null;
  for (let r = 1; r < k; r++) {
    const u = 1 - rng.next();
    const uniform = rng.int(n);
    const previous: tf.Tensor1D | null = minDist;
    const step = tf.tidy(() => {
      const dist = distanceToExample(layers, self, seeds[r - 1]);
      const running = previous ? tf.minimum(previous, dist) : dist;
      return [running, drawSeed(running as tf.Tensor1D, u, uniform)];
    });
    previous?.dispose();
    minDist = step[0] as tf.Tensor1D;
    seeds.push(step[1] as tf.Tensor1D);
  }
  minDist?.dispose();
  const out = tf.concat(seeds) as tf.Tensor1D;
  seeds.forEach((s) => s.dispose());
  return out;
}

/**
 * Initial partition: k-means++ seeds, each example to its nearest seed (unweighted: the seeds
 * have no sizes yet, so N_k = 1 for all k), then empty clusters (repeated seeds) repaired.
 * One readback.
 */
export async function seedAssignment(
  layers: readonly LayerFactors[],
  self: tf.Tensor1D,
  k: number,
  rng: Rng,
): Promise<Int32Array> {
  const seeds = seedIndices(layers, self, k, rng);
  const packed = tf.tidy(() => {
    const centres: Centres = {
      c: layers.map(({ a }) => tf.gather(a, seeds)),
      d: layers.map(({ d }) => tf.gather(d, seeds)),
      weight: tf.ones([k]),
    };
    return assignPacked(layers, self, centres, null);
  });
  seeds.dispose();
  const step = await readPacked(packed, self.shape[0]);
  return repairEmpty(step.next, step.distNext, k);
}
