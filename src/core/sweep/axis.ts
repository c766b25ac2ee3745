/**
 * One varied key of a sweep and its values. Values are written either as a list `V1,V2,…` or
 * as a log range `LO..HI:COUNT`: COUNT values v_i = LO·(HI/LO)^(i/(COUNT−1)), i = 0..COUNT−1,
 * rounded to 3 significant digits (whole numbers for integer keys, duplicates dropped).
 *
 * A key is any numeric configuration key (int, float, or `k`), `hidden` (every hidden layer set
 * to the value; RF: the number of random features), or `coef`, the over-parametrisation
 * coefficient (coef.ts). `seed` and `steps` are not keys: a sweep has its own seeds and steps.
 *
 * Parsing never throws: bad values are clamped to the key's range or dropped, each with a
 * message naming what was wrong (like the configuration codec).
 */
import { fieldOf, FIELDS } from '../config/schema';
import { shown } from '../config/values';

export const COEF = 'coef';
/** At most this many values per key (a sweep's size is also capped, spec.ts). */
export const MAX_VALUES = 64;

export interface SweepAxis {
  key: string;
  values: number[];
  /** Set when the values came from a log range LO..HI:COUNT (kept for the URL form). */
  range?: { from: number; to: number; count: number };
}

interface KeyRange {
  min: number;
  max: number;
  integer: boolean;
}

/** coef = trainable parameters / N: positive, from far below to far above 1. */
const COEF_RANGE: KeyRange = { min: 1e-3, max: 1e4, integer: false };
const EXCLUDED = new Set(['seed', 'steps']);

/** The range of a key that can be varied; undefined for any other key. */
export function keyRange(key: string): KeyRange | undefined {
  if (key === COEF) return COEF_RANGE;
  const f = fieldOf(key);
  if (!f || EXCLUDED.has(key)) return undefined;
  switch (f.kind) {
    case 'int':
    case 'optionalInt':
    case 'intList':
      return { min: f.min, max: f.max, integer: true };
    case 'float':
      return { min: f.min, max: f.max, integer: false };
    default:
      return undefined;
  }
}

/** Every key a sweep can vary, in schema order, then coef. */
export function variableKeys(): string[] {
  return [...FIELDS.map((f) => f.key as string).filter((k) => keyRange(k)), COEF];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const RANGE = /^(.+)\.\.(.+):(.+)$/;

function num(raw: string): number {
  return NUMBER.test(raw.trim()) ? Number(raw) : NaN;
}

function round3(v: number): number {
  return Number(v.toPrecision(3));
}

/** Clamps and rounds one value; the message says what changed. */
function fit(key: string, r: KeyRange, v: number): { value: number; problem?: string } {
  const value = Math.min(r.max, Math.max(r.min, r.integer ? Math.round(v) : v));
  if (value === v) return { value };
  const why =
    v < r.min
      ? `below the minimum ${r.min}`
      : v > r.max
        ? `above the maximum ${r.max}`
        : 'not a whole number';
  return { value, problem: `${key}: ${v} is ${why}; using ${value}` };
}

function logRange(key: string, r: KeyRange, m: RegExpMatchArray, problems: string[]): SweepAxis {
  const [from, to, count] = [num(m[1]), num(m[2]), num(m[3])];
  if (!(from > 0 && to > 0) || !Number.isInteger(count) || count < 1 || count > MAX_VALUES) {
    problems.push(
      `${key}=${shown(m[0])}: a log range is LO..HI:COUNT with LO, HI > 0 and COUNT in 1..${MAX_VALUES}`,
    );
    return { key, values: [] };
  }
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : i / (count - 1);
    const v = r.integer ? Math.round(from * (to / from) ** t) : round3(from * (to / from) ** t);
    const { value, problem } = fit(key, r, v);
    if (problem && !problems.includes(problem)) problems.push(problem);
    if (!values.includes(value)) values.push(value);
  }
  return { key, values, range: { from, to, count } };
}

function list(key: string, r: KeyRange, raw: string, problems: string[]): SweepAxis {
  const values: number[] = [];
  if (raw.trim() === '') return { key, values };
  for (const part of raw.split(',')) {
    if (part.trim() === '') {
      problems.push(`${key}: an empty value in the list; ignored`);
      continue;
    }
    const v = num(part);
    if (!Number.isFinite(v)) {
      problems.push(`${key}: ${shown(part)} is not a number; ignored`);
      continue;
    }
    const { value, problem } = fit(key, r, v);
    if (problem) problems.push(problem);
    if (values.includes(value)) problems.push(`${key}: ${value} appears more than once; kept once`);
    else values.push(value);
  }
  if (values.length > MAX_VALUES) {
    problems.push(`${key}: at most ${MAX_VALUES} values; using the first ${MAX_VALUES}`);
    values.length = MAX_VALUES;
  }
  return { key, values };
}

/**
 * Parses `KEY` and `VALUES` (a list or a log range). Returns null, with a problem, when the key
 * cannot be varied or no value is left.
 */
export function parseAxis(key: string, raw: string, problems: string[]): SweepAxis | null {
  const r = keyRange(key);
  if (!r) {
    problems.push(`${shown(key)} cannot be varied (choose from ${variableKeys().join(', ')})`);
    return null;
  }
  const m = raw.trim().match(RANGE);
  const axis = m ? logRange(key, r, m, problems) : list(key, r, raw, problems);
  if (axis.values.length > 0) return axis;
  if (!m) problems.push(`${key}: no values given (a list V1,V2,… or a log range LO..HI:COUNT)`);
  return null;
}

/** The values' text form: the log range when there is one, else the list. */
export function formatValues(axis: SweepAxis): string {
  const r = axis.range;
  return r ? `${r.from}..${r.to}:${r.count}` : axis.values.join(',');
}
