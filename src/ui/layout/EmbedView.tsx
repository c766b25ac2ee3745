import { serialize } from '../../core/config/codec';
import { BackendBadge } from '../components/BackendBadge';
import { Transport } from '../components/Transport';
import { ChartsPanel } from '../panels/ChartsPanel';
import { ClusterPanel } from '../panels/ClusterPanel';
import { pagePath } from '../shell/address';
import type { Playground } from '../usePlayground';

/** `embed=1`: the chosen charts and play / reset, for a slide; a link opens the full page. */
export function EmbedView({ pg }: { pg: Playground }) {
  const { config, state, engine } = pg;
  const full = pagePath(serialize({ ...config, embed: false, autoplay: false }));
  return (
    <div className={`app embed${config.lecture ? ' lecture' : ''}`}>
      <section className="embed-bar" aria-label="Run">
        <Transport
          compact
          status={state.status}
          step={state.step}
          epoch={state.reports.at(-1)?.epoch ?? 0}
          stepsPerSecond={state.stepsPerSecond}
          onPlay={engine.play}
          onPause={engine.pause}
          onStep={engine.step}
          onReset={pg.reset}
        />
        <BackendBadge backend={state.backend} />
        <a href={full} target="_blank" rel="noreferrer" className="embed-open">
          Open in the Gradient Variance Playground ↗
        </a>
      </section>
      {state.error ? (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      ) : null}
      <main className="embed-main">
        <h1 className="sr-only">Gradient Variance Playground</h1>
        <ChartsPanel
          reports={pg.shownReports}
          events={state.events}
          config={config}
          smoothing={0}
          lecture={config.lecture}
        />
        {config.charts.includes('clusters') ? <ClusterPanel view={state.clusters} /> : null}
      </main>
    </div>
  );
}
