/* The playground's service worker, hand-written. build/serviceWorker.ts prepends the build's
 * manifest to it as sw.js:
 *   const CACHE = 'gvp-<hash of every file's bytes and of this runtime>';
 *   const FILES = ['./index.html', './assets/…', './data/mnist-10k.bin', …];
 * install precaches FILES into CACHE (a new version then waits, see below); activate deletes
 * the older gvp- caches; fetch answers same-origin GETs from CACHE first (network only on a
 * miss), and any navigation to the app (whatever its query string: ?preset=…,
 * ?data=mnist&…) with the cached index.html. */
/* A service worker script: its globals, and the manifest above. */
/* global self, caches, fetch, Request, URL, CACHE, FILES */
const PREFIX = 'gvp-';
const INDEX = './index.html';

// No skipWaiting on install: a new version waits until no page runs the old one (whose
// lazily loaded chunks live only in the old cache, deleted on activate), or until a page asks
// for it ('skip-waiting', the page's "reload for the new version" button).
self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') event.waitUntil(self.skipWaiting());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The app's page: the scope itself or its index.html, with any query string. */
function isAppPage(url) {
  const scope = new URL(self.registration.scope).pathname;
  return url.pathname === scope || url.pathname === `${scope}index.html`;
}

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE);
  // Asset names carry content hashes, so a cached copy is never stale; queries are ignored.
  // ignoreVary: servers answer `Vary: Origin`, and module scripts are requested with an Origin
  // header that addAll's requests lacked.
  const hit = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
  return hit ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const page = request.mode === 'navigate' && isAppPage(url);
  event.respondWith(cacheFirst(request, page ? new URL(INDEX, self.location.href).href : request));
});
