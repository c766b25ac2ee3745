import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LESSON_COUNT } from '../../../src/core/config/schema';
import { LESSONS } from '../../../src/ui/lessons';
import { straddle, variance } from '../../../src/ui/lessons/live';
import { runLesson } from './runLesson';

// A sentence on screen is a claim: every lesson's question expects an answer, and the run it
// sets up must give that answer, read by the same reveal the page uses, on several seeds.
beforeAll(async () => {
  tf.env().set('PROD', true);
  expect(await tf.setBackend('wasm')).toBe(true);
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

const SEEDS = [1, 2, 3];

describe('the course', () => {
  it('has as many lessons as the lesson key allows, with distinct slugs', () => {
    expect(LESSONS.length).toBe(LESSON_COUNT);
    expect(new Set(LESSONS.map((l) => l.slug)).size).toBe(LESSONS.length);
  });
});

describe.each(LESSONS.map((l, i) => [i + 1, l] as const))('lesson %i', (_, lesson) => {
  it.each(SEEDS)(`${lesson.slug}: the run reveals the expected answer (seed %i)`, async (seed) => {
    const run = await runLesson(lesson, seed);
    const reveal = lesson.question.reveal(run);
    expect(reveal, `no answer within ${lesson.question.within} steps`).not.toBeNull();
    expect(lesson.question.choices.map((c) => c.id)).toContain(reveal!.choice);
    expect(reveal!.choice, reveal!.evidence).toBe(lesson.question.expected);
    const sentences = lesson.notice(run);
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of [reveal!.evidence, ...sentences]) {
      expect(s).not.toMatch(/NaN|undefined|Infinity|null/);
    }
  });
});

describe('lesson 2: the slope either side of a batch-size change', () => {
  it.each(SEEDS)('is close to −1 for B 8 → 32 (seed %i)', async (seed) => {
    const lesson = LESSONS[1];
    const trigger = { at: 100, patch: { bs: 32 }, says: '' };
    const run = await runLesson(lesson, seed, { trigger, within: 120 });
    const s = straddle(run, 100)!;
    const slope = Math.log(variance(s.after, 'SG-B')! / variance(s.before, 'SG-B')!) / Math.log(4);
    expect(slope).toBeGreaterThan(-1.3);
    expect(slope).toBeLessThan(-0.8);
    expect(lesson.notice(run).join(' ')).toMatch(/When B went 8 → 32 \(step 100\)/);
  });
});
