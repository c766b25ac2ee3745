import { useMemo } from 'react';
import { pagePath } from '../shell/address';
import type { Playground } from '../usePlayground';
import { CourseNav } from './CourseNav';
import { QuestionCard } from './QuestionCard';
import { Formula, Rich } from './Tex';
import type { Course } from './useCourse';
import { useQuestion } from './useQuestion';
import type { Lesson, LiveRun } from './types';
import './lessons.css';

/**
 * One lesson beside the live playground: its text and formulas, the question, what to notice
 * in the run on screen, and buttons to try. In lecture mode it is a slide (↑ / ↓ step lessons).
 */
export default function LessonPanel({ pg, course }: { pg: Playground; course: Course }) {
  const lesson = course.lesson;
  if (!lesson) return null;
  return (
    <section
      className={`lesson${pg.config.lecture ? ' slide' : ''}`}
      aria-labelledby="lesson-title"
      data-testid="lesson"
    >
      <CourseNav course={course} />
      {/* key: a new lesson starts with a fresh question card */}
      <LessonBody key={lesson.slug} lesson={lesson} pg={pg} course={course} />
    </section>
  );
}

function LessonBody({ lesson, pg, course }: { lesson: Lesson; pg: Playground; course: Course }) {
  const { state, config } = pg;
  const run: LiveRun = useMemo(
    () => ({
      config,
      reports: state.reports,
      events: state.events,
      parameters: state.info?.parameters ?? null,
    }),
    [config, state.reports, state.events, state.info],
  );
  const q = useQuestion(lesson, pg, run);
  const notes = useMemo(() => lesson.notice(run), [lesson, run]);
  return (
    <>
      <h2 id="lesson-title">
        {course.index}. {lesson.title}
      </h2>
      {/* On a wide screen the lesson scrolls in its own box, so the charts stay in view. */}
      <div className="lesson-body" tabIndex={0} role="region" aria-label="Lesson text">
        <LessonText lesson={lesson} />
        <div className="lesson-side">
          <QuestionCard
            question={lesson.question}
            answer={q.answer}
            onAnswer={q.onAnswer}
            reveal={q.reveal}
            step={state.step}
            triggeredAt={q.triggeredAt}
          />
          <h3>What to notice</h3>
          {notes.length ? (
            <ul data-testid="lesson-notice">
              {notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">Nothing measured yet: press play (or answer the question).</p>
          )}
          <LessonActions lesson={lesson} pg={pg} course={course} />
        </div>
      </div>
    </>
  );
}

/** The lesson's paragraphs and displayed formulas with their captions. */
function LessonText({ lesson }: { lesson: Lesson }) {
  return (
    <div className="lesson-text">
      {lesson.prose.map((p, i) => (
        <Rich key={i} as="p" text={p} />
      ))}
      {lesson.formulas.map((f, i) => (
        <figure key={i} className="lesson-formula">
          <Formula tex={f.tex} />
          <figcaption>
            <Rich text={f.caption} />
          </figcaption>
        </figure>
      ))}
      <p className="muted source">Sources: {lesson.source}.</p>
    </div>
  );
}

/** Buttons that change the live run (or load another setup), and setting the lesson up again. */
function LessonActions({ lesson, pg, course }: { lesson: Lesson; pg: Playground; course: Course }) {
  return (
    <>
      <h3>Try</h3>
      <div className="lesson-actions">
        {lesson.actions.map((a) => (
          <button
            key={a.label}
            type="button"
            onClick={() =>
              'patch' in a
                ? pg.applyPatch(a.patch)
                : pg.loadQuery(a.query, { lesson: course.index })
            }
          >
            {a.label}
          </button>
        ))}
        <button type="button" onClick={() => course.open(course.index)} data-testid="lesson-setup">
          Set up this lesson’s run again
        </button>
      </div>
      {lesson.sweep ? (
        <p>
          <a href={pagePath(`view=sweep&${lesson.sweep.query}`)} data-testid="lesson-sweep">
            {lesson.sweep.label}
          </a>
        </p>
      ) : null}
    </>
  );
}
