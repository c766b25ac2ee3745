import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../src/core/config/codec';
import { PRESETS } from '../../../src/core/config/presets';
import {
  DEFAULT_N,
  FIELDS,
  MNIST_TRAIN_MAX,
  defaultConfig,
  type Config,
  type Field,
} from '../../../src/core/config/schema';

/** Every field of a config lies in its declared range or choices. */
function expectValid(c: Config): void {
  for (const f of FIELDS) {
    const v = c[f.key] as unknown;
    switch (f.kind) {
      case 'enum':
        expect(f.choices).toContain(v);
        break;
      case 'bool':
        expect(typeof v).toBe('boolean');
        break;
      case 'set':
        for (const x of v as string[]) expect(f.choices).toContain(x);
        break;
      case 'intList':
        expect((v as number[]).length).toBeGreaterThan(0);
        expect((v as number[]).length).toBeLessThanOrEqual(f.maxLength);
        for (const x of v as number[])
          expect(Number.isInteger(x) && x >= f.min && x <= f.max).toBe(true);
        break;
      case 'optionalInt':
        if (v !== null)
          expect(Number.isInteger(v) && (v as number) >= f.min && (v as number) <= f.max).toBe(
            true,
          );
        break;
      case 'schedule':
        for (const e of v as { step: number; key: string }[]) {
          expect(Number.isInteger(e.step) && e.step >= 1).toBe(true);
          expect(FIELDS.find((x) => x.key === e.key)?.hot).toBe(true);
        }
        break;
      case 'int':
      case 'float':
        expect(Number.isFinite(v)).toBe(true);
        expect(v as number).toBeGreaterThanOrEqual(f.min);
        expect(v as number).toBeLessThanOrEqual(f.max);
        if (f.kind === 'int') expect(Number.isInteger(v)).toBe(true);
    }
  }
  if (c.data === 'mnist') expect(c.n).toBeLessThanOrEqual(MNIST_TRAIN_MAX);
  expect(c.bs).toBeLessThanOrEqual(c.n);
}

