import type { Config, Field } from '../../core/config/schema';
import { FIELDS } from '../../core/config/schema';
import { formatFieldValue } from '../../core/config/fieldValue';
import type { EngineEvent, Report } from '../../core/run/records';
import type { RunInfo } from '../../engine/protocol';

/** At most this many pinned runs are kept (older ones must be cleared first). */
export const MAX_PINS = 3;

/** A finished or interrupted run kept as faded "ghost" curves for comparison. */
export interface Pin {
  id: number;
  config: Config;
  reports: readonly Report[];
  events: readonly EngineEvent[];
  /** The pinned run's sizes (N_train, d), when known. */
  info?: RunInfo | null;
}

/** Dash pattern per pin slot, so the ghosts of different pins can be told apart. */
export const PIN_DASHES = ['2 3', '7 3', '10 3 2 3'] as const;

function shownValue(f: Field, c: Config): string {
  const v = c[f.key];
  if (v === null) return 'default';
  return formatFieldValue(f, v) || 'none';
}

/**
 * What differs from the pinned run to the next one, in URL terms, e.g. `bs 32 → 128, lr 0.05 → 0.1`.
 * View settings (lecture, embed, …) are not part of a run and are ignored.
 */
export function describeDiff(pinned: Config, next: Config): string {
  const parts: string[] = [];
  for (const f of FIELDS) {
    if (f.group === 'view') continue;
    const from = shownValue(f, pinned);
    const to = shownValue(f, next);
    if (from !== to) parts.push(`${f.key} ${from} → ${to}`);
  }
  return parts.length ? parts.join(', ') : 'same settings';
}

/** Adds a pin (a no-op when MAX_PINS are pinned or the run has no reports yet). */
export function addPin(pins: readonly Pin[], pin: Omit<Pin, 'id'>): readonly Pin[] {
  if (pins.length >= MAX_PINS || pin.reports.length === 0) return pins;
  const id = pins.reduce((m, p) => Math.max(m, p.id), 0) + 1;
  return [...pins, { ...pin, id }];
}

export function removePin(pins: readonly Pin[], id: number): readonly Pin[] {
  return pins.filter((p) => p.id !== id);
}
