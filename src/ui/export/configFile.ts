/**
 * The configuration as a JSON file:
 *
 *   {"app": "gradient-variance-playground", "version": 1, "query": "data=xor&bs=8…", "config": {…}}
 *
 * `config` holds the same fields as the URL keys (src/core/config/schema.ts); `query` is the
 * same configuration as a URL query string, for people. Loading accepts that file, a metrics
 * export (it has `app` and `config` too), a file with only `query`, or a bare object of fields.
 * Every field goes through the URL codec (parse), so a file is checked, clamped and reported
 * exactly like a URL: one source of truth for every field's range. Pure: text in, result out.
 */
import { formatSchedule } from '../../core/config/schedule';
import { parse, serialize, type ConfigProblem } from '../../core/config/codec';
import { jsonDepth } from '../../core/config/jsonDepth';
import { type ScheduledChange, fieldOf, type Config, type Field } from '../../core/config/schema';
import { APP } from '../../core/run/export';

/** Larger files are refused unread (a configuration is well under 2 KiB). */
export const MAX_CONFIG_BYTES = 64 * 1024;
export const CONFIG_FILE_VERSION = 1;
/** Deeper nesting is refused before parsing (a configuration file is 3 levels deep). */
export const MAX_CONFIG_DEPTH = 16;

export function configFileText(config: Config): string {
  const file = { app: APP, version: CONFIG_FILE_VERSION, query: serialize(config), config };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type LoadResult =
  { ok: true; config: Config; problems: ConfigProblem[] } | { ok: false; error: string };

/** The JSON type each kind of field takes, in words, and a test for it. */
const JSON_TYPE: Record<Field['kind'], [string, (v: unknown) => boolean]> = {
  enum: ['a string', (v) => typeof v === 'string'],
  bool: ['true or false', (v) => typeof v === 'boolean'],
  int: ['a number', (v) => typeof v === 'number'],
  float: ['a number', (v) => typeof v === 'number'],
  optionalInt: ['a number or null', (v) => typeof v === 'number'],
  intList: [
    'an array of numbers',
    (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  ],
  set: ['an array of strings', (v) => Array.isArray(v) && v.every((x) => typeof x === 'string')],
  schedule: [
    'an array of {step, key, value}',
    (v) =>
      Array.isArray(v) &&
      v.every(
        (x) =>
          x !== null &&
          typeof x === 'object' &&
          typeof x.step === 'number' &&
          typeof x.key === 'string' &&
          typeof x.value === 'string',
      ),
  ],
};

/**
 * One field's JSON value as it would appear in a URL, or the problem with it: a known
 * field must have its own JSON type ({"bs": true} is refused, not read as bs=1); unknown keys
 * go on to the codec, which reports them.
 */
function asQueryValue(key: string, v: unknown): string | ConfigProblem {
  const f = fieldOf(key);
  if (f) {
    const [want, ok] = JSON_TYPE[f.kind];
    if (!ok(v))
      return { key, value: short(v), message: `${key}: ${short(v)} is not ${want}; ignored` };
    if (f.kind === 'bool') return v ? '1' : '0';
    if (f.kind === 'schedule') return formatSchedule(v as ScheduledChange[]); // checked by the codec
  }
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.join(',');
  return { key, value: short(v), message: `${key}: ${short(v)} is not a plain value; ignored` };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
};

/** The fields as a URL query: from `config`, else from `query`; or the error to report. */
function queryOf(
  name: string,
  json: unknown,
): { query: string; problems: ConfigProblem[] } | string {
  if (!isObject(json)) return `${name}: expected a JSON object with the configuration fields`;
  const wrapped = 'app' in json || 'config' in json || 'version' in json;
  if (wrapped) {
    if (json.app !== undefined && json.app !== APP)
      return `${name}: made by ${short(json.app)}, not by ${APP}`;
    const v = json.version;
    if (
      v !== undefined &&
      !(Number.isInteger(v) && (v as number) >= 1 && (v as number) <= CONFIG_FILE_VERSION)
    )
      return `${name}: version ${short(v)} is not one this playground reads (1 to ${CONFIG_FILE_VERSION})`;
    if (json.config === undefined && typeof json.query === 'string')
      return { query: json.query.replace(/^\?/, ''), problems: [] };
    if (!isObject(json.config))
      return `${name}: "config" should be an object of configuration fields`;
  }
  const fields = wrapped ? (json.config as Record<string, unknown>) : json;
  if (Object.keys(fields).length === 0) return `${name}: no configuration fields in it`;
  const params = new URLSearchParams();
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue; // e.g. k: null means "the default"
    const q = asQueryValue(key, value);
    if (typeof q === 'string') params.set(key, q);
    else problems.push(q);
  }
  return { query: params.toString(), problems };
}

/**
 * Reads a configuration file's text (`bytes`: its size, checked before the text is read). A
 * UTF-8 byte-order mark is skipped; nesting deeper than MAX_CONFIG_DEPTH is refused unparsed.
 */
export function loadConfigFile(name: string, bytes: number, text: string | null): LoadResult {
  const size = Math.max(bytes, text?.length ?? 0);
  if (size > MAX_CONFIG_BYTES)
    return {
      ok: false,
      error: `${name}: ${size.toLocaleString('en')} bytes is too large for a configuration (at most ${MAX_CONFIG_BYTES / 1024} KiB)`,
    };
  const body = (text ?? '').replace(/^\uFEFF/, '');
  const depth = jsonDepth(body);
  if (depth > MAX_CONFIG_DEPTH)
    return {
      ok: false,
      error: `${name}: nested ${depth.toLocaleString('en')} levels deep; a configuration has at most ${MAX_CONFIG_DEPTH}`,
    };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `${name}: not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  const q = queryOf(name, json);
  if (typeof q === 'string') return { ok: false, error: q };
  const parsed = parse(q.query);
  return { ok: true, config: parsed.config, problems: [...q.problems, ...parsed.problems] };
}