describe('parse', () => {
  it('an empty query gives the defaults with no problems', () => {
    for (const q of ['', '?', '?&&'])
      expect(parse(q)).toEqual({ config: defaultConfig(), problems: [] });
  });

  it('the hostile URL gives exactly three problems and a valid config', () => {
    const { config, problems } = parse('?bs=-5&lr=abc&data=<script>');
    expect(problems.map((p) => p.key)).toEqual(['bs', 'lr', 'data']);
    expect(problems[0].message).toBe('bs=-5 is below the minimum 1; using 1');
    expect(config.bs).toBe(1);
    expect(config.lr).toBe(0.05);
    expect(config.data).toBe('blobs');
    expectValid(config);
  });

  it('clamps every numeric field at both ends and names the key', () => {
    for (const f of FIELDS) {
      if (f.kind !== 'int' && f.kind !== 'float') continue;
      const low = parse(`${f.key}=${f.min - 1}`);
      // (bs also needs a training set at least that large: B ≤ N_train)
      const high = parse(`${f.key}=${f.max * 10 + 1}${f.key === 'bs' ? '&n=60000' : ''}`);
      expect(low.config[f.key]).toBe(f.min);
      expect(high.config[f.key]).toBe(f.key === 'n' ? f.max : f.max);
      expect(low.problems[0].message).toContain(f.key);
      expect(high.problems[0].message).toContain(f.key);
    }
  });

  it('rejects malformed values field by field, keeping the default', () => {
    const cases: [string, keyof Config, unknown][] = [
      ['mom=0x10', 'mom', 0],
      ['hidden=64,abc', 'hidden', [16, 16]],
      ['repl=yes', 'repl', false],
      ['model=cnn', 'model', 'mlp'],
      ['k=NaN', 'k', null],
      ['seed=1e400', 'seed', 1],
    ];
    for (const [q, key, value] of cases) {
      const { config, problems } = parse(q);
      expect(config[key]).toEqual(value);
      expect(problems).toHaveLength(1);
      expect(problems[0].key).toBe(key);
    }
  });

  it('reports unknown keys, duplicate keys and bad escapes without failing', () => {
    const { config, problems } = parse('foo=1&bs=8&bs=16&lr=%E0%A4%A');
    expect(config.bs).toBe(16);
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('not valid URL encoding'),
      'bs appears more than once; using the last value',
      'unknown setting foo; ignored',
    ]);
  });

  it('lists, sets and the per-dataset default n', () => {
    const { config } = parse('hidden=64,32,8&est=gc,sgb&data=spiral&repl=1&k=12');
    expect(config.hidden).toEqual([64, 32, 8]);
    expect(config.est).toEqual(['sgb', 'gc']);
    expect(config.n).toBe(DEFAULT_N.spiral);
    expect(config.repl).toBe(true);
    expect(config.k).toBe(12);
    expect(parse('hidden=1,2,3,4,5,6,7').problems[0].message).toContain('at most 6 layers');
  });

  it('clamps MNIST n to the digits available', () => {
    const { config, problems } = parse('data=mnist&n=60000');
    expect(config.n).toBe(MNIST_TRAIN_MAX);
    expect(problems[0].message).toContain('MNIST');
  });

  it('clamps B to the training-set size, naming bs', () => {
    const { config, problems } = parse('n=100&bs=500');
    expect(config.bs).toBe(100);
    expect(problems.map((p) => p.key)).toEqual(['bs']);
    expect(problems[0].message).toContain('bs=500');
    expect(problems[0].message).toContain('n=100');
    expect(parse('n=100&bs=100').problems).toEqual([]);
  });

  it('applies presets, lets other keys override them, reports unknown presets', () => {
    for (const p of PRESETS) {
      const { config, problems } = parse(`preset=${p.name}`);
      expect(problems).toEqual([]);
      expect(config).toMatchObject(p.config);
    }
    expect(parse('preset=fig8-dup90&bs=64').config).toMatchObject({ dup: 0.9, bs: 64 });
    expect(parse('preset=nope').problems[0].message).toContain('not a preset');
  });
});

/** An arbitrary valid value for one field. */
function valueOf(f: Field): fc.Arbitrary<unknown> {
  switch (f.kind) {
    case 'enum':
      return fc.constantFrom(...f.choices);
    case 'bool':
      return fc.boolean();
    case 'set':
      return fc.subarray([...f.choices]);
    case 'intList':
      return fc.array(fc.integer({ min: f.min, max: f.max }), {
        minLength: 1,
        maxLength: f.maxLength,
      });
    case 'optionalInt':
      return fc.option(fc.integer({ min: f.min, max: f.max }), { nil: null });
    case 'schedule':
      // Scheduled changes of the batch size and the learning rate, at distinct steps.
      return fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 4 }).map((steps) =>
        steps
          .sort((a, b) => a - b)
          .map((step, i) => ({
            step,
            key: i % 2 ? 'lr' : 'bs',
            value: i % 2 ? String((i + 1) / 100) : String(8 * (i + 1)),
          })),
      );
    case 'int':
      return fc.integer({ min: f.min, max: f.max });
    case 'float':
      return fc
        .double({ min: f.min, max: f.max, noNaN: true, noDefaultInfinity: true })
        .map((v) => (Object.is(v, -0) ? 0 : v));
  }
}

const anyConfig = fc
  .record(
    Object.fromEntries(FIELDS.map((f) => [f.key, valueOf(f)])) as Record<
      keyof Config,
      fc.Arbitrary<unknown>
    >,
  )
  .map((c) => c as unknown as Config)
  .filter((c) => (c.data !== 'mnist' || c.n <= MNIST_TRAIN_MAX) && c.bs <= c.n);

