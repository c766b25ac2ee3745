import { serialize } from '../../core/config/codec';
import { clustersK, estimatorIds } from '../../core/config/schema';
import { BackendBadge } from '../components/BackendBadge';
import { EngineNotice } from '../components/EngineNotice';
import { EmbedCaption } from '../embed/EmbedCaption';
import { ProblemsNotice } from '../components/ProblemsNotice';
import { ChartsPanel } from '../panels/ChartsPanel';
import { ClusterPanel } from '../panels/ClusterPanel';
import { pagePath } from '../shell/address';
import type { Playground } from '../usePlayground';
import { RunTransport } from './RunTransport';

/** `embed=1`: the chosen charts and play / reset, for a slide; a link opens the full page. */
export function EmbedView({ pg }: { pg: Playground }) {
  const { config, state } = pg;
  const full = pagePath(serialize({ ...config, embed: false, autoplay: false }));
  return (
    <div className={`app embed${config.lecture ? ' lecture' : ''}`}>
      <section className="embed-bar" aria-label="Run">
        <RunTransport pg={pg} compact />
        <BackendBadge backend={state.backend} />
        <a href={full} target="_blank" rel="noreferrer" className="embed-open">
          Open in the Gradient Variance Playground ↗
        </a>
      </section>
      <EmbedCaption preset={pg.preset} changes={pg.presetChanges} />
      <ProblemsNotice compact problems={pg.problems} onDismiss={pg.dismissProblems} />
      <EngineNotice state={state} onRestart={pg.reset} />
      <main className="embed-main">
        <h1 className="sr-only">Gradient Variance Playground</h1>
        <ChartsPanel
          reports={pg.shownReports}
          events={state.events}
          config={config}
          smoothing={0}
          lecture={config.lecture}
          info={state.info}
        />
        {config.charts.includes('clusters') ? (
          <ClusterPanel
            view={state.clusters}
            plane={state.plane}
            clustering={estimatorIds(config).includes('GC')}
            k={clustersK(config)}
            lecture={config.lecture}
          />
        ) : null}
      </main>
    </div>
  );
}
