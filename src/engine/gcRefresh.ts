import { clustersK, type Config } from '../core/config/schema';
import type { Network } from '../core/model/build';
import type { PerExample } from '../core/model/backprop';
import type { Rng } from '../core/rng';
import { gradientClustering } from '../core/stats/clustering';
import type { Clusters } from '../core/stats/types';
import { buildClusterView } from './clusterView';
import { poolDigits, poolPlane } from '../core/data/poolViews';
import type { RunData } from '../core/data/runData';
import type { ClusterView } from './protocol';
import type { EngineEvent } from '../core/run/records';

/** The pool's Gradient Clustering, as of training step `step`. */
export type ClusterState = Clusters & { sizes: Int32Array; step: number };

/**
 * Re-clusters the pool's per-example gradients (K = clustersK, at most the pool size; warm
 * started from the previous assignment when K is unchanged) and builds the views the UI
 * draws: the projection, and the 2-D plane's boundaries or the MNIST digits.
 */
export async function refreshClusters(input: {
  net: Network;
  p: PerExample;
  data: RunData;
  config: Config;
  rng: Rng;
  step: number;
  previous: ClusterState | null;
}): Promise<{ clusters: ClusterState; event: EngineEvent; view: ClusterView }> {
  const { net, p, data, config, rng, step, previous } = input;
  const K = Math.min(clustersK(config), data.pool.length);
  const r = await gradientClustering(p.factors, K, {
    iterations: config.gcIters,
    rng,
    init: previous?.K === K ? previous.assignment : undefined,
  });
  const clusters = { assignment: r.assignment, K: r.K, sizes: r.sizes, step };
  const view = await buildClusterView({
    step,
    net,
    p,
    assignment: r.assignment,
    sizes: r.sizes,
    lr: config.lr,
    rng,
    plane: data.train.dim === 2 ? poolPlane(data) : undefined,
  });
  if (config.data === 'mnist') view.digits = poolDigits(data, r);
  return { clusters, event: { kind: 'gc', step, objective: r.objective }, view };
}
