/**
 * The resource budget at the engine (issue 15, item 2): the host checks every new run and
 * hot change against its device (here the harness's CPU backend with the default 4 GiB
 * device memory) and scales, refuses keeping the previous run, or starts the defaults.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/schema';
import { useCpu } from '../helpers/coreHarness';
import { SMALL, configOf, hostHarness, lastOf, ofType, waitFor } from '../helpers/hostHarness';

beforeAll(useCpu);

const WIDE = configOf('n=60000&hidden=4096&pool=60000');
const TEACHER =
  'data=teacher&n=60000&dim=2000&th=10000&hidden=4096,4096,4096,4096,4096,4096&pool=60000&bs=4096';

describe('EngineHost: the resource budget', () => {
  it('a run over the budget starts scaled (pool), and the notice gives the figures', async () => {
    const h = hostHarness();
    await h.init(WIDE);
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.config.pool).toBeLessThan(60000);
    expect(ready.config.pool).toBeGreaterThanOrEqual(16);
    expect({ ...ready.config, pool: 60000 }).toEqual(WIDE);
    const notice = ofType(h.messages, 'config').flatMap((m) => m.problems);
    expect(notice).toHaveLength(1);
    expect(notice[0].key).toBe('pool');
    expect(notice[0].message).toMatch(
      /^Scaled to fit this device: pool 60000 → \d+\. As asked: peak memory .* GB/,
    );
  });

  it('refused with no run to keep: the defaults start, in the asked view, and say why', async () => {
    const h = hostHarness();
    const asked = { ...configOf(TEACHER), embed: true, charts: ['loss' as const] };
    await h.init(asked);
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.config).toEqual({ ...defaultConfig(), embed: true, charts: ['loss'] });
    const [p] = ofType(h.messages, 'config').flatMap((m) => m.problems);
    expect(p.message).toMatch(
      /^Not started: too large for this device: one training step about .* B = 4096/,
    );
  });

  it('refused with a run going: that run is kept, the UI is told and gets its config back', async () => {
    const h = hostHarness();
    const small = configOf(SMALL);
    await h.init(small);
    await h.host.receive({ type: 'step', count: 3 });
    await waitFor(() => lastOf(h.messages, 'status')?.step === 3);
    const readies = ofType(h.messages, 'ready').length;
    await h.load(configOf(TEACHER));
    expect(ofType(h.messages, 'ready')).toHaveLength(readies); // no new run
    const echo = lastOf(h.messages, 'config')!;
    expect(echo.config).toEqual(small);
    expect(echo.seq).toBe(2);
    expect(echo.problems[0].message).toMatch(/^Not started: too large for this device/);
    await h.host.receive({ type: 'step', count: 2 }); // the kept run still trains
    await waitFor(() => lastOf(h.messages, 'status')?.step === 5);
  });

  it('a hot change over the budget is not applied; the run goes on unchanged', async () => {
    const h = hostHarness();
    const wide = configOf('hidden=600,600&pool=64&n=4096');
    await h.init(wide);
    await h.set({ bs: 4096 }); // one step of 4096 x 0.36 million parameters: 13 s on the CPU
    const echo = lastOf(h.messages, 'config')!;
    expect(echo.config.bs).toBe(wide.bs);
    expect(echo.problems.at(-1)!.message).toMatch(
      /^bs=4096 not applied: too large for this device: one training step about/,
    );
    await h.set({ lr: 0.1 }); // a change that fits still applies
    expect(lastOf(h.messages, 'config')!.config).toMatchObject({ lr: 0.1, bs: wide.bs });
  });
});
