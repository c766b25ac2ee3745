/** The course, in order: lesson N of `?lesson=N` is LESSONS[N − 1] (N ≤ LESSON_COUNT). */
import { lesson as variance } from './l1-variance';
import { lesson as batchSize } from './l2-batch-size';
import { lesson as temperature } from './l3-temperature';
import { lesson as signalNoise } from './l4-signal-noise';
import { lesson as clustering } from './l5-clustering';
import { lesson as controlVariates } from './l6-control-variates';
import { lesson as findings } from './l7-findings';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [
  variance,
  batchSize,
  temperature,
  signalNoise,
  clustering,
  controlVariates,
  findings,
];
