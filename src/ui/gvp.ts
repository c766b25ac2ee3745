import type { Config } from '../core/config/schema';
import type { PlanState } from './backend/useBackendPlan';
import { LESSONS } from './lessons';
import type { RunState } from './state/runStore';

export const VERSION = '0.1.0';

/**
 * The read-only scripting surface `window.gvp` (documented in the README): for researchers in
 * the console and for tests. Getters read the latest state; arrays are copies.
 */
export function installGvp(
  target: object,
  read: () => {
    state: RunState;
    config: Config;
    backendPlan?: PlanState;
    engine?: { ping(): number };
  },
): void {
  const api = Object.freeze({
    version: VERSION,
    get backend() {
      return read().state.backend?.name ?? null;
    },
    get adapter() {
      return read().state.backend?.adapter ?? null;
    },
    get status() {
      return read().state.status;
    },
    get step() {
      return read().state.step;
    },
    /** The order `auto` tries backends in, where it came from, and the probe's measurements. */
    get backendPlan() {
      const p = read().backendPlan;
      return p ? (JSON.parse(JSON.stringify(p)) as PlanState) : null;
    },
    /** The open lesson: its number (1-based), how many there are and its title; or null. */
    get lesson() {
      const index = read().config.lesson;
      const lesson = LESSONS[index - 1];
      return lesson ? { index, count: LESSONS.length, title: lesson.title } : null;
    },
    get config() {
      return JSON.parse(JSON.stringify(read().config)) as Config;
    },
    reports: () => read().state.reports.map((r) => JSON.parse(JSON.stringify(r))),
    events: () => read().state.events.map((e) => ({ ...e })),
    /**
     * The training worker's live tensors (tf.memory() there): asks with a ping and resolves
     * with the answer, or null when none comes within 3 s.
     */
    engineMemory: async (): Promise<{ numTensors: number; numBytes: number } | null> => {
      const id = read().engine?.ping();
      if (id === undefined) return null;
      for (let t = 0; t < 60; t++) {
        await new Promise((r) => setTimeout(r, 50));
        const m = read().state.engineMemory;
        if (m && m.id >= id) return { numTensors: m.numTensors, numBytes: m.numBytes };
      }
      return null;
    },
    clusters: () => {
      const c = read().state.clusters;
      return c
        ? { step: c.step, K: c.K, assignment: Array.from(c.assignment), sizes: Array.from(c.sizes) }
        : null;
    },
  });
  Object.defineProperty(target, 'gvp', { value: api, configurable: true, enumerable: false });
}
