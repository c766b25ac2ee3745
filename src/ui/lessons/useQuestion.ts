import { useEffect, useMemo, useRef, useState } from 'react';
import type { Playground } from '../usePlayground';
import type { Lesson, LiveRun } from './types';

/**
 * The question's life on the page: the committed answer (per lesson, for this visit), the
 * trigger applied at its step (once per run: a reset starts afresh), and the run's reveal.
 * Answering starts the run: with a trigger ahead, it first takes exactly the steps up to the
 * trigger's step (a step budget, so the change lands on that step however fast the run is),
 * then applies the trigger and plays on. A run already past that step gets it at once.
 */
export function useQuestion(lesson: Lesson, pg: Playground, run: LiveRun) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const answer = answers[lesson.slug] ?? null;
  const { state, applyPatch, engine } = pg;
  const trigger = lesson.question.trigger;
  const key = trigger ? Object.keys(trigger.patch)[0] : null;
  const triggeredAt = useMemo(() => {
    const e = run.events.find((x) => x.kind === 'change' && x.field === key);
    return e ? e.step : null;
  }, [run.events, key]);
  // The run (state.info changes with every new run) for which the trigger was sent.
  const sentFor = useRef<unknown>(null);
  useEffect(() => {
    if (!trigger || answer === null || triggeredAt !== null) return;
    if (state.step < trigger.at || sentFor.current === state.info) return;
    sentFor.current = state.info;
    applyPatch(trigger.patch);
    if (state.status === 'paused') engine.play();
  }, [trigger, answer, triggeredAt, state.step, state.status, state.info, applyPatch, engine]);
  const reveal = useMemo(
    () => (answer === null ? null : lesson.question.reveal(run)),
    [answer, lesson, run],
  );
  const onAnswer = (choice: string) => {
    setAnswers((a) => ({ ...a, [lesson.slug]: choice }));
    if (state.status !== 'paused') return;
    if (trigger && triggeredAt === null && state.step < trigger.at)
      engine.step(trigger.at - state.step);
    else engine.play();
  };
  return { answer, onAnswer, reveal, triggeredAt };
}
