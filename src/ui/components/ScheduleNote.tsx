import type { Config } from '../../core/config/schema';

/**
 * The changes recorded in the run's schedule (`at=`), which Reset and a shared link replay,
 * and the way to start afresh from the settings in effect now instead.
 */
export function ScheduleNote({
  start,
  onStartAfresh,
}: {
  start: Config | null;
  onStartAfresh: () => void;
}) {
  if (!start || start.at.length === 0) return null;
  const shown = start.at.slice(0, 4).map((c) => `step ${c.step}: ${c.key} → ${c.value}`);
  const more = start.at.length - shown.length;
  return (
    <p className="schedule-note" data-testid="schedule-note">
      Recorded changes (replayed by Reset and by the link): {shown.join('; ')}
      {more > 0 ? `; and ${more} more` : ''}.{' '}
      <button type="button" onClick={onStartAfresh}>
        Start afresh from the current settings
      </button>
    </p>
  );
}
