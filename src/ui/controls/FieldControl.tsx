import { useState } from 'react';
import type { Config } from '../../core/config/schema';
import { formatValue, parseValue, type ScalarField } from '../../core/config/values';

/** The controls edit scalar and list fields (the change schedule is recorded, not edited). */
type Field = ScalarField;

interface Props {
  field: Field;
  value: Config[keyof Config];
  onChange: (value: Config[keyof Config]) => void;
}

const SLIDER_MAX_SPAN = 5000;

/** Ids shared with ControlsPanel: the field's label and its one-line description. */
export const labelId = (f: Field) => `l-${f.key}`;
export const hintId = (f: Field) => `t-${f.key}`;

/** Slider position for a numeric field: linear, or log10 for log fields (lr). */
function toSlider(f: Field & { min: number; max: number; log?: boolean }, v: number): number {
  return f.log ? Math.log10(v) : v;
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

function NumericControl(p: Props & { field: Field & { min: number; max: number; log?: boolean } }) {
  const { field: f } = p;
  const v = p.value as number;
  const slidable = f.log || f.max - f.min <= SLIDER_MAX_SPAN;
  return (
    <div className="numeric">
      {slidable ? (
        <input
          type="range"
          aria-label={f.label}
          aria-describedby={hintId(f)}
          // A log slider's position is log10(value): screen readers announce the value itself.
          aria-valuetext={formatValue(f, v)}
          min={toSlider(f, f.min)}
          max={toSlider(f, f.max)}
          step={f.kind === 'int' ? 1 : (toSlider(f, f.max) - toSlider(f, f.min)) / 200}
          value={toSlider(f, v)}
          onChange={(e) => {
            const s = Number(e.target.value);
            const raw = f.log ? Number((10 ** s).toPrecision(2)) : s;
            p.onChange(parseValue(f, String(raw), v).value);
          }}
        />
      ) : null}
      <TypedEntry {...p} />
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
