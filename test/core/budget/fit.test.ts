import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserDevice, GiB, nodeDevice, type DeviceBudget } from '../../../src/core/budget/device';
import {
  CHUNK_SECONDS,
  DATA_SECONDS,
  estimateRun,
  fitToBudget,
  STEP_SECONDS,
} from '../../../src/core/budget/fit';
import { parse, serialize } from '../../../src/core/config/codec';
import { PRESETS } from '../../../src/core/config/presets';
import type { Config } from '../../../src/core/config/schema';

const DEVICES: DeviceBudget[] = [
  browserDevice({ backend: 'webgpu', software: true, maxBufferBytes: 2 ** 27 }),
  browserDevice({ backend: 'webgpu', software: false, deviceMemoryGiB: 8, maxBufferBytes: GiB }),
  browserDevice({ backend: 'webgl', software: true, deviceMemoryGiB: 2, maxTextureSize: 4096 }),
  browserDevice({ backend: 'wasm', software: false, deviceMemoryGiB: 8 }),
  browserDevice({ backend: 'cpu', software: false, deviceMemoryGiB: 8 }),
  nodeDevice('wasm', 16 * GiB),
  nodeDevice('cpu', 4 * GiB),
];

const config = (q: string) => parse(q).config;
/** The three configurations of issue 15 that sat in `loading` or took gigabytes. */
const TEACHER_HUGE =
  'data=teacher&n=60000&dim=2000&th=10000&hidden=4096,4096,4096,4096,4096,4096&pool=60000&bs=4096';
const BLOBS_WIDE = 'n=1e9&hidden=100000&pool=60000&backend=cpu';
const MNIST_WIDE = 'data=mnist&n=1e9&hidden=100000&pool=60000&backend=cpu';

/** No limit but the first measurement's time may be exceeded after fitting. */
function expectWithinHardLimits(c: Config, device: DeviceBudget): void {
  const e = estimateRun(c, device);
  expect(e.memory.peakBytes).toBeLessThanOrEqual(device.memoryBytes);
  expect(e.memory.largestTensorBytes).toBeLessThanOrEqual(device.maxTensorBytes);
  expect(e.memory.hostBytes).toBeLessThanOrEqual(device.hostBytes);
  expect(e.seconds.step).toBeLessThanOrEqual(STEP_SECONDS);
  expect(e.seconds.data).toBeLessThanOrEqual(DATA_SECONDS);
}

describe('fitToBudget on the issue’s configurations', () => {
  it('the teacher with six 4096-wide layers and B = 4096 is refused, with the figures', () => {
    for (const d of DEVICES) {
      const v = fitToBudget(config(TEACHER_HUGE), d);
      expect(v.kind).toBe('refused');
      if (v.kind !== 'refused') continue;
      expect(v.reason).toMatch(/^too large for this device: one training step about .* on /);
      expect(v.reason).toContain('B = 4096 and 92 million parameters');
      expect(v.reason).toMatch(/lower bs or the hidden widths$/);
    }
    // Its data alone: 61,000 x 2,000 x 10,000 multiply-adds, about an hour (the issue: ~70 min).
    const e = estimateRun(config(TEACHER_HUGE), DEVICES[3]);
    expect(e.seconds.data / 60).toBeGreaterThan(40);
  });

  it('blobs with 4096 hidden units and a pool of 60,000: the pool is scaled, with a notice', () => {
    for (const d of DEVICES) {
      const v = fitToBudget(config(BLOBS_WIDE), d);
      expect(v.kind, d.name).toBe('scaled');
      if (v.kind !== 'scaled') continue;
      expect(v.changes).toHaveLength(1);
      expect(v.changes[0]).toMatchObject({ field: 'pool', from: 60000 });
      expect(v.changes[0].to).toBeGreaterThanOrEqual(16);
      expect(v.changes[0].to).toBeLessThan(60000);
      expect(v.notice).toMatch(
        /^Scaled to fit this device: pool 60000 → \d+\. As asked: peak memory \d+\.\d GB/,
      );
      expect(v.config.n).toBe(60000);
      expectWithinHardLimits(v.config, d);
      expect(v.estimate.seconds.firstChunk).toBeLessThanOrEqual(CHUNK_SECONDS);
    }
  });

  it('MNIST with 4096 hidden units: the pool is scaled', () => {
    const v = fitToBudget(config(MNIST_WIDE), browserDevice({ backend: 'cpu', software: false }));
    expect(v.kind).toBe('scaled');
    if (v.kind === 'scaled') expect(v.notice).toMatch(/pool 8000 → \d+/);
  });

  it('the teacher data alone too slow: n is scaled; impossible even for n = 8: refused', () => {
    const d = DEVICES[3];
    const v = fitToBudget(config('data=teacher&n=60000&dim=2000&th=100&hidden=16'), d);
    expect(v.kind).toBe('scaled');
    if (v.kind === 'scaled') {
      expect(v.changes.map((c) => c.field)).toContain('n');
      expect(v.notice).toMatch(/generating the data about \d+ s/);
      expectWithinHardLimits(v.config, d);
    }
    const r = fitToBudget(config('data=teacher&dim=2000&th=10000&hidden=16'), d);
    expect(r.kind).toBe('refused');
    if (r.kind === 'refused')
      expect(r.reason).toMatch(/1000 test examples alone .*lower th or dim$/);
  });

  it('every preset and the defaults fit every device unchanged', () => {
    for (const q of ['', ...PRESETS.map((p) => `preset=${p.name}`)]) {
      for (const d of DEVICES) {
        const v = fitToBudget(config(q), d);
        expect(v.kind, `${q} on ${d.name}`).toBe('fits');
        expect(v.kind === 'fits' && v.config).toEqual(config(q));
      }
    }
  });
});

