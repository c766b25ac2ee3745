import type { Config } from '../../core/config/schema';
import { temperature } from '../../core/train/scaling';

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)).toString() : '∞');

/**
 * SGD's temperature beside the batch-size slider: η/B, and η/(B(1−μ)) with momentum (the
 * noise scale of the update; lessons: "Temperature"). `lr` is the rate in effect (after any
 * drop). Adam has no such readout (its steps are normalised per coordinate).
 */
export function TemperatureReadout({ config, lr }: { config: Config; lr: number }) {
  const t = temperature({ ...config, lr });
  return (
    <small className="temperature" data-testid="temperature">
      {t === null ? (
        'Adam: each weight moves by about η per step, whatever B'
      ) : (
        <>
          Temperature η/B = <b>{fmt(t.perBatch)}</b>
          {config.mom > 0 ? (
            <>
              ; with momentum η/(B(1−μ)) = <b>{fmt(t.withMomentum)}</b>
            </>
          ) : null}
          {config.lock !== 'off' ? ` (lr follows B: ${config.lock})` : null}
        </>
      )}
    </small>
  );
}
