/**
 * Bounded run history for the UI (issue 15): however long a run, the store holds the last
 * RECENT_REPORTS (to RECENT_REPORTS + SPILL) reports at full resolution plus MAX_BUCKETS spans
 * of older ones, and at most
 * MAX_EVENTS events. An older span keeps its first and last report and, for every plotted
 * statistic, the reports holding its largest, smallest and smallest positive value (the log
 * scale's lowest point), so the curves keep their envelope; adjacent spans merge pairwise
 * when there are too many (the extremes of a merge are among the kept ones: exact). Pure.
 */
import type { EngineEvent, Report } from '../../core/run/records';
import { ESTIMATORS } from '../../core/stats/types';

export const RECENT_REPORTS = 2000;
export const MAX_BUCKETS = 200;
export const MAX_EVENTS = 2000;

/** A span of older reports: how many it stands for, and the ones kept (in step order). */
interface Bucket {
  covered: number;
  kept: readonly Report[];
}

export interface ReportHistory {
  recent: readonly Report[];
  buckets: readonly Bucket[];
  /** Reports a full bucket stands for (doubles at each merge). */
  width: number;
  /** The kept reports, oldest first: what the charts and exports see. */
  all: readonly Report[];
}

export const EMPTY_HISTORY: ReportHistory = { recent: [], buckets: [], width: 8, all: [] };

/** The plotted statistics of a report (loss, accuracies, each estimator's pair). */
function statistics(r: Report): (number | undefined)[] {
  const out: (number | undefined)[] = [r.loss, r.acc, r.testAcc];
  for (const group of [r.estimators, r.sampled ?? {}])
    for (const id of ESTIMATORS) out.push(group[id]?.variance, group[id]?.normalizedVariance);
  return out;
}

/** First, last, and the reports holding each statistic's max, min and smallest positive value. */
export function selectExtremes(reports: readonly Report[]): Report[] {
  if (reports.length <= 2) return [...reports];
  const keep = new Set([0, reports.length - 1]);
  const columns = reports.map(statistics);
  for (let s = 0; s < columns[0].length; s++) {
    let [hi, lo, pos] = [-1, -1, -1];
    columns.forEach((c, i) => {
      const v = c[s];
      if (v === undefined || !Number.isFinite(v)) return;
      if (hi < 0 || v > columns[hi][s]!) hi = i;
      if (lo < 0 || v < columns[lo][s]!) lo = i;
      if (v > 0 && (pos < 0 || v < columns[pos][s]!)) pos = i;
    });
    for (const i of [hi, lo, pos]) if (i >= 0) keep.add(i);
  }
  return [...keep].sort((a, b) => a - b).map((i) => reports[i]);
}

function mergePairs(buckets: readonly Bucket[]): Bucket[] {
  const out: Bucket[] = [];
  for (let i = 0; i < buckets.length; i += 2) {
    const pair = buckets.slice(i, i + 2);
    out.push({
      covered: pair.reduce((t, b) => t + b.covered, 0),
      kept: selectExtremes(pair.flatMap((b) => b.kept)),
    });
  }
  return out;
}

/** Reports beyond the window are moved out in blocks of this many (fewer rebuilds). */
export const SPILL = 256;
/** The filling span is reduced to its extremes whenever it holds this many reports. */
const COMPACT = 64;

/** The history with `incoming` appended (the oldest beyond the recent window decimated). */
export function appendReports(h: ReportHistory, incoming: readonly Report[]): ReportHistory {
  if (incoming.length === 0) return h;
  const joined = [...h.recent, ...incoming];
  if (joined.length <= RECENT_REPORTS + SPILL)
    return { ...h, recent: joined, all: [...h.all, ...incoming] };
  const cut = joined.length - RECENT_REPORTS;
  let buckets = h.buckets.slice(0, -1);
  const open = h.buckets.at(-1);
  let width = h.width;
  let tail = open && open.covered < width ? { covered: open.covered, kept: [...open.kept] } : null;
  if (open && !tail) buckets.push(open);
  for (const r of joined.slice(0, cut)) {
    tail ??= { covered: 0, kept: [] };
    tail.covered++;
    tail.kept.push(r);
    const full = tail.covered >= width;
    if (full || tail.kept.length >= COMPACT) tail.kept = selectExtremes(tail.kept);
    if (!full) continue;
    buckets.push(tail);
    tail = null;
    if (buckets.length > MAX_BUCKETS) {
      buckets = mergePairs(buckets);
      width *= 2;
    }
  }
  if (tail) buckets.push(tail);
  const recent = joined.slice(cut);
  return { recent, buckets, width, all: [...buckets.flatMap((b) => b.kept), ...recent] };
}

/** What the decimation left out, in words (for exports), or null when nothing was. */
export function decimationNote(h: ReportHistory): string | null {
  if (h.buckets.length === 0) return null;
  const kept = h.buckets.reduce((t, b) => t + b.kept.length, 0);
  const covered = h.buckets.reduce((t, b) => t + b.covered, 0);
  if (kept === covered) return null;
  const last = h.buckets.at(-1)!.kept.at(-1)!.step;
  // No commas or semicolons: the note goes on a CSV comment line as it is.
  return `reports up to step ${last}: ${kept} of ${covered} kept (first and last and each plotted statistic's extremes in every span of ${h.width} reports) and every later report kept`;
}

/** Events: GC / SVRG refreshes, the many, and everything else (changes, resets, ...). */
const refresh = (e: EngineEvent) => e.kind === 'gc' || e.kind === 'svrg';

/** Events let go so far: GC / SVRG refreshes, and the others (changes, resets, ...). */
export interface Dropped {
  refreshes: number;
  other: number;
}

export const NONE_DROPPED: Dropped = { refreshes: 0, other: 0 };

/**
 * The events with `incoming` appended, at most MAX_EVENTS: over it, every other refresh in
 * the older half is dropped (their markers merge on a chart anyway), then the oldest events.
 */
export function appendEvents(
  events: readonly EngineEvent[],
  incoming: readonly EngineEvent[],
  dropped: Dropped,
): { events: EngineEvent[]; dropped: Dropped } {
  let list = [...events, ...incoming];
  let { refreshes, other } = dropped;
  while (list.length > MAX_EVENTS) {
    const half = list.length >> 1;
    let keep = false;
    const thinned = list.filter((e, i) => {
      if (i >= half || !refresh(e)) return true;
      keep = !keep; // the 1st, 3rd, 5th ... refresh of the older half
      return keep;
    });
    const gone = thinned.length < list.length ? [] : list.slice(0, list.length - MAX_EVENTS);
    refreshes += list.length - thinned.length + gone.filter(refresh).length;
    other += gone.length - gone.filter(refresh).length;
    list = gone.length ? list.slice(gone.length) : thinned;
  }
  return { events: list, dropped: { refreshes, other } };
}
