import { LESSONS } from './index';
import type { Course } from './useCourse';

/** Previous / next, where we are, the contents menu and closing the lesson. */
export function CourseNav({ course }: { course: Course }) {
  const { index, count, open } = course;
  return (
    <nav className="course-nav" aria-label="Course">
      <button
        type="button"
        disabled={index <= 1}
        onClick={() => open(index - 1)}
        data-testid="lesson-prev"
      >
        ← Previous
      </button>
      <span data-testid="lesson-position">
        Lesson {index} of {count}
      </span>
      <button
        type="button"
        disabled={index >= count}
        onClick={() => open(index + 1)}
        data-testid="lesson-next"
      >
        Next →
      </button>
      <details className="contents" data-testid="lesson-contents">
        <summary>Contents</summary>
        <ol>
          {LESSONS.map((l, i) => (
            <li key={l.slug}>
              <button
                type="button"
                aria-current={i + 1 === index ? 'page' : undefined}
                onClick={(e) => {
                  e.currentTarget.closest('details')?.removeAttribute('open');
                  open(i + 1);
                }}
              >
                {l.title}
              </button>{' '}
              <span className="muted">{l.summary}</span>
            </li>
          ))}
        </ol>
      </details>
      <button type="button" onClick={() => open(0)} data-testid="lesson-close">
        Close the lesson
      </button>
    </nav>
  );
}
