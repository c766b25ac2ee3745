import { useEffect, useState } from 'react';
import { whenOfflineReady } from '../offline/registerServiceWorker';

/**
 * "Available offline", shown once the service worker is active: its install step has cached
 * the app, the worker, the tfjs WASM binaries and the MNIST digits (build/swRuntime.js).
 * Nothing is shown before, in the dev server, or where service workers are unavailable.
 */
export function OfflineStatus() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    void whenOfflineReady().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
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
