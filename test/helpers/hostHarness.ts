import { parse } from '../../src/core/config/codec';
import type { Config } from '../../src/core/config/schema';
import type { Report } from '../../src/core/run/records';
import { EngineHost } from '../../src/engine/host';
import type { HostEnv } from '../../src/engine/hostEnv';
import type { BackendInfo, BackendName, EngineMessage } from '../../src/engine/protocol';

export const SMALL = 'data=xor&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64';

export const configOf = (query: string): Config => parse(query).config;

/**
 * An EngineHost on the CPU backend that records every message it posts and every backend
 * selection. `selectBackend` answers with the requested name (auto → cpu), so tests can see
 * which backend a run was started on; `lose()` fires the device-lost callback as WebGPU would.
 */
export function hostHarness() {
  const messages: EngineMessage[] = [];
  const selections: string[] = [];
  const clock = { frozenAt: null as number | null, scale: 1 };
  let onLost: ((reason: string) => void) | null = null;
  const env: HostEnv = {
    post: (m) => messages.push(m),
    selectBackend: (pref) => {
      selections.push(pref);
      const name: BackendName = pref === 'auto' ? 'cpu' : pref;
      const info: BackendInfo = { name, adapter: 'test', software: true, fallbacks: [] };
      return Promise.resolve(info);
    },
    fetchBytes: () => Promise.reject(new Error('no data in this test')),
    yieldToEvents: () => new Promise((r) => setTimeout(r, 0)),
    // A frozen clock holds results back until the loop stops (as a slow GPU slice does).
    // A scaled clock makes every slice look slow (scale 1000: a 2 ms slice takes 2 s).
    now: () => clock.frozenAt ?? performance.now() * clock.scale,
    watchDeviceLoss: (cb) => {
      onLost = cb;
      return () => (onLost = null);
    },
    loseDevice: () => onLost?.('destroyed by the test'),
  };
  let seq = 0;
  const host = new EngineHost(env);
  return {
    host,
    messages,
    selections,
    clock,
    init: (config: Config) => host.receive({ type: 'init', config, dataUrl: '', seq: ++seq }),
    load: (config: Config) => host.receive({ type: 'load', config, seq: ++seq }),
    set: (patch: Partial<Config>) => host.receive({ type: 'set', patch, seq: ++seq }),
    lose: () => onLost?.('destroyed by the test'),
  };
}

export const ofType = <T extends EngineMessage['type']>(messages: EngineMessage[], type: T) =>
  messages.filter((m): m is Extract<EngineMessage, { type: T }> => m.type === type);

export const lastOf = <T extends EngineMessage['type']>(messages: EngineMessage[], type: T) =>
  ofType(messages, type).at(-1);

export const reportsAfterLastReady = (messages: EngineMessage[]): Report[] => {
  const last = messages.map((m) => m.type).lastIndexOf('ready');
  return messages.slice(last).flatMap((m) => (m.type === 'reports' ? m.reports : []));
};

export const waitFor = async (ok: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
