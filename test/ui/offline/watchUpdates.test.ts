import { describe, expect, it } from 'vitest';
import { watchUpdates, type ApplyUpdate } from '../../../src/ui/offline/registerServiceWorker';

/** A fake ServiceWorker: its state, the messages posted to it, statechange events. */
class FakeWorker extends EventTarget {
  messages: unknown[] = [];
  constructor(public state: ServiceWorkerState) {
    super();
  }
  postMessage(m: unknown) {
    this.messages.push(m);
  }
  become(state: ServiceWorkerState) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

function setup(opts: { controlled: boolean; waiting?: FakeWorker }) {
  const sw = Object.assign(new EventTarget(), {
    controller: opts.controlled ? ({} as ServiceWorker) : null,
  });
  const reg = Object.assign(new EventTarget(), {
    waiting: (opts.waiting ?? null) as ServiceWorker | null,
    installing: null as ServiceWorker | null,
  });
  const offers: ApplyUpdate[] = [];
  let reloads = 0;
  watchUpdates(
    sw,
    reg,
    (apply) => offers.push(apply),
    () => reloads++,
  );
  /** A new version is found and ends its install in `state`. */
  const install = (next: FakeWorker, state: ServiceWorkerState = 'installed') => {
    reg.installing = next as unknown as ServiceWorker;
    reg.dispatchEvent(new Event('updatefound'));
    next.become(state);
  };
  return { sw, offers, install, reloads: () => reloads };
}

describe('watchUpdates (a new version waits until the page asks for it)', () => {
  it('offers nothing on the first install: that version takes over at once', () => {
    const s = setup({ controlled: false });
    s.install(new FakeWorker('installing'));
    expect(s.offers).toEqual([]);
  });

  it('offers a version that installs while the page runs the old one; apply swaps and reloads', () => {
    const s = setup({ controlled: true });
    const next = new FakeWorker('installing');
    s.install(next);
    expect(s.offers).toHaveLength(1);
    s.offers[0]();
    expect(next.messages).toEqual(['skip-waiting']);
    expect(s.reloads()).toBe(0); // not before the new version controls the page
    s.sw.dispatchEvent(new Event('controllerchange'));
    s.sw.dispatchEvent(new Event('controllerchange'));
    expect(s.reloads()).toBe(1);
  });

  it('offers a version already waiting when the page loads', () => {
    const waiting = new FakeWorker('installed');
    const s = setup({ controlled: true, waiting });
    expect(s.offers).toHaveLength(1);
    s.offers[0]();
    expect(waiting.messages).toEqual(['skip-waiting']);
  });

  it('offers nothing for an install that fails (a file could not be cached)', () => {
    const s = setup({ controlled: true });
    s.install(new FakeWorker('installing'), 'redundant');
    expect(s.offers).toEqual([]);
  });
});
