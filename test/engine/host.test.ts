import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import { EngineHost, type HostEnv } from '../../src/engine/host';
import type { EngineMessage } from '../../src/engine/protocol';
import type { Report } from '../../src/core/run/records';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const CONFIG = parse(
  'data=xor&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64',
).config;

/** A host on the CPU backend that records every message it posts. */
function harness() {
  const messages: EngineMessage[] = [];
  const clock = { frozenAt: null as number | null };
  const env: HostEnv = {
    post: (m) => messages.push(m),
    selectBackend: () =>
      Promise.resolve({ name: 'cpu', adapter: 'test', software: true, fallbacks: [] }),
    fetchBytes: () => Promise.reject(new Error('no data in this test')),
    yieldToEvents: () => new Promise((r) => setTimeout(r, 0)),
    // A frozen clock holds results back until the loop stops (as a slow GPU chunk does).
    now: () => clock.frozenAt ?? performance.now(),
    watchDeviceLoss: () => () => {},
    loseDevice: () => {},
  };
  return { host: new EngineHost(env), messages, clock };
}

const reportsAfterLastReady = (messages: EngineMessage[]): Report[] => {
  const last = messages.map((m) => m.type).lastIndexOf('ready');
  return messages.slice(last).flatMap((m) => (m.type === 'reports' ? m.reports : []));
};

const waitFor = async (ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('EngineHost', () => {
  it('reset while playing: the new run has only its own reports and says it is playing', async () => {
    const { host, messages, clock } = harness();
    await host.receive({ type: 'init', config: CONFIG, dataUrl: '' });
    void host.receive({ type: 'play' });
    await waitFor(() => reportsAfterLastReady(messages).some((r) => r.step >= 40));
    clock.frozenAt = performance.now(); // the old run's latest reports are still unsent
    await host.receive({ type: 'reset', config: CONFIG });
    // Play at once, while the old loop may still be draining: the UI must hear "playing".
    await host.receive({ type: 'play' });
    await new Promise((r) => setTimeout(r, 300));
    clock.frozenAt = null;
    await waitFor(() => reportsAfterLastReady(messages).length >= 3);
    await host.receive({ type: 'pause' });
    const fresh = reportsAfterLastReady(messages);
    expect(fresh[0].step).toBeLessThanOrEqual(CONFIG.every);
    for (let i = 1; i < fresh.length; i++) expect(fresh[i].step).toBeGreaterThan(fresh[i - 1].step);
    const lastReady = messages.map((m) => m.type).lastIndexOf('ready');
    const statuses = messages.slice(lastReady).filter((m) => m.type === 'status');
    expect(statuses.some((m) => m.type === 'status' && m.status === 'playing')).toBe(true);
  });
});
