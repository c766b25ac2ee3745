import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../../src/core/rng';
import { gradientClustering } from '../../../src/core/stats/clustering';
import { clusterSizes, repairEmpty } from '../../../src/core/stats/clusteringRepair';
import { gcAssignStep, gcDistances, selfTerm } from '../../../src/core/stats/clusteringSteps';
import {
  bruteDistances,
  bruteObjective,
  distinct,
  expectRel,
  jitter,
  plainFactors,
  roundRobin,
  sameClusterPerPrototype,
  toTensors,
  withLayers,
} from './clusteringBrute';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
});

const DIMS_1: [number, number][] = [[3, 2]];
const DIMS_2: [number, number][] = [
  [4, 3],
  [3, 2],
];

describe('gradientClustering: rank-1 maths against explicit gradients', () => {
  it.each([
    ['1 layer', DIMS_1],
    ['2 layers', DIMS_2],
  ])('every A-step distance matches float64 brute force (%s)', async (_, dims) => {
    const p = distinct(new Rng(3), dims, 24);
    const assignment = new Rng(4).permutation(24).map((i) => i % 5);
    const got = await withLayers(p, async (layers) => {
      const t = gcDistances(layers, assignment, 5);
      const v = await t.data();
      t.dispose();
      return v;
    });
    const ref = bruteDistances(p, assignment, 5);
    const scale = Math.max(...ref.flat());
    ref.forEach((row, i) => row.forEach((r, k) => expectRel(got[i * 5 + k], r, 1e-5, scale)));
  });

  it('the A step is argmin_k N_k ||g_i - C_k||^2 with the sizes of the U step', async () => {
    const p = distinct(new Rng(5), DIMS_2, 30);
    const k = 4;
    const current = new Rng(6).permutation(30).map((i) => i % k);
    const step = await withLayers(p, async (layers) => {
      const self = selfTerm(layers);
      const out = await gcAssignStep(layers, self, current, k);
      self.dispose();
      return out;
    });
    const dist = bruteDistances(p, current, k);
    const sizes = clusterSizes(current, k);
    const scale = Math.max(...dist.flat()) * 30;
    dist.forEach((row, i) => {
      const cost = row.map((x, c) => sizes[c] * x);
      const sorted = [...cost].sort((x, y) => x - y);
      if (sorted[1] - sorted[0] > 1e-4 * scale) expect(step.next[i]).toBe(cost.indexOf(sorted[0]));
      expectRel(step.distNext[i], row[step.next[i]], 1e-5, scale);
    });
    expectRel(step.objective, bruteObjective(p, current, k), 1e-5);
  });

  it.each([
    ['1 layer', DIMS_1, 7],
    ['2 layers', DIMS_2, 8],
  ])('the returned objective is the weighted rank-1 objective (%s)', async (_, dims, seed) => {
    const p = distinct(new Rng(seed), dims, 40);
    const r = await withLayers(p, (layers) =>
      gradientClustering(layers, 6, { iterations: 3, rng: new Rng(1) }),
    );
    expect(r.K).toBe(6);
    expect(Array.from(r.sizes)).toEqual(Array.from(clusterSizes(r.assignment, 6)));
    expectRel(r.objective, bruteObjective(p, r.assignment, 6), 1e-5);
  });
});

