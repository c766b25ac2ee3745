import { describeClaim } from '../../core/claims/describe';
import { PRESETS } from '../../core/config/presets';

const PAPER = 'https://arxiv.org/abs/2007.04532';

/** The paper's figures in miniature, each with its claim and what to look for. */
export function PresetMenu({
  current,
  onPick,
}: {
  current: string | null;
  onPick: (name: string) => void;
}) {
  const preset = PRESETS.find((p) => p.name === current);
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
      {preset ? (
        <div className="caption" data-testid="preset-caption">
          <p>
            <b>{preset.claim}</b> Look for: {preset.lookFor}{' '}
            <a href={PAPER} target="_blank" rel="noreferrer">
              (Faghri et al. 2020, {preset.paperSection})
            </a>
          </p>
          <details>
            <summary>How this is checked</summary>
            <p>
              Each statement is a test that trains this preset headless (WASM) and checks, on every
              seed listed:
            </p>
            <ul>
              {preset.claims.map((c) => {
                const text = describeClaim(c);
                return <li key={text}>{text}.</li>;
              })}
            </ul>
          </details>
        </div>
      ) : null}
    </div>
  );
}
