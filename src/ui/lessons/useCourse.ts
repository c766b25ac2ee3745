import { useCallback } from 'react';
import { parse } from '../../core/config/codec';
import type { Playground } from '../usePlayground';
import { LESSONS } from './index';
import type { Lesson } from './types';

export interface Course {
  /** The open lesson's number (1-based), 0 when none is open. */
  index: number;
  count: number;
  lesson: Lesson | null;
  /** Opens lesson k (1..count) with its setup; 0 closes the lesson and keeps the run. */
  open(k: number): void;
}

/** The course's place in the playground: `lesson=N` in the URL, and opening a lesson. */
export function useCourse(pg: Pick<Playground, 'config' | 'change' | 'loadQuery'>): Course {
  const { change, loadQuery } = pg;
  const index = pg.config.lesson;
  const open = useCallback(
    (k: number) => {
      if (k <= 0) return change('lesson', 0);
      const lesson = LESSONS[Math.min(k, LESSONS.length) - 1];
      // The lesson's charts (its setup's, else all of them), whatever the last lesson showed.
      const charts = parse(lesson.setup).config.charts;
      loadQuery(lesson.setup, { lesson: Math.min(k, LESSONS.length), charts });
    },
    [change, loadQuery],
  );
  return { index, count: LESSONS.length, lesson: index > 0 ? LESSONS[index - 1] : null, open };
}
