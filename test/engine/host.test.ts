import { beforeAll, describe, expect, it, vi } from 'vitest';
import { Session } from '../../src/engine/session';
import {
  SMALL,
  configOf,
  hostHarness,
  lastOf,
  ofType,
  reportsAfterLastReady,
  sleep,
  waitFor,
} from '../helpers/hostHarness';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const CONFIG = configOf(SMALL);
const stepOf = (h: ReturnType<typeof hostHarness>) => lastOf(h.messages, 'status')?.step ?? 0;

describe('EngineHost: the run', () => {
  it('reset while playing: the new run has only its own reports and says it is playing', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    void h.host.receive({ type: 'play' });
    await waitFor(() => reportsAfterLastReady(h.messages).some((r) => r.step >= 40));
    h.clock.frozenAt = performance.now(); // the old run's latest reports are still unsent
    await h.host.receive({ type: 'reset' });
    // Play at once, while the old loop may still be draining: the UI must hear "playing".
    await h.host.receive({ type: 'play' });
    await sleep(300);
    h.clock.frozenAt = null;
    await waitFor(() => reportsAfterLastReady(h.messages).length >= 3);
    await h.host.receive({ type: 'pause' });
    const fresh = reportsAfterLastReady(h.messages);
    expect(fresh[0].step).toBeLessThanOrEqual(CONFIG.every);
    for (let i = 1; i < fresh.length; i++) expect(fresh[i].step).toBeGreaterThan(fresh[i - 1].step);
    const lastReady = h.messages.map((m) => m.type).lastIndexOf('ready');
    const statuses = ofType(h.messages.slice(lastReady), 'status');
    expect(statuses.some((m) => m.status === 'playing')).toBe(true);
  });

  it('steps asked while paused never report playing, so a second step press is not refused', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await h.host.receive({ type: 'step', count: 1 }); // the run's first slice: its warm-up
    await h.host.receive({ type: 'step', count: 10 });
    await waitFor(() => stepOf(h) === 11);
    const lastReady = h.messages.map((m) => m.type).lastIndexOf('ready');
    const statuses = ofType(h.messages.slice(lastReady), 'status');
    expect(statuses.some((m) => m.warming === 'first training steps')).toBe(true);
    expect(statuses.map((m) => m.status)).not.toContain('playing');
  });

  it('echoes the applied configuration: ready at init, with the sequence number', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.config).toEqual(CONFIG);
    expect(ready.seq).toBe(1);
    expect(ready.reason).toBeNull();
  });
});

describe('EngineHost: set', () => {
  it('hot: applies mid-run without a restart, records a change and echoes the config', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await h.host.receive({ type: 'step', count: 4 });
    await waitFor(() => stepOf(h) === 4);
    const readies = ofType(h.messages, 'ready').length;
    await h.set({ lr: 0.2 });
    expect(ofType(h.messages, 'ready')).toHaveLength(readies);
    const echo = lastOf(h.messages, 'config')!;
    expect(echo.config.lr).toBe(0.2);
    expect(echo.seq).toBe(2);
    const events = ofType(h.messages, 'events').flatMap((m) => m.events);
    expect(events).toContainEqual({
      kind: 'change',
      step: 4,
      field: 'lr',
      from: '0.05',
      to: '0.2',
    });
    await h.host.receive({ type: 'step', count: 2 });
    await waitFor(() => stepOf(h) === 6);
    expect(reportsAfterLastReady(h.messages).at(-1)!.lr).toBe(0.2);
  });

  it('the scaling lock: a batch-size change is echoed with the scaled lr, both recorded', async () => {
    const h = hostHarness();
    await h.init({ ...CONFIG, lock: 'linear', lr: 0.05 });
    await h.set({ bs: CONFIG.bs * 4 });
    expect(lastOf(h.messages, 'config')!.config).toMatchObject({ bs: CONFIG.bs * 4, lr: 0.2 });
    const fields = ofType(h.messages, 'events')
      .flatMap((m) => m.events)
      .flatMap((e) => (e.kind === 'change' ? [e.field] : []));
    expect(fields).toEqual(['bs', 'lr']);
    await h.set({ lock: 'sqrt' });
    await h.set({ bs: CONFIG.bs });
    expect(lastOf(h.messages, 'config')!.config.lr).toBe(0.1);
  });

  it('cold: restarts the run with the new value and says why', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await h.set({ hidden: [4, 4] });
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.config.hidden).toEqual([4, 4]);
    expect(ready.reason).toMatch(/changed hidden/);
    expect(ready.seq).toBe(2);
    expect(ready.info.parameters).toBe((2 + 1) * 4 + (4 + 1) * 4 + (4 + 1) * 2);
  });

  it('checks values as the URL would: clamped and reported, never trained on', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await h.set({ bs: -5, k: 0 } as never);
    const echo = lastOf(h.messages, 'config')!;
    expect(echo.config.bs).toBe(1);
    expect(echo.config.k).toBe(2);
    expect(echo.problems.map((p) => p.key).sort()).toEqual(['bs', 'k']);
    await h.set({ bs: true, nonsense: 3 } as never);
    const again = lastOf(h.messages, 'config')!;
    expect(again.config.bs).toBe(1);
    expect(again.problems.map((p) => p.message).join(' ')).toMatch(/not a number.*unknown/);
    await h.host.receive({ type: 'step', count: 3 });
    await waitFor(() => stepOf(h) === 3);
    expect(lastOf(h.messages, 'status')!.status).toBe('paused');
  });

  it('backend: selects the new backend, then restarts on it', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    expect(h.selections).toEqual(['auto']);
    await h.set({ backend: 'wasm' });
    expect(h.selections).toEqual(['auto', 'wasm']);
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.backend.name).toBe('wasm');
    expect(ready.config.backend).toBe('wasm');
  });
});

