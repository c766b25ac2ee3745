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
  assignment?: Int32Array;
  K?: number;
  snapshot?: Rows;
}

/** Every statistic of DESIGN §2 from explicit per-example gradients. */
export function referenceStats(rows: Rows, o: RefOptions) {
  const n = rows.length;
  const g = mean(rows);
  const v = popVar(rows);
  const scale = (x: Float64Array, f: number) => x.map((e) => e * f);
  const gradNorm2 = g.reduce((s, e) => s + e * e, 0);
  const out: Record<string, { variance: number; normalizedVariance: number }> = {
    'SG-B': reduce(scale(v, drawsFactor(o.batch, n, o.replacement)), g),
  };
  if (o.replacement || 2 * o.batch <= n) {
    out['SG-2B'] = reduce(scale(v, drawsFactor(2 * o.batch, n, o.replacement)), g);
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
    out.SVRG = reduce(scale(popVar(diff), drawsFactor(o.batch, n, o.replacement)), g);
  }
  return {
    gradNorm2,
    meanExampleGradNorm2: rows.reduce((s, r) => s + r.reduce((t, e) => t + e * e, 0), 0) / n,
    bSimple: v.reduce((s, e) => s + e, 0) / gradNorm2,
    estimators: out,
  };
}
