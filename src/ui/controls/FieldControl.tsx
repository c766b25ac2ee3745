import { useCallback, useEffect, useRef, useState } from 'react';
import type { Config } from '../../core/config/schema';
import { formatValue, parseValue, type ScalarField } from '../../core/config/values';
import {
  arrowStep,
  floatLogScale,
  intLogScale,
  linearScale,
  type SliderScale,
} from './sliderScale';

/** The controls edit scalar and list fields (the change schedule is recorded, not edited). */
type Field = ScalarField;

interface Props {
  field: Field;
  value: Config[keyof Config];
  onChange: (value: Config[keyof Config]) => void;
  /** A tighter upper end for the slider than the field's own (the batch size: N_train). */
  max?: number;
}

const SLIDER_MAX_SPAN = 5000;
/** Integer fields whose slider is logarithmic (B from 1 to N_train spans three decades). */
const INT_LOG_FIELDS: ReadonlySet<string> = new Set(['bs']);
const ARROWS: Record<string, 1 | -1 | undefined> = {
  ArrowRight: 1,
  ArrowUp: 1,
  ArrowLeft: -1,
  ArrowDown: -1,
};

/** Ids shared with ControlsPanel: the field's label and its one-line description. */
export const labelId = (f: Field) => `l-${f.key}`;
export const hintId = (f: Field) => `t-${f.key}`;

type NumericField = Field & { min: number; max: number; log?: boolean };

/** The field's slider scale: integer log (bs), log10 (lr) or linear; `max` caps its top. */
function scaleOf(f: NumericField, max = f.max): SliderScale {
  const top = Math.max(f.min, Math.min(f.max, max));
  if (INT_LOG_FIELDS.has(f.key)) return intLogScale(f.min, top);
  if (f.log) return floatLogScale(f.min, top);
  return linearScale(f.min, top, f.kind === 'int');
}

/** A text box that commits on Enter/blur through the same parser as the URL. */
function TypedEntry({ field, value, onChange }: Props) {
  const shown = value === null ? '' : formatValue(field, value);
  const [draft, setDraft] = useState<string | null>(null); // null: show the current value
  const [problem, setProblem] = useState<string | undefined>();
  const text = draft ?? shown;
  const problemId = `p-${field.key}`;
  const commit = () => {
    if (draft === null) return;
    const r = parseValue(field, draft.trim(), value);
    setProblem(r.problem);
    setDraft(null);
    onChange(r.value);
  };
  return (
    <>
      <input
        id={`f-${field.key}`}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={field.kind === 'optionalInt' ? '= batch size' : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${problemId} ${hintId(field)}` : hintId(field)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      {problem ? (
        <small className="field-problem" id={problemId} role="alert">
          {problem}
        </small>
      ) : null}
    </>
  );
}

/**
 * A slider and its text box. A drag shows its value as it goes but sets it once, on release
 * (pointer up, key up, the native change event), so a drag is one change in the run's log.
 */
function NumericControl(p: Props & { field: NumericField }) {
  const { field: f } = p;
  const v = p.value as number;
  const scale = scaleOf(f, p.max);
  const slidable = f.log || INT_LOG_FIELDS.has(f.key) || f.max - f.min <= SLIDER_MAX_SPAN;
  const [draft, setDraft] = useState<number | null>(null);
  // Read by the release handlers: the drag's value (set in the input handler) and the props.
  const dragged = useRef<number | null>(null);
  const latest = useRef({ v, onChange: p.onChange });
  useEffect(() => {
    latest.current = { v, onChange: p.onChange };
  });
  const commit = useCallback(() => {
    const d = dragged.current;
    if (d === null) return;
    dragged.current = null;
    setDraft(null);
    if (d !== latest.current.v) latest.current.onChange(d);
  }, []);
  const slider = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // React's onChange is the input event (every move); the native change fires on release.
    const el = slider.current;
    el?.addEventListener('change', commit);
    return () => el?.removeEventListener('change', commit);
  }, [commit]);
  const shown = draft ?? v;
  return (
    <div className="numeric">
      {slidable ? (
        <input
          ref={slider}
          type="range"
          aria-label={f.label}
          aria-describedby={hintId(f)}
          // The position is a log for log sliders: screen readers announce the value itself.
          aria-valuetext={formatValue(f, shown)}
          min={scale.min}
          max={scale.max}
          step={scale.step}
          value={scale.toPosition(shown)}
          onChange={(e) => {
            const raw = scale.fromPosition(Number(e.target.value));
            dragged.current = parseValue(f, String(raw), v).value as number;
            setDraft(dragged.current);
          }}
          onKeyDown={(e) => {
            // Integer log sliders: an arrow moves to the next value, not to a position that
            // may round to the same B (the native step); the key's release commits it.
            if (!INT_LOG_FIELDS.has(f.key)) return;
            const dir = ARROWS[e.key];
            if (!dir) return;
            e.preventDefault();
            dragged.current = arrowStep(scale, dragged.current ?? v, dir);
            setDraft(dragged.current);
          }}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
      ) : null}
      <TypedEntry {...p} value={shown} />
    </div>
  );
}

/** One control, chosen by the field's kind in the schema table. */
export function FieldControl(p: Props) {
  const { field: f, value, onChange } = p;
  switch (f.kind) {
    case 'enum':
      return (
        <select
          id={`f-${f.key}`}
          aria-describedby={hintId(f)}
          value={String(value)}
          onChange={(e) => onChange(e.target.value as Config['data'])}
        >
          {f.choices.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      );
    case 'bool':
      return (
        <input
          id={`f-${f.key}`}
          aria-describedby={hintId(f)}
          type="checkbox"
          checked={Boolean(value)}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'set': {
      const set = value as string[];
      return (
        <span
          className="set"
          id={`f-${f.key}`}
          role="group"
          aria-labelledby={labelId(f)}
          aria-describedby={hintId(f)}
        >
          {f.choices.map((c) => (
            <label key={c}>
              <input
                type="checkbox"
                checked={set.includes(c)}
                onChange={(e) =>
                  onChange(
                    f.choices.filter((x) =>
                      x === c ? e.target.checked : set.includes(x),
                    ) as Config['est'],
                  )
                }
              />
              {f.labels?.[c] ?? c}
            </label>
          ))}
        </span>
      );
    }
    case 'int':
    case 'float':
      return <NumericControl {...p} field={f} />;
    case 'intList':
    case 'optionalInt':
      return <TypedEntry {...p} />;
  }
}
