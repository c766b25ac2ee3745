import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../src/engine/host';
import type { EngineMessage } from '../../src/engine/protocol';
import { EMPTY_RUN, reduceRun } from '../../src/ui/state/runStore';

describe('the worker’s tensor memory, for the soak', () => {
  it('a ping is answered at once with tf.memory()’s counts, and the store keeps them', async () => {
    const posted: EngineMessage[] = [];
    const host = new EngineHost({
      post: (m) => posted.push(m),
      selectBackend: () => Promise.reject(new Error('unused')),
      fetchBytes: () => Promise.reject(new Error('unused')),
      yieldToEvents: () => Promise.resolve(),
      now: () => 0,
      watchDeviceLoss: () => () => {},
      loseDevice: () => {},
      tensorMemory: () => ({ numTensors: 12, numBytes: 3456 }),
    });
    await host.receive({ type: 'ping', id: 7 });
    expect(posted).toEqual([{ type: 'pong', id: 7, memory: { numTensors: 12, numBytes: 3456 } }]);
    const s = reduceRun(EMPTY_RUN, posted[0]);
    expect(s.engineMemory).toEqual({ id: 7, numTensors: 12, numBytes: 3456 });
    expect(reduceRun(s, { type: 'pong', id: 8 }).engineMemory).toEqual(s.engineMemory);
  });
});
