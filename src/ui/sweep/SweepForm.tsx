import { variableKeys, COEF } from '../../core/sweep/axis';
import { COEF_BY } from '../../core/sweep/coef';
import { SWEEP_PRESETS } from '../../core/sweep/presets';
import type { Sweep } from './useSweep';

const KEYS = variableKeys();
const KEY_HELP =
  'Values: a list (8,16,32) or a log range LO..HI:COUNT (2..128:7). coef = trainable parameters / N.';

/** One input with its label; the value is kept as typed. */
function Text(p: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  width?: string;
  placeholder?: string;
}) {
  return (
    <span className="sweep-field">
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        type="text"
        value={p.value}
        placeholder={p.placeholder}
        style={{ width: p.width }}
        onChange={(e) => p.onChange(e.target.value)}
        spellCheck={false}
      />
    </span>
  );
}

function KeySelect(p: {
  id: string;
  label: string;
  value: string;
  none?: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <span className="sweep-field">
      <label htmlFor={p.id}>{p.label}</label>
      <select id={p.id} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {p.none ? <option value="">— none —</option> : null}
        {KEYS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The sweep's set-up: preset, base configuration, varied keys and values, seeds, steps. */
export function SweepForm({ sw }: { sw: Sweep }) {
  const { draft: d, edit } = sw;
  const busy = sw.state.status === 'running';
  const usesCoef = d.key === COEF || d.key2 === COEF;
  return (
    <fieldset className="sweep-form" disabled={busy} aria-label="Sweep set-up">
      <div className="sweep-row">
        <span className="sweep-field">
          <label htmlFor="sweep-preset">Sweep preset</label>
          <select
            id="sweep-preset"
            value={sw.preset ?? ''}
            onChange={(e) => e.target.value && sw.pickPreset(e.target.value)}
          >
            <option value="">— choose a sweep —</option>
            {SWEEP_PRESETS.map((p) => (
              <option key={p.name} value={p.name}>
                {p.title}
              </option>
            ))}
          </select>
        </span>
        <Text
          id="sweep-base"
          label="Base configuration (URL query)"
          value={d.base}
          width="32em"
          onChange={(base) => edit({ base })}
          placeholder="data=teacher&model=rf&hidden=200"
        />
      </div>
      <div className="sweep-row">
        <KeySelect
          id="sweep-key"
          label="Vary (x axis)"
          value={d.key}
          onChange={(key) => edit({ key })}
        />
        <Text
          id="sweep-values"
          label="values"
          value={d.values}
          width="12em"
          onChange={(values) => edit({ values })}
          placeholder="2..128:7"
        />
        <KeySelect
          id="sweep-key2"
          label="and (one line per value)"
          value={d.key2}
          none
          onChange={(key2) => edit({ key2 })}
        />
        {d.key2 ? (
          <Text
            id="sweep-values2"
            label="values"
            value={d.values2}
            width="10em"
            onChange={(values2) => edit({ values2 })}
            placeholder="0.01,0.1"
          />
        ) : null}
        {usesCoef ? (
          <span className="sweep-field">
            <label htmlFor="sweep-coefby">coef sets</label>
            <select
              id="sweep-coefby"
              value={d.coefBy}
              onChange={(e) => edit({ coefBy: e.target.value })}
            >
              {COEF_BY.map((c) => (
                <option key={c} value={c}>
                  {c === 'n' ? 'N (training-set size)' : 'the hidden widths'}
                </option>
              ))}
            </select>
          </span>
        ) : null}
      </div>
      <div className="sweep-row">
        <Text
          id="sweep-seeds"
          label="Seeds per point"
          value={d.seeds}
          width="4em"
          onChange={(seeds) => edit({ seeds })}
        />
        <Text
          id="sweep-seed"
          label="first seed"
          value={d.seed}
          width="6em"
          onChange={(seed) => edit({ seed })}
        />
        <Text
          id="sweep-steps"
          label="Steps per run"
          value={d.steps}
          width="6em"
          onChange={(steps) => edit({ steps })}
        />
        <span className="hint">{KEY_HELP}</span>
      </div>
    </fieldset>
  );
}