describe('fitToBudget on any configuration (fast-check)', () => {
  const anyQuery = fc
    .record({
      data: fc.constantFrom('blobs', 'spiral', 'teacher', 'mnist'),
      model: fc.constantFrom('linear', 'mlp', 'rf'),
      n: fc.integer({ min: 8, max: 60000 }),
      dim: fc.integer({ min: 2, max: 2000 }),
      th: fc.integer({ min: 1, max: 10000 }),
      hidden: fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 6 }),
      bs: fc.integer({ min: 1, max: 4096 }),
      pool: fc.integer({ min: 16, max: 60000 }),
      k: fc.integer({ min: 2, max: 4096 }),
      stats: fc.constantFrom('exact', 'sampled', 'both'),
      estim: fc.integer({ min: 2, max: 1000 }),
      est: fc.subarray(['sgb', 'sg2b', 'gc', 'svrg'], { minLength: 1 }),
    })
    .map((r) =>
      Object.entries(r)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`)
        .join('&'),
    );

  it('fits as it is, is scaled only in pool and n (B following n) to within the limits, or is refused', () => {
    fc.assert(
      fc.property(anyQuery, fc.constantFrom(...DEVICES), (q, d) => {
        const c = config(q);
        const v = fitToBudget(c, d);
        if (v.kind === 'fits') expect(v.config).toEqual(c);
        if (v.kind === 'refused') expect(v.reason).toMatch(/^too large for this device: .+ — .+/);
        if (v.kind !== 'scaled') return;
        expect({ ...v.config, n: c.n, pool: c.pool, bs: c.bs }).toEqual(c);
        expect(v.config.bs).toBe(Math.min(c.bs, v.config.n)); // B follows a smaller n
        expect(v.config.n).toBeLessThanOrEqual(c.n);
        expect(v.config.pool).toBeLessThanOrEqual(c.pool);
        expect(v.changes.length).toBeGreaterThan(0);
        expectWithinHardLimits(v.config, d);
        expect(parse(serialize(v.config))).toEqual({ config: v.config, problems: [] });
      }),
      { numRuns: 300 },
    );
  });

  // Memory for exact statistics: with the sampled protocol a larger pool (K = min(k, pool)
  // draws per GC estimate) can mean fewer estimates per chunk, so less memory (as in the code).
  it('memory (exact statistics) and time grow with the pool', () => {
    fc.assert(
      fc.property(anyQuery, fc.integer({ min: 16, max: 5000 }), (q, p) => {
        const c: Config = { ...config(q), n: 60000, stats: 'exact' };
        const [a, b] = [p, p + 100].map((pool) => estimateRun({ ...c, pool }, DEVICES[3]));
        expect(b.memory.peakBytes).toBeGreaterThanOrEqual(a.memory.peakBytes);
        expect(b.seconds.firstChunk).toBeGreaterThanOrEqual(a.seconds.firstChunk);
      }),
      { numRuns: 200 },
    );
  });
});
