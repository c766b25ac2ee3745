import { describeClaim } from '../../core/claims/describe';
import { presetLabel, type PresetChange } from '../../core/config/presetChanges';
import { PRESETS, type Preset } from '../../core/config/presets';

const PAPER = 'https://arxiv.org/abs/2007.04532';

/**
 * The paper's figures in miniature, each with its claim and what to look for. A preset whose
 * settings were changed stays chosen, its caption shown, with what was changed and a way back.
 * `folded` (an open lesson, which explains the run itself) keeps the caption one click away.
 */
export function PresetMenu({
  current,
  changes = [],
  onPick,
  folded = false,
}: {
  current: string | null;
  changes?: readonly PresetChange[];
  onPick: (name: string) => void;
  folded?: boolean;
}) {
  const preset = PRESETS.find((p) => p.name === current);
  const caption = preset ? <PresetCaption preset={preset} /> : null;
  return (
    <div className="presets">
      <label htmlFor="preset-select">Paper figure</label>
      <select
        id="preset-select"
        value={current ?? ''}
        onChange={(e) => e.target.value && onPick(e.target.value)}
      >
        <option value="">— choose a preset —</option>
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
      {preset && changes.length > 0 ? (
        <p className="preset-modified" data-testid="preset-modified">
          {presetLabel(preset.name, changes)}{' '}
          <button type="button" onClick={() => onPick(preset.name)} data-testid="preset-restore">
            Restore the preset
          </button>
        </p>
      ) : null}
      {caption && folded ? (
        <details className="caption" data-testid="preset-caption">
          <summary>What this figure shows</summary>
          {caption}
        </details>
      ) : caption ? (
        <div className="caption" data-testid="preset-caption">
          {caption}
        </div>
      ) : null}
    </div>
  );
}

/** The preset's claim with what to look for and the paper's section, and how it is checked. */
function PresetCaption({ preset }: { preset: Preset }) {
  return (
    <>
      <p>
        <b>{preset.claim}</b> Look for: {preset.lookFor}{' '}
        <a href={PAPER} target="_blank" rel="noreferrer">
          (Faghri et al. 2020, {preset.paperSection})
        </a>
      </p>
      <details>
        <summary>How this is checked</summary>
        <p>
          Each statement is a test that trains this preset headless (WASM) and checks, on every seed
          listed:
        </p>
        <ul>
          {preset.claims.map((c) => {
            const text = describeClaim(c);
            return <li key={text}>{text}.</li>;
          })}
        </ul>
      </details>
    </>
  );
}
