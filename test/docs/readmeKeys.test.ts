import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/config/schema';

describe('README', () => {
  it('documents every configuration key in its table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Configuration keys'));
    const rows = new Set([...table.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]));
    expect(FIELDS.map((f) => f.key).filter((k) => !rows.has(k))).toEqual([]);
  });
});