describe('EngineHost: load and reset', () => {
  it('reset after a loaded configuration restarts that configuration, on its backend', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    const file = configOf(`${SMALL}&hidden=5&backend=webgl&seed=7`);
    await h.load(file);
    expect(lastOf(h.messages, 'ready')!.backend.name).toBe('webgl');
    await h.host.receive({ type: 'step', count: 3 });
    await h.host.receive({ type: 'reset' });
    const ready = lastOf(h.messages, 'ready')!;
    expect(ready.config).toEqual(file);
    expect(ready.backend.name).toBe('webgl');
    expect(ready.reason).toBe('reset by the user');
    expect(h.selections).toEqual(['auto', 'webgl']);
  });

  it('drops steps queued for the old run', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    for (let i = 0; i < 50; i++) void h.host.receive({ type: 'step', count: 1 });
    await h.host.receive({ type: 'reset' });
    await sleep(300);
    expect(lastOf(h.messages, 'status')).toMatchObject({ status: 'paused', step: 0 });
  });
});

describe('EngineHost: always responsive', () => {
  it('pauses within one slice whatever the measurement interval (every = 1e6)', async () => {
    const h = hostHarness();
    await h.init(configOf(`${SMALL}&every=1000000`));
    void h.host.receive({ type: 'play' });
    await waitFor(() => stepOf(h) > 20);
    await h.host.receive({ type: 'pause' });
    await waitFor(() => lastOf(h.messages, 'status')!.status === 'paused', 5000);
    const stopped = stepOf(h);
    await sleep(300);
    expect(stepOf(h)).toBe(stopped);
  });

  it('says which step a slow measurement measures before it runs, and no more after', async () => {
    const h = hostHarness();
    h.clock.scale = 1000; // every slice looks slow: each measurement "takes" seconds
    await h.init(CONFIG); // every = 2
    void h.host.receive({ type: 'play' });
    await waitFor(() => reportsAfterLastReady(h.messages).length >= 6);
    await h.host.receive({ type: 'pause' });
    const lastReady = h.messages.map((m) => m.type).lastIndexOf('ready');
    const after = h.messages.slice(lastReady);
    const saying = ofType(after, 'status').filter((m) => m.measuring !== undefined);
    expect(saying.length).toBeGreaterThan(0);
    for (const m of saying) {
      expect(m.measuring! % CONFIG.every).toBe(0); // a measurement step
      expect(m.measuring!).toBeGreaterThan(m.step); // ahead of the step reached
      // Its report comes later, then a status that no longer says so.
      const i = after.indexOf(m);
      const rest = after.slice(i + 1);
      const report = rest.findIndex(
        (x) => x.type === 'reports' && x.reports.some((r) => r.step === m.measuring),
      );
      expect(report).toBeGreaterThanOrEqual(0);
      const next = ofType(rest.slice(report), 'status')[0];
      if (next) expect(next.measuring).not.toBe(m.measuring);
    }
    // At real speed (a quick measurement) nothing is said.
    const quick = hostHarness();
    await quick.init(CONFIG);
    void quick.host.receive({ type: 'play' });
    await waitFor(() => reportsAfterLastReady(quick.messages).length >= 6);
    await quick.host.receive({ type: 'pause' });
    expect(ofType(quick.messages, 'status').some((m) => m.measuring !== undefined)).toBe(false);
  });

  it('answers a ping at once, even behind queued work', async () => {
    const h = hostHarness();
    void h.init(CONFIG);
    void h.host.receive({ type: 'step', count: 30 });
    void h.host.receive({ type: 'ping', id: 7 });
    expect(lastOf(h.messages, 'pong')).toEqual({ type: 'pong', id: 7 });
  });

  it('notices divergence between measurements (every = 50)', async () => {
    const h = hostHarness();
    await h.init(
      configOf('data=spiral&n=64&bs=16&lr=10&hidden=32,32,32,32,32,32&every=50&mom=0.99'),
    );
    await h.host.receive({ type: 'play' });
    await waitFor(() => lastOf(h.messages, 'status')!.status === 'diverged');
    const diverged = ofType(h.messages, 'events')
      .flatMap((m) => m.events)
      .find((e) => e.kind === 'diverged')!;
    expect(diverged.step).toBeLessThan(50);
  });
});

