import { probeBackend } from '../../engine/client';
import type { BackendName } from '../../engine/protocol';
import { PROBED, type ProbeOutcome } from './backendPlan';

/**
 * Time allowed to each backend's probe, compilation included. A backend that cannot compile
 * and take six steps of fig3-mnist's model in this time is no use for interactive training
 * (a software WebGPU adapter can take minutes to compile): it is stopped and counts as
 * unavailable for `auto`, which then never waits for it.
 */
export const PROBE_BUDGET_MS = 8_000;

/** One backend's speed probe in a fresh worker (terminated when it finishes or runs out of time). */
export async function probeOne(
  name: BackendName,
  budgetMs = PROBE_BUDGET_MS,
): Promise<ProbeOutcome> {
  try {
    const r = await probeBackend({ preference: name, speed: true }, budgetMs);
    if (r.info.name !== name) return { name, error: `not available (fell back to ${r.info.name})` };
    if (!r.speed) return { name, error: 'no timing' };
    const { stepMs, warmMs } = r.speed;
    return { name, stepMs, warmMs, adapter: r.info.adapter, software: r.info.software };
  } catch (e) {
    const timedOut = e instanceof Error && /timed out/.test(e.message);
    const error = timedOut ? `did not finish within ${budgetMs / 1000} s` : String(e);
    return { name, error };
  }
}

/** Every probed backend in turn (one at a time, so they do not slow each other down). */
export async function measurePlan(probe = probeOne): Promise<ProbeOutcome[]> {
  const out: ProbeOutcome[] = [];
  for (const name of PROBED) out.push(await probe(name));
  return out;
}
