/**
 * How mixed a gradient clustering is in the classes (the paper's Fig. 1: examples of both
 * classes, far apart in input space, in one cluster). Plain arrays.
 */

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