describe('EngineHost: failures recover', () => {
  it('an error during training ends in error; Reset starts a fresh, working run', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    const spy = vi
      .spyOn(Session.prototype, 'advance')
      .mockRejectedValueOnce(new Error('memory access out of bounds'));
    await h.host.receive({ type: 'play' });
    await waitFor(() => lastOf(h.messages, 'status')!.status === 'error');
    spy.mockRestore();
    expect(lastOf(h.messages, 'error')!.message).toMatch(/ran out of memory.*Reset/);
    await h.host.receive({ type: 'play' }); // no run: stays in error
    expect(lastOf(h.messages, 'status')!.status).toBe('error');
    await h.host.receive({ type: 'reset' });
    await h.host.receive({ type: 'step', count: 4 });
    await waitFor(() => stepOf(h) === 4);
    expect(lastOf(h.messages, 'status')!.status).toBe('paused');
  });

  it('a run that cannot start reports it; a new configuration then starts', async () => {
    const h = hostHarness();
    await h.init(configOf('data=mnist&n=100&pool=64'));
    expect(lastOf(h.messages, 'status')!.status).toBe('error');
    expect(lastOf(h.messages, 'error')!.message).toMatch(/no data in this test/);
    await h.load(CONFIG);
    expect(lastOf(h.messages, 'ready')!.config).toEqual(CONFIG);
    expect(lastOf(h.messages, 'status')!.status).toBe('paused');
  });
});

describe('EngineHost: a lost GPU device', () => {
  it('moves the run to WebGL from the last checkpoint and says so', async () => {
    const h = hostHarness();
    await h.init(configOf(`${SMALL}&backend=webgpu`));
    await h.host.receive({ type: 'play' });
    await waitFor(() => stepOf(h) >= 10);
    h.lose();
    await waitFor(() => ofType(h.messages, 'backend').length === 1);
    await h.host.receive({ type: 'pause' });
    expect(lastOf(h.messages, 'backend')!.backend.name).toBe('webgl');
    const event = ofType(h.messages, 'events')
      .flatMap((m) => m.events)
      .find((e) => e.kind === 'backend');
    expect(event).toMatchObject({ from: 'webgpu', to: 'webgl' });
    expect(event!.step).toBeGreaterThan(0); // resumed from the checkpoint, not from scratch
  });

  it('during explained slow motion: recovers, and the next explained step works', async () => {
    const h = hostHarness();
    await h.init(configOf(`${SMALL}&backend=webgpu`));
    await h.host.receive({ type: 'explain-step' });
    h.lose();
    await h.host.receive({ type: 'explain-step' });
    await h.host.receive({ type: 'explain-step' });
    expect(lastOf(h.messages, 'backend')!.backend.name).toBe('webgl');
    expect(ofType(h.messages, 'error')).toEqual([]);
    expect(ofType(h.messages, 'explained').length).toBeGreaterThanOrEqual(2);
  });
});

describe('EngineHost: the change schedule', () => {
  const runTo = async (h: ReturnType<typeof hostHarness>, step: number) => {
    await h.host.receive({ type: 'step', count: step - stepOf(h) });
    await waitFor(() => stepOf(h) === step);
  };
  const strip = (rs: { step: number; loss: number; estimators: unknown }[]) =>
    rs.map((r) => ({ step: r.step, loss: r.loss, estimators: r.estimators }));

  it('records a mid-run change in the start; Reset and a fresh engine replay it exactly', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await runTo(h, 6);
    await h.set({ lr: 0.2, bs: 16 });
    const start = lastOf(h.messages, 'config')!.start;
    expect(start.at).toEqual([
      { step: 6, key: 'bs', value: '16' },
      { step: 6, key: 'lr', value: '0.2' },
    ]);
    expect(start.lr).toBe(CONFIG.lr); // the start keeps its own values
    await runTo(h, 14);
    const live = strip(reportsAfterLastReady(h.messages));
    expect(live.map((r) => r.step)).toEqual([0, 2, 4, 6, 8, 10, 12]);

    await h.host.receive({ type: 'reset' });
    await runTo(h, 14);
    expect(strip(reportsAfterLastReady(h.messages))).toEqual(live);
    const events = ofType(h.messages, 'events').flatMap((m) => m.events);
    expect(events.filter((e) => e.kind === 'change' && e.step === 6)).toHaveLength(4);

    const other = hostHarness(); // as a shared link would: the start with its schedule
    await other.init(start);
    await runTo(other, 14);
    expect(strip(reportsAfterLastReady(other.messages))).toEqual(live);
    // The replayed change is echoed, so the controls show what is in effect.
    expect(lastOf(other.messages, 'config')!.config).toMatchObject({ lr: 0.2, bs: 16 });
  });

  it('a change at step 0 changes the start itself; a restart clears the schedule', async () => {
    const h = hostHarness();
    await h.init(CONFIG);
    await h.set({ lr: 0.3 });
    expect(lastOf(h.messages, 'config')!.start).toMatchObject({ lr: 0.3, at: [] });
    await runTo(h, 4);
    await h.set({ lr: 0.1 });
    expect(lastOf(h.messages, 'config')!.start.at).toHaveLength(1);
    await h.set({ hidden: [6] });
    expect(lastOf(h.messages, 'ready')!.start).toMatchObject({ lr: 0.1, hidden: [6], at: [] });
  });
});
