/**
 * How the engine applies what the UI asks for. The engine owns the run's configuration: every
 * value that reaches it, from the UI or from anything that can post to the worker, goes through
 * the same field table and checks as the URL codec (a value is written in its URL form and
 * parsed back), so a bad value is clamped or refused and reported, never trained on.
 */
import { crossChecks, parse, type ConfigProblem } from './codec';
import { FIELDS, fieldOf, type Config, type Field } from './schema';
import { formatFieldValue, parseFieldValue } from './fieldValue';
import { shown } from './values';

/** The URL form of a value from outside; a value that cannot be written (a cycle, deep nesting) is ''. */
function urlForm(f: Field, value: unknown): string {
  if (value === null && f.kind === 'optionalInt') return 'auto';
  try {
    return formatFieldValue(f, value as Config[keyof Config]);
  } catch {
    return '';
  }
}

/** A whole configuration from outside, checked as a URL would be: what will run, and what was not taken as given. */
export function checkConfig(raw: unknown): { config: Config; problems: ConfigProblem[] } {
  const record = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const query = FIELDS.filter((f) => Object.hasOwn(record, f.key))
    .map((f) => `${f.key}=${encodeURIComponent(urlForm(f, record[f.key]))}`)
    .join('&');
  return parse(query);
}

/**
 * `config` with `patch` applied: each key checked against its field (unknown keys and bad
 * values reported; numbers clamped), then the cross-field checks. `changed` lists the keys
 * whose value differs from before.
 */
export function applyPatch(
  config: Config,
  patch: Readonly<Record<string, unknown>>,
): { config: Config; problems: ConfigProblem[]; changed: (keyof Config)[] } {
  const next = { ...config } as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const f = fieldOf(key);
    if (!f) {
      problems.push({
        key: shown(key),
        value: '',
        message: `unknown setting ${shown(key)}; ignored`,
      });
      continue;
    }
    const raw = urlForm(f, value);
    const r = parseFieldValue(f, raw, config[f.key]);
    next[f.key] = r.value;
    if (r.problem) problems.push({ key: f.key, value: shown(raw), message: r.problem });
  }
  const checked = next as unknown as Config;
  crossChecks(checked, problems);
  const changed = FIELDS.map((f) => f.key).filter(
    (k) => JSON.stringify(checked[k]) !== JSON.stringify(config[k]),
  );
  return { config: checked, problems, changed };
}
