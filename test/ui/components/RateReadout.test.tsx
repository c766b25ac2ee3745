// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reactHost } from '../../helpers/reactHost';
import { RateReadout } from '../../../src/ui/components/RateReadout';

const dom = reactHost();

function show(p: { warming?: string | null; measuring?: number | null }) {
  act(() =>
    dom.root.render(
      <RateReadout
        stepsPerSecond={26.4}
        warming={p.warming ?? null}
        measuring={p.measuring ?? null}
        backend="WASM"
      />,
    ),
  );
}
const text = () => dom.host.textContent;
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

describe('RateReadout', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('the rate, and after 0.4 s of a slow measurement the step it measures, with its time', () => {
    show({});
    expect(text()).toBe('26.4 steps/s');
    show({ measuring: 200 });
    expect(text()).toBe('26.4 steps/s'); // a quick one is not worth a flicker
    wait(2000);
    expect(text()).toBe('26.4 steps/smeasuring step 200… 2 s');
    expect(dom.host.querySelector('[data-testid="measuring"]')!.getAttribute('role')).toBe(
      'status',
    );
    show({ measuring: 250 }); // the next one: its own clock
    wait(500);
    expect(text()).toContain('measuring step 250… 1 s');
    show({});
    expect(text()).toBe('26.4 steps/s');
  });

  it('while warming up: what for and how long, never a frozen 0.0 steps/s', () => {
    show({ warming: 'first measurement' });
    wait(3000);
    expect(text()).toBe('warming up WASM: first measurement… 3 s');
  });
});
