import { useId, useState } from 'react';
import { Rich } from './Tex';
import type { Question, Reveal } from './types';

interface Props {
  question: Question;
  /** The student's committed choice, or null before they answer. */
  answer: string | null;
  onAnswer: (choice: string) => void;
  /** The run's answer so far (null while it cannot tell yet). */
  reveal: Reveal | null;
  /** Where the run is, and the step at which the trigger was applied (null: not yet). */
  step: number;
  triggeredAt: number | null;
}

/** Predict, then reveal: pick a choice, commit, and the live run answers. */
export function QuestionCard({ question, answer, onAnswer, reveal, step, triggeredAt }: Props) {
  const [picked, setPicked] = useState<string | null>(null);
  const name = useId();
  const textOf = (id: string) => question.choices.find((c) => c.id === id)?.text ?? id;
  return (
    <div className="question" data-testid="lesson-question">
      <p id={`${name}-prompt`}>
        <b>Predict first.</b> <Rich text={question.prompt} />
      </p>
      <fieldset disabled={answer !== null} aria-labelledby={`${name}-prompt`}>
        {question.choices.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="radio"
              name={name}
              value={c.id}
              checked={(answer ?? picked) === c.id}
              onChange={() => setPicked(c.id)}
            />{' '}
            <Rich text={c.text} />
          </label>
        ))}
      </fieldset>
      {answer === null ? (
        <button
          type="button"
          disabled={picked === null}
          onClick={() => picked && onAnswer(picked)}
          data-testid="lesson-commit"
        >
          Lock in my answer and run
        </button>
      ) : (
        <div role="status" data-testid="lesson-reveal">
          <p>
            You predicted: <b>{textOf(answer)}</b>.
          </p>
          {reveal ? (
            <p>
              The run says: <b>{textOf(reveal.choice)}</b>
              {reveal.choice === answer
                ? ' — as you predicted.'
                : ' — not what you predicted.'}{' '}
              {reveal.evidence}
            </p>
          ) : (
            <p className="muted">
              Running, step {step}.{' '}
              {question.trigger
                ? triggeredAt === null
                  ? `At step ${question.trigger.at}: ${question.trigger.says}.`
                  : `Step ${triggeredAt}: ${question.trigger.says}.`
                : null}{' '}
              The answer appears as soon as the measurements can tell.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
