import { useEffect, useRef, useState } from 'react';
import type { BackendName } from '../../engine/protocol';
import { deviceKey } from '../shell/deviceKey';
import { DEFAULT_PLAN, rank, storedPlan, storePlan, type ProbeOutcome } from './backendPlan';
import { measurePlan } from './measurePlan';

/** The probe waits this long after the first run is ready. */
const START_AFTER_MS = 2000;

export interface PlanState {
  plan: readonly BackendName[];
  /** default: not measured yet on this device; stored: measured before; measured: just now. */
  source: 'default' | 'stored' | 'measuring' | 'measured';
  results: readonly ProbeOutcome[];
}

/** The plan `auto` starts with: the stored ranking for this device, else the default. */
export function initialPlan(): PlanState {
  const stored = storedPlan(localStorage, deviceKey());
  return stored
    ? { plan: stored.plan, source: 'stored', results: stored.results }
    : { plan: DEFAULT_PLAN, source: 'default', results: [] };
}

/**
 * Measures the backends once per device, in the background after the first run is ready
 * (only while the run's backend is `auto`), stores the ranking and hands it to the engine.
 */
export function useBackendPlan(
  initial: PlanState,
  ready: boolean,
  auto: boolean,
  replan: (plan: BackendName[]) => void,
): PlanState {
  const [state, setState] = useState(initial);
  const started = useRef(false);
  useEffect(() => {
    if (!ready || !auto || started.current || initial.source !== 'default') return;
    started.current = true;
    // A moment after the first run is ready, so that its start is not slowed down.
    const timer = setTimeout(() => void measure(), START_AFTER_MS);
    const measure = async () => {
      setState((s) => ({ ...s, source: 'measuring' }));
      const results = await measurePlan();
      const plan = rank(results);
      storePlan(localStorage, {
        device: deviceKey(),
        plan,
        results,
        measuredAt: new Date().toISOString(),
      });
      setState({ plan, source: 'measured', results });
      replan(plan);
    };
    return () => clearTimeout(timer);
  }, [ready, auto, initial.source, replan]);
  return state;
}