describe('gradientClustering: iterations', () => {
  it('objective never increases with more iterations and is the best of the history', async () => {
    // Unstructured data: the N_k-weighted AU steps themselves oscillate (paper §3.1).
    const p = distinct(new Rng(11), DIMS_2, 60);
    const objectives: number[] = [];
    await withLayers(p, async (layers) => {
      for (let t = 0; t <= 6; t++) {
        const r = await gradientClustering(layers, 7, { iterations: t, rng: new Rng(2) });
        expect(r.history).toHaveLength(t + 1);
        expect(r.objective).toBe(Math.min(...r.history));
        objectives.push(r.objective);
      }
    });
    for (let t = 1; t < objectives.length; t++) {
      expect(objectives[t]).toBeLessThanOrEqual(objectives[t - 1]);
    }
  });

  it('on clustered gradients: seeding finds the clusters, AU steps repair a partly wrong init', async () => {
    const rng = new Rng(21);
    const rowOf = Array.from({ length: 60 }, (_, i) => i % 6);
    const p = jitter(plainFactors(rng, DIMS_2, 6, rowOf), rng, 0.01);
    // 15 of 60 examples start in the wrong cluster
    const init = Int32Array.from(rowOf, (c, i) => (i % 4 === 0 ? (c + 1 + (i % 5)) % 6 : c));
    const [seeded, repaired] = await withLayers(p, async (layers) => [
      await gradientClustering(layers, 6, { iterations: 0, rng: new Rng(1) }),
      await gradientClustering(layers, 6, { iterations: 3, rng: new Rng(1), init }),
    ]);
    for (const r of [seeded, repaired]) {
      expect(sameClusterPerPrototype(rowOf, r.assignment)).toBe(true);
      expect(Array.from(r.sizes)).toEqual(new Array(6).fill(10));
    }
    expect(repaired.objective).toBeLessThan(1e-2 * repaired.history[0]);
  });

  it('is deterministic for a seed', async () => {
    const p = distinct(new Rng(12), DIMS_2, 50);
    const [r1, r2] = await withLayers(p, async (layers) => [
      await gradientClustering(layers, 5, { iterations: 3, rng: new Rng(9) }),
      await gradientClustering(layers, 5, { iterations: 3, rng: new Rng(9) }),
    ]);
    expect(Array.from(r1.assignment)).toEqual(Array.from(r2.assignment));
    expect(r1.objective).toBe(r2.objective);
  });

  it('starts from init: 0 iterations return it with its objective', async () => {
    const p = distinct(new Rng(13), DIMS_1, 20);
    const init = roundRobin(20, 4);
    const r = await withLayers(p, (layers) =>
      gradientClustering(layers, 4, { iterations: 0, rng: new Rng(1), init }),
    );
    expect(Array.from(r.assignment)).toEqual(Array.from(init));
    expectRel(r.objective, bruteObjective(p, init, 4), 1e-5);
  });

  it('re-clustering from init never returns a worse objective than init', async () => {
    const p = distinct(new Rng(14), DIMS_2, 40);
    const init = roundRobin(40, 5);
    const r = await withLayers(p, (layers) =>
      gradientClustering(layers, 5, { iterations: 3, rng: new Rng(1), init }),
    );
    expect(r.objective).toBeLessThanOrEqual(r.history[0]);
    expectRel(r.history[0], bruteObjective(p, init, 5), 1e-5);
  });
});

describe('gradientClustering: cluster counts', () => {
  it('never leaves a cluster empty (random K, seeds, init with empties, few distinct points)', async () => {
    const rng = new Rng(15);
    for (let trial = 0; trial < 12; trial++) {
      const n = 5 + rng.int(40);
      const protos = trial % 3 === 0 ? 1 + rng.int(4) : n; // duplicates-only data too
      const rowOf = Array.from({ length: n }, (_, i) => (protos === n ? i : rng.int(protos)));
      const p = plainFactors(rng, DIMS_2, protos, rowOf);
      const k = 1 + rng.int(n);
      const init = trial % 2 === 0 ? new Int32Array(n) : undefined; // all in cluster 0
      const r = await withLayers(p, (layers) =>
        gradientClustering(layers, k, { iterations: 3, rng: rng.fork(), init }),
      );
      expect(r.sizes.length).toBe(k);
      expect(Math.min(...r.sizes)).toBeGreaterThanOrEqual(1);
      expect(r.sizes.reduce((s, x) => s + x, 0)).toBe(n);
    }
  });

  it('K = 1 gives one cluster with the brute-force objective', async () => {
    const p = distinct(new Rng(16), DIMS_2, 15);
    const r = await withLayers(p, (layers) =>
      gradientClustering(layers, 1, { iterations: 2, rng: new Rng(1) }),
    );
    expect(Array.from(r.assignment)).toEqual(new Array(15).fill(0));
    expect(Array.from(r.sizes)).toEqual([15]);
    expectRel(r.objective, bruteObjective(p, r.assignment, 1), 1e-5);
  });

  it('K = N gives singletons with objective 0; K > N is clamped to N', async () => {
    const p = distinct(new Rng(17), DIMS_2, 12);
    const [exact, over] = await withLayers(p, async (layers) => [
      await gradientClustering(layers, 12, { iterations: 2, rng: new Rng(1) }),
      await gradientClustering(layers, 50, { iterations: 2, rng: new Rng(1) }),
    ]);
    for (const r of [exact, over]) {
      expect(r.K).toBe(12);
      expect(Array.from(r.sizes)).toEqual(new Array(12).fill(1));
      const scale = bruteObjective(p, new Int32Array(12), 1);
      expect(r.objective).toBeLessThanOrEqual(1e-6 * scale);
    }
  });
});

