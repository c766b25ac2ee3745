import { presetLabel, type PresetChange } from '../../core/config/presetChanges';
import { PRESETS } from '../../core/config/presets';

/**
 * The preset inside an embed, in one line (its title, and what was changed), with its claim
 * and what to look for one click away: a slide keeps its room for the charts.
 */
export function EmbedCaption({
  preset,
  changes,
}: {
  preset: string | null;
  changes: readonly PresetChange[];
}) {
  const p = PRESETS.find((q) => q.name === preset);
  if (!p) return null;
  return (
    <details className="embed-caption" data-testid="embed-caption-line">
      <summary>
        <b>{p.title}</b> <span className="muted">{presetLabel(p.name, changes)}</span>
      </summary>
      <p>
        {p.claim} Look for: {p.lookFor} (Faghri et al. 2020, {p.paperSection})
      </p>
    </details>
  );
}
