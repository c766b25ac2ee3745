import type { ConfigProblem } from '../../core/config/codec';

/** Messages listed in full; more are counted ("and 40 more"). */
export const MAX_LISTED = 20;

/** The distinct keys of the problems, in order (what the compact notice names). */
export function problemKeys(problems: readonly ConfigProblem[]): string[] {
  return [...new Set(problems.map((p) => p.key))];
}

function Messages({ problems }: { problems: readonly ConfigProblem[] }) {
  const more = problems.length - MAX_LISTED;
  return (
    <ul>
      {problems.slice(0, MAX_LISTED).map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
      {more > 0 ? <li>… and {more.toLocaleString('en')} more</li> : null}
    </ul>
  );
}

/** "bs, lr, foo" — every key while few, then how many more. */
function keyList(problems: readonly ConfigProblem[]): string {
  const keys = problemKeys(problems);
  const shown = keys.slice(0, MAX_LISTED).join(', ');
  return keys.length > MAX_LISTED ? `${shown} and ${keys.length - MAX_LISTED} more` : shown;
}

/**
 * Dismissible list of what a link, a file or the resource budget changed, and what was used
 * instead. `compact` (embeds): one line naming the fields, the messages behind a
 * disclosure; announced all the same.
 */
export function ProblemsNotice({
  problems,
  onDismiss,
  compact = false,
}: {
  problems: readonly ConfigProblem[];
  onDismiss: () => void;
  compact?: boolean;
}) {
  if (problems.length === 0) return null;
  const dismiss = (
    <button type="button" onClick={onDismiss} aria-label="Dismiss the notice">
      Dismiss
    </button>
  );
  if (compact)
    return (
      <div className="notice compact" role="alert" data-testid="url-problems">
        <details>
          <summary>Settings adjusted: {keyList(problems)}</summary>
          <Messages problems={problems} />
        </details>
        {dismiss}
      </div>
    );
  return (
    <div className="notice" role="alert" data-testid="url-problems">
      <strong>Some settings were adjusted:</strong>
      <Messages problems={problems} />
      {dismiss}
    </div>
  );
}
