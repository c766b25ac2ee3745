import { memo } from 'react';
import type { Config, Field, Group } from '../../core/config/schema';
import { FIELDS } from '../../core/config/schema';
import type { ScalarField } from '../../core/config/values';
import { FieldControl, hintId, labelId } from './FieldControl';
import { TemperatureReadout } from './TemperatureReadout';

const GROUPS: { group: Group; title: string }[] = [
  { group: 'data', title: 'Data' },
  { group: 'model', title: 'Model' },
  { group: 'optimiser', title: 'Optimiser' },
  { group: 'estimators', title: 'Estimators' },
  { group: 'measurement', title: 'Measurement' },
  { group: 'run', title: 'Run' },
];

/** Lecture mode keeps the controls a class talks about: data, model size and SGD's knobs. */
export const LECTURE_ESSENTIALS: readonly (keyof Config)[] = [
  'data',
  'hidden',
  'bs',
  'lr',
  'mom',
  'noise',
  'dup',
  'est',
];

/** Fields that only matter for some settings are hidden otherwise; `hide=` hides any. */
function relevant(f: Field, c: Config): boolean {
  if ((c.hide as string[]).includes(f.key)) return false;
  if (c.lecture && !LECTURE_ESSENTIALS.includes(f.key)) return false;
  switch (f.key) {
    case 'dim':
    case 'th':
      return c.data === 'teacher';
    case 'hidden':
      return c.model !== 'linear';
    case 'estim':
      return c.stats !== 'exact';
    case 'dupPts':
      return c.dup > 0;
    case 'mom':
      return c.opt === 'sgd';
    default:
      return true;
  }
}

interface Props {
  config: Config;
  onChange: (key: keyof Config, value: Config[keyof Config]) => void;
  /** The learning rate in effect now (after any scheduled drop); config.lr by default. */
  lrNow?: number;
}

/** Every control a student should touch, generated from the schema table. */
export const ControlsPanel = memo(function ControlsPanel({ config, onChange, lrNow }: Props) {
  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()} aria-label="Settings">
      {GROUPS.map(({ group, title }) => {
        const fields = FIELDS.filter(
          (f): f is ScalarField =>
            f.group === group && f.kind !== 'schedule' && relevant(f, config),
        );
        if (fields.length === 0) return null;
        return (
          <fieldset key={group}>
            <legend>{title}</legend>
            {fields.map((f) => (
              <div className="field" key={f.key} title={f.tooltip} data-field={f.key}>
                {/* A set of checkboxes is a group named by this label (not a labelable element). */}
                <label htmlFor={f.kind === 'set' ? undefined : `f-${f.key}`} id={labelId(f)}>
                  {f.label}
                  {f.hot ? null : (
                    <span className="reset-mark" title="Changing this restarts the run">
                      <span aria-hidden="true"> ↺</span>
                      <span className="sr-only"> (restarts the run)</span>
                    </span>
                  )}
                </label>
                <FieldControl
                  field={f}
                  value={config[f.key]}
                  onChange={(v) => onChange(f.key, v)}
                  max={f.key === 'bs' ? config.n : undefined}
                />
                <small className="tooltip" id={hintId(f)}>
                  {f.tooltip}
                </small>
                {f.key === 'bs' ? (
                  <TemperatureReadout config={config} lr={lrNow ?? config.lr} />
                ) : null}
              </div>
            ))}
          </fieldset>
        );
      })}
    </form>
  );
});
