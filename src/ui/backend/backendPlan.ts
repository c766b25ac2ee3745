/**
 * How `auto` orders the backends on this device: a ranking measured once by the speed probe
 * (engine/backendProbe.worker.ts) and cached per device, so later visits start at once on the
 * fastest backend. A software adapter is never preferred unless it measured faster. Pure: the
 * storage and the probe are passed in.
 */
import type { BackendName } from '../../engine/protocol';

/** Where the plan is kept (localStorage). */
export const PLAN_KEY = 'gvp.backendPlan.v1';

/** Before any measurement: WASM first, so a laptop without a usable GPU starts in a second. */
export const DEFAULT_PLAN: readonly BackendName[] = ['wasm', 'webgl', 'webgpu', 'cpu'];

/** The backends the probe times (the CPU backend is always the last resort). */
export const PROBED: readonly BackendName[] = ['wasm', 'webgl', 'webgpu'];

export type ProbeOutcome =
  | { name: BackendName; stepMs: number; warmMs: number; adapter: string; software: boolean }
  | { name: BackendName; error: string };

export interface StoredPlan {
  /** The device the ranking was measured on (deviceKey()); '*' pins it for any device. */
  device: string;
  plan: BackendName[];
  results: ProbeOutcome[];
  measuredAt: string;
}

/** The ranking: measured backends by steady step time, fastest first, then the CPU backend. */
export function rank(results: readonly ProbeOutcome[]): BackendName[] {
  const timed = results.filter(
    (r): r is Extract<ProbeOutcome, { stepMs: number }> => 'stepMs' in r,
  );
  const order = [...timed].sort((a, b) => a.stepMs - b.stepMs).map((r) => r.name);
  return [...new Set([...order, 'cpu' as const])];
}

/** The stored plan for this device, or null (none, another device, or unreadable). */
export function storedPlan(storage: Pick<Storage, 'getItem'>, device: string): StoredPlan | null {
  try {
    const p = JSON.parse(storage.getItem(PLAN_KEY) ?? 'null') as StoredPlan | null;
    const valid = p && Array.isArray(p.plan) && p.plan.every((b) => DEFAULT_PLAN.includes(b));
    return valid && (p.device === device || p.device === '*') ? p : null;
  } catch {
    return null;
  }
}

export function storePlan(storage: Pick<Storage, 'setItem'>, plan: StoredPlan): void {
  try {
    storage.setItem(PLAN_KEY, JSON.stringify(plan));
  } catch {
    // private browsing or a full quota: the plan is simply measured again next time
  }
}
