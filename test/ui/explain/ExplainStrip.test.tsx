// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import type { ExplainedStep, Status } from '../../../src/engine/protocol';
import { ExplainStrip } from '../../../src/ui/explain/ExplainStrip';
import { STAGE_MS } from '../../../src/ui/explain/StageList';
import { STEP } from './fixture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const config = parse('bs=4').config;
let root: Root;
let host: HTMLDivElement;

function setReducedMotion(reduce: boolean): void {
  window.matchMedia = ((q: string) => ({
    matches: reduce && q.includes('reduce'),
  })) as unknown as typeof window.matchMedia;
}

function show(explained: ExplainedStep | null, opts: { on?: boolean; status?: Status } = {}) {
  const calls = { toggle: 0, next: 0 };
  act(() =>
    root.render(
      <ExplainStrip
        config={config}
        on={opts.on ?? true}
        status={opts.status ?? 'paused'}
        explained={explained}
        onToggle={() => calls.toggle++}
        onNext={() => calls.next++}
      />,
    ),
  );
  return calls;
}

const $ = (sel: string) => host.querySelector(sel);
const activeStage = () => $('li[aria-current=step]')?.getAttribute('data-stage');
const tick = (ms: number) => act(() => void vi.advanceTimersByTime(ms));

beforeEach(() => {
  vi.useFakeTimers();
  setReducedMotion(false);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

describe('ExplainStrip', () => {
  it('off: only the toggle; on: Next step sends, and is disabled unless paused', () => {
    let calls = show(null, { on: false });
    expect($('[data-testid=explain-next]')).toBeNull();
    act(() => ($('[data-testid=explain-toggle]') as HTMLButtonElement).click());
    expect(calls.toggle).toBe(1);
    calls = show(null);
    act(() => ($('[data-testid=explain-next]') as HTMLButtonElement).click());
    expect(calls.next).toBe(1);
    expect(host.textContent).toContain('Press Next step');
    show(null, { status: 'playing' });
    expect(($('[data-testid=explain-next]') as HTMLButtonElement).disabled).toBe(true);
    expect(host.textContent).toContain('pause it');
  });

  it('highlights the five stages in turn, one every STAGE_MS, and stops at the last', () => {
    show(STEP);
    const seen = [activeStage()];
    for (let i = 0; i < 5; i++) {
      tick(STAGE_MS);
      seen.push(activeStage());
    }
    expect(seen).toEqual(['batch', 'examples', 'mean', 'variance', 'update', 'update']);
    expect(host.querySelectorAll('li.active')).toHaveLength(1);
  });

  it('a click holds a stage; a new step starts again at ①; replay restarts the cycle', () => {
    show(STEP);
    act(() => (host.querySelectorAll('h4 button')[3] as HTMLButtonElement).click());
    expect(activeStage()).toBe('variance');
    tick(5 * STAGE_MS);
    expect(activeStage()).toBe('variance'); // held
    show({ ...STEP, step: 13 });
    expect(activeStage()).toBe('batch');
    tick(STAGE_MS);
    expect(activeStage()).toBe('examples');
    act(() => ($('.explain-replay') as HTMLButtonElement).click());
    expect(activeStage()).toBe('batch');
  });

  it('with reduced motion, nothing moves by itself', () => {
    setReducedMotion(true);
    show(STEP);
    tick(10 * STAGE_MS);
    expect(activeStage()).toBe('batch');
    act(() => (host.querySelectorAll('h4 button')[4] as HTMLButtonElement).click());
    expect(activeStage()).toBe('update');
  });

  it('draws B entries in each picture, marking the example outside the pool', () => {
    show(STEP);
    const chips = host.querySelectorAll('[data-testid=explain-batch] li');
    expect([...chips].map((c) => c.textContent)).toEqual(['#4', '#9', '#1', '#7']);
    expect([...chips].map((c) => c.classList.contains('outside'))).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(host.querySelectorAll('[data-testid=explain-bars] rect')).toHaveLength(4);
    // The tallest bar is the largest ‖g_i‖ (2, the fourth example).
    const heights = [...host.querySelectorAll('[data-testid=explain-bars] rect')].map((r) =>
      Number(r.getAttribute('height')),
    );
    expect(heights.indexOf(Math.max(...heights))).toBe(3);
    expect(host.querySelectorAll('[data-testid=explain-plane] path.example')).toHaveLength(4);
    expect(host.querySelectorAll('[data-testid=explain-plane] line[marker-end]')).toHaveLength(2);
  });

  it('says so when the step diverged, and draws no broken picture', () => {
    const bad = { ...STEP, finite: false, meanGradNorm: NaN };
    bad.batch = { ...STEP.batch, plane: STEP.batch.plane.map(() => NaN) };
    show(bad);
    expect($('[role=alert]')!.textContent).toContain('diverged');
    expect($('[data-testid=explain-plane]')).toBeNull();
    expect(host.textContent).toContain('‖ĝ_B‖ = not finite');
  });
});
