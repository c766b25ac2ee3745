/// <reference lib="webworker" />
/**
 * A sweep worker: trains the runs it is sent, one at a time, to their end (sweepRun.ts) and
 * answers each with its summary and reports. The UI runs several (sweepClient.ts), one per
 * core. Backend: a sweep's `auto` means WASM here (many small runs spread over CPU cores;
 * several workers sharing one GPU gain little), an explicit backend is honoured.
 */
import type { Dataset } from '../core/data/dataset';
import { decodeMnist } from '../core/data/mnist';
import { summarizeRun } from '../core/run/summary';
import { selectBackend, type BackendInfo } from './backend';
import type { SweepCommand, SweepReply } from './protocol';
import { runToEnd } from './sweepRun';

declare const self: DedicatedWorkerGlobalScope;

let backend: BackendInfo | null = null;
let mnist: Dataset | null = null;

async function loadMnist(url: string): Promise<Dataset> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not load ${url}: HTTP ${res.status}`);
  return decodeMnist(await res.arrayBuffer());
}

async function run(cmd: SweepCommand): Promise<SweepReply> {
  try {
    const pref = cmd.config.backend === 'auto' ? 'wasm' : cmd.config.backend;
    backend ??= await selectBackend(pref);
    if (cmd.config.data === 'mnist') mnist ??= await loadMnist(cmd.dataUrl);
    const out = (await runToEnd(cmd.config, cmd.config.data === 'mnist' ? mnist! : undefined))!;
    const { config, steps, diverged, reports } = out;
    const summary = summarizeRun(reports);
    return {
      type: 'sweep-done',
      index: cmd.index,
      backend: backend.name,
      config,
      steps,
      diverged,
      summary,
      reports,
    };
  } catch (e) {
    return {
      type: 'sweep-error',
      index: cmd.index,
      message: e instanceof Error ? e.message : String(e),
    };
  }
}

self.onmessage = (e: MessageEvent<SweepCommand>) => {
  if (e.data.type === 'sweep-run') void run(e.data).then((reply) => self.postMessage(reply));
};
