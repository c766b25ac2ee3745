/**
 * Offline support: the build's service worker (build/serviceWorker.ts writes sw.js) is
 * registered in production builds only; the dev server has none.
 */
const supported = () => import.meta.env.PROD && 'serviceWorker' in navigator;

export function registerServiceWorker(): void {
  if (!supported()) return;
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
    console.warn('offline support unavailable:', e);
  });
}

/** Resolves once a service worker is active, i.e. every file is cached (never without one). */
export function whenOfflineReady(): Promise<void> {
  return supported() ? navigator.serviceWorker.ready.then(() => undefined) : new Promise(() => {});
}
