/**
 * An independent float64 reference for the gradient statistics, working from explicit
 * per-example gradients g_i (rows of an N x d matrix). Slow and obvious on purpose.
 */
export type Rows = Float64Array[];

export function mean(rows: Rows): Float64Array {
  const d = rows[0].length;
  const g = new Float64Array(d);
  for (const r of rows) for (let j = 0; j < d; j++) g[j] += r[j] / rows.length;
  return g;
}

/** Population variance per coordinate. */
export function popVar(rows: Rows): Float64Array {
  const g = mean(rows);
  const v = new Float64Array(g.length);
  for (const r of rows) for (let j = 0; j < g.length; j++) v[j] += (r[j] - g[j]) ** 2 / rows.length;
  return v;
}

export function drawsFactor(m: number, n: number, replacement: boolean): number {
  return replacement ? 1 / m : n === 1 ? 0 : (n - m) / (m * (n - 1));
}

export function reduce(V: Float64Array, g: Float64Array) {
  let variance = 0;
  let nv = 0;
  for (let j = 0; j < V.length; j++) {
    variance += V[j] / V.length;
    const den = V[j] + g[j] * g[j];
    nv += den > 0 ? V[j] / den / V.length : 0;
  }
  return { variance, normalizedVariance: nv };
}

export interface RefOptions {
  batch: number;
  replacement: boolean;
  /** N_train, the set SGD samples from (default: the N rows). */
  population?: number;
  assignment?: Int32Array;
  K?: number;
  snapshot?: Rows;
}

/** Every statistic of DESIGN §2 from explicit per-example gradients. */
export function referenceStats(rows: Rows, o: RefOptions) {
  const n = rows.length;
  const p = o.population ?? n;
  const g = mean(rows);
  const v = popVar(rows);
  const scale = (x: Float64Array, f: number) => x.map((e) => e * f);
  const gradNorm2 = g.reduce((s, e) => s + e * e, 0);
  const out: Record<string, { variance: number; normalizedVariance: number }> = {
    'SG-B': reduce(scale(v, drawsFactor(o.batch, p, o.replacement)), g),
  };
  if (o.replacement || 2 * o.batch <= p) {
    out['SG-2B'] = reduce(scale(v, drawsFactor(2 * o.batch, p, o.replacement)), g);
  }
  if (o.assignment && o.K) {
    const V = new Float64Array(g.length);
    for (let k = 0; k < o.K; k++) {
      const members = rows.filter((_, i) => o.assignment![i] === k);
      if (members.length === 0) continue;
      const vk = popVar(members);
      for (let j = 0; j < V.length; j++) V[j] += (members.length ** 2 * vk[j]) / (n * n);
    }
    out.GC = reduce(V, g);
  }
  if (o.snapshot) {
    const diff = rows.map((r, i) => r.map((e, j) => e - o.snapshot![i][j]));
    out.SVRG = reduce(scale(popVar(diff), drawsFactor(o.batch, p, o.replacement)), g);
  }
  return {
    gradNorm2,
    meanExampleGradNorm2: rows.reduce((s, r) => s + r.reduce((t, e) => t + e * e, 0), 0) / n,
    bSimple: v.reduce((s, e) => s + e, 0) / gradNorm2,
    estimators: out,
  };
}

/** One set of T draws: row-major indices [T][m] and the per-slot weights. */
export interface RefDraws {
  index: Int32Array;
  weight: Float32Array;
  count: number;
  size: number;
}

/** The T estimates ĝ_t = sum_s w_s g_(i_ts) (SVRG: of g_i - g~_i, plus the snapshot mean). */
function estimatesOf(rows: Rows, draws: RefDraws, snapshot?: Rows): Rows {
  const d = rows[0].length;
  const snapMean = snapshot ? mean(snapshot) : null;
  const out: Rows = [];
  for (let t = 0; t < draws.count; t++) {
    const e = new Float64Array(d);
    for (let s = 0; s < draws.size; s++) {
      const i = draws.index[t * draws.size + s];
      for (let j = 0; j < d; j++) {
        e[j] += draws.weight[s] * (rows[i][j] - (snapshot ? snapshot[i][j] : 0));
      }
    }
    if (snapMean) for (let j = 0; j < d; j++) e[j] += snapMean[j];
    out.push(e);
  }
  return out;
}

/**
 * The sampled protocol in float64 from explicit gradients and draws (DESIGN §2):
 * variance = mean_j (1/T) Σ_t (ĝ_tj − g_j)², NV = mean_j Σ_t (ĝ_tj − g_j)² / Σ_t ĝ_tj² (0 if the
 * sum is 0), and the authors' code's NV = mean_j Σ_t (ĝ_tj − Ē_j)² / (Σ_t ĝ_tj² + 1e-7), Ē the
 * mean of the separate `meanDraws` estimates.
 */
export function referenceSampled(
  rows: Rows,
  meanDraws: RefDraws,
  draws: RefDraws,
  snapshot?: Rows,
): { variance: number; normalizedVariance: number; normalizedVarianceAuthors: number } {
  const g = mean(rows);
  const d = g.length;
  const E = mean(estimatesOf(rows, meanDraws, snapshot));
  const est = estimatesOf(rows, draws, snapshot);
  let variance = 0;
  let nv = 0;
  let nvAuthors = 0;
  for (let j = 0; j < d; j++) {
    let dev = 0;
    let devE = 0;
    let pow = 0;
    for (const e of est) {
      dev += (e[j] - g[j]) ** 2;
      devE += (e[j] - E[j]) ** 2;
      pow += e[j] ** 2;
    }
    variance += dev / est.length / d;
    nv += pow > 0 ? dev / pow / d : 0;
    nvAuthors += devE / (pow + 1e-7) / d;
  }
  return { variance, normalizedVariance: nv, normalizedVarianceAuthors: nvAuthors };
}
