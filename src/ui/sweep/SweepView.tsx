import { useEffect, useRef } from 'react';
import { serialize } from '../../core/config/codec';
import { runCount } from '../../core/sweep/spec';
import { pagePath } from '../shell/address';
import { installSweepGvp } from './gvpSweep';
import { SweepClaims } from './SweepClaims';
import { SweepExport } from './SweepExport';
import { SweepForm } from './SweepForm';
import { SweepPlot } from './SweepPlot';
import { SweepProgress } from './SweepProgress';
import { useSweep } from './useSweep';
import './sweep.css';

/**
 * The sweep view (`view=sweep`): many runs of the playground's model, each summarised as the
 * paper does (late mean and max of every estimator's statistics), drawn against the varied
 * key as the paper's curves. A tab beside the playground.
 */
export function SweepView() {
  const sw = useSweep();
  const latest = useRef(sw);
  useEffect(() => {
    latest.current = sw;
  });
  useEffect(() => installSweepGvp(window, () => latest.current), []);
  const playground = pagePath(serialize(sw.spec.base));
  return (
    <div className="app sweep-app">
      <header>
        <h1>Gradient Variance Playground</h1>
        <nav className="tabs" aria-label="Views">
          <a href={playground} data-testid="tab-playground">
            Playground
          </a>
          <span aria-current="page" className="tab-current">
            Sweep
          </span>
        </nav>
        <SweepExport sw={sw} />
      </header>
      {sw.problems.length ? (
        <div className="notice" role="status" data-testid="sweep-problems">
          <ul>
            {sw.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <SweepClaims sw={sw} />
      <SweepForm sw={sw} />
      <SweepProgress
        state={sw.state}
        runs={runCount(sw.spec)}
        canStart={sw.spec.axes.length > 0}
        onStart={sw.start}
        onCancel={sw.cancel}
      />
      <SweepPlot sw={sw} />
    </div>
  );
}
