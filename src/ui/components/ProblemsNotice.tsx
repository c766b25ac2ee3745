import type { ConfigProblem } from '../../core/config/codec';

/** Dismissible list of what the URL got wrong and what was used instead. */
export function ProblemsNotice({
  problems,
  onDismiss,
}: {
  problems: readonly ConfigProblem[];
  onDismiss: () => void;
}) {
  if (problems.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="url-problems">
      <strong>Some settings in the link were adjusted:</strong>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss} aria-label="Dismiss the notice">
        Dismiss
      </button>
    </div>
  );
}
