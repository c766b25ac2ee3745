import type { Clusters } from './types';

/** members[k] = the indices i with assignment[i] = k, ascending; K lists (some may be empty). */
export function clusterMembers({ assignment, K }: Clusters): number[][] {
  const members: number[][] = Array.from({ length: K }, () => []);
  assignment.forEach((k, i) => members[k].push(i));
  return members;
}
