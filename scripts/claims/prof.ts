import { parse } from '../../src/core/config/codec';
import { useNodeBackend } from '../../cli/run';
import { loadMnist } from '../../cli/loadMnist';
import { buildProblem } from '../../src/engine/problem';
import { DeviceData } from '../../src/engine/deviceData';
import { initNetwork } from '../../src/core/model/build';
import { perExample } from '../../src/core/model/backprop';
import { gradientClustering } from '../../src/core/stats/clustering';
import { gradientProjection } from '../../src/core/stats/projection';
import { measure } from '../../src/core/stats/measure';
import { readStats } from '../../src/core/stats/read';
import { Rng } from '../../src/core/rng';

async function main() {
  await useNodeBackend('wasm');
  const q = process.argv[2];
  const { config } = parse(q);
  const problem = buildProblem(config, loadMnist());
  const data = new DeviceData(problem);
  const net = initNetwork(
    {
      kind: 'mlp',
      inputDim: 784,
      hidden: config.hidden,
      outputs: 10,
      loss: 'softmax-cross-entropy',
    },
    new Rng(1),
  );
  const t = () => performance.now();
  let t0 = t();
  const p = perExample(net, data.pool.x, data.pool.y);
  await p.losses.data();
  console.log('perExample', (t() - t0).toFixed(0));
  t0 = t();
  const base = await readStats(
    measure(p, {
      mode: 'exact',
      batch: config.bs,
      replacement: false,
      estimators: ['SG-B', 'SG-2B'],
    }),
  );
  console.log('measure sgb', (t() - t0).toFixed(0));
  for (const iters of [0, 1, 3, 10]) {
    t0 = t();
    const r = await gradientClustering(p.factors, config.k ?? config.bs, {
      iterations: iters,
      rng: new Rng(2),
    });
    console.log(
      'cluster iters',
      iters,
      (t() - t0).toFixed(0),
      'J',
      r.history.map((h) => h.toPrecision(4)).join(' '),
    );
    if (iters === 10) {
      t0 = t();
      const m = await readStats(
        measure(p, {
          mode: 'exact',
          batch: config.bs,
          replacement: false,
          clusters: { assignment: r.assignment, K: r.K },
          estimators: ['GC'],
        }),
      );
      console.log(
        'measure GC',
        (t() - t0).toFixed(0),
        m.estimators.GC!.variance / base.estimators['SG-B']!.variance,
      );
    }
  }
  t0 = t();
  const proj = gradientProjection(p.factors, new Rng(3));
  await proj.data();
  console.log('projection', (t() - t0).toFixed(0));
}
void main();
