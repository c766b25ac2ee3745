/**
 * The run's change schedule (`at=`): hot changes the run makes at given steps, so that a demo
 * with mid-run changes can be shared as a link and replayed exactly. URL form:
 *   at=300:bs=64,600:lr=0.01        entries STEP:KEY=VALUE, comma-separated
 *   at=200:est=sgb|gc               a list value's commas written as |
 * Only hot fields that change the run (not view fields) can be scheduled; steps are ≥ 1 (a
 * value at step 0 is simply the field's own value). Values go through the field's own checks.
 */
import { FIELDS, fieldOf, type Config, type Field, type ScheduledChange } from './schema';
import { formatValue, parseValue, shown, type Parsed, type ScalarField } from './values';

/** At most this many scheduled changes in one run. */
export const MAX_SCHEDULED = 200;
const MAX_STEP = 10_000_000;
const ENTRY = /^(\d+):([A-Za-z]+)=(.*)$/;

/** A field a schedule may change: hot, and part of the run (not how the page looks). */
export function schedulable(f: Field | undefined): f is ScalarField {
  return f !== undefined && f.hot && f.group !== 'view' && f.kind !== 'schedule';
}

/** The URL form of one entry's value (list commas as |). */
function entryText(c: ScheduledChange): string {
  return `${c.step}:${c.key}=${c.value.replace(/,/g, '|')}`;
}

export function formatSchedule(changes: readonly ScheduledChange[]): string {
  return changes.map(entryText).join(',');
}

/** One entry checked against its field; null (with a reason) when it cannot be used. */
function parseEntry(text: string): { change: ScheduledChange | null; problem?: string } {
  const m = ENTRY.exec(text);
  if (!m) return { change: null, problem: `${shown(text)} is not STEP:KEY=VALUE; ignored` };
  const step = Number(m[1]);
  const f = fieldOf(m[2]);
  if (!(step >= 1 && step <= MAX_STEP))
    return { change: null, problem: `${shown(text)}: the step must be 1..${MAX_STEP}; ignored` };
  if (!schedulable(f))
    return {
      change: null,
      problem: `${shown(text)}: ${shown(m[2])} cannot change mid-run; ignored`,
    };
  const raw = m[3].replace(/\|/g, ',');
  const r: Parsed = parseValue(f, raw, null as never);
  if (r.value === null && f.kind !== 'optionalInt')
    return { change: null, problem: `${shown(text)}: ${r.problem ?? 'bad value'}; ignored` };
  const change = { step, key: f.key, value: formatValue(f, r.value) };
  return { change, problem: r.problem ? `${shown(text)}: ${r.problem}` : undefined };
}

/** Parses `at=`: the entries that can be used, in step order, and what was not taken as given. */
export function parseSchedule(raw: string): Parsed {
  const parts = raw === '' ? [] : raw.split(',');
  const problems: string[] = [];
  if (parts.length > MAX_SCHEDULED)
    problems.push(`more than ${MAX_SCHEDULED} changes; the rest ignored`);
  const changes: ScheduledChange[] = [];
  for (const part of parts.slice(0, MAX_SCHEDULED)) {
    const { change, problem } = parseEntry(part);
    if (problem) problems.push(problem);
    if (change) changes.push(change);
  }
  const value = normalised(changes);
  return problems.length ? { value, problem: `at: ${problems.join('; ')}` } : { value };
}

/** In step order, one entry per (step, key): a later entry for the same pair wins. */
export function normalised(changes: readonly ScheduledChange[]): ScheduledChange[] {
  const byPair = new Map<string, ScheduledChange>();
  for (const c of changes) {
    const pair = `${c.step}:${c.key}`;
    byPair.delete(pair);
    byPair.set(pair, c);
  }
  return [...byPair.values()].sort((a, b) => a.step - b.step);
}

/** The schedule with `patch` recorded at `step` (only schedulable keys), for a shared link. */
export function recordChanges(
  schedule: readonly ScheduledChange[],
  step: number,
  patch: Partial<Config>,
): ScheduledChange[] {
  const added: ScheduledChange[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const f = fieldOf(key);
    if (schedulable(f)) added.push({ step, key: f.key, value: formatValue(f, value as never) });
  }
  return normalised([...schedule, ...added]).slice(0, MAX_SCHEDULED);
}

/** The entries due at `step`, as a patch of typed values (through each field's parser). */
export function dueAt(schedule: readonly ScheduledChange[], step: number): Partial<Config> {
  const patch: Record<string, unknown> = {};
  for (const c of schedule) {
    if (c.step !== step) continue;
    const f = fieldOf(c.key);
    if (schedulable(f)) patch[c.key] = parseValue(f, c.value, null as never).value;
  }
  return patch as Partial<Config>;
}

/**
 * The starting configuration after a hot change from `before` to `after` at `step`: at step 0
 * the start itself changes; later, the change joins the schedule (what a shared link replays).
 */
export function withChange(start: Config, before: Config, after: Config, step: number): Config {
  const changed = Object.fromEntries(
    FIELDS.filter((f) => JSON.stringify(before[f.key]) !== JSON.stringify(after[f.key])).map(
      (f) => [f.key, after[f.key]],
    ),
  ) as Partial<Config>;
  if (step === 0) return { ...start, ...changed };
  return { ...start, at: recordChanges(start.at, step, changed) };
}
