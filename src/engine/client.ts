/**
 * The UI's handle on the engine: the only engine module the UI imports besides the protocol
 * (the lint enforces it). It starts the training worker, sends intents and hands every reply
 * to the UI. The worker modules themselves are never imported by the UI (Squoosh-style typed
 * boundary): they are started from their URLs.
 */
import type { Config } from '../core/config/schema';
import type { Command, EngineMessage, ProbeReply, ProbeRequest } from './protocol';

export interface ClientCallbacks {
  onMessage(msg: EngineMessage): void;
  /** The worker failed to start or crashed (its `error` event). */
  onCrash(message: string): void;
}

export class EngineClient {
  private worker: Worker;
  /** Sequence number of the last configuration command sent (echoed by the engine). */
  private seq = 0;
  private pings = 0;

  constructor(
    private readonly callbacks: ClientCallbacks,
    private readonly dataUrl: string,
    config: Config,
  ) {
    this.worker = this.spawn(config);
  }

  private spawn(config: Config): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<EngineMessage>) => this.callbacks.onMessage(e.data);
    worker.onerror = (e) => this.callbacks.onCrash(e.message || 'the training worker failed');
    worker.postMessage({ type: 'init', config, dataUrl: this.dataUrl, seq: ++this.seq });
    return worker;
  }

  private send(cmd: Command): void {
    this.worker.postMessage(cmd);
  }

  play = (): void => this.send({ type: 'play' });
  pause = (): void => this.send({ type: 'pause' });
  step = (count: number): void => this.send({ type: 'step', count });
  explainStep = (): void => this.send({ type: 'explain-step' });
  /** A fresh run of the configuration the engine holds. */
  reset = (): void => this.send({ type: 'reset' });

  /** A fresh run of `config`; returns the sequence number its echo will carry. */
  load = (config: Config): number => {
    this.send({ type: 'load', config, seq: ++this.seq });
    return this.seq;
  };

  /** Changes some fields; returns the sequence number their echo will carry. */
  set = (patch: Partial<Config>): number => {
    this.send({ type: 'set', patch, seq: ++this.seq });
    return this.seq;
  };

  /** Asks the engine to answer at once (the watchdog); returns the ping's id. */
  ping = (): number => {
    this.send({ type: 'ping', id: ++this.pings });
    return this.pings;
  };

  /** Test hook: destroy the GPU device. */
  simulateDeviceLoss = (): void => this.send({ type: 'simulate-device-loss' });

  /**
   * Terminates the worker (hung, crashed or left in a broken state) and starts a new one
   * running `config`; returns the sequence number of its first `ready`.
   */
  restart(config: Config): number {
    this.worker.terminate();
    this.worker = this.spawn(config);
    return this.seq;
  }

  dispose(): void {
    this.worker.terminate();
  }
}

/**
 * Runs the backend probe worker once (e2e tests and the debug hook): which backend a
 * preference lands on, its adapter and fallbacks, and timings; optionally a device-loss drill.
 */
export function probeBackend(
  request: ProbeRequest,
  timeoutMs = 60_000,
): Promise<Extract<ProbeReply, { ok: true }>> {
  const worker = new Worker(new URL('./backendProbe.worker.ts', import.meta.url), {
    type: 'module',
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<Extract<ProbeReply, { ok: true }>>((resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`backend probe timed out (${request.preference})`)),
      timeoutMs,
    );
    worker.onmessage = (e: MessageEvent<ProbeReply>) =>
      e.data.ok ? resolve(e.data) : reject(new Error(e.data.error));
    worker.onerror = (e) => reject(new Error(`probe worker error: ${e.message}`));
    worker.postMessage(request);
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