describe('gradientClustering: duplicates', () => {
  it('exact duplicate rows end up in the same cluster', async () => {
    const rng = new Rng(18);
    const rowOf = rng.permutation(40).map((i) => i % 20); // every example twice
    const p = plainFactors(rng, DIMS_2, 20, Array.from(rowOf));
    for (const k of [3, 8, 19]) {
      const r = await withLayers(p, (layers) =>
        gradientClustering(layers, k, { iterations: 3, rng: new Rng(k) }),
      );
      expect(sameClusterPerPrototype(Array.from(rowOf), r.assignment)).toBe(true);
    }
  });

  it('5 points duplicated to 50% of N: each point keeps its copies in one cluster', async () => {
    const rng = new Rng(19);
    const n = 100;
    // prototypes 0..4 repeated 10 times each (50 rows), 50 other distinct prototypes 5..54
    const rowOf = Array.from(rng.permutation(n), (i) => (i < 50 ? i % 5 : i - 45));
    const p = plainFactors(rng, DIMS_2, 55, rowOf);
    for (const seed of [1, 2, 3]) {
      const r = await withLayers(p, (layers) =>
        gradientClustering(layers, 10, { iterations: 3, rng: new Rng(seed) }),
      );
      expect(sameClusterPerPrototype(rowOf, r.assignment)).toBe(true);
      expect(Math.min(...r.sizes)).toBeGreaterThanOrEqual(1);
    }
  });

  it('repair moves the farthest point together with its exact copies', () => {
    // cluster 0: distances [1, 5, 5, 2]; cluster 1 (empty); cluster 2: [0.5, 0.5]
    const assignment = Int32Array.from([0, 0, 0, 0, 2, 2]);
    const dist = Float32Array.from([1, 5, 5, 2, 0.5, 0.5]);
    expect(Array.from(repairEmpty(assignment, dist, 3))).toEqual([0, 1, 1, 0, 2, 2]);
    // only equal-distance groups left: one member is split off
    const forced = repairEmpty(Int32Array.from([0, 0, 0]), Float32Array.from([0, 0, 0]), 2);
    expect(Array.from(clusterSizes(forced, 2))).toEqual([2, 1]);
  });
});

describe('gradientClustering: tensor hygiene', () => {
  it('leaves tf.memory().numTensors unchanged and the inputs alive', async () => {
    const p = distinct(new Rng(20), DIMS_2, 30);
    const layers = toTensors(p);
    const before = tf.memory().numTensors;
    const r = await gradientClustering(layers, 4, { iterations: 3, rng: new Rng(1) });
    await gradientClustering(layers, 4, { iterations: 2, rng: new Rng(1), init: r.assignment });
    await gradientClustering(layers, 4, {
      iterations: 1,
      rng: new Rng(1),
      init: new Int32Array(30),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(layers.every(({ a, d }) => !a.isDisposed && !d.isDisposed)).toBe(true);
    layers.forEach(({ a, d }) => (a.dispose(), d.dispose()));
  });
});
