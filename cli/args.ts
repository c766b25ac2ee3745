/**
 * Small, table-driven command-line flag parsing shared by the CLIs (gradstats, experiment).
 * A table names every flag once: its kind, range and help text. Parsing is strict: an
 * unknown flag, a missing value or a value out of range is an InputError (exit code 2).
 */

/** Bad user input: the CLI prints `prog: message` on one line and exits with code 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export type FlagSpec = { help: string; metavar?: string } & (
  | { kind: 'string' }
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'choice'; values: readonly string[] }
  | { kind: 'switch' }
  /** One or more values per use (up to the next flag); may be repeated, at most `max` in all. */
  | { kind: 'list'; max?: number }
);

export type FlagTable = Record<string, FlagSpec>;

type ValueOf<S extends FlagSpec> = S extends { kind: 'int' }
  ? number
  : S extends { kind: 'list' }
    ? string[]
    : S extends { kind: 'switch' }
      ? boolean
      : S extends { kind: 'choice'; values: readonly (infer V)[] }
        ? V
        : string;

/** Parsed flags: a flag that was not given is absent (undefined). */
export type Parsed<T extends FlagTable> = { [K in keyof T]?: ValueOf<T[K]> };

/** Parses one flag value according to its spec. */
function parseValue(name: string, spec: FlagSpec, raw: string): string | number {
  switch (spec.kind) {
    case 'string':
      if (raw === '') throw new InputError(`--${name} needs a non-empty value`);
      return raw;
    case 'int': {
      const v = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      const lo = spec.min ?? -Infinity;
      const hi = spec.max ?? Infinity;
      if (!Number.isSafeInteger(v) || v < lo || v > hi) {
        const range = spec.max === undefined ? `≥ ${lo}` : `in ${lo}..${hi}`;
        throw new InputError(`--${name} must be an integer ${range}, got '${raw}'`);
      }
      return v;
    }
    case 'choice':
      if (!spec.values.includes(raw)) {
        throw new InputError(`--${name} must be one of ${spec.values.join(', ')}, got '${raw}'`);
      }
      return raw;
    case 'switch':
      throw new InputError(`--${name} takes no value`);
    case 'list':
      if (raw === '') throw new InputError(`--${name} needs a non-empty value`);
      return raw;
  }
}

/** Adds the values of one use of a list flag (`--name a b`, `--name=a`) to `out`. */
function takeList(
  argv: readonly string[],
  i: number,
  name: string,
  spec: FlagSpec & { kind: 'list' },
  inline: string | null,
  out: Record<string, unknown>,
): number {
  const list = (out[name] ??= []) as string[];
  const values = inline !== null ? [inline] : [];
  let j = i + 1;
  if (inline === null)
    for (; j < argv.length && !argv[j].startsWith('--'); j++) values.push(argv[j]);
  if (values.length === 0) throw new InputError(`--${name} needs a value`);
  for (const v of values) list.push(parseValue(name, spec, v) as string);
  if (spec.max !== undefined && list.length > spec.max)
    throw new InputError(
      `--${name} can be given at most ${spec.max} time${spec.max > 1 ? 's' : ''}`,
    );
  return j - 1;
}

/**
 * Parses `--name value`, `--name=value`, `--switch` and `--list v1 v2 …` against the table.
 * Positional arguments and repeated flags (other than lists) are errors.
 */
export function parseFlags<T extends FlagTable>(argv: readonly string[], table: T): Parsed<T> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--') || arg === '--') {
      throw new InputError(`unexpected argument '${arg}' (see --help)`);
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = Object.hasOwn(table, name) ? table[name] : undefined;
    if (!spec) throw new InputError(`unknown flag --${name} (see --help)`);
    if (spec.kind === 'list') {
      i = takeList(argv, i, name, spec, eq < 0 ? null : arg.slice(eq + 1), out);
      continue;
    }
    if (Object.hasOwn(out, name)) throw new InputError(`--${name} given twice`);
    if (spec.kind === 'switch') {
      if (eq >= 0) throw new InputError(`--${name} takes no value`);
      out[name] = true;
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        throw new InputError(`--${name} needs a value`);
      }
      raw = next;
      i++;
    }
    out[name] = parseValue(name, spec, raw);
  }
  return out as Parsed<T>;
}

/** Throws unless every named flag was given. */
export function requireFlags<T extends FlagTable>(
  parsed: Parsed<T>,
  names: readonly (keyof T & string)[],
): void {
  for (const n of names) {
    if (parsed[n] === undefined) throw new InputError(`missing required flag --${n}`);
  }
}

/** One help line per flag, aligned, in table order. */
export function flagHelp(table: FlagTable): string {
  const rows = Object.entries(table).map(([name, spec]) => {
    const meta =
      spec.kind === 'switch'
        ? ''
        : ` ${spec.metavar ?? (spec.kind === 'choice' ? spec.values.join('|') : 'VALUE')}`;
    return [`  --${name}${meta}`, spec.help];
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, h]) => l.padEnd(width) + h).join('\n');
}
