/**
 * The configuration as a JSON file: `{app, version, query, config}`. Loading goes through the
 * URL codec (parse), so a file is checked, clamped and reported exactly like a URL: one source
 * of truth for every field's range. Pure: text in, result out.
 */
import { parse, serialize, type Problem } from '../../core/config/codec';
import type { Config } from '../../core/config/schema';
import { APP } from '../../engine/runExport';

/** Larger files are refused unread (a configuration is well under 1 KiB). */
export const MAX_CONFIG_BYTES = 64 * 1024;
export const CONFIG_FILE_VERSION = 1;

export function configFileText(config: Config): string {
  const file = { app: APP, version: CONFIG_FILE_VERSION, query: serialize(config), config };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type LoadResult =
  { ok: true; config: Config; problems: Problem[] } | { ok: false; error: string };

/** A JSON value as it would appear in a URL, or null when no URL could hold it. */
function asQueryValue(v: unknown): string | null {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number'))
    return v.join(',');
  return null;
}

/** Reads a configuration file's text (`bytes`: its size, checked before reading). */
export function loadConfigFile(name: string, bytes: number, text: string | null): LoadResult {
  if (bytes > MAX_CONFIG_BYTES)
    return {
      ok: false,
      error: `${name}: ${bytes.toLocaleString('en')} bytes is too large for a configuration (at most ${MAX_CONFIG_BYTES / 1024} KiB)`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text ?? '');
  } catch (e) {
    return { ok: false, error: `${name}: not valid JSON (${(e as Error).message.split('\n')[0]})` };
  }
  const wrapped = isObject(json) && 'config' in json ? json.config : json;
  if (!isObject(wrapped))
    return { ok: false, error: `${name}: expected a JSON object with the configuration fields` };
  const params = new URLSearchParams();
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(wrapped)) {
    if (value === null) continue; // e.g. k: null means "the default"
    const q = asQueryValue(value);
    if (q === null) {
      const message = `${key}: ${JSON.stringify(value).slice(0, 40)} is not a plain value; ignored`;
      problems.push({ key, value: String(value), message });
    } else params.set(key, q);
  }
  const parsed = parse(params.toString());
  return { ok: true, config: parsed.config, problems: [...problems, ...parsed.problems] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
