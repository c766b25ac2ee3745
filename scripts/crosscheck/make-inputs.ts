/**
 * Writes one gradstats case on real MNIST digits for the PyTorch cross-check
 * (scripts/crosscheck/README.md): model.json, snapshot.json (the model moved by a small random
 * step, as an SVRG snapshot a few steps old), data.json and assignment.json (K clusters).
 *
 *   npx tsx scripts/crosscheck/make-inputs.ts OUT_DIR [N=512] [HIDDEN=64,32] [K=32] [SEED=1]
 */
import * as tf from '@tensorflow/tfjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadMnist } from '../../cli/loadMnist';
import { useNodeBackend } from '../../cli/run';
import { initNetwork } from '../../src/core/model/build';
import type { NetworkSpec } from '../../src/core/model/network';
import { Rng } from '../../src/core/rng';

const [out, nArg = '512', hiddenArg = '64,32', kArg = '32', seedArg = '1'] = process.argv.slice(2);
if (!out) {
  console.error('usage: make-inputs.ts OUT_DIR [N] [HIDDEN] [K] [SEED]');
  process.exit(2);
}
await useNodeBackend('cpu');
const [n, K, seed] = [Number(nArg), Number(kArg), Number(seedArg)];
const rng = new Rng(seed);
const mnist = loadMnist();
// N digits spread over all classes (the file is ordered by digit): every (10000/N)-th one.
const stride = Math.floor(mnist.n / n);
const rows = Array.from({ length: n }, (_, i) => i * stride);
const x = rows.map((r) => Array.from(mnist.x.subarray(r * mnist.dim, (r + 1) * mnist.dim)));
const y = rows.map((r) => mnist.y[r]);
const hidden = hiddenArg.split(',').map(Number);
const arch = {
  kind: 'mlp',
  inputDim: mnist.dim,
  hidden,
  outputs: 10,
  loss: 'softmax-cross-entropy',
} as const;
const net = initNetwork(arch, rng);
const model = await net.toSpec();
net.dispose();
// θ~ = θ + 0.05 · ε · |θ|-scale noise: close to θ, as a snapshot should be.
const snapshot: NetworkSpec = {
  ...model,
  layers: model.layers.map((l) => ({
    ...l,
    weight: l.weight.map((row) => row.map((w) => w + 0.05 * rng.normal() * Math.abs(w))),
    bias: l.bias?.map((b) => b + 0.01 * rng.normal()) ?? null,
  })),
};
// Clusters: class-major with a random split inside each class, all K non-empty.
const assignment = y.map((label, i) => (label * 7 + rng.int(7) + i) % K);
mkdirSync(out, { recursive: true });
const write = (name: string, v: unknown) => writeFileSync(join(out, name), JSON.stringify(v));
write('model.json', model);
write('snapshot.json', snapshot);
write('data.json', { x, y });
write('assignment.json', { assignment, K });
console.log(`wrote ${out}: N=${n}, MLP 784-${hidden.join('-')}-10, K=${K}, seed ${seed}`);
tf.disposeVariables();
