interface Props {
  /** The step after which curves are hidden, or null when everything is shown. */
  hiddenAfter: number | null;
  /** Measurements taken since the curves were hidden. */
  hiddenCount: number;
  onToggle: () => void;
}

/**
 * Predict, then reveal: freeze what the class sees at the current step, let them predict the
 * rest of the curves, then reveal. The run itself goes on untouched.
 */
export function PredictToggle({ hiddenAfter, hiddenCount, onToggle }: Props) {
  const hiding = hiddenAfter !== null;
  return (
    <div className={`predict${hiding ? ' hiding' : ''}`}>
      {/* Announced once per toggle (also by H), not at every new measurement below. */}
      <span className="sr-only" role="status">
        {hiding ? `Curves hidden after step ${hiddenAfter}.` : ''}
      </span>
      <button type="button" aria-pressed={hiding} onClick={onToggle} data-testid="predict">
        {hiding ? 'Reveal the curves' : 'Predict, then reveal'}
      </button>{' '}
      {hiding ? (
        <span data-testid="predict-note">
          Curves hidden after step <b>{hiddenAfter}</b>: {hiddenCount} new measurement
          {hiddenCount === 1 ? '' : 's'} waiting. What will they show? (H reveals)
        </span>
      ) : (
        <span className="muted">Hide what comes next so the class can predict it first (H).</span>
      )}
    </div>
  );
}
