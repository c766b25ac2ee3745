/**
 * The pure URL codec (house rule 9): parse(query) -> {config, problems}, serialize(config).
 * Parsing is total: bad values are clamped or replaced by the default and reported; unknown
 * keys are reported; nothing throws. Only the app shell touches `location`.
 */
import { PRESETS } from './presets';
import {
  DEFAULT_N,
  FIELDS,
  MNIST_TRAIN_MAX,
  copy,
  defaultConfig,
  fieldOf,
  type Config,
} from './schema';
import { formatFieldValue, parseFieldValue } from './fieldValue';
import { shown } from './values';

export interface ConfigProblem {
  key: string;
  value: string;
  message: string;
}

/** Splits a query string into decoded [key, value] pairs; malformed escapes are reported. */
export function pairs(query: string, problems: ConfigProblem[]): [string, string][] {
  const out: [string, string][] = [];
  for (const part of query.replace(/^[?#]/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      out.push([
        decodeURIComponent(k.replace(/\+/g, ' ')),
        decodeURIComponent(v.replace(/\+/g, ' ')),
      ]);
    } catch {
      problems.push({
        key: shown(k),
        value: shown(v),
        message: `${shown(part)} is not valid URL encoding; ignored`,
      });
    }
  }
  return out;
}

/** Base configuration: the defaults, or a preset's when `preset=` names one. */
function base(values: Map<string, string>, problems: ConfigProblem[]): Config {
  const name = values.get('preset');
  const config = defaultConfig();
  if (name === undefined) return config;
  const preset = PRESETS.find((p) => p.name === name);
  if (!preset) {
    const names = PRESETS.map((p) => p.name).join(', ');
    problems.push({
      key: 'preset',
      value: shown(name),
      message: `preset=${shown(name)} is not a preset (${names}); using the defaults`,
    });
    return config;
  }
  return {
    ...config,
    n: DEFAULT_N[preset.config.data ?? config.data],
    ...copy(preset.config),
  };
}

/** Cross-field limits that no single field's range can express. */
export function crossChecks(c: Config, problems: ConfigProblem[]): void {
  if (c.data === 'mnist' && c.n > MNIST_TRAIN_MAX) {
    problems.push({
      key: 'n',
      value: String(c.n),
      message: `n=${c.n}: only ${MNIST_TRAIN_MAX} MNIST digits are available for training; using ${MNIST_TRAIN_MAX}`,
    });
    c.n = MNIST_TRAIN_MAX;
  }
  const bs = batchWithin(c.bs, c.n);
  if (bs.message) {
    problems.push({ key: 'bs', value: String(c.bs), message: bs.message });
    c.bs = bs.value;
  }
}

/**
 * SGD draws B of the N_train training examples without replacement within an epoch, so
 * B ≤ N_train: a larger B is clamped to N_train, with a message naming `bs`.
 */
export function batchWithin(bs: number, trainSize: number): { value: number; message?: string } {
  if (bs <= trainSize) return { value: bs };
  return {
    value: trainSize,
    message: `bs=${bs} is larger than the training set (n=${trainSize}): a mini-batch cannot hold more examples than exist; using ${trainSize}`,
  };
}

export function parse(query: string): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const values = new Map<string, string>();
  for (const [k, v] of pairs(String(query ?? ''), problems)) {
    if (values.has(k))
      problems.push({
        key: shown(k),
        value: shown(v),
        message: `${shown(k)} appears more than once; using the last value`,
      });
    values.set(k, v);
  }
  const config = base(values, problems);
  const nGiven = values.has('n');
  for (const [k, raw] of values) {
    if (k === 'preset') continue;
    const f = fieldOf(k);
    if (!f) {
      problems.push({
        key: shown(k),
        value: shown(raw),
        message: `unknown setting ${shown(k)}; ignored`,
      });
      continue;
    }
    const r = parseFieldValue(f, raw, config[f.key]);
    (config as unknown as Record<string, unknown>)[f.key] = r.value;
    if (r.problem) problems.push({ key: f.key, value: shown(raw), message: r.problem });
  }
  if (!nGiven && !values.has('preset')) config.n = DEFAULT_N[config.data];
  crossChecks(config, problems);
  return { config, problems };
}

/**
 * A value as it appears in a query: percent-encoded, except the separators our values use
 * (`,` in lists, `:` `=` `|` in the change schedule), which a query may carry as they are.
 */
export function urlEncode(value: string): string {
  return encodeURIComponent(value).replace(/%(2C|3A|3D|7C)/g, (m) => decodeURIComponent(m));
}

/** The shortest query (no leading `?`) that parses back to `config`: only non-defaults. */
export function serialize(config: Config): string {
  const defaults = defaultConfig();
  const parts: string[] = [];
  for (const f of FIELDS) {
    const value = config[f.key];
    const def = f.key === 'n' ? DEFAULT_N[config.data] : defaults[f.key];
    if (JSON.stringify(value) === JSON.stringify(def)) continue;
    if (f.kind === 'optionalInt' && value === null) continue;
    parts.push(`${f.key}=${urlEncode(formatFieldValue(f, value))}`);
  }
  return parts.join('&');
}
