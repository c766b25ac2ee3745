/**
 * Offline support: the build's service worker (sw.js, written by build/serviceWorker.ts) is
 * registered in production builds only, where the browser has service workers (secure
 * contexts); the dev server has none.
 */
function container(): ServiceWorkerContainer | null {
  return import.meta.env.PROD && navigator.serviceWorker ? navigator.serviceWorker : null;
}

import { reloadPage } from '../shell/address';
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

/** Activates the waiting version; the page reloads once it controls the page. */
export type ApplyUpdate = () => void;

/**
 * Calls onReady once a new version has installed while this page runs the old one (it waits:
 * see build/swRuntime.js). Its apply() asks the new version to take over and reloads the
 * page when it has.
 */
export function whenUpdateReady(onReady: (apply: ApplyUpdate) => void): void {
  const sw = container();
  if (sw) void sw.ready.then((reg) => watchUpdates(sw, reg, onReady, reloadPage));
}

/** The update protocol on a registration (exported for tests with fake workers). */
export function watchUpdates(
  sw: Pick<ServiceWorkerContainer, 'controller' | 'addEventListener'>,
  reg: Pick<ServiceWorkerRegistration, 'waiting' | 'installing' | 'addEventListener'>,
  onReady: (apply: ApplyUpdate) => void,
  reloadPage: () => void,
): void {
  const offer = (next: ServiceWorker) =>
    onReady(() => {
      sw.addEventListener('controllerchange', reloadPage, { once: true });
      next.postMessage('skip-waiting');
    });
  // No controller: the first install, which takes over at once; nothing to offer.
  if (reg.waiting && sw.controller) offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const next = reg.installing;
    next?.addEventListener('statechange', () => {
      if (next.state === 'installed' && sw.controller) offer(next);
    });
  });
}
