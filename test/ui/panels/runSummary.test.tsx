// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { reactHost } from '../../helpers/reactHost';
import { parse } from '../../../src/core/config/codec';
import type { Report } from '../../../src/core/run/records';
import { ChartReadings } from '../../../src/ui/components/ChartReadings';
import { RunSummary } from '../../../src/ui/panels/RunSummary';

const dom = reactHost();

const report = (step: number): Report => ({
  step,
  epoch: 0,
  lr: 0.1,
  loss: 1,
  acc: 0.5,
  testAcc: 0.5,
  gradNorm2: 1,
  meanExampleGradNorm2: 2,
  bSimple: 1,
  estimators: { 'SG-B': { variance: 2, normalizedVariance: 0.4 } },
});

describe('RunSummary and ChartReadings', () => {
  it('one row per shown estimator, n/a where not formed, the costs and the ratios', () => {
    const config = parse('n=20&bs=12&est=sgb,sg2b').config;
    act(() =>
      dom.root.render(<RunSummary reports={[report(0), report(10)]} config={config} info={null} />),
    );
    const rows = [...dom.host.querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['SG-B', '2.00', '2.00', '0.400', '0.400', '12'],
      ['SG-2B — n/a: 2B = 24 > N = 20', 'n/a', 'n/a', 'n/a', 'n/a', '24'],
    ]);
    expect(dom.host.textContent).toContain('GC / SG-B = n/a');
  });

  it('the two view selects show and change agg and nv', () => {
    const config = parse('agg=total').config;
    const changes: [string, string][] = [];
    act(() =>
      dom.root.render(
        <ChartReadings config={config} onChange={(k, v) => changes.push([k, String(v)])} />,
      ),
    );
    const agg = dom.host.querySelector<HTMLSelectElement>('[data-testid=view-agg]')!;
    const nv = dom.host.querySelector<HTMLSelectElement>('[data-testid=view-nv]')!;
    expect([agg.value, nv.value]).toEqual(['total', 'exact']);
    act(() => {
      nv.value = 'authors';
      nv.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(changes).toEqual([['nv', 'authors']]);
  });
});
