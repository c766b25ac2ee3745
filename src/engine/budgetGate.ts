/**
 * The resource budget at the engine's door (issue 15): every new run and every hot change
 * is checked against the device the worker runs on (src/core/budget). A run that fits
 * starts as asked; one that fits once its pool (then n) is scaled starts scaled, and the
 * notice gives the figures; one that cannot fit is refused with the reason, and the previous
 * run goes on (or, with none, the default setup starts in the same view).
 */
import { browserDevice, type BudgetBackend, type DeviceBudget } from '../core/budget/device';
import { fitToBudget } from '../core/budget/fit';
import type { ConfigProblem } from '../core/config/codec';
import { defaultConfig, type Config } from '../core/config/schema';
import type { BackendInfo } from './protocol';

/** What the worker can read about its device (navigator.deviceMemory, GPU limits). */
export interface DeviceLimits {
  deviceMemoryGiB?: number;
  maxBufferBytes?: number;
  maxTextureSize?: number;
}

export function deviceFor(backend: BackendInfo, limits: DeviceLimits): DeviceBudget {
  return browserDevice({
    backend: backend.name as BudgetBackend,
    software: backend.software,
    ...limits,
  });
}

export type Gate =
  | { kind: 'run'; config: Config; problems: ConfigProblem[] }
  | { kind: 'refused'; problem: ConfigProblem };

const problem = (key: string, value: unknown, message: string): ConfigProblem => ({
  key,
  value: String(value),
  message,
});

/** A new run: as asked, scaled (with the notice), or refused (with the reason). */
export function gateRun(config: Config, device: DeviceBudget): Gate {
  const v = fitToBudget(config, device);
  if (v.kind === 'refused')
    return { kind: 'refused', problem: problem('budget', '', `Not started: ${v.reason}.`) };
  if (v.kind === 'fits')
    return { kind: 'run', config, problems: v.notice ? [problem('budget', '', v.notice)] : [] };
  const key = v.changes[0].field;
  return { kind: 'run', config: v.config, problems: [problem(key, v.changes[0].from, v.notice)] };
}

/**
 * A hot change (no restart): applied only if the changed run fits as it is; otherwise the
 * run goes on unchanged and the message says why (scaling pool or n would need a restart).
 */
export function gateHot(config: Config, changed: readonly string[], device: DeviceBudget) {
  const v = fitToBudget(config, device);
  if (v.kind === 'fits') return null;
  const what = changed.map((k) => `${k}=${String(config[k as keyof Config])}`).join(', ');
  const why =
    v.kind === 'refused'
      ? v.reason
      : `too large for this device: ${v.figures}; with ${v.changes.map((c) => `${c.field}=${c.to}`).join(' and ')} it would fit`;
  return problem(changed[0] ?? 'budget', what, `${what} not applied: ${why}.`);
}

/** With no run to keep: the default setup, in the asked view and on the asked backend. */
export function fallbackConfig(asked: Config): Config {
  const { lecture, embed, hide, charts, autoplay, backend } = asked;
  return { ...defaultConfig(), lecture, embed, hide, charts, autoplay, backend };
}
