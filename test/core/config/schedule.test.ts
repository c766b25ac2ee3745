import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../src/core/config/codec';
import {
  dueAt,
  formatSchedule,
  parseSchedule,
  recordChanges,
  withChange,
} from '../../../src/core/config/schedule';
import { defaultConfig } from '../../../src/core/config/schema';

describe('the change schedule (at=)', () => {
  it('parses entries in step order, list values written with |', () => {
    const r = parseSchedule('600:lr=0.01,300:bs=64,300:est=sgb|gc');
    expect(r.problem).toBeUndefined();
    expect(r.value).toEqual([
      { step: 300, key: 'bs', value: '64' },
      { step: 300, key: 'est', value: 'sgb,gc' },
      { step: 600, key: 'lr', value: '0.01' },
    ]);
    expect(formatSchedule(r.value as never)).toBe('300:bs=64,300:est=sgb|gc,600:lr=0.01');
  });

  it('refuses what cannot be replayed, naming it, and clamps values as the field does', () => {
    const r = parseSchedule('0:lr=0.1,5:hidden=8,5:lecture=1,x,7:nope=1,9:bs=-3,11:lr=abc');
    expect(r.value).toEqual([{ step: 9, key: 'bs', value: '1' }]);
    for (const bit of ['0:lr', 'hidden', 'lecture', 'x is not', 'nope', 'below the minimum', 'abc'])
      expect(r.problem).toContain(bit);
  });

  it('a later entry for the same step and key wins', () => {
    expect(parseSchedule('10:lr=0.1,10:lr=0.2').value).toEqual([
      { step: 10, key: 'lr', value: '0.2' },
    ]);
  });

  it('round-trips through the URL', () => {
    const { config, problems } = parse('bs=16&at=20:lr=0.2,40:bs=64');
    expect(problems).toEqual([]);
    expect(serialize(config)).toBe('bs=16&at=20:lr=0.2,40:bs=64');
  });

  it('records mid-run changes, and gives back typed values when due', () => {
    const at = recordChanges([], 20, { lr: 0.2, lecture: true, est: ['sgb', 'gc'] });
    expect(at).toEqual([
      { step: 20, key: 'lr', value: '0.2' },
      { step: 20, key: 'est', value: 'sgb,gc' },
    ]);
    expect(dueAt(at, 20)).toEqual({ lr: 0.2, est: ['sgb', 'gc'] });
    expect(dueAt(at, 21)).toEqual({});
  });

  it('a change at step 0 changes the start; later ones join the schedule', () => {
    const start = defaultConfig();
    const after = { ...start, lr: 0.3 };
    expect(withChange(start, start, after, 0)).toEqual(after);
    expect(withChange(start, start, after, 12)).toEqual({
      ...start,
      at: [{ step: 12, key: 'lr', value: '0.3' }],
    });
  });
});
