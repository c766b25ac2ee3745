import type { Command, EngineMessage } from '../engine/protocol';

/**
 * The UI's handle on the training worker. Only protocol types cross this boundary; the
 * worker module itself is never imported by the UI (Squoosh-style typed boundary).
 */
export class EngineClient {
  private readonly worker: Worker;

  constructor(onMessage: (msg: EngineMessage) => void, onCrash: (message: string) => void) {
    this.worker = new Worker(new URL('../engine/worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<EngineMessage>) => onMessage(e.data);
    this.worker.onerror = (e) => onCrash(e.message || 'the training worker failed to start');
  }

  send(cmd: Command): void {
    this.worker.postMessage(cmd);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
