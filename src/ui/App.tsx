import { useCallback, useEffect, useRef, useState } from 'react';
import { parse, serialize, type Problem } from '../core/config/codec';
import { fieldOf, type Config } from '../core/config/schema';
import { ControlsPanel } from './controls/ControlsPanel';
import { BackendBadge } from './components/BackendBadge';
import { EventLog } from './components/EventLog';
import { PresetMenu } from './components/PresetMenu';
import { ProblemsNotice } from './components/ProblemsNotice';
import { ShareButton } from './components/ShareButton';
import { Transport } from './components/Transport';
import { installGvp } from './gvp';
import { ChartsPanel } from './panels/ChartsPanel';
import { ExplainStrip } from './explain/ExplainStrip';
import { ExportMenu } from './export/ExportMenu';
import { ClusterPanel } from './panels/ClusterPanel';
import { useEngine } from './useEngine';

const SMOOTH_WINDOW = 9;

/** The app shell: the only place that touches `location` (house rule 9). */
export function App() {
  const [initial] = useState(() => parse(location.search));
  const [config, setConfig] = useState<Config>(initial.config);
  const [preset, setPreset] = useState<string | null>(() =>
    new URLSearchParams(location.search).get('preset'),
  );
  const [problems, setProblems] = useState(initial.problems);
  const [smoothed, setSmoothed] = useState(false);
  const { state, send } = useEngine(initial.config);
  const latest = useRef({ state, config });
  useEffect(() => {
    latest.current = { state, config };
  });
  const autoplayed = useRef(false);

  useEffect(() => installGvp(window, () => latest.current), []);
  useEffect(() => {
    const query = serialize(config);
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  }, [config]);
  useEffect(() => {
    if (state.status === 'paused' && config.autoplay && !autoplayed.current && state.backend) {
      autoplayed.current = true;
      send({ type: 'play' });
    }
  }, [state.status, state.backend, config.autoplay, send]);

  const change = useCallback(
    (key: keyof Config, value: Config[keyof Config]) => {
      setConfig((c) => ({ ...c, [key]: value }));
      setPreset(null);
      if (fieldOf(key)?.group !== 'view') send({ type: 'set', patch: { [key]: value } });
    },
    [send],
  );
  const pickPreset = useCallback(
    (name: string) => {
      const next = parse(`preset=${encodeURIComponent(name)}`);
      setConfig(next.config);
      setPreset(name);
      setProblems(next.problems);
      send({ type: 'reset', config: next.config });
    },
    [send],
  );
  const loadConfig = useCallback(
    (next: Config, found: Problem[]) => {
      setConfig(next);
      setPreset(null);
      setProblems(found);
      send({ type: 'reset', config: next });
    },
    [send],
  );
  const epoch = state.reports.at(-1)?.epoch ?? 0;

  return (
    <div className={`app${config.lecture ? ' lecture' : ''}`}>
      <header>
        <h1>Gradient Variance Playground</h1>
        <BackendBadge backend={state.backend} />
        <ShareButton />
        <ExportMenu config={config} preset={preset} state={state} onLoadConfig={loadConfig} />
        <label className="toggle">
          <input
            type="checkbox"
            checked={config.lecture}
            onChange={(e) => change('lecture', e.target.checked)}
          />
          Lecture mode
        </label>
      </header>
      <ProblemsNotice problems={problems} onDismiss={() => setProblems([])} />
      {state.error ? (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      ) : null}
      <PresetMenu current={preset} onPick={pickPreset} />
      <Transport
        status={state.status}
        step={state.step}
        epoch={epoch}
        stepsPerSecond={state.stepsPerSecond}
        onPlay={() => send({ type: 'play' })}
        onPause={() => send({ type: 'pause' })}
        onStep={(count) => send({ type: 'step', count })}
        onReset={() => send({ type: 'reset', config })}
      />
      <main>
        <aside>
          <ControlsPanel config={config} onChange={change} />
        </aside>
        <section className="results">
          <label className="toggle">
            <input
              type="checkbox"
              checked={smoothed}
              onChange={(e) => setSmoothed(e.target.checked)}
            />
            Smooth curves (rolling mean over {SMOOTH_WINDOW} measurements, ±1 std band)
          </label>
          <ChartsPanel
            reports={state.reports}
            events={state.events}
            config={config}
            smoothing={smoothed ? SMOOTH_WINDOW : 0}
            lecture={config.lecture}
          />
          <ExplainStrip config={config} state={state} send={send} />
          <ClusterPanel view={state.clusters} />
          <EventLog events={state.events} problem={state.problem} />
        </section>
      </main>
      <footer>
        Based on Faghri, Duvenaud, Fleet &amp; Ba,{' '}
        <i>A Study of Gradient Variance in Deep Learning</i> (2020),{' '}
        <a href="https://arxiv.org/abs/2007.04532">arXiv 2007.04532</a>.
      </footer>
    </div>
  );
}
