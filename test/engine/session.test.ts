import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import type { Config } from '../../src/core/config/schema';
import { Session, type SessionOutput } from '../../src/engine/session';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

function config(query: string): Config {
  const { config, problems } = parse(query);
  expect(problems).toEqual([]);
  return config;
}

async function run(c: Config, steps: number): Promise<SessionOutput & { session: Session }> {
  const session = new Session(c);
  const out = await session.advance(steps);
  return { ...out, session };
}

describe('Session', () => {
  it('is deterministic: same seed, same first reports', async () => {
    const c = config('data=xor&n=64&bs=8&every=5&pool=64&hidden=8&k=4&gcEvery=10&svrgEvery=10');
    const a = await run(c, 20);
    const b = await run(c, 20);
    a.session.dispose();
    b.session.dispose();
    expect(a.reports.length).toBe(4);
    expect(a.reports).toEqual(b.reports);
    const other = await run({ ...c, seed: 2 }, 20);
    other.session.dispose();
    expect(other.reports[0].loss).not.toBe(a.reports[0].loss);
  });

  it('reports every estimator with finite values and GC views', async () => {
    const out = await run(config('data=blobs&n=64&model=linear&bs=8&k=4&every=5'), 10);
    out.session.dispose();
    const r = out.reports.at(-1)!;
    for (const id of ['SG-B', 'SG-2B', 'GC', 'SVRG'] as const) {
      expect(Number.isFinite(r.estimators[id]!.variance)).toBe(true);
      expect(r.estimators[id]!.normalizedVariance).toBeGreaterThanOrEqual(0);
      expect(r.estimators[id]!.normalizedVariance).toBeLessThanOrEqual(1);
    }
    expect(out.views.length).toBeGreaterThan(0);
    const b = out.views[0].boundaries!;
    expect(b.perCluster.length).toBe(4);
    // The boundaries come traced: one list of polylines per grid, inside the extent.
    expect(b.lines.perCluster.length).toBe(4);
    const [[x0, x1], [y0, y1]] = b.extent;
    for (const line of [...b.lines.current, ...b.lines.perCluster.flat()]) {
      for (const [x, y] of line) {
        expect(x).toBeGreaterThanOrEqual(x0);
        expect(x).toBeLessThanOrEqual(x1);
        expect(y).toBeGreaterThanOrEqual(y0);
        expect(y).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('hot changes keep the weights and are recorded; structural ones ask for a reset', async () => {
    const c = config('data=circles&n=64&bs=8&every=5&hidden=8');
    const s = new Session(c);
    await s.advance(10);
    const needReset = s.set({ lr: 0.2, bs: 16, noise: 0.1 });
    expect(needReset).toEqual([]);
    const out = await s.advance(5);
    expect(
      out.events.filter((e) => e.kind === 'change').map((e) => e.kind === 'change' && e.field),
    ).toEqual(['lr', 'bs', 'noise']);
    expect(out.reports[0].step).toBe(10);
    expect(out.reports[0].lr).toBe(0.2);
    expect(s.set({ data: 'xor' })).toEqual(['data']);
    s.dispose();
  });

  it('B ≤ N_train: a larger batch is clamped mid-run with a note; SG-2B n/a when 2B > N_train', async () => {
    const s = new Session(config('data=xor&n=64&bs=8&every=5&hidden=8&pool=32'));
    const first = await s.advance(5);
    expect(first.reports[0].estimators['SG-2B']).toBeDefined();
    s.set({ bs: 500 });
    expect(s.config.bs).toBe(64);
    const out = await s.advance(5);
    const change = out.events.find((e) => e.kind === 'change');
    expect(change).toMatchObject({ field: 'bs', from: '8', to: '64' });
    expect(change?.kind === 'change' && change.note).toContain('bs=500');
    const r = out.reports.at(-1)!;
    // B = N_train: SGD's batch is the whole set (variance 0); SG-2B cannot be formed.
    expect(r.estimators['SG-B']!.variance).toBe(0);
    expect(r.estimators['SG-2B']).toBeUndefined();
    s.set({ bs: 40 });
    const back = await s.advance(5);
    // the pool (32) is smaller than B: the correction still uses N_train = 64
    expect(back.reports.at(-1)!.estimators['SG-B']!.variance).toBeGreaterThan(0);
    expect(back.reports.at(-1)!.estimators['SG-2B']).toBeUndefined();
    s.dispose();
  });

  it('which estimators are measured never changes the trajectory (claim runs rely on it)', async () => {
    const q = 'data=xor&n=64&bs=8&every=5&hidden=8&k=4&gcEvery=10&svrgEvery=10&stats=both&estim=4';
    const all = await run(config(q), 30);
    const few = await run(config(`${q}&est=sgb`), 30);
    all.session.dispose();
    few.session.dispose();
    const pick = (o: SessionOutput) =>
      o.reports.map((r) => [r.step, r.loss, r.acc, r.estimators['SG-B'], r.sampled?.['SG-B']]);
    expect(pick(few)).toEqual(pick(all));
  });

  it('planeView: the 2-D pool and the current boundary, with no effect on the run', async () => {
    const c = config('data=blobs&n=64&model=linear&bs=8&k=4&every=5&pool=64');
    const viewed = new Session(c);
    const plane = (await viewed.planeView())!;
    expect(plane.step).toBe(0);
    expect(plane.points.xy.length).toBe(2 * 64);
    expect(plane.points.label.length).toBe(64);
    const { res, current, lines } = plane.boundaries;
    expect(current.length).toBe(res * res);
    expect(current.every((p) => p >= 0 && p <= 1)).toBe(true);
    // The same points and the same current grid as the first cluster view's.
    const a = await viewed.advance(10);
    expect(a.views[0].step).toBe(0);
    expect(a.views[0].points!.xy).toEqual(plane.points.xy);
    expect(a.views[0].boundaries!.current).toEqual(current);
    expect(a.views[0].boundaries!.lines.current).toEqual(lines.current);
    // No random draw, no state: the reports are those of a run never asked for it.
    const plain = await run(c, 10);
    expect(a.reports).toEqual(plain.reports);
    viewed.dispose();
    plain.session.dispose();
    const teacher = new Session(config('data=teacher&n=64&dim=5&pool=64'));
    expect(await teacher.planeView()).toBeNull(); // not 2-D: no plane
    teacher.dispose();
  });

  it('measureFirst: the first report before the first clustering, then GC from the next one', async () => {
    const s = new Session(config('data=xor&n=64&bs=8&every=5&hidden=8&k=4'));
    const first = await s.measureFirst();
    expect(first.reports.map((r) => r.step)).toEqual([0]);
    expect(first.reports[0].estimators.GC).toBeUndefined();
    expect(first.reports[0].estimators['SG-B']).toBeDefined();
    expect(first.views).toEqual([]);
    expect(s.step).toBe(0);
    expect((await s.measureFirst()).reports).toEqual([]); // step 0 is reported once
    const next = await s.advance(5);
    expect(next.reports.map((r) => r.step)).toEqual([]); // step 0 not measured again
    expect(next.events.some((e) => e.kind === 'gc' && e.step === 0)).toBe(true);
    const later = await s.advance(1);
    expect(later.reports[0].estimators.GC).toBeDefined();
    s.dispose();
  });

  it('turning an estimator on or off keeps the clusters and the snapshot there are', async () => {
    const s = new Session(
      config('data=xor&n=64&bs=8&every=5&hidden=8&k=4&gcEvery=50&svrgEvery=50'),
    );
    const first = await s.advance(5);
    const refreshes = (o: SessionOutput) =>
      o.events.filter((e) => e.kind === 'gc' || e.kind === 'svrg').map((e) => e.kind);
    expect(refreshes(first)).toEqual(['svrg', 'gc']);
    s.set({ est: ['sgb', 'sg2b'] });
    await s.advance(5);
    s.set({ est: ['sgb', 'sg2b', 'gc', 'svrg'] });
    const back = await s.advance(5);
    expect(refreshes(back)).toEqual([]);
    expect(back.reports.at(-1)!.estimators.GC).toBeDefined();
    s.set({ k: 3 });
    expect(refreshes(await s.advance(1))).toEqual(['gc']);
    s.dispose();
  });

  it('stops with a diverged event at a huge learning rate and sends no NaN', async () => {
    const s = new Session(
      config('data=spiral&n=64&bs=16&lr=10&hidden=32,32,32,32,32,32&every=1&mom=0.99'),
    );
    const out = await s.advance(300);
    s.dispose();
    const diverged = out.events.find((e) => e.kind === 'diverged');
    expect(diverged).toBeDefined();
    expect(s.stopped).toBe('diverged');
    for (const r of out.reports) expect(Number.isFinite(r.loss)).toBe(true);
  });

  it('leaves no tensor behind: construction to dispose, with every feature used', async () => {
    const before = tf.memory().numTensors;
    const s = new Session(
      config(
        'data=spiral&n=64&bs=8&every=2&hidden=8,8&k=4&gcEvery=4&svrgEvery=4&stats=both&estim=3',
      ),
      undefined,
      { checkpoint: true },
    );
    await s.advance(5);
    await s.explainStep();
    s.set({ lr: 0.2, noise: 0.2, bs: 4, est: ['sgb', 'gc'] });
    await s.advance(5);
    s.resume(s.checkpoint!);
    await s.advance(2);
    s.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps numTensors flat over many steps', async () => {
    const s = new Session(
      config('data=xor&n=64&bs=8&every=10&hidden=8&k=4&gcEvery=50&svrgEvery=50&stats=both&estim=5'),
    );
    await s.advance(60);
    const before = tf.memory().numTensors;
    await s.advance(2000);
    expect(tf.memory().numTensors).toBe(before);
    s.dispose();
  });
});
