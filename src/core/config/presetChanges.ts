/**
 * A preset the user has changed stays that preset, "modified": the run settings that differ
 * from the preset's are listed ("fig6-labelnoise (modified: noise 0.1 → 0)") and the URL is
 * written as `preset=NAME` plus the keys that differ, so a reload keeps the preset and its
 * caption.
 */
import { parse, serialize, urlEncode } from './codec';
import { formatFieldValue } from './fieldValue';
import { PRESETS } from './presets';
import { FIELDS, type Config } from './schema';

export interface PresetChange {
  key: string;
  from: string;
  to: string;
}

/**
 * Settings that do not change the experiment: where it runs, when it pauses, the recorded
 * schedule (its changes already show in the values they set) and the view.
 */
const NOT_A_MODIFICATION = new Set<string>(['backend', 'steps', 'at']);

/** The preset's own configuration (what `?preset=NAME` loads), or null for an unknown name. */
export function presetConfig(name: string): Config | null {
  if (!PRESETS.some((p) => p.name === name)) return null;
  return parse(`preset=${encodeURIComponent(name)}`).config;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The run settings of `config` that differ from preset `name`'s, in the schema's order. */
export function presetChanges(name: string, config: Config): PresetChange[] {
  const base = presetConfig(name);
  if (!base) return [];
  return FIELDS.filter(
    (f) =>
      f.group !== 'view' && !NOT_A_MODIFICATION.has(f.key) && !same(config[f.key], base[f.key]),
  ).map((f) => ({
    key: f.key,
    from: shownValue(formatFieldValue(f, base[f.key])),
    to: shownValue(formatFieldValue(f, config[f.key])),
  }));
}

const shownValue = (v: string) => (v === '' ? '(none)' : v);

/** At most this many changes are spelled out; the rest are counted. */
const LISTED = 3;

/** "fig6-labelnoise", or "fig6-labelnoise (modified: noise 0.1 → 0, bs 10 → 32)". */
export function presetLabel(name: string, changes: readonly PresetChange[]): string {
  if (changes.length === 0) return name;
  const listed = changes.slice(0, LISTED).map((c) => `${c.key} ${c.from} → ${c.to}`);
  const more = changes.length > LISTED ? `, and ${changes.length - LISTED} more` : '';
  return `${name} (modified: ${listed.join(', ')}${more})`;
}

/**
 * `preset=NAME` and the keys whose values differ from the preset's; when that query would not
 * parse back to `config` exactly (a value the URL cannot state relative to the preset), the
 * plain query of every non-default value.
 */
export function presetQuery(name: string, config: Config): string {
  const base = presetConfig(name);
  if (!base) return serialize(config);
  const parts = [`preset=${urlEncode(name)}`];
  for (const f of FIELDS) {
    if (same(config[f.key], base[f.key])) continue;
    parts.push(`${f.key}=${urlEncode(formatFieldValue(f, config[f.key]))}`);
  }
  const query = parts.join('&');
  const back = parse(query);
  const exact = FIELDS.every((f) => same(back.config[f.key], config[f.key]));
  return back.problems.length === 0 && exact ? query : serialize(config);
}
