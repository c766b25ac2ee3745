/**
 * The sweep form's fields as typed (strings, so an edit in progress is never rewritten under
 * the cursor), and the sweep URL query they make. Every check is the sweep codec's: the view
 * parses draftQuery() and shows its problems.
 */
import { pairs, serialize } from '../../core/config/codec';
import { formatValues } from '../../core/sweep/axis';
import type { SweepSpec } from '../../core/sweep/spec';

export interface SweepDraft {
  /** The base configuration as a URL query, without seed and steps (fields of their own). */
  base: string;
  key: string;
  values: string;
  /** '' when only one key is varied. */
  key2: string;
  values2: string;
  seeds: string;
  seed: string;
  steps: string;
  coefBy: string;
}

/** Keys the form sets itself; the same keys typed into the base are dropped. */
const OWN = new Set([
  'seed',
  'steps',
  'view',
  'vary',
  'vary2',
  'seeds',
  'coefBy',
  'sweepY',
  'sweepAgg',
]);

export function draftOf(spec: SweepSpec): SweepDraft {
  const [a, b] = spec.axes;
  return {
    base: serialize({ ...spec.base, seed: 1, steps: 0, view: 'playground' }),
    key: a?.key ?? 'bs',
    values: a ? formatValues(a) : '',
    key2: b?.key ?? '',
    values2: b ? formatValues(b) : '',
    seeds: String(spec.seeds),
    seed: String(spec.base.seed),
    steps: String(spec.base.steps),
    coefBy: spec.coefBy,
  };
}

const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':');

/** The sweep query of the form (no vary when a key has no values yet). */
export function draftQuery(d: SweepDraft): string {
  const base = pairs(d.base, [])
    .filter(([k]) => !OWN.has(k))
    .map(([k, v]) => `${encodeURIComponent(k)}=${enc(v)}`);
  const parts = [...base, `seed=${enc(d.seed)}`, `steps=${enc(d.steps)}`];
  if (d.values.trim()) parts.push(`vary=${enc(`${d.key}:${d.values}`)}`);
  if (d.key2 && d.values2.trim()) parts.push(`vary2=${enc(`${d.key2}:${d.values2}`)}`);
  parts.push(`seeds=${enc(d.seeds)}`, `coefBy=${enc(d.coefBy)}`);
  return parts.join('&');
}
