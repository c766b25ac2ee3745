/**
 * What each estimator costs, in gradient evaluations (one example's forward and backward pass)
 * per estimate, so that comparisons at unequal cost are visible (paper §4: SG-2B is the
 * baseline at twice SG-B's cost; App. B.2: GC's overhead is amortised over training steps).
 * Periodic work is amortised over the steps between refreshes, one estimate per step:
 *   SG-B   B
 *   SG-2B  2B
 *   GC     K + N_pool / gcEvery     one draw per cluster; each re-clustering is one pass over
 *                                   the N_pool clustered examples (its gcIters assignment and
 *                                   update iterations reuse the stored per-example factors —
 *                                   without them each iteration would be another pass)
 *   SVRG   2B + N_pool / svrgEvery  g_i(θ) and g_i(θ~) for the batch; each snapshot is one pass
 *                                   over the pool for g(θ~)
 * Plain numbers.
 */
import { clustersK, type Config } from '../config/schema';
import type { EstimatorId } from '../stats/types';

export interface CostInputs {
  batch: number;
  /** K, the GC clusters actually used (at most the pool). */
  clusters: number;
  /** N_pool, the examples clustered and snapshotted. */
  pool: number;
  gcEvery: number;
  svrgEvery: number;
}

export function estimatorCosts(c: CostInputs): Record<EstimatorId, number> {
  return {
    'SG-B': c.batch,
    'SG-2B': 2 * c.batch,
    GC: c.clusters + c.pool / c.gcEvery,
    SVRG: 2 * c.batch + c.pool / c.svrgEvery,
  };
}

/** The cost inputs of a configuration: the pool is min(n, pool), K = clustersK at most that. */
export function costInputs(c: Config): CostInputs {
  const pool = Math.min(c.n, c.pool);
  return {
    batch: c.bs,
    clusters: Math.min(clustersK(c), pool),
    pool,
    gcEvery: c.gcEvery,
    svrgEvery: c.svrgEvery,
  };
}
