/**
 * How mixed a gradient clustering is in the classes (the paper's Fig. 1: examples of both
 * classes, far apart in input space, in one cluster). Plain arrays.
 */

/**
 * How Gradient Clustering treats duplicated points (§4.3; §3's remark: copies add no variance
 * when their cluster holds nothing else). `source[i]` is the point pool example i copies (-1:
 * not a copy). Over the duplicated points with at least two copies in the pool:
 *   together = share whose copies all sit in one cluster,
 *   alone    = share whose copies fill one cluster by themselves.
 * null when no point has two copies in the pool.
 */
export function duplicateGrouping(
  assignment: Int32Array,
  source: Int32Array,
): { together: number; alone: number } | null {
  const copies = new Map<number, number[]>();
  source.forEach((s, i) => {
    if (s >= 0) copies.set(s, [...(copies.get(s) ?? []), i]);
  });
  const groups = [...copies.values()].filter((g) => g.length >= 2);
  if (groups.length === 0) return null;
  const sizes = new Map<number, number>();
  for (const k of assignment) sizes.set(k, (sizes.get(k) ?? 0) + 1);
  let together = 0;
  let alone = 0;
  for (const g of groups) {
    const k = assignment[g[0]];
    if (!g.every((i) => assignment[i] === k)) continue;
    together++;
    if (sizes.get(k) === g.length) alone++;
  }
  return { together: together / groups.length, alone: alone / groups.length };
}

/** A cluster counts as mixed when the classes other than its largest make up this share. */
export const MIXED_MINORITY = 0.1;

/**
 * Share of the N examples that sit in mixed clusters:
 *   (1/N) sum over clusters k with (N_k - max_c N_kc) ≥ MIXED_MINORITY N_k of N_k,
 * N_kc the members of cluster k with label c (two classes: the minority is ≥ 10 % of it).
 */
export function mixedShare(assignment: Int32Array, labels: Int32Array): number {
  const n = assignment.length;
  if (n === 0) return 0;
  const counts = new Map<number, Map<number, number>>();
  assignment.forEach((k, i) => {
    const c = counts.get(k) ?? new Map<number, number>();
    c.set(labels[i], (c.get(labels[i]) ?? 0) + 1);
    counts.set(k, c);
  });
  let mixed = 0;
  for (const c of counts.values()) {
    const members = [...c.values()];
    const size = members.reduce((s, x) => s + x, 0);
    if (size - Math.max(...members) >= MIXED_MINORITY * size) mixed += size;
  }
  return mixed / n;
}
