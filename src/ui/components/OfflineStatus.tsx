import { useEffect, useState } from 'react';
import {
  whenOfflineReady,
  whenUpdateReady,
  type ApplyUpdate,
} from '../offline/registerServiceWorker';

/**
 * "Available offline", shown once the service worker is active: its install step has cached
 * the app, the worker, the tfjs WASM binaries and the MNIST digits (build/swRuntime.js).
 * When a newer version has been cached meanwhile, a button offers it instead (the running
 * page keeps the old version, and its files, until then). Nothing is shown before, in the
 * dev server, or where service workers are unavailable.
 */
export function OfflineStatus() {
  const [ready, setReady] = useState(false);
  const [update, setUpdate] = useState<{ apply: ApplyUpdate } | null>(null);
  useEffect(() => {
    let live = true;
    void whenOfflineReady().then(() => live && setReady(true));
    whenUpdateReady((apply) => live && setUpdate({ apply }));
    return () => {
      live = false;
    };
  }, []);
  if (update) {
    return (
      <button
        type="button"
        className="badge badge-offline"
        data-testid="update-ready"
        onClick={update.apply}
        title="A newer version of the playground is cached: reload to use it (the setup stays in the link; the run starts again)"
      >
        New version: reload
      </button>
    );
  }
  if (!ready) return null;
  return (
    <span
      className="badge badge-offline"
      role="status"
      data-testid="offline-ready"
      title="The app, its data and the tfjs backends are cached: it keeps working without a network"
    >
      Available offline
    </span>
  );
}
