/**
 * Any field's value in its URL form and back: scalars and lists (values.ts) or the change
 * schedule (schedule.ts). The codec and the engine's checks go through here.
 */
import type { Config, Field, ScheduledChange } from './schema';
import { formatSchedule, parseSchedule } from './schedule';
import { formatValue, parseValue, type Parsed } from './values';

/** Parses one field's raw URL value; never throws. `fallback` is used for malformed input. */
export function parseFieldValue(f: Field, raw: string, fallback: Config[keyof Config]): Parsed {
  return f.kind === 'schedule' ? parseSchedule(raw) : parseValue(f, raw, fallback);
}

/** The URL form of a field's value. */
export function formatFieldValue(f: Field, value: Config[keyof Config]): string {
  return f.kind === 'schedule' ? formatSchedule(value as ScheduledChange[]) : formatValue(f, value);
}
