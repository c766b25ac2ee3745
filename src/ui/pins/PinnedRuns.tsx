import type { Config } from '../../core/config/schema';
import { describeDiff, MAX_PINS, PIN_DASHES, type Pin } from './pins';

interface Props {
  pins: readonly Pin[];
  config: Config;
  canPin: boolean;
  onPin: () => void;
  onClear: (id: number) => void;
}

/** "Pin run" and the pinned runs, each labelled with what differs from the live run. */
export function PinnedRuns({ pins, config, canPin, onPin, onClear }: Props) {
  const full = pins.length >= MAX_PINS;
  const why = full
    ? `At most ${MAX_PINS} pinned runs: clear one first`
    : canPin
      ? 'Keep these curves as faded ghosts to compare with the next run (P)'
      : 'Nothing to pin yet: wait for the first measurement';
  return (
    <div className="pins" role="group" aria-label="Pinned runs">
      <button
        type="button"
        onClick={onPin}
        disabled={full || !canPin}
        title={why}
        data-testid="pin"
      >
        Pin run
      </button>
      {pins.length === 0 ? <span className="muted">{why}</span> : null}
      <ul>
        {pins.map((p, i) => (
          <li key={p.id} data-testid="pinned-run">
            <svg width="24" height="8" aria-hidden="true">
              <line
                x1="0"
                x2="24"
                y1="4"
                y2="4"
                stroke="#444"
                strokeWidth="2"
                strokeDasharray={PIN_DASHES[i % PIN_DASHES.length]}
              />
            </svg>{' '}
            <span className="pin-label">{describeDiff(p.config, config)}</span>{' '}
            <span className="muted">(to step {p.reports.at(-1)?.step ?? 0})</span>
            <button
              type="button"
              className="link"
              onClick={() => onClear(p.id)}
              aria-label={`Clear pinned run ${i + 1}: ${describeDiff(p.config, config)}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
