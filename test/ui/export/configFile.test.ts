import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../src/core/config/codec';
import {
  configFileText,
  loadConfigFile,
  MAX_CONFIG_BYTES,
} from '../../../src/ui/export/configFile';

const load = (text: string) => loadConfigFile('c.json', text.length, text);

describe('configuration files', () => {
  it('round-trip: a saved file loads back to the same configuration, without problems', () => {
    const config = parse('preset=fig8-dup90&lr=0.02&k=7&est=sgb,gc&lecture=1').config;
    const text = configFileText(config);
    expect(JSON.parse(text).app).toBe('gradient-variance-playground');
    expect(load(text)).toEqual({ ok: true, config, problems: [] });
  });

  it('accepts a bare object of fields; missing fields take their defaults', () => {
    const r = load('{"bs": 64, "hidden": [32, 32], "repl": true}');
    expect(r.ok && [r.config.bs, r.config.hidden, r.config.repl, r.config.lr]).toEqual([
      64,
      [32, 32],
      true,
      parse('').config.lr,
    ]);
  });

  it('clamps and reports bad values and unknown keys, like the URL codec', () => {
    const r = load('{"config": {"bs": 100000, "lr": "fast", "colour": "red", "n": {"a": 1}}}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.bs).toBe(200); // clamped to 4096, then to the training-set size n = 200
    const text = r.problems.map((p) => p.message).join('\n');
    expect(text).toMatch(/bs/);
    expect(text).toMatch(/lr/);
    expect(text).toMatch(/colour/);
    expect(text).toMatch(/n: \{"a":1\} is not a number; ignored/);
  });

  it('a value of the wrong JSON type is refused by name, never converted', () => {
    const r = load('{"bs": true, "repl": 1, "hidden": "64", "est": [1], "data": 3, "lr": "0.1"}');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const defaults = parse('').config;
    expect([r.config.bs, r.config.repl, r.config.hidden, r.config.est, r.config.data]).toEqual([
      defaults.bs,
      defaults.repl,
      defaults.hidden,
      defaults.est,
      defaults.data,
    ]);
    expect(r.config.lr).toBe(defaults.lr);
    expect(r.problems.map((p) => p.message)).toEqual([
      'bs: true is not a number; ignored',
      'repl: 1 is not true or false; ignored',
      'hidden: "64" is not an array of numbers; ignored',
      'est: [1] is not an array of strings; ignored',
      'data: 3 is not a string; ignored',
      'lr: "0.1" is not a number; ignored',
    ]);
  });

  it('20,000-deep nesting is refused with a message, before parsing', () => {
    const deep = `{"config": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(load(deep)).toEqual({
      ok: false,
      error: 'c.json: nested 20,001 levels deep; a configuration has at most 16',
    });
    const objects = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    expect(load(objects)).toMatchObject({ ok: false, error: /nested 20,000 levels deep/ });
    // Brackets inside strings are not nesting.
    expect(load(`{"preset_note": "${'['.repeat(100)}", "bs": 8}`)).toMatchObject({ ok: true });
  });

  it('a UTF-8 byte-order mark is accepted; __proto__ keys change nothing', () => {
    expect(load('\uFEFF{"bs": 8}')).toMatchObject({ ok: true, config: { bs: 8 } });
    const r = load('{"__proto__": {"bs": 1, "polluted": true}, "config": {"__proto__": 5}}');
    expect(r.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const bare = load('{"__proto__": {"bs": 1}, "lr": 0.2}');
    expect(bare).toMatchObject({ ok: true, config: { lr: 0.2, bs: parse('').config.bs } });
    if (bare.ok) expect(bare.problems.map((p) => p.key)).toEqual(['__proto__']);
  });

  it('version must be a whole number from 1 to the current one', () => {
    for (const v of ['-1', '0', '1.5', '"1"', '2', '1e400', 'null'])
      expect(load(`{"version": ${v}, "config": {"bs": 8}}`)).toMatchObject({
        ok: false,
        error: /version .* is not one this playground reads \(1 to 1\)/,
      });
    expect(load('{"version": 1, "config": {"bs": 8}}')).toMatchObject({ ok: true });
  });

  it('a file larger than the limit is refused even when its size was misreported', () => {
    const text = `{"bs": 8, "pad": "${'x'.repeat(MAX_CONFIG_BYTES)}"}`;
    expect(loadConfigFile('c.json', 10, text)).toMatchObject({ ok: false, error: /too large/ });
  });

  it('any text: a result or a refusal, never an exception (fast-check)', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
    const wrapped = fc
      .dictionary(
        fc.constantFrom('bs', 'lr', 'hidden', 'est', 'k', 'repl', 'zz', '__proto__'),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map((config) => JSON.stringify({ app: 'gradient-variance-playground', version: 1, config }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), json, wrapped), (text) => {
        const r = load(text);
        if (r.ok) {
          expect(parse(serialize(r.config)).config).toEqual(r.config);
          for (const p of r.problems) expect(typeof p.message).toBe('string');
        } else expect(r.error).toMatch(/^c\.json: /);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what is not a configuration, naming the file and the reason', () => {
    expect(load('{"bs": 3')).toMatchObject({ ok: false, error: /^c\.json: not valid JSON/ });
    expect(load('[1, 2]')).toMatchObject({ ok: false, error: /expected a JSON object/ });
    expect(loadConfigFile('big.json', MAX_CONFIG_BYTES + 1, null)).toMatchObject({
      ok: false,
      error: /^big\.json: 65,537 bytes is too large .* 64 KiB/,
    });
  });

  it('refuses files from elsewhere or from a newer version, and empty ones', () => {
    expect(load('{"app": "tensorflow-playground", "config": {"bs": 8}}')).toMatchObject({
      ok: false,
      error: 'c.json: made by "tensorflow-playground", not by gradient-variance-playground',
    });
    expect(
      load('{"app": "gradient-variance-playground", "version": 2, "config": {}}'),
    ).toMatchObject({ ok: false, error: /^c\.json: version 2 is not one this playground reads/ });
    expect(load('{"version": 1, "config": 3}')).toMatchObject({
      ok: false,
      error: /"config" should be an object/,
    });
    expect(load('{}')).toMatchObject({ ok: false, error: 'c.json: no configuration fields in it' });
  });

  it('loads the configuration of a metrics export, or a file with only the query', () => {
    const config = parse('data=circles&bs=32&lr=0.05').config;
    const metrics = { app: 'gradient-variance-playground', exportedAt: 'x', config, reports: [] };
    expect(load(JSON.stringify(metrics))).toEqual({ ok: true, config, problems: [] });
    const r = load(
      '{"app": "gradient-variance-playground", "query": "?data=circles&bs=32&lr=0.05"}',
    );
    expect(r).toEqual({ ok: true, config, problems: [] });
  });
});
