import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
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
    expect(text).toMatch(/n: \{"a":1\} is not a plain value/);
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
