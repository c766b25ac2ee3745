import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/core/config/codec';
import { hostHarness } from '../helpers/hostHarness';
import { transferables, type EngineMessage, type ExplainedStep } from '../../src/engine/protocol';
import { useCpu } from '../helpers/coreHarness';

beforeAll(useCpu);

const CONFIG = parse(
  'data=blobs&n=64&hidden=8&bs=8&every=2&k=4&gcEvery=10&svrgEvery=10&pool=64',
).config;

function harness() {
  const h = hostHarness();
  return { host: h.host, messages: h.messages };
}

const explainedOf = (messages: EngineMessage[]): ExplainedStep[] =>
  messages.flatMap((m) => (m.type === 'explained' ? [m.explained] : []));
const lastStatus = (messages: EngineMessage[]) =>
  messages.filter((m) => m.type === 'status').at(-1) as Extract<EngineMessage, { type: 'status' }>;

describe('EngineHost: explain-step', () => {
  it('answers with one explained message and advances exactly one step', async () => {
    const { host, messages } = harness();
    await host.receive({ type: 'init', config: CONFIG, dataUrl: '', seq: 1 });
    await host.receive({ type: 'explain-step' });
    await host.receive({ type: 'explain-step' });
    const e = explainedOf(messages);
    expect(e.map((x) => x.step)).toEqual([0, 1]);
    expect(lastStatus(messages)).toMatchObject({ status: 'paused', step: 2 });
    // The step-0 measurement went out as an ordinary report, before its explanation.
    const types = messages.map((m) => m.type);
    expect(types.indexOf('reports')).toBeLessThan(types.indexOf('explained'));
    // Its arrays are transferred, each its own buffer.
    expect(transferables({ type: 'explained', explained: e[0] })).toHaveLength(6);
  });

  it('waits for steps still running (a press right after a pause is not lost)', async () => {
    const { host, messages } = harness();
    await host.receive({ type: 'init', config: CONFIG, dataUrl: '', seq: 1 });
    void host.receive({ type: 'step', count: 5 }); // the loop runs 5 steps in the background
    await host.receive({ type: 'explain-step' });
    expect(explainedOf(messages).map((x) => x.step)).toEqual([5]);
    expect(lastStatus(messages)).toMatchObject({ status: 'paused', step: 6 });
  });

  it('is ignored while playing', async () => {
    const { host, messages } = harness();
    await host.receive({ type: 'init', config: CONFIG, dataUrl: '', seq: 1 });
    await host.receive({ type: 'play' });
    await host.receive({ type: 'explain-step' });
    await host.receive({ type: 'pause' });
    expect(explainedOf(messages)).toEqual([]);
  });
});
