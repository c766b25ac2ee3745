import { useState } from 'react';
import { BackendBadge } from '../components/BackendBadge';
import { EngineNotice } from '../components/EngineNotice';
import { EventLog } from '../components/EventLog';
import { OfflineStatus } from '../components/OfflineStatus';
import { PredictToggle } from '../components/PredictToggle';
import { PresetMenu } from '../components/PresetMenu';
import { ProblemsNotice } from '../components/ProblemsNotice';
import { ShareButton } from '../components/ShareButton';
import { ViewTabs } from '../components/ViewTabs';
import { ControlsPanel } from '../controls/ControlsPanel';
import { EmbedDialog } from '../embed/EmbedDialog';
import { ExplainStrip } from '../explain/ExplainStrip';
import { ExportMenu } from '../export/ExportMenu';
import { ChartsPanel } from '../panels/ChartsPanel';
import { ClusterPanel } from '../panels/ClusterPanel';
import { RunSummary } from '../panels/RunSummary';
import { PinnedRuns } from '../pins/PinnedRuns';
import { pageBase } from '../shell/address';
import type { Playground } from '../usePlayground';
import { RunTransport } from './RunTransport';

const SMOOTH_WINDOW = 9;

/** The whole playground: header, presets, transport, controls and results. */
export function FullView({ pg, onHelp }: { pg: Playground; onHelp: () => void }) {
  const { config, state } = pg;
  const [smoothed, setSmoothed] = useState(false);
  const hidden = (key: 'presets' | 'share') => (config.hide as string[]).includes(key);
  return (
    <div className={`app${config.lecture ? ' lecture' : ''}`}>
      <header>
        <h1>Gradient Variance Playground</h1>
        <ViewTabs config={config} />
        <BackendBadge backend={state.backend} />
        <OfflineStatus />
        {hidden('share') ? null : (
          <>
            <ShareButton />
            <ExportMenu
              config={config}
              preset={pg.preset}
              state={state}
              onLoadConfig={pg.loadConfig}
            />
            <EmbedDialog config={config} base={pageBase()} />
          </>
        )}
        <button
          type="button"
          aria-pressed={config.lecture}
          onClick={() => pg.change('lecture', !config.lecture)}
          data-testid="lecture"
          title="Projector layout (L)"
        >
          Lecture mode
        </button>
        <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)">
          Shortcuts (?)
        </button>
      </header>
      <ProblemsNotice problems={pg.problems} onDismiss={pg.dismissProblems} />
      <EngineNotice state={state} onRestart={pg.reset} />
      <section aria-label="Run">
        {hidden('presets') ? null : <PresetMenu current={pg.preset} onPick={pg.pickPreset} />}
        <RunTransport pg={pg} />
      </section>
      <main>
        <aside>
          <ControlsPanel config={config} onChange={pg.change} />
        </aside>
        <section className="results" aria-label="Results">
          <div className="result-tools">
            <label className="toggle">
              <input
                type="checkbox"
                checked={smoothed}
                onChange={(e) => setSmoothed(e.target.checked)}
              />
              Smooth curves (rolling mean over {SMOOTH_WINDOW} measurements, ±1 std band)
            </label>
            <PredictToggle
              hiddenAfter={pg.hiddenAfter}
              hiddenCount={state.reports.length - pg.shownReports.length}
              onToggle={pg.toggleReveal}
            />
            <PinnedRuns
              pins={pg.pins}
              config={config}
              canPin={state.reports.length > 0}
              onPin={pg.pin}
              onClear={pg.clearPin}
            />
          </div>
          <ChartsPanel
            reports={pg.shownReports}
            events={state.events}
            config={config}
            smoothing={smoothed ? SMOOTH_WINDOW : 0}
            lecture={config.lecture}
            info={state.info}
            pins={pg.pins}
          />
          <RunSummary reports={pg.shownReports} config={config} info={state.info} />
          <ExplainStrip
            config={config}
            on={pg.slowMotion}
            status={state.status}
            explained={state.explained}
            onToggle={pg.toggleSlowMotion}
            onNext={() => pg.step(1)}
          />
          {config.charts.includes('clusters') ? (
            <ClusterPanel
              view={state.clusters}
              highlight={pg.slowMotion ? state.explained?.batch.poolIndex : undefined}
            />
          ) : null}
          <EventLog events={state.events} dropped={state.eventsDropped.other} info={state.info} />
        </section>
      </main>
      <footer>
        Based on Faghri, Duvenaud, Fleet &amp; Ba,{' '}
        <i>A Study of Gradient Variance in Deep Learning</i> (2020),{' '}
        <a href="https://arxiv.org/abs/2007.04532">arXiv 2007.04532</a>. Press <kbd>?</kbd> for
        keyboard shortcuts.
      </footer>
    </div>
  );
}
