import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config/schema';
import { lockPatch, scaledLr, temperature } from '../../../src/core/train/scaling';
import { effectiveLr } from '../../../src/core/train/schedule';

const config = (c: Partial<Config>): Config => ({ ...defaultConfig(), ...c });

describe('the scaling lock', () => {
  it('linear keeps η/B, sqrt keeps η/√B, off keeps η', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        (lr, from, to) => {
          expect(scaledLr('off', lr, from, to)).toBe(lr);
          expect(scaledLr('linear', lr, from, to) / to).toBeCloseTo(lr / from, 12);
          expect(scaledLr('sqrt', lr, from, to) / Math.sqrt(to)).toBeCloseTo(
            lr / Math.sqrt(from),
            12,
          );
        },
      ),
    );
  });

  it('lockPatch adds the scaled lr when B changes, and only then', () => {
    const c = config({ bs: 32, lr: 0.05, lock: 'linear' });
    expect(lockPatch(c, { bs: 64 })).toEqual({ bs: 64, lr: 0.1 });
    expect(lockPatch(c, { bs: 8 })).toEqual({ bs: 8, lr: 0.0125 });
    expect(lockPatch({ ...c, lock: 'sqrt' }, { bs: 128 })).toEqual({ bs: 128, lr: 0.1 });
    expect(lockPatch({ ...c, lock: 'off' }, { bs: 64 })).toEqual({ bs: 64 });
    expect(lockPatch(c, { bs: 32 })).toEqual({ bs: 32 });
    expect(lockPatch(c, { mom: 0.9 })).toEqual({ mom: 0.9 });
    // The patch's own lock wins; a patch that sets lr keeps it.
    expect(lockPatch({ ...c, lock: 'off' }, { bs: 64, lock: 'linear' })).toEqual({
      bs: 64,
      lock: 'linear',
      lr: 0.1,
    });
    expect(lockPatch(c, { bs: 64, lr: 0.3 })).toEqual({ bs: 64, lr: 0.3 });
  });

  it('clamps η to its range and is idempotent', () => {
    expect(lockPatch(config({ bs: 1, lr: 1, lock: 'linear' }), { bs: 4096 }).lr).toBe(10);
    expect(lockPatch(config({ bs: 4096, lr: 1e-4, lock: 'linear' }), { bs: 1 }).lr).toBe(1e-5);
    fc.assert(
      fc.property(
        fc.constantFrom('off', 'linear', 'sqrt' as const),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.double({ min: 1e-5, max: 10, noNaN: true }),
        (lock, from, to, lr) => {
          const c = config({ bs: from, lr, lock: lock as Config['lock'] });
          const once = lockPatch(c, { bs: to });
          expect(lockPatch(c, once)).toEqual(once);
          if (once.lr !== undefined) {
            expect(once.lr).toBeGreaterThanOrEqual(1e-5);
            expect(once.lr).toBeLessThanOrEqual(10);
          }
        },
      ),
    );
  });
});

describe('temperature', () => {
  it('is η/B, and η/(B(1−μ)) with momentum; null for Adam', () => {
    expect(temperature({ lr: 0.1, bs: 50, mom: 0, opt: 'sgd' })).toEqual({
      perBatch: 0.002,
      withMomentum: 0.002,
    });
    const t = temperature({ lr: 0.1, bs: 50, mom: 0.9, opt: 'sgd' })!;
    expect(t.perBatch).toBeCloseTo(0.002, 15);
    expect(t.withMomentum).toBeCloseTo(0.02, 15);
    expect(temperature({ lr: 0.1, bs: 50, mom: 0.9, opt: 'adam' })).toBeNull();
  });
});

describe('the learning-rate drop', () => {
  it('multiplies η by 0.1 from step lrDrop on; 0 never drops', () => {
    expect(effectiveLr(0.5, 100, 99)).toBe(0.5);
    expect(effectiveLr(0.5, 100, 100)).toBe(0.05);
    expect(effectiveLr(0.5, 100, 5000)).toBe(0.05);
    expect(effectiveLr(0.5, 0, 5000)).toBe(0.5);
  });
});
