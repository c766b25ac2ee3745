import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/core/config/codec';
import type { Report } from '../../../src/core/run/records';
import type { RunInfo } from '../../../src/engine/protocol';
import { nvData, varianceData } from '../../../src/ui/state/series';
import { summaryTable } from '../../../src/ui/state/summaryRows';

const info: RunInfo = {
  dataset: 'blobs',
  trainSize: 20,
  testSize: 100,
  poolSize: 20,
  inputDim: 2,
  classes: 2,
  parameters: 6,
};
const pt = (v: number) => ({ variance: v, normalizedVariance: v / 10 });

function report(step: number, sg2b: boolean): Report {
  return {
    step,
    epoch: 0,
    lr: 0.1,
    loss: 1,
    acc: 0.5,
    testAcc: 0.5,
    gradNorm2: 1,
    meanExampleGradNorm2: 2,
    bSimple: 1,
    estimators: { 'SG-B': pt(4), ...(sg2b ? { 'SG-2B': pt(2) } : {}), GC: pt(1) },
    sampled: {
      'SG-B': { ...pt(4.1), normalizedVarianceAuthors: 0.5 },
      GC: { ...pt(1.1), normalizedVarianceAuthors: 0.2 },
    },
  };
}

describe('chart series', () => {
  it('an estimator that cannot be formed is labelled n/a with the reason and has no points', () => {
    const c = parse('n=20&bs=12&est=sgb,sg2b,gc').config; // 2B = 24 > N = 20
    const v = varianceData([report(0, false), report(10, false)], [], c, info);
    const sg2b = v.series.find((s) => s.id === 'SG-2B')!;
    expect(sg2b.label).toBe('SG-2B (n/a: 2B = 24 > N = 20)');
    expect(sg2b.unavailable).toBe(true);
    expect(sg2b.y).toEqual([]);
    expect(v.series.find((s) => s.id === 'SG-B')!.y).toEqual([4, 4]);
  });

  it('agg=total plots d × the mean over coordinates', () => {
    const c = parse('n=20&bs=4&agg=total').config;
    const v = varianceData([report(0, true)], [], c, info);
    expect(v.series.find((s) => s.id === 'GC')!.y).toEqual([6]);
    expect(v.series.find((s) => s.id === 'SG-B')!.unavailable).toBe(false);
  });

  it("nv=authors plots the sampled protocol's authors' NV, with the 1 line and (1 + 1/T)/2", () => {
    const exact = nvData([report(0, true)], [], parse('n=20&bs=4&stats=both').config, info);
    expect(exact.refLines!.map((r) => r.y)).toEqual([0.5]);
    const c = parse('n=20&bs=4&stats=both&nv=authors&estim=4').config;
    const a = nvData([report(0, true)], [], c, info);
    expect(a.series.map((s) => s.id)).toEqual([
      'SG-B-sampled',
      'SG-2B-sampled',
      'GC-sampled',
      'SVRG-sampled',
    ]);
    expect(a.series[0].y).toEqual([0.5]);
    expect(a.refLines!.map((r) => r.y)).toEqual([0.625, 1]);
    // exact statistics only: the authors' NV does not exist, so nothing is plotted
    const none = nvData([report(0, true)], [], parse('n=20&bs=4&nv=authors').config, info);
    expect(none.series).toEqual([]);
  });
});

describe('run summary rows', () => {
  it('late mean and max per estimator, n/a where it cannot be formed, ratios and costs', () => {
    const c = parse('n=20&bs=12&est=sgb,sg2b,gc,svrg&stats=both&pool=20&gcEvery=10').config;
    const t = summaryTable([report(0, false), report(10, false)], c, info)!;
    expect(t.rows.map((r) => [r.id, r.varianceMean, r.cost, r.note])).toEqual([
      ['SG-B', '4.00', '12', undefined],
      ['SG-2B', 'n/a', '24', 'n/a: 2B = 24 > N = 20'],
      ['GC', '1.00', '14', undefined],
      ['SVRG', 'n/a', '24.2', 'not measured yet'],
    ]);
    expect(t.rows[0].nvAuthorsMean).toBe('0.500');
    expect(t.ratios).toEqual([
      { label: 'GC / SG-B', value: '0.250', cost: '1.17×' },
      { label: 'GC / SG-2B', value: 'n/a', cost: '0.58×' },
      { label: 'SVRG / SG-2B', value: 'n/a', cost: '1.01×' },
    ]);
    expect(summaryTable([], c, info)).toBeNull();
  });
});
