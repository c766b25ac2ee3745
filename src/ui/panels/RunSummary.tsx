import { useMemo } from 'react';
import type { Config } from '../../core/config/schema';
import type { Report } from '../../core/run/records';
import type { RunInfo } from '../../engine/protocol';
import { summaryTable } from '../state/summaryRows';

interface Props {
  reports: readonly Report[];
  config: Config;
  info: RunInfo | null;
}

/**
 * Under the charts: the run in a few numbers, as the paper summarises runs (§4.2: mean over
 * the last 70 % and max), with each estimator's cost so that unequal-cost comparisons show.
 */
export function RunSummary({ reports, config, info }: Props) {
  const table = useMemo(() => summaryTable(reports, config, info), [reports, config, info]);
  if (!table) return null;
  const authors = table.rows.some((r) => r.nvAuthorsMean !== undefined);
  const unit = config.agg === 'total' ? 'Σ_j V_j' : '(1/d) Σ_j V_j';
  return (
    <section className="run-summary" aria-label="Run summary" data-testid="run-summary">
      <h3>
        Run summary at step {table.steps} ({table.source}; late mean = mean over the last 70 % of
        training, max = over the whole run)
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Estimator</th>
            <th scope="col">Variance {unit}, late mean</th>
            <th scope="col">Variance, max</th>
            <th scope="col">NV, late mean</th>
            <th scope="col">NV, max</th>
            {authors ? <th scope="col">NV (authors&apos;), late mean</th> : null}
            <th scope="col" title="one example's forward and backward pass = 1">
              Cost (gradient evaluations per estimate)
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                {r.id}
                {r.note ? <span className="muted"> — {r.note}</span> : null}
              </th>
              <td>{r.varianceMean}</td>
              <td>{r.varianceMax}</td>
              <td>{r.nvMean}</td>
              <td>{r.nvMax}</td>
              {authors ? <td>{r.nvAuthorsMean ?? 'n/a'}</td> : null}
              <td>{r.cost}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Late-mean variance ratios:{' '}
        {table.ratios.map((r, i) => (
          <span key={r.label}>
            {i > 0 ? '; ' : ''}
            {r.label} = <b>{r.value}</b> at {r.cost} the cost
          </span>
        ))}
        . SG-B costs B, SG-2B 2B, GC K plus a pass over the pool per re-clustering, SVRG 2B plus a
        pass over the pool per snapshot, both amortised over the steps between refreshes.
      </p>
    </section>
  );
}
