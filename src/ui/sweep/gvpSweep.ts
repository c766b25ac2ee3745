import { serializeSweep } from '../../core/sweep/codec';
import { VERSION } from '../gvp';
import { settled } from './sweepStore';
import type { Sweep } from './useSweep';

/**
 * `window.gvp` in the sweep view (documented in the README): the sweep's progress, its
 * finished runs (the records `npm run sweep` writes) and points. Copies, read-only.
 */
export function installSweepGvp(target: object, read: () => Sweep): void {
  const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const api = Object.freeze({
    version: VERSION,
    view: 'sweep',
    sweep: Object.freeze({
      get status() {
        return read().state.status;
      },
      get total() {
        return read().state.runs.length;
      },
      get done() {
        return settled(read().state);
      },
      get workers() {
        return read().state.workers;
      },
      get query() {
        const s = read();
        return serializeSweep(s.spec, s.view);
      },
      runs: () => copy(read().state.results),
      points: () => copy(read().points),
      errors: () => copy(read().state.errors),
    }),
  });
  Object.defineProperty(target, 'gvp', { value: api, configurable: true, enumerable: false });
}
