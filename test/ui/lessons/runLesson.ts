import { parse } from '../../../src/core/config/codec';
import type { EngineEvent, Report } from '../../../src/core/run/records';
import { Session } from '../../../src/engine/session';
import type { Lesson, LiveRun } from '../../../src/ui/lessons/types';

/**
 * Runs a lesson's setup headless as the page would after the student answers: train, apply
 * the question's trigger at its step, train on to `within` steps. Returns the live run.
 */
export async function runLesson(
  lesson: Lesson,
  seed: number,
  plan: Pick<Lesson['question'], 'trigger' | 'within'> = lesson.question,
): Promise<LiveRun> {
  const { config, problems } = parse(`${lesson.setup}&seed=${seed}`);
  if (problems.length) throw new Error(`${lesson.slug}: ${problems[0].message}`);
  const session = new Session(config);
  const reports: Report[] = [];
  const events: EngineEvent[] = [];
  const take = async (steps: number) => {
    const out = await session.advance(steps);
    reports.push(...out.reports);
    events.push(...out.events);
  };
  try {
    const { trigger, within } = plan;
    if (trigger) {
      await take(trigger.at);
      session.set(trigger.patch);
    }
    await take(within - session.step);
    await take(0); // flush the events of the last set()
    return { config: session.config, reports, events, parameters: session.info().parameters };
  } finally {
    session.dispose();
  }
}
