import type { Config, Field } from './schema';

/** A field whose value is one scalar or list (a schedule is parsed by schedule.ts). */
export type ScalarField = Exclude<Field, { kind: 'schedule' }>;

/** One parsed URL value: the value to use, and a message when it was not taken as given. */
export interface Parsed {
  value: Config[keyof Config];
  problem?: string;
}

const MAX_SHOWN = 40;

/** The raw value as shown in a message: truncated, never interpreted. */
export function shown(raw: string): string {
  return raw.length > MAX_SHOWN ? `${raw.slice(0, MAX_SHOWN)}…` : raw;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function clampNumber(
  f: Field & { min: number; max: number },
  raw: string,
  v: number,
  integer: boolean,
): Parsed {
  const k = `${f.key}=${shown(raw)}`;
  if (integer && !Number.isInteger(v)) {
    const r = Math.min(f.max, Math.max(f.min, Math.round(v)));
    return { value: r, problem: `${k} is not a whole number; using ${r}` };
  }
  if (v < f.min)
    return { value: f.min, problem: `${k} is below the minimum ${f.min}; using ${f.min}` };
  if (v > f.max)
    return { value: f.max, problem: `${k} is above the maximum ${f.max}; using ${f.max}` };
  return { value: v };
}

function listOf(f: Field & { kind: 'set'; choices: readonly string[] }, raw: string): Parsed {
  const items = raw === '' ? [] : raw.split(',');
  const bad = items.filter((i) => !f.choices.includes(i));
  const value = f.choices.filter((c) => items.includes(c)) as Config['est'];
  if (bad.length === 0) return { value };
  return {
    value,
    problem: `${f.key}: ${shown(bad.join(','))} not recognised (choose from ${f.choices.join(', ')}); ignored`,
  };
}

function intList(
  f: Field & { kind: 'intList'; min: number; max: number; maxLength: number },
  raw: string,
  fallback: number[],
): Parsed {
  const parts = raw.split(',');
  const nums = parts.map((p) => (NUMBER.test(p.trim()) ? Number(p) : NaN));
  if (nums.some((v) => !Number.isFinite(v)) || parts.length === 0) {
    return {
      value: fallback,
      problem: `${f.key}=${shown(raw)} is not a list of whole numbers like 64,64; using ${fallback.join(',')}`,
    };
  }
  const clamped = nums
    .slice(0, f.maxLength)
    .map((v) => Math.min(f.max, Math.max(f.min, Math.round(v))));
  const changed = clamped.length !== nums.length || clamped.some((v, i) => v !== nums[i]);
  if (!changed) return { value: clamped };
  const why =
    nums.length > f.maxLength ? `at most ${f.maxLength} layers` : `widths ${f.min}..${f.max}`;
  return { value: clamped, problem: `${f.key}=${shown(raw)}: ${why}; using ${clamped.join(',')}` };
}

/** Parses one field's raw URL value; never throws. `fallback` is used for malformed input. */
export function parseValue(f: ScalarField, raw: string, fallback: Config[keyof Config]): Parsed {
  const k = `${f.key}=${shown(raw)}`;
  switch (f.kind) {
    case 'enum':
      return f.choices.includes(raw)
        ? { value: raw as Config['data'] }
        : {
            value: fallback,
            problem: `${k} is not one of ${f.choices.join(', ')}; using ${fallback}`,
          };
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { value: fallback, problem: `${k} should be 0 or 1; using ${fallback ? 1 : 0}` };
    case 'set':
      return listOf(f, raw);
    case 'intList':
      return intList(f, raw, fallback as number[]);
    case 'optionalInt':
      if (raw === '' || raw === 'auto') return { value: null };
      return numeric(f, raw, fallback, true);
    case 'int':
      return numeric(f, raw, fallback, true);
    case 'float':
      return numeric(f, raw, fallback, false);
  }
}

function numeric(
  f: Field & { min: number; max: number },
  raw: string,
  fallback: Config[keyof Config],
  integer: boolean,
): Parsed {
  // + 0 turns -0 into 0: "-0" must not give a configuration that differs from its own URL.
  const v = NUMBER.test(raw.trim()) ? Number(raw) + 0 : NaN;
  if (!Number.isFinite(v)) {
    return {
      value: fallback,
      problem: `${f.key}=${shown(raw)} is not a number; using ${fallback ?? 'the default'}`,
    };
  }
  return clampNumber(f, raw, v, integer);
}

/** The URL form of a value (shortest round-trip numbers; lists comma-separated). */
export function formatValue(f: ScalarField, value: Config[keyof Config]): string {
  if (f.kind === 'bool') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}