describe('serialize', () => {
  it('round-trips every valid configuration with no problems', () => {
    fc.assert(
      fc.property(anyConfig, (c) => {
        const { config, problems } = parse(serialize(c));
        expect(problems).toEqual([]);
        expect(config).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('the defaults serialize to the empty string', () => {
    expect(serialize(defaultConfig())).toBe('');
  });
});

describe('parse is total', () => {
  const keys = FIELDS.map((f) => f.key as string).concat(['preset', 'zzz', '']);
  const junk = fc.oneof(
    fc.string(),
    fc.constantFrom('-1', '1e999', 'NaN', '%', '%%41', '<script>', ',,', '0.5', '99999999'),
  );
  const hostile = fc
    .array(fc.tuple(fc.constantFrom(...keys), junk), { maxLength: 12 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

  it('never throws and always returns a valid config, for any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), hostile), (q) => {
        const { config } = parse(q);
        expectValid(config);
        expect(parse(serialize(config)).config).toEqual(config);
      }),
      { numRuns: 400 },
    );
  });
});

/** Whether a raw URL value was taken as given for field f (independent of the codec's code). */
function takenAsGiven(f: Field, raw: string, value: unknown): boolean {
  const num = (s: string) =>
    /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(s) ? Number(s) : NaN;
  switch (f.kind) {
    case 'enum':
      return raw === value;
    case 'bool':
      return ['0', '1', 'true', 'false'].includes(raw);
    case 'set':
      return raw === '' || raw.split(',').every((x) => f.choices.includes(x));
    case 'intList': {
      const parts = raw.split(',').map(num);
      return JSON.stringify(parts) === JSON.stringify(value);
    }
    case 'optionalInt':
      return raw === '' || raw === 'auto' ? value === null : num(raw) === value;
    case 'int':
    case 'float':
      return num(raw) === value;
    case 'schedule': {
      const entries = value as { step: number; key: string; value: string }[];
      const text = entries.map((e) => `${e.step}:${e.key}=${e.value.replace(/,/g, '|')}`);
      return raw === text.join(',');
    }
  }
}

describe('hostile URLs', () => {
  const keys = FIELDS.map((f) => f.key as string).concat(['zzz', '__proto__', 'constructor']);
  const junk = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('-5', 'NaN', 'Infinity', '-0', '1e9', '<img src=x onerror=alert(1)>', '64,64'),
    fc.constantFrom('"><script>alert(1)</script>', '%E0%A4%A', '😀', '\u202e', 'auto', '0.5'),
    fc.integer({ min: -1e7, max: 1e7 }).map(String),
  );
  const pair = fc.tuple(fc.constantFrom(...keys), junk);

  it('every value not taken as given, and every unknown key, is named in the problems', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: ([k]) => k, maxLength: 10 }), (pairs) => {
        const q = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
        const { config, problems } = parse(q);
        const named = new Set(problems.map((p) => p.key));
        for (const [k, v] of pairs) {
          const f = FIELDS.find((x) => x.key === k);
          if (!f) expect(named.has(k)).toBe(true);
          else if (!takenAsGiven(f, v, config[f.key]))
            expect(named.has(f.key), `${k}=${v}`).toBe(true);
        }
        expectValid(config);
        // Stable: the configuration's own URL parses back to it with nothing to report.
        const again = parse(serialize(config));
        expect(again.problems).toEqual([]);
        expect(again.config).toEqual(config);
        expect(serialize(again.config)).toBe(serialize(config));
      }),
      { numRuns: 500 },
    );
  });

  it('100 KB values, 10,000 keys and markup: short messages, nothing interpreted', () => {
    const big = 'x'.repeat(100_000);
    const huge = FIELDS.map((f) => `${f.key}=${big}`).join('&');
    const many = Array.from({ length: 10_000 }, (_, i) => `k${i}=1`).join('&');
    for (const q of [huge, many, `hidden=${'1,'.repeat(50_000)}1`, `preset=${big}`]) {
      const { config, problems } = parse(q);
      expectValid(config);
      for (const p of problems) expect(p.message.length).toBeLessThan(300);
    }
    const markup = parse('data=<script>alert(1)</script>&foo<b>=1');
    expect(markup.problems.map((p) => p.key)).toEqual(['data', 'foo<b>']);
  });
});
