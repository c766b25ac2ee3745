/**
 * A worker thread of the sweep pool (sweepPool.ts): takes one run at a time, trains it on the
 * tfjs backend its configuration asks for (useNodeBackend: WASM by default), and answers with
 * the run's outcome (no reports: the sweep record keeps only the summary).
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../src/core/data/dataset';
import { runToEnd } from '../src/engine/sweepRun';
import { loadMnist } from './loadMnist';
import { useNodeBackend } from './run';
import { outcomeOf, type PoolReply, type PoolTask } from './sweepPool';

const port = parentPort!;
let mnist: Dataset | undefined;

async function runTask(task: PoolTask): Promise<PoolReply> {
  try {
    const backend = await useNodeBackend(task.config.backend);
    if (task.config.data === 'mnist') mnist ??= loadMnist();
    const out = await runToEnd(task.config, task.config.data === 'mnist' ? mnist : undefined);
    return { type: 'done', index: task.index, outcome: outcomeOf(backend, out!) };
  } catch (e) {
    return {
      type: 'error',
      index: task.index,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}

port.on('message', (task: PoolTask) => {
  void runTask(task).then((reply) => port.postMessage(reply));
});
