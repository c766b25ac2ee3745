/**
 * Offline support: the build's service worker (sw.js, written by build/serviceWorker.ts) is
 * registered in production builds only, where the browser has service workers (secure
 * contexts); the dev server has none.
 */
function container(): ServiceWorkerContainer | null {
  return import.meta.env.PROD && navigator.serviceWorker ? navigator.serviceWorker : null;
}

export function registerServiceWorker(): void {
  const sw = container();
  if (!sw) return;
  // Scope: the folder the app is served from, so every ?query URL of the app is covered.
  sw.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
    console.warn('offline support unavailable:', e);
  });
}

/**
 * Resolves once a service worker is active. It activates only after its install step cached
 * every file, so this means the app works offline. Never resolves without one.
 */
export function whenOfflineReady(): Promise<void> {
  const sw = container();
  return sw ? sw.ready.then(() => undefined) : new Promise<void>(() => {});
}
