import { useMemo } from 'react';
import { evaluate } from '../../core/sweep/claims';
import { serializeSweep } from '../../core/sweep/codec';
import { parseSweep } from '../../core/sweep/codec';
import { sweepPreset } from '../../core/sweep/presets';
import type { Sweep } from './useSweep';

const PAPER = 'https://arxiv.org/abs/2007.04532';

/**
 * A sweep preset's caption and claims. Once its own sweep has finished (unmodified), each claim
 * shows whether it held on these runs and what was measured.
 */
export function SweepClaims({ sw }: { sw: Sweep }) {
  const preset = sw.preset ? sweepPreset(sw.preset) : undefined;
  const verdicts = useMemo(() => {
    if (!preset || !sw.ran || sw.state.status !== 'done') return null;
    const own = serializeSweep(parseSweep(`preset=${preset.name}`).spec);
    if (serializeSweep(sw.ran) !== own) return null;
    return preset.claims.map((c) => evaluate(c.check, sw.points, sw.state.results));
  }, [preset, sw.ran, sw.state, sw.points]);
  if (!preset) return null;
  return (
    <div className="sweep-claims" data-testid="sweep-caption">
      <p className="caption">
        <b>{preset.title}.</b> {preset.caption}{' '}
        <a href={PAPER} target="_blank" rel="noreferrer">
          (Faghri et al. 2020, {preset.paperSection})
        </a>
      </p>
      <ul>
        {preset.claims.map((c, i) => {
          const v = verdicts?.[i];
          return (
            <li
              key={i}
              data-testid="sweep-claim"
              data-verdict={v ? (v.pass ? 'holds' : 'fails') : 'pending'}
            >
              {v ? (v.pass ? '✓ ' : '✗ ') : '… '}
              {c.text}
              {v ? <span className="hint"> (measured: {v.seen})</span> : null}
            </li>
          );
        })}
      </ul>
      {verdicts === null ? (
        <p className="hint">Run the sweep unchanged to check each claim on its own runs.</p>
      ) : null}
    </div>
  );
}
