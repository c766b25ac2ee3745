import { fieldOf, type Config } from '../../core/config/schema';

type Key = 'nv' | 'agg';

/**
 * How the variance and NV charts read (view keys, they never restart a run): the variance
 * averaged or summed over coordinates (`agg`), the exact or the authors' NV (`nv`). Labels,
 * choices and tooltips come from the schema's field table.
 */
export function ChartReadings({
  config,
  onChange,
}: {
  config: Config;
  onChange: (key: Key, value: Config[Key]) => void;
}) {
  return (
    <>
      {(['agg', 'nv'] as const).map((key) => {
        const f = fieldOf(key)!;
        if (f.kind !== 'enum') return null;
        return (
          <label key={key} className="toggle" title={f.tooltip}>
            {f.label}{' '}
            <select
              value={config[key]}
              onChange={(e) => onChange(key, e.target.value as Config[Key])}
              data-testid={`view-${key}`}
            >
              {f.choices.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </>
  );
}
