// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { scheduleDraw } from '../../../src/ui/components/drawQueue';

/** Waits until the queue has had its turns (frames and timeouts). */
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('scheduleDraw', () => {
  it('runs only the newest draw of a target, in its first place in the queue', async () => {
    const ran: string[] = [];
    const a = {};
    const b = {};
    scheduleDraw(a, () => void ran.push('a1'));
    scheduleDraw(b, () => void ran.push('b1'));
    scheduleDraw(a, () => void ran.push('a2'));
    await settle();
    expect(ran).toEqual(['a2', 'b1']);
  });

  it('queues a returned next part at the back; a newer draw replaces a part still waiting', async () => {
    const ran: string[] = [];
    const a = {};
    const b = {};
    scheduleDraw(a, () => {
      ran.push('a: part 1');
      return () => {
        ran.push('a: part 2');
        scheduleDraw(b, () => void ran.push('b: newer'));
      };
    });
    scheduleDraw(b, () => {
      ran.push('b: part 1');
      return () => void ran.push('b: stale part 2');
    });
    await settle();
    expect(ran).toEqual(['a: part 1', 'b: part 1', 'a: part 2', 'b: newer']);
  });
});
