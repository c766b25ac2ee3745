// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import type { Report } from '../../../src/core/run/records';
import { LESSONS } from '../../../src/ui/lessons';
import LessonPanel from '../../../src/ui/lessons/LessonPanel';
import { formulaHtml, inlineHtml, segments } from '../../../src/ui/lessons/tex';
import type { Course } from '../../../src/ui/lessons/useCourse';
import { EMPTY_RUN } from '../../../src/ui/state/runStore';
import type { Playground } from '../../../src/ui/usePlayground';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Every piece of lesson text that may hold TeX. */
function texts(l: (typeof LESSONS)[number]): string[] {
  return [
    ...l.prose,
    ...l.formulas.map((f) => f.caption),
    l.question.prompt,
    ...l.question.choices.map((c) => c.text),
  ];
}

describe('the course typesets', () => {
  it.each(LESSONS.map((l) => [l.slug, l] as const))(
    '%s: every formula, with throwOnError',
    (_, l) => {
      for (const f of l.formulas) expect(() => formulaHtml(f.tex, true), f.tex).not.toThrow();
      for (const t of texts(l)) expect(() => inlineHtml(t), t).not.toThrow();
      // Each lesson has formulas and inline maths in its prose.
      expect(l.formulas.length).toBeGreaterThan(0);
      expect(l.prose.some((p) => segments(p).some((s) => s.math))).toBe(true);
    },
  );

  it('a TeX typo fails instead of reaching the page', () => {
    expect(() => formulaHtml('\\frac{1}{', true)).toThrow();
    expect(() => inlineHtml('an unclosed $x')).toThrow(/unclosed/);
  });
});

let root: Root;
let host: HTMLDivElement;
beforeEach(() => {
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

function fakePlayground(query: string, reports: Report[] = []) {
  const sent: string[] = [];
  const patches: unknown[] = [];
  const pg = {
    config: parse(query).config,
    state: { ...EMPTY_RUN, status: 'paused', reports },
    engine: { play: () => sent.push('play'), step: (n: number) => sent.push(`step ${n}`) },
    applyPatch: (p: unknown) => patches.push(p),
    loadQuery: () => {},
  } as unknown as Playground;
  return { pg, sent, patches };
}

/** The page's visible text: MathML's TeX annotation (for screen readers' copy) left out. */
function visibleText(el: HTMLElement): string {
  const copy = el.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('annotation').forEach((a) => a.remove());
  return copy.textContent ?? '';
}

describe('LessonPanel', () => {
  it('answering a question with a trigger ahead steps the run exactly to it', () => {
    const l = LESSONS[2]; // temperature: B 8 → 32 at step 150
    const { pg, sent } = fakePlayground(`${l.setup}&lesson=3`);
    const course: Course = { index: 3, count: LESSONS.length, lesson: l, open: () => {} };
    act(() => root.render(<LessonPanel pg={pg} course={course} />));
    act(() => host.querySelectorAll<HTMLInputElement>('input[type=radio]')[1].click());
    act(() => host.querySelector<HTMLButtonElement>('[data-testid=lesson-commit]')!.click());
    expect(sent).toEqual(['step 150']);
    expect(host.querySelector('[data-testid=lesson-reveal]')!.textContent).toMatch(
      /At step 150: B 8 → 32/,
    );
  });

  it.each(LESSONS.map((l, i) => [i + 1, l] as const))(
    'lesson %i renders without raw TeX',
    (n, l) => {
      const { pg } = fakePlayground(`${l.setup}&lesson=${n}`);
      const course: Course = { index: n, count: LESSONS.length, lesson: l, open: () => {} };
      act(() => root.render(<LessonPanel pg={pg} course={course} />));
      expect(host.querySelector('h2')!.textContent).toContain(l.title);
      expect(host.querySelectorAll('.katex-display')).toHaveLength(l.formulas.length);
      expect(host.querySelectorAll('.katex').length).toBeGreaterThan(l.formulas.length);
      const text = visibleText(host);
      expect(text).not.toMatch(/\\[a-zA-Z]+|\$|\^\{|_\{/);
      expect(host.querySelectorAll('input[type=radio]')).toHaveLength(l.question.choices.length);
      expect(text).toContain(`Lesson ${n} of ${LESSONS.length}`);
    },
  );

  it('commits a prediction, starts the run, and reveals from the reports', () => {
    const l = LESSONS[1]; // batch size: the answer is readable from any one report
    const report = {
      step: 30,
      estimators: {
        'SG-B': { variance: 2e-4, normalizedVariance: 0.7 },
        'SG-2B': { variance: 0.984e-4, normalizedVariance: 0.6 },
      },
    } as unknown as Report;
    const { pg, sent } = fakePlayground(`${l.setup}&lesson=2`, [report]);
    const course: Course = { index: 2, count: LESSONS.length, lesson: l, open: () => {} };
    act(() => root.render(<LessonPanel pg={pg} course={course} />));
    const commit = host.querySelector<HTMLButtonElement>('[data-testid=lesson-commit]')!;
    expect(commit.disabled).toBe(true);
    act(() => host.querySelectorAll<HTMLInputElement>('input[type=radio]')[0].click());
    act(() => commit.click());
    expect(sent).toEqual(['play']);
    const reveal = host.querySelector('[data-testid=lesson-reveal]')!.textContent!;
    expect(reveal).toContain('You predicted: About the same');
    expect(reveal).toMatch(
      /The run says: About half — not what you predicted\. At step 30, SG-2B\/SG-B = 0\.492/,
    );
    expect(host.querySelector('[data-testid=lesson-notice]')!.textContent).toContain(
      'the formula (without replacement, N = 512, B = 8) gives 0.492',
    );
  });
});
