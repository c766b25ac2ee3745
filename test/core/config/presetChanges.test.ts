import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import {
  presetChanges,
  presetConfig,
  presetLabel,
  presetQuery,
} from '../../../src/core/config/presetChanges';
import { PRESETS } from '../../../src/core/config/presets';

const fig6 = () => presetConfig('fig6-labelnoise')!;

describe('a modified preset', () => {
  it('is unmodified as loaded, whatever the view and backend', () => {
    const c = { ...fig6(), lecture: true, backend: 'wasm' as const, charts: ['loss' as const] };
    expect(presetChanges('fig6-labelnoise', c)).toEqual([]);
    expect(presetLabel('fig6-labelnoise', [])).toBe('fig6-labelnoise');
  });

  it('names each changed setting with its old and new value', () => {
    const c = { ...fig6(), noise: 0 };
    const changes = presetChanges('fig6-labelnoise', c);
    expect(changes).toEqual([{ key: 'noise', from: '0.1', to: '0' }]);
    expect(presetLabel('fig6-labelnoise', changes)).toBe(
      'fig6-labelnoise (modified: noise 0.1 → 0)',
    );
  });

  it('lists three changes and counts the rest', () => {
    const c = { ...fig6(), noise: 0, bs: 32, lr: 0.1, seed: 7, hidden: [50] };
    const label = presetLabel('fig6-labelnoise', presetChanges('fig6-labelnoise', c));
    expect(label).toBe(
      'fig6-labelnoise (modified: noise 0.1 → 0, hidden 300 → 50, bs 10 → 32, and 2 more)',
    );
  });

  it('has no changes against an unknown preset', () => {
    expect(presetChanges('nope', fig6())).toEqual([]);
    expect(presetConfig('nope')).toBeNull();
  });
});

describe('presetQuery', () => {
  it('is preset=NAME alone for the preset as loaded', () => {
    expect(presetQuery('fig6-labelnoise', fig6())).toBe('preset=fig6-labelnoise');
  });

  it('adds the changed keys and the view, and parses back to the same configuration', () => {
    const c = { ...fig6(), noise: 0, lecture: true, backend: 'wasm' as const };
    const q = presetQuery('fig6-labelnoise', c);
    expect(q).toBe('preset=fig6-labelnoise&noise=0&backend=wasm&lecture=1');
    const back = parse(q);
    expect(back.problems).toEqual([]);
    expect(back.config).toEqual(c);
  });

  it('keeps the change schedule of a mid-run change', () => {
    const c = { ...fig6(), at: [{ step: 300, key: 'noise' as const, value: '0' }] };
    const q = presetQuery('fig6-labelnoise', c);
    expect(q.startsWith('preset=fig6-labelnoise&at=')).toBe(true);
    expect(parse(q).config.at).toEqual(c.at);
  });

  it('round-trips every preset with a change', () => {
    for (const p of PRESETS) {
      const c = { ...presetConfig(p.name)!, seed: 99, lecture: true };
      expect(parse(presetQuery(p.name, c)).config).toEqual(c);
    }
  });
});
