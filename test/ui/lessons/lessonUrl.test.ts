import { describe, expect, it } from 'vitest';
import { parse, serialize } from '../../../src/core/config/codec';
import { LESSON_COUNT } from '../../../src/core/config/schema';
import { parseSweep } from '../../../src/core/sweep/codec';
import { installGvp } from '../../../src/ui/gvp';
import { LESSONS } from '../../../src/ui/lessons';
import { withLessonSetup } from '../../../src/ui/lessons/lessonQuery';
import { EMPTY_RUN } from '../../../src/ui/state/runStore';

describe('lesson=N in the URL', () => {
  it('round-trips every lesson with its setup, and 0 means none', () => {
    for (let n = 1; n <= LESSON_COUNT; n++) {
      const { config, problems } = parse(`${LESSONS[n - 1].setup}&lesson=${n}`);
      expect(problems).toEqual([]);
      expect(config.lesson).toBe(n);
      expect(parse(serialize(config)).config).toEqual(config);
    }
    expect(parse('').config.lesson).toBe(0);
    expect(serialize(parse('lesson=0').config)).toBe('');
  });

  it('clamps a lesson that does not exist and says so', () => {
    const high = parse('lesson=99');
    expect(high.config.lesson).toBe(LESSON_COUNT);
    expect(high.problems[0].message).toMatch(/lesson=99 is above the maximum 7/);
    const bad = parse('lesson=two');
    expect(bad.config.lesson).toBe(0);
    expect(bad.problems[0].message).toMatch(/lesson=two is not a number/);
  });
});

describe('window.gvp.lesson', () => {
  it('is {index, count, title} of the open lesson, or null', () => {
    const target: { gvp?: { lesson: unknown } } = {};
    let config = parse('lesson=3').config;
    installGvp(target, () => ({ state: EMPTY_RUN, config }));
    expect(target.gvp!.lesson).toEqual({
      index: 3,
      count: LESSONS.length,
      title: LESSONS[2].title,
    });
    config = parse('').config;
    expect(target.gvp!.lesson).toBeNull();
  });
});

describe('a URL that names only a lesson', () => {
  it('opens the lesson with its setup; run keys in the URL are kept as they are', () => {
    const l = LESSONS[2];
    const q = withLessonSetup('?lesson=3&lecture=1&backend=wasm');
    expect(q).toBe(`${l.setup}&lesson=3&lecture=1&backend=wasm`);
    const { config, problems } = parse(q);
    expect(problems).toEqual([]);
    expect(config).toEqual({ ...parse(l.setup).config, lesson: 3, lecture: true, backend: 'wasm' });
    expect(withLessonSetup('?lesson=3&bs=64')).toBe('lesson=3&bs=64');
    expect(withLessonSetup('?bs=64')).toBe('bs=64');
    expect(withLessonSetup('?lesson=99')).toBe('lesson=99'); // the codec clamps and reports
    expect(withLessonSetup('')).toBe('');
  });
});

describe('a lesson’s sweep link', () => {
  it('opens a sweep that parses without problems', () => {
    const linked = LESSONS.filter((l) => l.sweep);
    expect(linked.length).toBeGreaterThan(0);
    for (const l of linked) {
      const { spec, problems } = parseSweep(`view=sweep&${l.sweep!.query}`);
      expect(problems).toEqual([]);
      expect(spec.axes.length).toBeGreaterThan(0);
    }
  });
});
