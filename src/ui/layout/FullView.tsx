import { lazy, Suspense, useState } from 'react';
import { effectiveLr } from '../../core/train/schedule';
import { clustersK, estimatorIds } from '../../core/config/schema';
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
import { Landing } from '../landing/Landing';
import { useLanding } from '../landing/useLanding';
import type { Course } from '../lessons/useCourse';
import { ChartReadings } from '../components/ChartReadings';
import { ChartsPanel } from '../panels/ChartsPanel';
import { ClusterPanel } from '../panels/ClusterPanel';
import { RunSummary } from '../panels/RunSummary';
import { PinnedRuns } from '../pins/PinnedRuns';
import { pageBase } from '../shell/address';
import type { Playground } from '../usePlayground';
import { RunTransport } from './RunTransport';
import { ScheduleNote } from '../components/ScheduleNote';
import { SidePanel } from './SidePanel';

const SMOOTH_WINDOW = 9;
/** Below this window width the settings start folded, so that a phone opens on the charts. */
const FOLD_SETTINGS_BELOW = 700;
/** The lesson view and KaTeX load only when a lesson is opened. */
const LessonPanel = lazy(() => import('../lessons/LessonPanel'));

interface Props {
  pg: Playground;
  course: Course;
  onHelp: () => void;
}

/**
 * The whole playground: header, the course, presets and transport on one bar, then the settings
 * panel beside the results. The results' first screen holds the data view (with slow motion
 * narrated right under the plane) and the four charts; the summary and logs follow below.
 */
export function FullView({ pg, course, onHelp }: Props) {
  const { config, state } = pg;
  const [smoothed, setSmoothed] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(() => window.innerWidth >= FOLD_SETTINGS_BELOW);
  const landing = useLanding();
  const hidden = (key: 'presets' | 'share') => (config.hide as string[]).includes(key);
  const dataView = config.charts.includes('clusters');
  const strip = (
    <ExplainStrip
      config={config}
      on={pg.slowMotion}
      status={state.status}
      explained={state.explained}
      onToggle={pg.toggleSlowMotion}
      onNext={() => pg.step(1)}
    />
  );
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
              presetModified={pg.presetChanges.length > 0}
              state={state}
              onLoadConfig={pg.loadConfig}
            />
            <EmbedDialog config={config} base={pageBase()} preset={pg.preset} />
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
        <button
          type="button"
          aria-pressed={course.index > 0}
          onClick={() => {
            landing.dismiss();
            course.open(course.index > 0 ? 0 : 1);
          }}
          data-testid="course"
          title="A guided course in seven lessons, beside the live playground"
        >
          Course
        </button>
        <button type="button" onClick={onHelp} title="Keyboard shortcuts (?)">
          Shortcuts (?)
        </button>
      </header>
      <ProblemsNotice problems={pg.problems} onDismiss={pg.dismissProblems} />
      <EngineNotice state={state} onRestart={pg.reset} />
      {landing.shown ? (
        <Landing
          onStartCourse={() => {
            landing.dismiss();
            course.open(1);
          }}
          onPreset={(name) => {
            landing.dismiss();
            pg.pickPreset(name);
          }}
          onDismiss={landing.dismiss}
        />
      ) : null}
      {course.lesson ? (
        <Suspense fallback={<p className="muted">Loading the lesson…</p>}>
          <LessonPanel pg={pg} course={course} />
        </Suspense>
      ) : null}
      <section className="runbar" aria-label="Run">
        {hidden('presets') ? null : (
          <PresetMenu
            current={pg.preset}
            changes={pg.presetChanges}
            onPick={pg.pickPreset}
            folded={Boolean(course.lesson)}
          />
        )}
        <RunTransport pg={pg} />
        <ScheduleNote start={state.start} onStartAfresh={pg.startAfresh} />
      </section>
      <main className={`workspace${settingsOpen ? '' : ' side-closed'}`}>
        <SidePanel open={settingsOpen} onToggle={() => setSettingsOpen((o) => !o)}>
          <ControlsPanel
            config={config}
            onChange={pg.change}
            lrNow={effectiveLr(config.lr, config.lrDrop, state.step)}
          />
        </SidePanel>
        <section className="results" aria-label="Results">
          <div className={`stage${dataView ? ' with-data' : ''}`}>
            {dataView ? (
              <div className="data-view" data-testid="data-view">
                <ClusterPanel
                  view={state.clusters}
                  plane={state.plane}
                  clustering={estimatorIds(config).includes('GC')}
                  k={clustersK(config)}
                  highlight={pg.slowMotion ? state.explained?.batch.poolIndex : undefined}
                  lecture={config.lecture}
                >
                  {strip}
                </ClusterPanel>
              </div>
            ) : null}
            <div className="chart-area">
              <div className="result-tools">
                <label className="toggle">
                  <input
                    type="checkbox"
                    checked={smoothed}
                    onChange={(e) => setSmoothed(e.target.checked)}
                  />
                  Smooth curves (rolling mean over {SMOOTH_WINDOW} measurements, ±1 std band)
                </label>
                <ChartReadings config={config} onChange={(key, value) => pg.change(key, value)} />
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
            </div>
          </div>
          {dataView ? null : strip}
          <RunSummary reports={pg.shownReports} config={config} info={state.info} />
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
