import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import type { Report } from '../../../src/core/run/records';
import { addPin, describeDiff, MAX_PINS, removePin } from '../../../src/ui/pins/pins';

const config = (q: string) => parse(q).config;
const report = { step: 1 } as Report;

describe('describeDiff', () => {
  it('names each changed run setting with its URL key, old → new', () => {
    expect(describeDiff(config('bs=32'), config('bs=128&lr=0.1'))).toBe(
      'bs 32 → 128, lr 0.05 → 0.1',
    );
  });
  it('ignores view settings and says when nothing differs', () => {
    expect(describeDiff(config('bs=32'), config('bs=32&lecture=1&embed=1'))).toBe('same settings');
  });
  it('shows defaults and lists readably', () => {
    expect(describeDiff(config('k=4'), config(''))).toBe('k 4 → default');
    expect(describeDiff(config('hidden=8'), config('hidden=8,8'))).toBe('hidden 8 → 8,8');
  });
});

describe('pins', () => {
  it('keeps at most MAX_PINS, numbered, and clears one by id', () => {
    let pins = addPin([], { config: config(''), reports: [report], events: [] });
    for (let i = 0; i < 5; i++)
      pins = addPin(pins, { config: config(`bs=${i + 2}`), reports: [report], events: [] });
    expect(pins).toHaveLength(MAX_PINS);
    expect(pins.map((p) => p.id)).toEqual([1, 2, 3]);
    pins = removePin(pins, 2);
    expect(pins.map((p) => p.id)).toEqual([1, 3]);
    pins = addPin(pins, { config: config('bs=9'), reports: [report], events: [] });
    expect(pins.map((p) => p.id)).toEqual([1, 3, 4]);
  });
  it('does not pin a run without measurements', () => {
    expect(addPin([], { config: config(''), reports: [], events: [] })).toEqual([]);
  });
});
