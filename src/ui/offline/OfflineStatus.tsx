import { useEffect, useState } from 'react';
import { whenOfflineReady } from './registerServiceWorker';

/** "Works offline" once the service worker has cached the app and its data. */
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
      data-testid="offline-ready"
      title="The app, its data and the tfjs backends are cached: it keeps working without a network"
    >
      Works offline
    </span>
  );
}
